/**
 * Agents in VS Code, wired in one call from the composition root: the agent guard (policy in globalState, keys in
 * SecretStorage, activity log in global storage, NetSuite through the account registry's clients), the
 * language-model tools for VS Code chat, the MCP endpoint setting and its commands, and the Agent Access and Agent
 * Activity views.
 */
import { join } from 'node:path';
import * as vscode from 'vscode';
import { afterActivation } from '../../app/startup/afterActivation';
import type { AgentIdentity } from '../../agents/agent';
import { createAgentGuard, type AgentGuard } from '../../agents/agentGuard';
import { agentTools } from '../../agents/tools/agentTools';
import { defaultSuiteQLLimits, type SuiteQLLimits } from '../../suiteql/canonicalQuery';
import type { NetSuiteClient } from '../../netsuite/client';
import type { Logger } from '../../netsuite/log';
import type { AccountRegistry } from '../accounts/accountRegistry';
import { SecretStorageStore } from '../accounts/secretStorageStore';
import { registerAccessCommands } from './accessCommands';
import { AccessTreeProvider, accessViewId } from './accessTreeProvider';
import { registerActivityCommands } from './activityCommands';
import { ActivityModel } from './activityModel';
import { ActivityTreeProvider, activityViewId } from './activityTreeProvider';
import { AgentAccessService } from './agentAccessService';
import { windowDialogs, type AgentDialogs } from './agentDialogs';
import { agentWriteConfirmation } from '../../app/agents/agentWriteConfirmation';
import { registerGrantCommands } from './grantCommands';
import { vscodeChatAgent } from '../../app/agents/chatAgent';
import { languageModelTool, registerLanguageModelTools } from './languageModelTools';
import { registerMcpCommands } from './mcpCommands';
import { McpEndpoint } from './mcpEndpoint';
import { registerMcpServerDefinitionProvider, type McpDefinitionRegistration } from './mcpServerDefinitionProvider';
import { registryOperations } from '../../app/agents/registryOperations';

export interface AgentsFeature extends vscode.Disposable {
  readonly guard: AgentGuard;
  /** The identity VS Code chat's tool calls act as. */
  readonly chatAgent: AgentIdentity;
  /** The access view's service (grants), and the view's tree. */
  readonly access: AgentAccessService;
  readonly accessTree: AccessTreeProvider;
  /** The activity view's model (filtered log, newest first), and the view's tree. */
  readonly activity: ActivityModel;
  readonly activityTree: ActivityTreeProvider;
  readonly mcp: McpEndpoint;
  /** The endpoint in VS Code's own MCP list, where that VS Code has one (1.101+); `registered: false` on 1.100. */
  readonly mcpDefinitions: McpDefinitionRegistration;
  /**
   * The dialogs the access commands ask through (VS Code's own): the extension-host suite answers them as a person
   * would, since it cannot press a button in a real dialog.
   */
  readonly dialogs: AgentDialogs;
  /** A language-model tool as registered, e.g. to see the confirmation it would show. */
  languageModelTool(name: string): vscode.LanguageModelTool<object> | undefined;
  /** Resolves once VS Code chat is in the policy and the MCP endpoint matches the settings. */
  readonly ready: Promise<void>;
}

/** `suitelens.agents.suiteql.maxLength` / `maxDepth`, read at every check so a change applies at once. */
function suiteQLLimitsSetting(): SuiteQLLimits {
  const settings = vscode.workspace.getConfiguration('suitelens.agents.suiteql');
  const positive = (value: number | undefined, fallback: number): number => (typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : fallback);
  return {
    maxLength: positive(settings.get<number>('maxLength'), defaultSuiteQLLimits.maxLength),
    maxDepth: positive(settings.get<number>('maxDepth'), defaultSuiteQLLimits.maxDepth),
  };
}

export function registerAgents(context: vscode.ExtensionContext, registry: AccountRegistry<NetSuiteClient>, logger: Logger): AgentsFeature {
  const logDirectory = join(context.globalStorageUri.fsPath, 'agents');
  const dialogs = windowDialogs();
  const operations = registryOperations(registry);
  const writes = agentWriteConfirmation(registry, dialogs);
  // context.extension makes VS Code build its Extension object, 2.7 ms of the activation profile; the version is
  // wanted only when the MCP endpoint starts or VS Code lists its servers, so the options below read it then.
  let version: string | undefined;
  const extensionVersion = (): string => (version ??= String((context.extension.packageJSON as { version?: unknown }).version ?? '0.0.0'));
  const guard = createAgentGuard({
    memento: context.globalState,
    secrets: new SecretStorageStore(context.secrets),
    log: { directory: logDirectory },
    operations,
    get version() {
      return extensionVersion();
    },
    // Agents' SuiteQL is checked in a worker bundled beside the extension, within caps a person may change.
    suiteql: { workerFile: join(context.extensionPath, 'dist', 'suiteql-guard-worker.js'), limits: suiteQLLimitsSetting },
    // Read when asked, so the extension-host suite's answer (set on `dialogs`) is the one used.
    confirmWrite: (question) => writes.confirmWrite(question),
    // Listed on the policy's first read (the access view, a grant, a tool call), not at activation.
    listedAgents: [vscodeChatAgent],
  });

  const access = new AgentAccessService({
    policyStore: guard.policyStore,
    accountIds: () => registry.list().map((profile) => profile.accountId),
    recordTypes: (accountId) => operations.listRecordTypes(accountId),
  });
  const accessTree = new AccessTreeProvider(access, guard.keys);
  const accessView = vscode.window.createTreeView(accessViewId, { treeDataProvider: accessTree, showCollapseAll: true });
  const activity = new ActivityModel(guard.auditLog, logDirectory);
  const activityTree = new ActivityTreeProvider(activity);
  const activityView = vscode.window.createTreeView(activityViewId, { treeDataProvider: activityTree });
  const mcp = new McpEndpoint(guard, logger);
  const showEndpoint = (url: string | undefined): void => {
    accessView.description = url ? `MCP endpoint ${url}` : mcp.heldByRestrictedMode ? 'MCP endpoint off in Restricted Mode' : undefined;
  };

  const ready = (async () => {
    // The endpoint's settings are read after activation, not during it (afterActivation.ts).
    await afterActivation();
    await mcp.apply();
    showEndpoint(mcp.url);
  })();

  const refreshActivity = (): void => activity.refresh();
  const mcpDefinitions = registerMcpServerDefinitionProvider({
    endpoint: mcp,
    keys: guard.keys,
    access,
    get version() {
      return extensionVersion();
    },
    onRefused: (error) => logger.info(`VS Code's MCP server list is not available here; the endpoint is not listed in it (${error instanceof Error ? error.message : String(error)})`),
  });
  const disposables = vscode.Disposable.from(
    registerLanguageModelTools(vscodeChatAgent, guard.invoker, refreshActivity, writes.asksBeforeWrite),
    access,
    accessTree,
    accessView,
    activity,
    activityTree,
    activityView,
    mcp,
    mcpDefinitions,
    mcp.onDidChange(showEndpoint),
    registry.onDidChange(() => accessTree.refresh()),
    registerAccessCommands(access, dialogs),
    registerGrantCommands(access, guard.invoker, dialogs),
    registerActivityCommands(activity, activityView),
    registerMcpCommands(access, guard.keys, mcp),
    vscode.commands.registerCommand('suitelens.agents.refreshAccess', () => accessTree.refresh()),
    { dispose: () => guard.dispose() },
  );

  const tools = new Map(agentTools.map((tool) => [tool.name, languageModelTool(tool, vscodeChatAgent, guard.invoker, refreshActivity, writes.asksBeforeWrite)]));
  return {
    guard,
    chatAgent: vscodeChatAgent,
    access,
    accessTree,
    activity,
    activityTree,
    mcp,
    mcpDefinitions,
    dialogs,
    languageModelTool: (name) => tools.get(name),
    ready,
    dispose: () => disposables.dispose(),
  };
}
