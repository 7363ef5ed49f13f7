import * as vscode from 'vscode';
import { decodeSnb, parseSnb, serializeSnb, snbFromNotebook, snbToNotebook, type SnbNotebook } from '../../app/notebook/snbFormat';

export const notebookType = 'suitelens-notebook';

/**
 * `*.snb` ↔ VS Code notebook. Parse errors are thrown, not swallowed: VS Code then refuses to open the file, so an
 * empty notebook can never be saved over a file we failed to read. What to keep across a save is decided in the pure
 * `snbToNotebook`/`snbFromNotebook`; this class only converts to VS Code's classes. A file that is not UTF-8 is
 * refused the same way (`decodeSnb`).
 */
export class SuiteQLNotebookSerializer implements vscode.NotebookSerializer {
  deserializeNotebook(content: Uint8Array): vscode.NotebookData {
    const notebook = snbToNotebook(parseSnb(decodeSnb(content)));
    const cells = notebook.cells.map((cell) => {
      const data = new vscode.NotebookCellData(cell.kind === 'markdown' ? vscode.NotebookCellKind.Markup : vscode.NotebookCellKind.Code, cell.source, cell.language);
      if (cell.metadata) data.metadata = cell.metadata;
      if (cell.outputs) {
        data.outputs = cell.outputs.map(
          (output) =>
            new vscode.NotebookCellOutput(output.items.map((item) => new vscode.NotebookCellOutputItem(new TextEncoder().encode(item.text), item.mime))),
        );
      }
      return data;
    });
    const data = new vscode.NotebookData(cells);
    data.metadata = notebook.metadata;
    return data;
  }

  serializeNotebook(data: vscode.NotebookData): Uint8Array {
    const notebook: SnbNotebook = {
      metadata: data.metadata ?? {},
      cells: data.cells.map((cell) => ({
        kind: cell.kind === vscode.NotebookCellKind.Markup ? 'markdown' : 'code',
        language: cell.languageId,
        source: cell.value,
        metadata: cell.metadata,
        outputs: cell.outputs?.map((output) => ({ items: output.items.map((item) => ({ mime: item.mime, text: new TextDecoder().decode(item.data) })) })),
      })),
    };
    return new TextEncoder().encode(serializeSnb(snbFromNotebook(notebook)));
  }
}
