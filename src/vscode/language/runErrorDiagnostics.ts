import * as vscode from 'vscode';
import { isErrorPayload, ROWS_MIME, type ErrorPayload } from '../../protocol/rows';
import { locateRunError } from '../../suiteql/runErrors';
import type { SuiteQLSchema } from '../../suiteql/schema';
import { runFromOf } from '../../app/language/runFrom';

/**
 * NetSuite's own refusal of a cell's query as a diagnostic on the cell (squiggle and Problems panel), at the name
 * NetSuite names. It reads the error the notebook controller writes into the cell's output, so it needs no hook in
 * the controller and also covers cells run by any other path. It goes away when the cell is edited, when a run
 * shows rows, and when the notebook closes. A column NetSuite called unknown is marked in the account's schema, so
 * completion stops recommending it.
 */
export function registerRunErrorDiagnostics(schemaFor: (accountId: string | undefined) => SuiteQLSchema): vscode.Disposable {
  const diagnostics = vscode.languages.createDiagnosticCollection('suiteql-netsuite');

  const showOutputsOf = (cell: vscode.NotebookCell) => {
    const payload = errorPayloadOf(cell);
    const source = sourceOf(cell);
    if (!payload) {
      diagnostics.delete(cell.document.uri);
      if (source) diagnostics.delete(source.document.uri);
      return;
    }
    const text = cell.document.getText();
    const located = locateRunError(text, payload.detail);
    const diagnosticAt = (range: vscode.Range) => {
      const diagnostic = new vscode.Diagnostic(range, `NetSuite: ${located.message}`, vscode.DiagnosticSeverity.Error);
      diagnostic.source = 'NetSuite';
      if (payload.code) diagnostic.code = payload.code;
      return diagnostic;
    };
    diagnostics.set(cell.document.uri, [diagnosticAt(new vscode.Range(cell.document.positionAt(located.start), cell.document.positionAt(located.end)))]);
    if (source) {
      const at = (offset: number) => source.document.positionAt(source.offset + offset);
      diagnostics.set(source.document.uri, [diagnosticAt(new vscode.Range(at(located.start), at(located.end)))]);
    }
    if (located.table && located.column) schemaFor(payload.account?.id).rejectColumn(located.table, located.column, located.message);
  };

  return vscode.Disposable.from(
    diagnostics,
    vscode.workspace.onDidChangeNotebookDocument((event) => {
      for (const change of event.cellChanges) if (change.outputs !== undefined) showOutputsOf(change.cell);
    }),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.contentChanges.length > 0 && diagnostics.has(event.document.uri)) diagnostics.delete(event.document.uri);
    }),
    vscode.workspace.onDidCloseNotebookDocument((notebook) => {
      for (const cell of notebook.getCells()) diagnostics.delete(cell.document.uri);
    }),
  );
}

/**
 * The open `.suiteql` file a cell was run from ("Run SuiteQL" on a file), while the query still stands there as the
 * cell holds it: once either was edited, offsets in one no longer point into the other.
 */
function sourceOf(cell: vscode.NotebookCell): { document: vscode.TextDocument; offset: number } | undefined {
  const runFrom = runFromOf(cell.metadata);
  if (!runFrom) return undefined;
  const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === runFrom.uri);
  if (!document) return undefined;
  const query = cell.document.getText();
  const text = document.getText();
  if (text.slice(runFrom.offset, runFrom.offset + query.length) !== query) return undefined;
  return { document, offset: runFrom.offset };
}

/** The NetSuite error a cell's output shows (not a cancel, not a local failure), if it shows one. */
function errorPayloadOf(cell: vscode.NotebookCell): ErrorPayload | undefined {
  for (const output of cell.outputs) {
    for (const item of output.items) {
      if (item.mime !== ROWS_MIME) continue;
      let payload: unknown;
      try {
        payload = JSON.parse(new TextDecoder().decode(item.data));
      } catch {
        continue;
      }
      // A NetSuite refusal carries NetSuite's error code; a cancel or SuiteLens's own failure has none.
      if (isErrorPayload(payload) && payload.code !== undefined) return payload;
    }
  }
  return undefined;
}
