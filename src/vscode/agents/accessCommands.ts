/**
 * The commands that change what an agent may do. Each one asks the person in a modal dialog before it writes the
 * policy, and none takes its decision from arguments alone: an agent that can run VS Code commands still cannot
 * widen its own access without a person pressing the button.
 */
import * as vscode from 'vscode';
import { accessLevels, type AccessLevel } from '../../agents/accessLevel';
import { accountEnvironment, accountLabel } from '../../agents/accountEnvironment';
import { describeLevel } from '../../agents/policyEdits';
import type { AccessNode } from './accessTreeProvider';
import { levelNames } from './accessTreeProvider';
import type { AgentAccessService } from './agentAccessService';

type SwitchNode = Extract<AccessNode, { kind: 'switch' }>;

export function isSwitchNode(value: unknown): value is SwitchNode {
  const node = value as Partial<SwitchNode> | null;
  return typeof node === 'object' && node !== null && node.kind === 'switch' && typeof node.accountId === 'string' && typeof node.agent?.id === 'string';
}

/** "read customer records", "create and update every record type" — what a level lets the agent do. */
function permissionPhrase(level: AccessLevel, what: string): string {
  return {
    none: `do nothing with ${what}`,
    read: `read ${what}`,
    write: `read, create and update ${what}`,
    full: `read, create, update and delete ${what}`,
  }[level];
}

type LevelPick = vscode.QuickPickItem & { level?: AccessLevel; useWildcard?: boolean };

export function registerAccessCommands(service: AgentAccessService): vscode.Disposable {
  async function setAccess(node: unknown): Promise<void> {
    if (!isSwitchNode(node)) {
      void vscode.window.showInformationMessage('Choose a record type in the Agent Access view to change an agent\'s access.');
      return;
    }
    const recordType = node.wildcard ? '*' : node.access.recordType;
    const current = await service.access(node.agent.id, node.accountId, recordType);
    const what = node.wildcard ? 'every record type' : `${recordType} records`;
    const picks: LevelPick[] = accessLevels.map((level) => ({
      label: levelNames[level],
      description: describeLevel(level),
      detail: level === current.level ? 'current' : undefined,
      level,
    }));
    if (current.source === 'explicit' && !node.wildcard) picks.push({ label: 'Use "All record types"', description: 'remove this switch', useWildcard: true });
    const pick = await vscode.window.showQuickPick(picks, {
      title: `${node.agent.name} · ${what} on ${accountLabel(node.accountId)}`,
      placeHolder: `Now: ${levelNames[current.level]}. Choose what ${node.agent.name} may do.`,
    });
    if (!pick) return;
    const production = accountEnvironment(node.accountId) === 'production';
    const detail = [
      node.wildcard && production ? 'On a production account "All record types" grants nothing: each type needs its own switch.' : '',
      'Every call is still checked and written to the Agent Activity log.',
    ].filter(Boolean).join('\n');
    const question = pick.useWildcard
      ? `Let "All record types" decide ${node.agent.name}'s access to ${what} on ${accountLabel(node.accountId)}?`
      : pick.level === 'none'
        ? `Switch off ${node.agent.name}'s access to ${what} on ${accountLabel(node.accountId)}?`
        : `Let ${node.agent.name} ${permissionPhrase(pick.level ?? 'none', what)} on ${accountLabel(node.accountId)}?`;
    const button = pick.level === 'none' ? 'Switch Off' : 'Change Access';
    if ((await vscode.window.showWarningMessage(question, { modal: true, detail }, button)) !== button) return;
    if (pick.useWildcard) await service.clearSwitch(node.agent.id, node.accountId, recordType);
    else await service.setLevel(node.agent.id, node.accountId, recordType, pick.level ?? 'none');
  }

  return vscode.Disposable.from(vscode.commands.registerCommand('suitelens.agents.setAccess', (node?: unknown) => setAccess(node)));
}
