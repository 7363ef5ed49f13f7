import * as vscode from 'vscode';
import { parseSnb, serializeSnb, type SnbCell, type SnbDocument } from './snbFormat';

export const notebookType = 'suitelens-notebook';

/**
 * `*.snb` ↔ VS Code notebook. Parse errors are thrown, not swallowed: VS Code then refuses to open the file, so an
 * empty notebook can never be saved over a file we failed to read.
 */
export class SuiteQLNotebookSerializer implements vscode.NotebookSerializer {
  deserializeNotebook(content: Uint8Array): vscode.NotebookData {
    const document = parseSnb(new TextDecoder().decode(content));
    const cells = document.cells.map((cell) => {
      const data = new vscode.NotebookCellData(
        cell.kind === 'markdown' ? vscode.NotebookCellKind.Markup : vscode.NotebookCellKind.Code,
        cell.source,
        cell.language,
      );
      if (cell.outputs) {
        data.outputs = cell.outputs.map(
          (output) => new vscode.NotebookCellOutput(output.items.map((item) => new vscode.NotebookCellOutputItem(new TextEncoder().encode(item.data), item.mime))),
        );
      }
      return data;
    });
    const data = new vscode.NotebookData(cells);
    data.metadata = { account: document.account, saveOutputs: document.saveOutputs ?? false };
    return data;
  }

  serializeNotebook(data: vscode.NotebookData): Uint8Array {
    const metadata = data.metadata ?? {};
    const saveOutputs = metadata.saveOutputs === true;
    const cells: SnbCell[] = data.cells.map((cell) => {
      const out: SnbCell = {
        kind: cell.kind === vscode.NotebookCellKind.Markup ? 'markdown' : 'code',
        language: cell.languageId,
        source: cell.value,
      };
      if (saveOutputs && cell.outputs?.length) {
        out.outputs = cell.outputs.map((output) => ({ items: output.items.map((item) => ({ mime: item.mime, data: new TextDecoder().decode(item.data) })) }));
      }
      return out;
    });
    const document: SnbDocument = { version: 1, cells, saveOutputs };
    if (typeof metadata.account === 'string') document.account = metadata.account;
    return new TextEncoder().encode(serializeSnb(document));
  }
}
