/** Commands of the "Agent Activity" view: filter by agent / account / decision, clear the filter, open a record. */
import * as vscode from 'vscode';
import type { AuditDecision, AuditEntry } from '../../agents/auditEntry';
import { visibleText } from '../../agents/visibleText';
import type { ActivityFilter, ActivityModel } from './activityModel';
import { isActivityNode, recordOfEntry, type ActivityNode } from './activityTreeProvider';

/** "agent: Billing helper · denied" — shown as the view's description while a filter is on. */
export function describeFilter(filter: ActivityFilter, agentName: (agentId: string) => string): string | undefined {
  const parts = [
    filter.agentId ? `agent: ${visibleText(agentName(filter.agentId))}` : '',
    filter.accountId ? `account: ${visibleText(filter.accountId)}` : '',
    filter.decision ?? '',
  ].filter(Boolean);
  return parts.length ? parts.join(' · ') : undefined;
}

type FilterPick = vscode.QuickPickItem & { change?: ActivityFilter | 'clear' };

function distinct<T>(entries: AuditEntry[], key: (entry: AuditEntry) => T, by: (value: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const entry of entries) seen.set(by(key(entry)), key(entry));
  return [...seen.values()];
}

export function registerActivityCommands(model: ActivityModel, view: vscode.TreeView<ActivityNode>): vscode.Disposable {
  const agentNames = new Map<string, string>();
  const showFilter = (): void => {
    view.description = describeFilter(model.filter, (id) => agentNames.get(id) ?? id);
    void vscode.commands.executeCommand('setContext', 'suitelens.agentActivity.filtered', view.description !== undefined);
  };

  async function filter(): Promise<void> {
    const entries = await model.allEntries();
    const agents = distinct(entries, (entry) => entry.agent, (agent) => agent.id);
    for (const agent of agents) agentNames.set(agent.id, agent.name);
    const accounts = distinct(entries, (entry) => entry.accountId, (id) => id);
    const current = model.filter;
    const decisions: AuditDecision[] = ['allowed', 'denied'];
    const picks: FilterPick[] = [
      { label: 'Agent', kind: vscode.QuickPickItemKind.Separator },
      ...agents.map((agent) => ({ label: visibleText(agent.name), description: agent.id === current.agentId ? 'current' : visibleText(agent.id), change: { ...current, agentId: agent.id } })),
      { label: 'Account', kind: vscode.QuickPickItemKind.Separator },
      ...accounts.map((accountId) => ({ label: visibleText(accountId), description: accountId === current.accountId ? 'current' : undefined, change: { ...current, accountId } })),
      { label: 'Decision', kind: vscode.QuickPickItemKind.Separator },
      ...decisions.map((decision) => ({ label: decision === 'allowed' ? 'Allowed' : 'Denied', description: decision === current.decision ? 'current' : undefined, change: { ...current, decision } })),
      { label: '', kind: vscode.QuickPickItemKind.Separator },
      { label: 'Show everything', description: 'clear the filter', change: 'clear' },
    ];
    const pick = await vscode.window.showQuickPick(picks, { title: 'Filter agent activity', placeHolder: 'Show only calls by this agent, on this account, or with this decision' });
    if (!pick?.change) return;
    model.setFilter(pick.change === 'clear' ? {} : pick.change);
    showFilter();
  }

  return vscode.Disposable.from(
    vscode.commands.registerCommand('suitelens.agents.filterActivity', filter),
    vscode.commands.registerCommand('suitelens.agents.clearActivityFilter', () => {
      model.setFilter({});
      showFilter();
    }),
    vscode.commands.registerCommand('suitelens.agents.refreshActivity', () => model.refresh()),
    vscode.commands.registerCommand('suitelens.agents.openActivityRecord', async (node?: unknown) => {
      const record = isActivityNode(node) ? recordOfEntry(node.entry) : undefined;
      if (record) await vscode.commands.executeCommand('suitelens.openRecord', record);
    }),
  );
}
