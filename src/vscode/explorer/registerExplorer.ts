/**
 * Wires the NetSuite explorer into VS Code: the model over the account registry, the tree view, its commands, and
 * the follow-ups to account and setting changes. One call from the composition root.
 */
import * as vscode from 'vscode';
import type { NetSuiteClient } from '../../netsuite/client';
import type { Logger } from '../../netsuite/log';
import type { AccountRegistry } from '../accounts/accountRegistry';
import { registerExplorerCommands } from './explorerCommands';
import { ExplorerModel } from '../../app/explorer/explorerModel';
import type { ExplorerNode } from '../../app/explorer/explorerNodes';
import { explorerViewId, ExplorerTreeProvider } from './explorerTreeProvider';
import { registerRecordPicker } from './recordPicker';
import { registerRevealCommands } from './revealCommands';

const defaultPageSize = 100;

export function registerExplorer(registry: AccountRegistry<NetSuiteClient>, logger: Logger): vscode.Disposable {
  const model = new ExplorerModel({
    accounts: registry,
    pageSize: () => vscode.workspace.getConfiguration('suitelens').get<number>('explorer.pageSize', defaultPageSize),
    logger,
  });
  const provider = new ExplorerTreeProvider(model);
  const view = vscode.window.createTreeView(explorerViewId, { treeDataProvider: provider, showCollapseAll: true });

  return vscode.Disposable.from(
    provider,
    view,
    registry.onDidChange(() => provider.refreshAccounts()),
    registerExplorerCommands({
      model,
      setActiveAccount: (accountId) => (registry.activeAccountId === accountId ? Promise.resolve() : registry.setActive(accountId)),
      accountIds: () => registry.list().map((profile) => profile.accountId),
      logger,
    }),
    registerRevealCommands(model, view, logger),
    registerRecordPicker(model, () => registry.activeAccountId),
    vscode.commands.registerCommand('suitelens.explorer.reveal', async (node?: unknown) => {
      if (isExplorerNode(node)) await view.reveal(node, { expand: true, select: true, focus: false });
    }),
    // For other features (a saved form): the record's rows in the tree show its new values. Not in the palette.
    vscode.commands.registerCommand('suitelens.explorer.recordChanged', (target?: { accountId?: unknown; recordType?: unknown; id?: unknown }) => {
      if (typeof target?.accountId === 'string' && typeof target.recordType === 'string' && typeof target.id === 'string') {
        model.recordChanged(target.accountId, target.recordType, target.id);
      }
    }),
    // For other features and the extension-host tests: a node's children (loaded first) with the items the tree
    // shows for them. Not in the palette.
    vscode.commands.registerCommand('suitelens.explorer.children', async (node?: unknown) => {
      const children = isExplorerNode(node) ? await model.children(node) : model.roots();
      return children.map((child) => ({ node: child, item: provider.getTreeItem(child) }));
    }),
  );
}

function isExplorerNode(value: unknown): value is ExplorerNode {
  return typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string' && typeof (value as { kind?: unknown }).kind === 'string';
}
