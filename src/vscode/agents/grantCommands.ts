/**
 * The two ways a person grants what SuiteQL needs without hunting for a switch: "Grant SuiteQL Table…" (any table by
 * name — a family such as `transaction`, or a table that is no record type such as `customerstatus`), and "Grant
 * What This Needed…" on a denied call in Agent Activity, which lists the grants the policy itself says the call
 * lacked. Both end in the same modal question as the switches: the command's arguments only say what to propose,
 * never what to write, so an agent that can run commands cannot widen its own access.
 */
import * as vscode from 'vscode';
import { permissionPhrase, type AccessLevel } from '../../agents/accessLevel';
import { familyDescription } from '../../agents/accessOverview';
import { accountLabel } from '../../agents/accountEnvironment';
import type { AgentIdentity } from '../../agents/agent';
import type { MissingGrant } from '../../agents/policy';
import { grantLabel } from '../../agents/policyEdits';
import { levelsForTable, suiteqlTableNameProblem, tableGrantTarget } from '../../agents/suiteqlTableGrant';
import { tableAccessRule } from '../../agents/suiteqlAccess';
import type { AgentToolInvoker } from '../../agents/toolInvoker';
import { accessQuestion, confirmAccessChange, switchSubject } from '../../app/agents/accessConfirmation';
import { levelNames, type AccessNode } from './accessTreeProvider';
import type { AgentAccessService } from './agentAccessService';
import type { AgentDialogs } from './agentDialogs';
import { isActivityNode } from './activityTreeProvider';

/** The agent and account a tree row is about (an agent row gives the agent only). */
function targetOfNode(value: unknown): { agent?: AgentIdentity; accountId?: string } {
  const node = value as Partial<AccessNode> | null;
  if (typeof node !== 'object' || node === null) return {};
  const agent = (node as { agent?: Partial<AgentIdentity> }).agent;
  if (typeof agent?.id !== 'string' || typeof agent.name !== 'string') return {};
  const accountId = (node as { accountId?: unknown }).accountId;
  return { agent: agent as AgentIdentity, ...(typeof accountId === 'string' ? { accountId } : {}) };
}

/** `transaction` → what its switch covers, for the pick lists. */
function grantDescription(recordType: string): string {
  const rule = tableAccessRule(recordType);
  return rule.kind === 'family' ? familyDescription(rule.family) : `the ${recordType} table`;
}

type GrantPick = vscode.QuickPickItem & { grant: MissingGrant };

export function registerGrantCommands(service: AgentAccessService, invoker: AgentToolInvoker, dialogs: AgentDialogs): vscode.Disposable {
  async function chooseAgent(fromNode: AgentIdentity | undefined): Promise<AgentIdentity | undefined> {
    if (fromNode) return fromNode;
    const agents = await service.agents();
    const pick = await dialogs.showQuickPick(
      agents.map((agent) => ({ label: agent.name, description: agent.kind === 'mcp' ? `MCP · ${agent.id}` : 'language-model tools', agent })),
      { title: 'Grant a SuiteQL table', placeHolder: 'Which agent may read the table?' },
    );
    return pick?.agent;
  }

  async function chooseAccount(agent: AgentIdentity, fromNode: string | undefined): Promise<string | undefined> {
    if (fromNode) return fromNode;
    const accountIds = await service.accountIds(agent.id);
    if (accountIds.length === 0) {
      void dialogs.showInformationMessage('There is no NetSuite account yet — add one or try the demo sandbox.');
      return undefined;
    }
    if (accountIds.length === 1) return accountIds[0];
    const pick = await dialogs.showQuickPick(
      accountIds.map((accountId) => ({ label: accountLabel(accountId), accountId })),
      { title: `Grant a SuiteQL table to ${agent.name}`, placeHolder: 'On which account?' },
    );
    return pick?.accountId;
  }

  async function grantTable(node: unknown): Promise<void> {
    const fromNode = targetOfNode(node);
    const agent = await chooseAgent(fromNode.agent);
    if (!agent) return;
    const accountId = await chooseAccount(agent, fromNode.accountId);
    if (!accountId) return;
    const recordTypes = await service.recordTypes(accountId).catch((): string[] => []);
    const name = await dialogs.showInputBox({
      title: `${agent.name} · SuiteQL table on ${accountLabel(accountId)}`,
      prompt: 'The table a query reads: transaction, item or entity for their whole family, or a table such as customerstatus, term or currency.',
      placeHolder: 'customerstatus',
      validateInput: (text) => {
        const problem = suiteqlTableNameProblem(text);
        if (problem) return problem;
        const target = tableGrantTarget(text, recordTypes);
        if (target.kind === 'grant' && target.family && target.recordType !== target.table) {
          return { message: `${target.table} is read under the '${target.recordType}' switch: ${grantDescription(target.recordType)}.`, severity: vscode.InputBoxValidationSeverity.Info };
        }
        return undefined;
      },
    });
    if (name === undefined) return;
    const target = tableGrantTarget(name, recordTypes);
    if (target.kind !== 'grant') return;
    const current = await service.access(agent.id, accountId, target.recordType);
    const subject = switchSubject(target.recordType, !target.catalogType);
    const pick = await dialogs.showQuickPick(
      levelsForTable(target).map((level) => ({
        label: levelNames[level],
        description: permissionPhrase(level, subject),
        detail: level === current.level ? 'current' : undefined,
        level,
      })),
      { title: `${agent.name} · ${subject} on ${accountLabel(accountId)}`, placeHolder: `Now: ${levelNames[current.level]}. Choose what ${agent.name} may do.` },
    );
    if (!pick) return;
    const level: AccessLevel = pick.level;
    const detail = target.recordType !== target.table ? [`${target.table} is read under the '${target.recordType}' switch.`] : [];
    const question = accessQuestion(agent.name, accountId, [{ recordType: target.recordType, level, tableOnly: !target.catalogType }]);
    if (!(await confirmAccessChange(dialogs, question, accountId, { detail, button: level === 'none' ? 'Switch Off' : undefined }))) return;
    await service.setLevel(agent.id, accountId, target.recordType, level);
  }

  async function grantWhatNeeded(node: unknown): Promise<void> {
    if (!isActivityNode(node) || node.entry.decision !== 'denied') {
      void dialogs.showInformationMessage('Choose a denied call in the Agent Activity view to grant what it needed.');
      return;
    }
    const { entry } = node;
    const agent = await service.agent(entry.agent.id);
    if (!agent) {
      void dialogs.showInformationMessage(`${entry.agent.name} is no longer an agent in SuiteLens: there is nobody to grant access to.`);
      return;
    }
    // Decided again against today's policy with the policy engine's own checks: what is still missing, never what
    // the log line says (a log file is easier to tamper with than globalState).
    const args = entry.query !== undefined && typeof entry.arguments === 'object' && entry.arguments !== null ? { ...entry.arguments, query: entry.query } : entry.arguments;
    const now = await invoker.prepare(agent, entry.tool, args);
    if (now.allowed) {
      void dialogs.showInformationMessage(`${agent.name} may make this call now (${now.reason}). Nothing more to grant.`);
      return;
    }
    const missing = now.missing ?? [];
    if (missing.length === 0) {
      void dialogs.showInformationMessage(`No grant would let this call through — it was ${now.reason}`);
      return;
    }
    const picks: GrantPick[] = missing.map((grant) => ({
      label: grantLabel(grant),
      description: grantDescription(grant.recordType),
      detail: `needed for ${grant.neededFor}`,
      picked: true,
      grant,
    }));
    const chosen = await dialogs.showQuickPick(picks, {
      canPickMany: true,
      title: `Grant what ${agent.name}'s call needed on ${accountLabel(entry.accountId)}`,
      placeHolder: `Choose what to switch on for ${agent.name}`,
    });
    if (!chosen || chosen.length === 0) return;
    const recordTypes = await service.recordTypes(entry.accountId).catch((): string[] => []);
    const changes = chosen.map((pick) => {
      const target = tableGrantTarget(pick.grant.recordType, recordTypes);
      return { recordType: pick.grant.recordType, level: pick.grant.level, tableOnly: target.kind === 'grant' && !target.catalogType };
    });
    if (!(await confirmAccessChange(dialogs, accessQuestion(agent.name, entry.accountId, changes), entry.accountId))) return;
    for (const change of changes) await service.setLevel(agent.id, entry.accountId, change.recordType, change.level);
    void dialogs.showInformationMessage(`Granted ${changes.map(grantLabel).map((label) => `'${label}'`).join(', ')} to ${agent.name}. Ask it to try the call again.`);
  }

  return vscode.Disposable.from(
    vscode.commands.registerCommand('suitelens.agents.grantTable', (node?: unknown) => grantTable(node)),
    vscode.commands.registerCommand('suitelens.agents.grantWhatNeeded', (node?: unknown) => grantWhatNeeded(node)),
  );
}
