/**
 * SuiteLens's MCP endpoint in VS Code's own MCP server list, where VS Code has that list for extensions
 * (`vscode.lm.registerMcpServerDefinitionProvider` + `contributes.mcpServerDefinitionProviders`, finalised in
 * VS Code 1.101). Our engine floor is 1.100 (@types/vscode 1.100), so the API is found at run time and typed here.
 * VS Code 1.100 already has the function but refuses our registration (it wants the pre-release contribution
 * `modelContextServerCollections`, seen in the host suite): a refusal counts as "not available", so on 1.100 nothing
 * is registered and the endpoint works as before (Copy MCP Configuration).
 *
 * VS Code's MCP client is one agent, "VS Code MCP", with its own grants (none until the person gives some) and its
 * own key, distinct from VS Code chat's language-model tools. It is the agent of this registration: its id is made
 * from the provider's id and has characters no agent id made from a name has, so a person's own MCP agent called
 * "VS Code MCP" (say, created on 1.100 and copied into mcp.json) is never taken over, its key never re-issued here;
 * ours is then named "VS Code MCP (server list)". Its key is issued in `resolveMcpServerDefinition`
 * (VS Code calls it each time it starts the server, i.e. when the person starts it or trusts it), and never in
 * `provideMcpServerDefinitions`, which VS Code calls merely to list servers. The list is refreshed when the
 * endpoint starts, stops or moves, and when that agent's key changes outside this provider (revoked, re-issued),
 * so VS Code drops a definition whose key no longer works.
 * Source: VS Code API reference, "lm.registerMcpServerDefinitionProvider" and "McpHttpServerDefinition".
 */
import * as vscode from 'vscode';
import type { AgentIdentity } from '../../agents/agent';
import type { AgentKeyStore } from '../../agents/mcp/agentKeys';
import type { AgentAccessService } from './agentAccessService';
import type { McpEndpoint } from './mcpEndpoint';

/** Must equal the id under `contributes.mcpServerDefinitionProviders` in package.json. */
export const mcpDefinitionProviderId = 'suitelens.mcpEndpoint';
export const vscodeMcpAgent: AgentIdentity = { id: `(${mcpDefinitionProviderId})`, name: 'VS Code MCP', kind: 'mcp' };
const vscodeMcpAgentOtherName = 'VS Code MCP (server list)';

/** The shape of VS Code's `McpHttpServerDefinition` (1.101+) that we use. */
export interface McpHttpDefinition {
  readonly label: string;
  uri: vscode.Uri;
  headers: Record<string, string>;
  version?: string;
}

interface McpDefinitionProvider {
  readonly onDidChangeMcpServerDefinitions: vscode.Event<void>;
  provideMcpServerDefinitions(token: vscode.CancellationToken): Promise<McpHttpDefinition[]>;
  resolveMcpServerDefinition(server: McpHttpDefinition, token: vscode.CancellationToken): Promise<McpHttpDefinition | undefined>;
}

/** The MCP definition API of the running VS Code; undefined where it is absent (1.100). */
export interface McpDefinitionApi {
  register(id: string, provider: McpDefinitionProvider): vscode.Disposable;
  definition(label: string, uri: vscode.Uri, headers: Record<string, string>, version: string): McpHttpDefinition;
}

type McpHttpDefinitionClass = new (label: string, uri: vscode.Uri, headers?: Record<string, string>, version?: string) => McpHttpDefinition;

export function mcpDefinitionApi(api: typeof vscode = vscode): McpDefinitionApi | undefined {
  const lm = api.lm as unknown as { registerMcpServerDefinitionProvider?: (id: string, provider: McpDefinitionProvider) => vscode.Disposable };
  const definitionClass = (api as unknown as { McpHttpServerDefinition?: McpHttpDefinitionClass }).McpHttpServerDefinition;
  if (typeof lm.registerMcpServerDefinitionProvider !== 'function' || typeof definitionClass !== 'function') return undefined;
  const register = lm.registerMcpServerDefinitionProvider.bind(lm);
  return {
    register,
    definition: (label, uri, headers, version) => new definitionClass(label, uri, headers, version),
  };
}

export interface McpDefinitionDeps {
  readonly endpoint: McpEndpoint;
  readonly keys: AgentKeyStore;
  readonly access: AgentAccessService;
  /** The extension's version: VS Code caches a server's tool list per definition version. */
  readonly version: string;
  /** VS Code has the function but refused the registration (1.100). */
  readonly onRefused?: (error: unknown) => void;
}

/** What registration did, for the extension-host tests that check both branches. */
export interface McpDefinitionRegistration extends vscode.Disposable {
  readonly registered: boolean;
  /** The provider as registered (undefined where the API is absent). */
  readonly provider: McpDefinitionProvider | undefined;
}

const notRegistered: McpDefinitionRegistration = { registered: false, provider: undefined, dispose: () => undefined };

export function registerMcpServerDefinitionProvider(deps: McpDefinitionDeps, api = mcpDefinitionApi()): McpDefinitionRegistration {
  if (!api) return notRegistered;
  const changed = new vscode.EventEmitter<void>();
  /** The key last handed to VS Code; a different key (or none) in the store means the person changed it. */
  let handedOut: string | undefined;

  const provider: McpDefinitionProvider = {
    onDidChangeMcpServerDefinitions: changed.event,
    async provideMcpServerDefinitions() {
      const url = deps.endpoint.url;
      return url ? [api.definition('SuiteLens', vscode.Uri.parse(url), {}, deps.version)] : [];
    },
    async resolveMcpServerDefinition(server) {
      if (!deps.endpoint.url) return undefined; // stopped since it was listed: VS Code shows the server as unavailable
      const agent = await deps.access.ensureReservedAgent(vscodeMcpAgent, vscodeMcpAgentOtherName);
      handedOut = await deps.keys.issue(agent);
      deps.access.keysChanged();
      server.headers = { ...server.headers, Authorization: `Bearer ${handedOut}` };
      return server;
    },
  };

  const keyChangedElsewhere = async (): Promise<void> => {
    if (handedOut === undefined) return;
    if ((await deps.keys.keyOf(vscodeMcpAgent.id)) === handedOut) return;
    handedOut = undefined;
    changed.fire();
  };
  let registered: vscode.Disposable;
  try {
    registered = api.register(mcpDefinitionProviderId, provider);
  } catch (error) {
    deps.onRefused?.(error);
    changed.dispose();
    return notRegistered;
  }
  const registration = vscode.Disposable.from(
    registered,
    deps.endpoint.onDidChange(() => changed.fire()),
    deps.access.onDidChange(() => void keyChangedElsewhere()),
    changed,
  );
  return { registered: true, provider, dispose: () => registration.dispose() };
}
