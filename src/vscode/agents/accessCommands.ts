/**
 * The commands that change what an agent may do. Each one asks the person in a modal dialog before it writes the
 * policy, and none takes its decision from arguments alone: an agent that can run VS Code commands still cannot
 * widen its own access without a person pressing the button.
 */
import * as vscode from 'vscode';
import { accessLevels, permissionPhrase, type AccessLevel } from '../../agents/accessLevel';
import { accountEnvironment, accountLabel } from '../../agents/accountEnvironment';
import { accessQuestion, confirmAccessChange, switchSubject } from '../../app/agents/accessConfirmation';
import type { AccessNode } from './accessTreeProvider';
import { levelNames, tableLevels } from './accessTreeProvider';
import type { AgentAccessService } from './agentAccessService';
import type { AgentDialogs } from './agentDialogs';

type SwitchNode = Extract<AccessNode, { kind: 'switch' }>;

export function isSwitchNode(value: unknown): value is SwitchNode {
  const node = value as Partial<SwitchNode> | null;
  return typeof node === 'object' && node !== null && node.kind === 'switch' && typeof node.accountId === 'string' && typeof node.agent?.id === 'string';
}

type LevelPick = vscode.QuickPickItem & { level?: AccessLevel; useWildcard?: boolean };

export function registerAccessCommands(service: AgentAccessService, dialogs: AgentDialogs): vscode.Disposable {
  async function setAccess(node: unknown): Promise<void> {
    if (!isSwitchNode(node)) {
      void dialogs.showInformationMessage('Choose a record type in the Agent Access view to change an agent\'s access.');
      return;
    }
    const recordType = node.wildcard ? '*' : node.access.recordType;
    const current = await service.access(node.agent.id, node.accountId, recordType);
    const tableOnly = node.table?.readOnly === true;
    const what = switchSubject(recordType, tableOnly);
    const picks: LevelPick[] = (node.table?.readOnly ? tableLevels(node.access.level) : accessLevels).map((level) => ({
      label: levelNames[level],
      description: permissionPhrase(level, what),
      detail: level === current.level ? 'current' : undefined,
      level,
    }));
    if (current.source === 'explicit' && !node.wildcard) picks.push({ label: 'Use "All record types"', description: 'remove this switch', useWildcard: true });
    const pick = await dialogs.showQuickPick(picks, {
      title: `${node.agent.name} · ${what} on ${accountLabel(node.accountId)}`,
      placeHolder: `Now: ${levelNames[current.level]}. Choose what ${node.agent.name} may do.`,
    });
    if (!pick) return;
    const production = accountEnvironment(node.accountId) === 'production';
    const detail = node.wildcard && production ? ['On a production account "All record types" grants nothing: each type needs its own switch.'] : [];
    const question = pick.useWildcard
      ? `Let "All record types" decide ${node.agent.name}'s access to ${what} on ${accountLabel(node.accountId)}?`
      : accessQuestion(node.agent.name, node.accountId, [{ recordType, level: pick.level ?? 'none', tableOnly }]);
    const button = pick.level === 'none' ? 'Switch Off' : undefined;
    if (!(await confirmAccessChange(dialogs, question, node.accountId, { button, detail }))) return;
    if (pick.useWildcard) await service.clearSwitch(node.agent.id, node.accountId, recordType);
    else await service.setLevel(node.agent.id, node.accountId, recordType, pick.level ?? 'none');
  }

  return vscode.Disposable.from(vscode.commands.registerCommand('suitelens.agents.setAccess', (node?: unknown) => setAccess(node)));
}
