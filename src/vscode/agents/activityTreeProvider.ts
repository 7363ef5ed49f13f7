/**
 * The "Agent Activity" tree: one row per logged call, newest first, as the plain-English sentence the log wrote
 * ("VS Code chat read customer 'Acme' (id 456) on 1234567_SB1 — allowed by 'customer: View'"). Allowed, denied and
 * failed calls are told apart by icon; a row about a record opens it.
 */
import * as vscode from 'vscode';
import type { AuditEntry } from '../../agents/auditEntry';
import { visibleText } from '../../agents/visibleText';
import type { ActivityModel } from './activityModel';

export const activityViewId = 'suitelens.agentActivity';

/**
 * Row kinds for menus: `….record` rows open their record; rows ending `.denied` offer "Grant What This Needed…".
 * package.json matches them with `=~` so a denied call about a record gets both.
 */
export const activityContext = { entry: 'suitelens.agentActivity', recordEntry: 'suitelens.agentActivity.record', deniedSuffix: '.denied' } as const;

/** The record a row can open: the one the call was about. */
export function recordOfEntry(entry: AuditEntry): { accountId: string; recordType: string; id: string } | undefined {
  return entry.recordType && entry.recordId ? { accountId: entry.accountId, recordType: entry.recordType, id: entry.recordId } : undefined;
}

export interface ActivityNode {
  id: string;
  entry: AuditEntry;
}

export function isActivityNode(value: unknown): value is ActivityNode {
  const node = value as Partial<ActivityNode> | null;
  return typeof node === 'object' && node !== null && typeof node.id === 'string' && typeof node.entry?.sentence === 'string';
}

function iconFor(entry: AuditEntry): vscode.ThemeIcon {
  if (entry.decision === 'denied') return new vscode.ThemeIcon('shield', new vscode.ThemeColor('testing.iconFailed'));
  if (entry.outcome === 'failed') return new vscode.ThemeIcon('warning', new vscode.ThemeColor('testing.iconErrored'));
  return new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
}

function timeOf(entry: AuditEntry): string {
  const time = new Date(entry.time);
  return Number.isNaN(time.getTime()) ? entry.time : time.toLocaleString();
}

/** Today's calls by time only, older ones with their date: the row stays short enough for the sentence. */
function shortTimeOf(entry: AuditEntry, now = new Date()): string {
  const time = new Date(entry.time);
  if (Number.isNaN(time.getTime())) return entry.time;
  return time.toDateString() === now.toDateString() ? time.toLocaleTimeString() : time.toLocaleString();
}

export class ActivityTreeProvider implements vscode.TreeDataProvider<ActivityNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ActivityNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly model: ActivityModel) {
    this.subscription = model.onDidChange(() => this.changed.fire(undefined));
  }

  async getChildren(node?: ActivityNode): Promise<ActivityNode[]> {
    if (node) return [];
    const entries = await this.model.entries();
    // Time plus position makes a stable id even for two calls logged in the same millisecond.
    return entries.map((entry, index) => ({ id: `${entry.time}#${entries.length - index}`, entry }));
  }

  getTreeItem(node: ActivityNode): vscode.TreeItem {
    const { entry } = node;
    // The sentence holds NetSuite values (record names) and agent text (tool names, accounts): a plain-string label
    // and tooltip show them as text, and every control or bidi character is shown escaped — also for entries written
    // before the log escaped them itself.
    const item = new vscode.TreeItem(visibleText(entry.sentence), vscode.TreeItemCollapsibleState.None);
    item.id = node.id;
    item.description = shortTimeOf(entry);
    item.iconPath = iconFor(entry);
    const record = recordOfEntry(entry);
    item.contextValue = `${record ? activityContext.recordEntry : activityContext.entry}${entry.decision === 'denied' ? activityContext.deniedSuffix : ''}`;
    item.tooltip = [
      visibleText(entry.sentence),
      '',
      `When: ${timeOf(entry)}`,
      // A request the endpoint refused before knowing the agent names no agent, account or tool of its own.
      ...(entry.action === 'refusedRequest'
        ? ['From: a request to the MCP endpoint, refused before any agent was known']
        : [
            `Agent: ${visibleText(entry.agent.name)} (${entry.agent.kind === 'mcp' ? 'MCP' : 'VS Code chat'})`,
            `Account: ${visibleText(entry.accountId)} (${entry.environment})`,
            `Tool: ${visibleText(entry.tool)}`,
          ]),
      `Decision: ${entry.decision}${entry.outcome ? `, ${entry.outcome}` : ''}`,
      `Arguments: ${visibleText(JSON.stringify(entry.arguments) ?? 'none')}`,
    ].join('\n');
    if (record) item.command = { command: 'suitelens.agents.openActivityRecord', title: 'Open Record', arguments: [node] };
    return item;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
