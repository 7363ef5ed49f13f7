/**
 * The explorer's commands. Menus pass the clicked node; every command checks what it got (a palette call passes
 * nothing) and says plainly when it cannot act. NetSuite failures are shown with NetSuite's detail and advice.
 */
import * as vscode from 'vscode';
import { describeError } from '../../netsuite/describeError';
import type { Logger } from '../../netsuite/log';
import { recordTypeLabel } from '../../netsuite/recordTypeLabels';
import type { ExplorerModel } from '../../app/explorer/explorerModel';
import { explorerViewId, openRecordRowCommand } from './explorerTreeProvider';
import type { ExplorerNode, MessageNode, RecordNode, RecordTypeNode } from '../../app/explorer/explorerNodes';
import { pickSort } from './sortPicker';

/** The accounts side's "sign in again" command, run with the account id when an error says the login failed. */
export const signInAgainCommand = 'suitelens.signInAgain';

export interface ExplorerCommandDeps {
  model: ExplorerModel;
  /** Makes an account the active one (notebooks open on the active account). */
  setActiveAccount(accountId: string): Promise<void>;
  /** The accounts the type filter can apply to when run from the palette. */
  accountIds(): string[];
  logger: Logger;
}

/** Two clicks on one record row within this time are a double-click (VS Code's own default is about 500 ms). */
const doubleClickMs = 500;

export function registerExplorerCommands(deps: ExplorerCommandDeps): vscode.Disposable {
  const { model } = deps;
  let lastClick: { id: string; at: number } | undefined;
  const command = <T extends ExplorerNode>(id: string, accepts: (node: ExplorerNode) => node is T, run: (node: T) => Promise<unknown> | unknown) =>
    vscode.commands.registerCommand(id, async (node?: unknown) => {
      if (!isNode(node) || !accepts(node)) {
        void vscode.window.showInformationMessage(`Run this from a node of the NetSuite explorer (right-click it).`);
        return;
      }
      try {
        return await run(node);
      } catch (error) {
        deps.logger.error(`${id} failed`, error);
        void showFailure(error);
      }
    });

  return vscode.Disposable.from(
    vscode.commands.registerCommand('suitelens.explorer.refresh', (node?: unknown) => model.refresh(isNode(node) ? node : undefined)),
    vscode.commands.registerCommand('suitelens.explorer.filterTypes', async (node?: unknown) => {
      const accountId = isNode(node) ? node.accountId : await pickAccount(deps.accountIds());
      if (!accountId) return;
      const text = await vscode.window.showInputBox({
        title: 'Filter record types',
        prompt: 'Show only the record types whose name contains this text (empty shows all).',
        value: model.typeFilter(accountId) ?? '',
        placeHolder: 'e.g. order',
      });
      if (text !== undefined) model.setTypeFilter(accountId, text);
    }),
    command('suitelens.explorer.filterRecords', isRecordType, async (node) => {
      const current = model.recordFilter(node);
      const text = await vscode.window.showInputBox({
        title: `Filter ${recordTypeLabel(node.recordType)} Records`,
        prompt: 'Text to find in the name, or a NetSuite q expression such as: email START_WITH barbara. Empty clears the filter.',
        value: current?.text ?? '',
        placeHolder: 'e.g. acme   or   balance GREATER 1000',
      });
      if (text === undefined) return;
      await model.setRecordFilter(node, text);
      await vscode.commands.executeCommand('suitelens.explorer.reveal', node);
    }),
    command('suitelens.explorer.clearFilter', isRecordType, (node) => model.setRecordFilter(node, '')),
    command('suitelens.explorer.sortRecords', isRecordType, async (node) => {
      const choice = await pickSort(model, node);
      if (choice === undefined) return;
      model.setRecordSort(node, choice ?? undefined);
      await vscode.commands.executeCommand('suitelens.explorer.reveal', node);
    }),
    // A record row's click: the read-only view in a preview tab (the next click replaces it); a second click on the
    // same row soon after is a double-click, which opens the editable form. VS Code tells an item's command nothing
    // more than "clicked", so the two clicks are told apart by time.
    command(openRecordRowCommand, isRecord, async (node) => {
      const now = Date.now();
      const doubleClick = lastClick?.id === node.id && now - lastClick.at < doubleClickMs;
      lastClick = doubleClick ? undefined : { id: node.id, at: now };
      if (doubleClick) return vscode.commands.executeCommand('suitelens.editRecord', node);
      return vscode.commands.executeCommand('suitelens.openRecord', { accountId: node.accountId, recordType: node.recordType, id: node.recordId, preview: true });
    }),
    command('suitelens.explorer.loadMore', (node): node is ExplorerNode => node.kind === 'loadMore', (node) => {
      const typeNode = node.parent;
      if (typeNode?.kind !== 'recordType') return undefined;
      return vscode.window.withProgress({ location: { viewId: explorerViewId }, title: `Loading more ${recordTypeLabel(typeNode.recordType)} records` }, () => model.loadMore(typeNode));
    }),
    command('suitelens.explorer.openInNetSuite', isRecord, async (node) => {
      const client = await model.client(node);
      const url = client.uiUrl({ recordType: node.recordType, id: node.recordId });
      if (!url) {
        void vscode.window.showWarningMessage(`SuiteLens does not know the NetSuite page of ${recordTypeLabel(node.recordType)} records; open it from NetSuite's own search (internal id ${node.recordId}).`);
        return;
      }
      await vscode.env.openExternal(vscode.Uri.parse(url));
    }),
    command('suitelens.explorer.copyId', isRecord, async (node) => {
      await vscode.env.clipboard.writeText(node.recordId);
      vscode.window.setStatusBarMessage(`Copied ${recordTypeLabel(node.recordType)} internal id ${node.recordId}`, 3000);
    }),
    command('suitelens.explorer.copyJson', isRecord, async (node) => {
      await vscode.env.clipboard.writeText(JSON.stringify(await model.recordJson(node), null, 2));
      vscode.window.setStatusBarMessage(`Copied ${recordTypeLabel(node.recordType)} ${node.recordId} as JSON`, 3000);
    }),
    command('suitelens.explorer.openJson', isRecord, (node) =>
      vscode.commands.executeCommand('suitelens.openRecordJson', { accountId: node.accountId, recordType: node.recordType, id: node.recordId }),
    ),
    command('suitelens.explorer.queryInNotebook', isRecordType, async (node) => {
      await deps.setActiveAccount(node.accountId);
      await vscode.commands.executeCommand('suitelens.newNotebook', model.notebookQuery(node));
    }),
    command('suitelens.explorer.showError', (node): node is MessageNode => node.kind === 'message', (node) => showErrorNode(model, node)),
  );
}

async function showErrorNode(model: ExplorerModel, node: MessageNode): Promise<void> {
  const retry = 'Retry';
  const signIn = 'Sign In Again';
  const actions = node.errorKind === 'auth' ? [signIn, retry] : [retry];
  // A notification shows no `detail`, so the advice (the missing permission, how to sign in) goes in the message.
  const choice = await vscode.window.showErrorMessage(node.advice ? `${node.text} — ${node.advice}` : node.text, ...actions);
  if (choice === retry && node.parent) model.refresh(node.parent);
  if (choice === signIn) {
    const known = await vscode.commands.getCommands(true);
    if (known.includes(signInAgainCommand)) await vscode.commands.executeCommand(signInAgainCommand, node.accountId);
    else void vscode.window.showInformationMessage(`Remove the account ${node.accountId} and add it again to sign in with fresh credentials.`);
  }
}

async function showFailure(error: unknown): Promise<void> {
  await vscode.window.showErrorMessage(describeError(error));
}

async function pickAccount(accountIds: string[]): Promise<string | undefined> {
  if (accountIds.length <= 1) return accountIds[0];
  return vscode.window.showQuickPick(accountIds, { title: 'Filter the record types of which account?' });
}

function isNode(value: unknown): value is ExplorerNode {
  return typeof value === 'object' && value !== null && typeof (value as { kind?: unknown }).kind === 'string' && typeof (value as { accountId?: unknown }).accountId === 'string';
}

function isRecordType(node: ExplorerNode): node is RecordTypeNode {
  return node.kind === 'recordType';
}

function isRecord(node: ExplorerNode): node is RecordNode {
  return node.kind === 'record';
}
