/**
 * The thin adapter between the explorer model and VS Code's tree: it maps nodes to TreeItems (labels, icons,
 * `contextValue`s that drive the menus) and forwards the model's change events. Every NetSuite value reaches VS Code
 * as a plain string label, description or tooltip — never a MarkdownString — so it is shown as text.
 */
import * as vscode from 'vscode';
import type { ExplorerModel } from '../../app/explorer/explorerModel';
import { explorerContext, recordContextValue } from '../../app/explorer/explorerContext';
import type { ExplorerNode, MessageNode, RecordNode, RecordTypeNode } from '../../app/explorer/explorerNodes';

export const explorerViewId = 'suitelens.explorer';

/** Loads that finish within this time show their children directly, without a loading row. */
const quickLoadMs = 150;
const refreshRetryMs = 700;
const maxRefreshRetries = 5;

function delay(ms: number): Promise<undefined> {
  return new Promise((resolve) => setTimeout(() => resolve(undefined), ms));
}

export class ExplorerTreeProvider implements vscode.TreeDataProvider<ExplorerNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ExplorerNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: { dispose(): void };
  /** Nodes VS Code last saw with a "Loading…" row, and how often their change was announced again since. */
  private readonly showingLoading = new Map<string, number>();

  constructor(private readonly model: ExplorerModel) {
    this.subscription = model.onDidChange((node) => this.fireChanged(node));
  }

  /** The account list changed (added, removed, renamed). */
  refreshAccounts(): void {
    this.changed.fire(undefined);
  }

  /**
   * Loaded children at once; otherwise a short wait, then an explicit "Loading…" row, replaced by announcing the
   * node changed once its children are in. Only a placeholder that was really shown is announced: a change that
   * reaches VS Code while it is still reading the same node leaves the row expanded but empty.
   */
  async getChildren(node?: ExplorerNode): Promise<ExplorerNode[]> {
    if (!node) return this.model.roots();
    const ready = this.model.peekChildren(node);
    if (ready) {
      this.showingLoading.delete(node.id);
      return ready;
    }
    const loading = this.model.children(node);
    const loaded = await Promise.race([loading, delay(quickLoadMs)]);
    if (loaded) {
      this.showingLoading.delete(node.id);
      return loaded;
    }
    this.showingLoading.set(node.id, 0);
    void loading.then(() => this.fireChanged(node));
    return [this.model.loadingNode(node)];
  }

  /**
   * VS Code drops a refresh that arrives while it is still reading the same node, which can leave a "Loading…"
   * row up for good on a busy machine. So a node that still shows one after its change was announced is announced
   * again, a few times, until VS Code has read its real children.
   */
  private fireChanged(node: ExplorerNode | undefined): void {
    this.changed.fire(node);
    if (!node) return;
    const attempts = this.showingLoading.get(node.id);
    if (attempts === undefined || attempts >= maxRefreshRetries) return;
    setTimeout(() => {
      if (this.showingLoading.get(node.id) !== attempts) return;
      this.showingLoading.set(node.id, attempts + 1);
      this.fireChanged(node);
    }, refreshRetryMs);
  }

  getParent(node: ExplorerNode): ExplorerNode | undefined {
    return node.parent;
  }

  getTreeItem(node: ExplorerNode): vscode.TreeItem {
    const item = this.itemFor(node);
    item.id = node.id;
    return item;
  }

  private itemFor(node: ExplorerNode): vscode.TreeItem {
    const collapsed = vscode.TreeItemCollapsibleState.Collapsed;
    switch (node.kind) {
      case 'account': {
        const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
        item.description = node.description;
        item.tooltip = `NetSuite account ${node.accountId}`;
        item.iconPath = new vscode.ThemeIcon('cloud');
        item.contextValue = explorerContext.account;
        return item;
      }
      case 'typeGroup': {
        const item = new vscode.TreeItem(node.group === 'standard' ? 'Record Types' : 'Custom Record Types', collapsed);
        item.iconPath = new vscode.ThemeIcon(node.group === 'standard' ? 'symbol-namespace' : 'symbol-misc');
        item.contextValue = explorerContext.typeGroup;
        return item;
      }
      case 'recordType':
        return this.recordTypeItem(node);
      case 'record':
        return recordItem(node, this.model.typeLabel(node.accountId, node.recordType));
      case 'field': {
        const item = new vscode.TreeItem(node.title, vscode.TreeItemCollapsibleState.None);
        item.description = node.value;
        // The row shows title and value; the tooltip adds the field's id and type, and the whole of a long value.
        item.tooltip = `Field ${node.field} · ${node.valueType}${node.value.length > 40 ? `\n${node.value}` : ''}`;
        item.iconPath = new vscode.ThemeIcon('symbol-field');
        item.contextValue = explorerContext.field;
        return item;
      }
      case 'sublist': {
        const item = new vscode.TreeItem(node.title, node.lines.length ? collapsed : vscode.TreeItemCollapsibleState.None);
        item.description = `${node.totalResults} line${node.totalResults === 1 ? '' : 's'}`;
        item.tooltip = `Sublist ${node.field}`;
        item.iconPath = new vscode.ThemeIcon('list-unordered');
        item.contextValue = explorerContext.sublist;
        return item;
      }
      case 'line': {
        const item = new vscode.TreeItem(node.label, collapsed);
        item.iconPath = new vscode.ThemeIcon('list-flat');
        item.contextValue = explorerContext.line;
        return item;
      }
      case 'loadMore': {
        const item = new vscode.TreeItem('Load more…', vscode.TreeItemCollapsibleState.None);
        item.description = `${node.loaded} of ${node.total}`;
        item.iconPath = new vscode.ThemeIcon('more');
        item.command = { command: 'suitelens.explorer.loadMore', title: 'Load more', arguments: [node] };
        item.contextValue = explorerContext.loadMore;
        return item;
      }
      case 'message':
        return messageItem(node);
    }
  }

  private recordTypeItem(node: RecordTypeNode): vscode.TreeItem {
    // NetSuite's label ("Sales Order"), the script id beside it. The loaded/total count lives on the "Load more…"
    // row: VS Code does not reliably redraw a refreshed row's own description, while the rows under it are re-read.
    const label = this.model.typeLabel(node.accountId, node.recordType);
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Collapsed);
    const filter = this.model.recordFilter(node);
    const sort = this.model.recordSort(node);
    const sortText = sort ? `by ${sort.label} ${sort.direction === 'asc' ? '↑' : '↓'}` : undefined;
    item.description = [label !== node.recordType ? node.recordType : undefined, filter ? `filter: ${filter.text}` : undefined, sortText].filter(Boolean).join(' · ') || undefined;
    item.tooltip = [
      `Record type ${node.recordType}`,
      filter ? `Filter: q = ${filter.q}` : undefined,
      sort ? `Sorted by ${sort.label} (${sort.column}), ${sort.direction === 'asc' ? 'ascending' : 'descending'}` : 'Sorted by internal id',
    ].filter(Boolean).join('\n');
    item.iconPath = new vscode.ThemeIcon(filter ? 'filter-filled' : 'symbol-class');
    item.contextValue = filter ? explorerContext.recordTypeFiltered : explorerContext.recordType;
    return item;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

/**
 * A record row shows its name (id beside it, and the sorted column's value when its list is sorted by one); a
 * reference shows the field's title, then whom it points at. A click opens the record's preview (VS Code runs an
 * item's command on a click and expands it only from its twistie).
 */
function recordItem(node: RecordNode, typeLabel: string): vscode.TreeItem {
  const name = node.name ?? `${typeLabel} ${node.recordId}`;
  const item = new vscode.TreeItem(node.fieldTitle ?? name, vscode.TreeItemCollapsibleState.Collapsed);
  item.description = node.fieldTitle ? name : [`#${node.recordId}`, node.sorted ? `${node.sorted.label} ${node.sorted.text || '—'}` : undefined].filter(Boolean).join(' · ');
  item.tooltip = [`${typeLabel} · internal id ${node.recordId}`, node.sorted ? `${node.sorted.label}: ${node.sorted.text || '(empty)'}` : undefined, 'Click to preview, double-click to edit'].filter(Boolean).join('\n');
  item.iconPath = new vscode.ThemeIcon(node.fieldTitle ? 'references' : 'file');
  item.contextValue = recordContextValue(node);
  item.command = { command: openRecordRowCommand, title: 'Preview Record', arguments: [node] };
  return item;
}

/** The command a record row's click runs: preview on one click, the editable form on two (see explorerCommands). */
export const openRecordRowCommand = 'suitelens.explorer.openRecordRow';

function messageItem(node: MessageNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
  if (node.severity === 'loading') {
    item.iconPath = new vscode.ThemeIcon('loading~spin');
    item.contextValue = explorerContext.loading;
  } else if (node.severity === 'empty') {
    item.iconPath = new vscode.ThemeIcon('info');
    item.contextValue = explorerContext.empty;
  } else {
    item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground'));
    item.description = node.advice;
    item.tooltip = [node.detail ?? node.text, node.advice].filter(Boolean).join('\n\n');
    item.command = { command: 'suitelens.explorer.showError', title: 'Show error', arguments: [node] };
    item.contextValue = explorerContext.error;
  }
  return item;
}
