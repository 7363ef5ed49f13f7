/**
 * The "Agent Access" tree: agents → accounts → one row per record type, by its label, with its script id, its level in
 * NetSuite's words and one sentence saying what it allows ("Customer  customer · View · can read customer records"),
 * with "All record types" first and then "SuiteQL tables": the transaction/item/entity families and any other
 * table granted that is no record type of the account (`customerstatus`), the switches SuiteQL refusals ask for.
 * Reading only: every change goes through a command that asks the person first.
 */
import * as vscode from 'vscode';
import { accessLevels, grantSentence, netsuiteLevelNames, permissionPhrase, type AccessLevel } from '../../agents/accessLevel';
import type { RecordTypeAccess, SuiteQLTableAccess } from '../../agents/accessOverview';
import { accountLabel } from '../../agents/accountEnvironment';
import { recordTypeLabel } from '../../netsuite/recordTypeLabels';
import type { AgentIdentity } from '../../agents/agent';
import type { AgentKeyStore } from '../../agents/mcp/agentKeys';
import { visibleText } from '../../agents/visibleText';
import { switchSubject } from '../../app/agents/accessConfirmation';
import type { AgentAccessService } from './agentAccessService';

export const accessViewId = 'suitelens.agentAccess';

export const accessContext = {
  chatAgent: 'suitelens.agent.chat',
  mcpAgent: 'suitelens.agent.mcp',
  account: 'suitelens.agentAccount',
  tables: 'suitelens.agentTables',
  switch: 'suitelens.agentSwitch',
  explicitSwitch: 'suitelens.agentSwitch.explicit',
  message: 'suitelens.agentMessage',
} as const;

export type AccessNode =
  | { kind: 'agent'; id: string; agent: AgentIdentity }
  | { kind: 'account'; id: string; agent: AgentIdentity; accountId: string }
  | { kind: 'tables'; id: string; agent: AgentIdentity; accountId: string }
  | { kind: 'switch'; id: string; agent: AgentIdentity; accountId: string; access: RecordTypeAccess; wildcard: boolean; table?: TableSwitch }
  | { kind: 'message'; id: string; text: string; error: boolean; tooltip?: string };

/**
 * The one path no grant here covers, shown where people look at what agents may do (SECURITY.md, "What stays open").
 */
export const notebookPathNode: AccessNode = {
  kind: 'message',
  id: 'notebooks-outside-grants',
  text: 'SuiteQL notebooks run with your own access, outside these grants',
  error: false,
  tooltip:
    "VS Code chat's own notebook tools can run notebook cells with your access. SuiteLens asks first when it cannot tell you started a run at the notebook, on production and read-only accounts; VS Code's Bypass Approvals and Autopilot skip VS Code's own question. See SECURITY.md.",
};

/** What a switch under "SuiteQL tables" says about itself. */
export interface TableSwitch {
  description: string;
  /** Families and non-catalog tables are only read (through SuiteQL): their switch offers None and View. */
  readOnly: boolean;
  /** The family switch is off, yet every member type of the account is granted read. */
  coveredByMembers?: boolean;
  /** A member type switched off explicitly: SuiteQL may not read the family's tables, whatever this switch says. */
  blockedByMember?: string;
}

/** NetSuite's permission level names (None, View, Create, Edit, Full), the words every SuiteLens surface uses. */
export const levelNames = netsuiteLevelNames;

/**
 * What a row says beside its name: the level, and what it allows ("View · can read customer records"). None says
 * nothing more: the row's name already says what it is off for.
 */
export function levelDescription(level: AccessLevel, what: string): string {
  return level === 'none' ? levelNames.none : `${levelNames[level]} · can ${permissionPhrase(level, what)}`;
}

/** A SuiteQL table's switch offers None and View, and shows a higher level only when one is set. */
export function tableLevels(level: AccessLevel): AccessLevel[] {
  return accessLevels.filter((each) => each === 'none' || each === 'read' || each === level);
}

function tableSwitch(access: SuiteQLTableAccess): TableSwitch {
  return {
    description: access.description,
    readOnly: true,
    ...(access.coveredByMembers ? { coveredByMembers: true } : {}),
    ...(access.blockedByMember ? { blockedByMember: access.blockedByMember } : {}),
  };
}

const levelIcons: Record<AccessLevel, vscode.ThemeIcon> = {
  none: new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('disabledForeground')),
  read: new vscode.ThemeIcon('eye', new vscode.ThemeColor('charts.blue')),
  create: new vscode.ThemeIcon('add', new vscode.ThemeColor('charts.yellow')),
  write: new vscode.ThemeIcon('edit', new vscode.ThemeColor('charts.orange')),
  full: new vscode.ThemeIcon('flame', new vscode.ThemeColor('charts.red')),
};

function byLabel(recordTypes: readonly RecordTypeAccess[]): RecordTypeAccess[] {
  return [...recordTypes].sort((a, b) => recordTypeLabel(a.recordType).localeCompare(recordTypeLabel(b.recordType)) || a.recordType.localeCompare(b.recordType));
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Agent names, account ids and table names reach these rows from people and agents alike: every control or bidi
 * character in a label, description or tooltip is shown escaped (none of them holds an intended line break).
 */
function withVisibleText(item: vscode.TreeItem): vscode.TreeItem {
  if (typeof item.label === 'string') item.label = visibleText(item.label);
  if (typeof item.description === 'string') item.description = visibleText(item.description);
  if (typeof item.tooltip === 'string') item.tooltip = visibleText(item.tooltip);
  if (item.accessibilityInformation) item.accessibilityInformation = { ...item.accessibilityInformation, label: visibleText(item.accessibilityInformation.label) };
  return item;
}

export class AccessTreeProvider implements vscode.TreeDataProvider<AccessNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<AccessNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly service: AgentAccessService,
    private readonly keys: AgentKeyStore,
  ) {
    this.subscription = service.onDidChange(() => this.refresh());
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  async getChildren(node?: AccessNode): Promise<AccessNode[]> {
    try {
      if (!node) {
        const agents = await this.service.agents();
        // VS Code chat first; then the MCP agents by name.
        agents.sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'vscode-chat' ? -1 : 1));
        return [...agents.map((agent): AccessNode => ({ kind: 'agent', id: `agent:${agent.id}`, agent })), notebookPathNode];
      }
      if (node.kind === 'agent') {
        const accountIds = await this.service.accountIds(node.agent.id);
        if (accountIds.length === 0) return [{ kind: 'message', id: `${node.id}:none`, text: 'No NetSuite account yet — add one or try the demo sandbox.', error: false }];
        return accountIds.map((accountId) => ({ kind: 'account', id: `${node.id}:${accountId}`, agent: node.agent, accountId }));
      }
      if (node.kind === 'account') {
        const { wildcard, recordTypes } = await this.service.overview(node.agent.id, node.accountId);
        return [
          { kind: 'switch', id: `${node.id}:*`, agent: node.agent, accountId: node.accountId, access: wildcard, wildcard: true },
          { kind: 'tables', id: `${node.id}:tables`, agent: node.agent, accountId: node.accountId },
          // By the name people know, as the explorer lists them ("Sales Order", script id beside it).
          ...byLabel(recordTypes).map((access): AccessNode => ({ kind: 'switch', id: `${node.id}:${access.recordType}`, agent: node.agent, accountId: node.accountId, access, wildcard: false })),
        ];
      }
      if (node.kind === 'tables') {
        const { tables } = await this.service.overview(node.agent.id, node.accountId);
        return tables.map((access): AccessNode => ({
          kind: 'switch',
          id: `${node.id}:${access.recordType}`,
          agent: node.agent,
          accountId: node.accountId,
          access,
          wildcard: false,
          table: tableSwitch(access),
        }));
      }
      return [];
    } catch (error) {
      return [{ kind: 'message', id: `${node?.id ?? 'root'}:error`, text: `Could not load: ${errorText(error)}`, error: true }];
    }
  }

  async getTreeItem(node: AccessNode): Promise<vscode.TreeItem> {
    const item = await this.itemFor(node);
    item.id = node.id;
    return withVisibleText(item);
  }

  private async itemFor(node: AccessNode): Promise<vscode.TreeItem> {
    switch (node.kind) {
      case 'agent': {
        const item = new vscode.TreeItem(node.agent.name, vscode.TreeItemCollapsibleState.Expanded);
        if (node.agent.kind === 'vscode-chat') {
          item.description = 'language-model tools';
          item.iconPath = new vscode.ThemeIcon('copilot');
          item.contextValue = accessContext.chatAgent;
          item.tooltip = `${node.agent.name}: SuiteLens tools called from VS Code chat. Denied everything not switched on below.`;
        } else {
          const hasKey = (await this.keys.keyOf(node.agent.id).catch(() => undefined)) !== undefined;
          item.description = hasKey ? 'MCP · key issued' : 'MCP · no key';
          item.iconPath = new vscode.ThemeIcon(hasKey ? 'key' : 'debug-disconnect');
          item.contextValue = accessContext.mcpAgent;
          item.tooltip = `${node.agent.name} (${node.agent.id}): an MCP client with its own key. Denied everything not switched on below.`;
        }
        return item;
      }
      case 'account': {
        const item = new vscode.TreeItem(accountLabel(node.accountId), vscode.TreeItemCollapsibleState.Collapsed);
        item.iconPath = new vscode.ThemeIcon('server-environment');
        item.contextValue = accessContext.account;
        return item;
      }
      case 'tables': {
        const item = new vscode.TreeItem('SuiteQL tables', vscode.TreeItemCollapsibleState.Expanded);
        item.description = 'what queries may read beyond record types';
        item.iconPath = new vscode.ThemeIcon('database');
        item.contextValue = accessContext.tables;
        item.tooltip = `Tables ${node.agent.name}'s SuiteQL queries may read that are not one record type. Add one with "Grant SuiteQL Table…".`;
        return item;
      }
      case 'switch':
        return this.switchItem(node);
      case 'message': {
        const item = new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
        item.iconPath = new vscode.ThemeIcon(node.error ? 'error' : 'info');
        if (node.tooltip) item.tooltip = node.tooltip;
        item.contextValue = accessContext.message;
        return item;
      }
    }
  }

  private switchItem(node: Extract<AccessNode, { kind: 'switch' }>): vscode.TreeItem {
    const { access } = node;
    // A record type shows its label with the script id as secondary text; a SuiteQL table is known by its table name.
    const label = node.wildcard ? 'All record types' : node.table ? access.recordType : recordTypeLabel(access.recordType);
    const scriptId = !node.wildcard && !node.table && label !== access.recordType ? access.recordType : undefined;
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
    const recordType = node.wildcard ? '*' : access.recordType;
    const what = switchSubject(recordType, node.table !== undefined);
    const notes = [
      access.source === 'wildcard' ? 'from All record types' : access.wildcardIgnoredOnProduction ? 'All record types do not count on production' : '',
      node.table?.blockedByMember ? `${node.table.blockedByMember} is None, so SuiteQL may not read it` : '',
      node.table?.coveredByMembers ? 'every type below is on, so SuiteQL may read it' : '',
      node.table && access.level === 'none' ? node.table.description : '',
    ].filter(Boolean);
    item.description = [...(scriptId ? [scriptId] : []), [levelDescription(access.level, what), ...notes].join('  · ')].join(' · ');
    item.iconPath = levelIcons[access.level];
    item.contextValue = access.source === 'explicit' && !node.wildcard ? accessContext.explicitSwitch : accessContext.switch;
    item.tooltip = `${grantSentence(access.level, what, node.agent.name)} On ${accountLabel(node.accountId)}; click to change.`;
    item.accessibilityInformation = { label: `${label}${scriptId ? ` (${scriptId})` : ''}: ${levelNames[access.level]}` };
    item.command = { command: 'suitelens.agents.setAccess', title: 'Set Access…', arguments: [node] };
    return item;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
