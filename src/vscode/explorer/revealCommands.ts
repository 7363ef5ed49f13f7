/**
 * Showing a given record in the explorer: `suitelens.explorer.revealRecord` takes `{accountId, recordType, id}`
 * (the record forms run it after a create), and "Reveal in Type List" on a reference row follows the reference to
 * the record's row under its own type. The model makes the row exist; the tree view expands its account, type
 * group and type and selects it.
 */
import * as vscode from 'vscode';
import type { Logger } from '../../netsuite/log';
import { describeError } from '../../netsuite/describeError';
import { recordTitle, recordTypeLabel } from '../../netsuite/recordTypeLabels';
import type { ExplorerModel } from '../../app/explorer/explorerModel';
import { recordLocationOf, type ExplorerNode, type RecordNode } from '../../app/explorer/explorerNodes';

export const revealRecordCommand = 'suitelens.explorer.revealRecord';

export function registerRevealCommands(model: ExplorerModel, view: vscode.TreeView<ExplorerNode>, logger: Logger): vscode.Disposable {
  const reveal = async (argument: unknown, focus: boolean): Promise<RecordNode | undefined> => {
    const location = recordLocationOf(argument);
    if (!location) {
      void vscode.window.showInformationMessage('Reveal a record with its account, record type and internal id, e.g. from a reference in the NetSuite explorer.');
      return undefined;
    }
    try {
      const { node, clearedFilters } = await model.revealRecord(location);
      // The record itself stays collapsed (expanding it would fetch it): its ancestors open, it is selected.
      await view.reveal(node, { select: true, focus, expand: false });
      if (clearedFilters.length) {
        void vscode.window.showInformationMessage(`Cleared ${clearedFilters.join(' and ')} to show ${recordTitle(location.recordType, location.id, node.name)} in the NetSuite explorer.`);
      }
      return node;
    } catch (error) {
      logger.error(`Could not reveal ${location.recordType} ${location.id}`, error);
      void vscode.window.showWarningMessage(`Could not show ${recordTypeLabel(location.recordType)} ${location.id} in the NetSuite explorer: ${describeError(error)}`);
      return undefined;
    }
  };

  return vscode.Disposable.from(
    // Run by other features after they change a record (not in the palette: it needs a record).
    vscode.commands.registerCommand(revealRecordCommand, (argument?: unknown) => reveal(argument, false)),
    vscode.commands.registerCommand('suitelens.explorer.revealInTypeList', (node?: unknown) => reveal(node, true)),
    // For the extension-host tests and other features: what the explorer has selected.
    vscode.commands.registerCommand('suitelens.explorer.selection', () => [...view.selection]),
  );
}
