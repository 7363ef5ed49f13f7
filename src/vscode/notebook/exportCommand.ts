import { homedir } from 'node:os';
import { basename, join } from 'node:path';
import * as vscode from 'vscode';
import type { NetSuiteClient } from '../../netsuite/client';
import { suiteQLRowCap } from '../../netsuite/suiteql';
import { resultColumnsOf } from '../../suiteql/resultColumns';
import type { AccountRegistry } from '../accounts/accountRegistry';
import { rowsBeyondCap } from '../../app/notebook/exportCap';
import { exportDoneMessage, exportExtension, exportFailedMessage, exportRows, type ExportFormat, type XlsxWriterModule } from '../../app/notebook/exportWriter';

/** `SELECT … id …` — whether the keyset mode (ordered by id, beyond NetSuite's 100,000-row cap) can be offered. */
export function selectsId(query: string): boolean {
  const selectList = /^\s*select\s+([\s\S]*?)\s+from\s/i.exec(query)?.[1] ?? '';
  return /(^|[\s,.])id(\s|,|$)/i.test(selectList) || /^\s*\*\s*$/.test(selectList);
}

const formatLabel: Record<ExportFormat, string> = { csv: 'CSV', json: 'JSON', xlsx: 'Excel', markdown: 'Markdown' };

/** `suiteql-2026-11-21.csv` in the first workspace folder (or the home folder), so Save is one keystroke. */
function defaultExportUri(format: ExportFormat): vscode.Uri {
  const name = `suiteql-${new Date().toISOString().slice(0, 10)}.${exportExtension[format]}`;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  return folder ? vscode.Uri.joinPath(folder, name) : vscode.Uri.file(join(homedir(), name));
}

/**
 * Exports a query's full result (all pages, fetched in parallel) to CSV, JSON, XLSX or Markdown with a cancellable progress
 * notification. NetSuite's 100,000-row cap is announced before the export starts, with the keyset mode offered when
 * the query selects an id; a cancelled export leaves no file behind.
 */
export async function exportQueryResult(
  registry: AccountRegistry<NetSuiteClient>,
  accountId: string,
  query: string,
  format: ExportFormat,
  loadXlsx?: () => XlsxWriterModule,
): Promise<void> {
  let client: NetSuiteClient;
  let first: Awaited<ReturnType<NetSuiteClient['queryPage']>>;
  try {
    client = (await registry.scope(accountId)).client;
    first = await client.queryPage(query, 0, { pageSize: 1 });
  } catch (error) {
    // Called from a renderer message nobody awaits: an error left to propagate would reach the extension host unseen.
    void vscode.window.showErrorMessage(`Export failed before anything was written: ${error instanceof Error ? error.message : String(error)}`);
    return;
  }
  let keyset: { column: string } | undefined;
  // An account may report the cap itself as the total: then a COUNT(*) (one row, not capped) tells whether it bites.
  const beyondCap = await rowsBeyondCap(first.totalResults, () => client.countRows(query));
  if (beyondCap) {
    const total = beyondCap.total === undefined ? `at least ${suiteQLRowCap.toLocaleString('en-US')}` : beyondCap.total.toLocaleString('en-US');
    const cap = suiteQLRowCap.toLocaleString('en-US');
    const options = selectsId(query) ? ['Export all rows (keyset paging by id)', `Export the first ${cap}`] : [`Export the first ${cap}`];
    const choice = await vscode.window.showWarningMessage(
      `This query has ${total} rows, but NetSuite returns at most ${cap} rows per query.` +
        (selectsId(query) ? ' SuiteLens can walk past the cap in chunks ordered by id.' : ' Select the id column to export everything with keyset paging.'),
      { modal: true },
      ...options,
    );
    if (!choice) return;
    if (choice.startsWith('Export all')) keyset = { column: 'id' };
  }
  const target = await vscode.window.showSaveDialog({
    saveLabel: `Export ${formatLabel[format]}`,
    filters: { [formatLabel[format]]: [exportExtension[format]] },
    defaultUri: defaultExportUri(format),
  });
  if (!target) return;
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Exporting to ${basename(target.fsPath)}`, cancellable: true },
    async (progress, token) => {
      const abort = new AbortController();
      token.onCancellationRequested(() => abort.abort());
      let expected = keyset ? (beyondCap?.total ?? first.totalResults) : Math.min(first.totalResults, suiteQLRowCap);
      let reported = 0;
      // The count asked above lets the first wave of pages go out beside page one (SuiteQLRunOptions.expectedRows).
      const run = client.query(query, {
        signal: abort.signal,
        keyset,
        ...(keyset ? {} : { expectedRows: first.totalResults }),
        onProgress: (p) => (expected = keyset ? Math.max(expected, p.expectedRows) : p.expectedRows),
      });
      async function* raw() {
        for await (const row of run) yield row.raw;
      }
      try {
        const summary = await exportRows(raw(), target.fsPath, format, {
          signal: abort.signal,
          columns: resultColumnsOf(query),
          xlsx: format === 'xlsx' ? loadXlsx?.() : undefined,
          csvFormulaGuard: vscode.workspace.getConfiguration('suitelens').get<boolean>('export.csvFormulaGuard', true),
          onProgress: (written) => {
            const increment = expected > 0 ? ((written - reported) / expected) * 100 : 0;
            reported = written;
            progress.report({ message: `${written.toLocaleString('en-US')} of ${expected.toLocaleString('en-US')} rows`, increment });
          },
        });
        const done = exportDoneMessage(summary.rows, basename(target.fsPath), run.summary);
        // Not awaited: the progress notification ends with the export, not when this message is answered.
        const shown = done.complete ? vscode.window.showInformationMessage(done.text, 'Open File') : vscode.window.showWarningMessage(done.text, 'Open File');
        void shown.then(async (open) => {
          if (open) await vscode.commands.executeCommand('vscode.open', target);
        });
      } catch (error) {
        if (abort.signal.aborted) {
          void vscode.window.showInformationMessage('Export cancelled; no file was written.');
          return;
        }
        void vscode.window.showErrorMessage(exportFailedMessage(basename(target.fsPath), error));
      }
    },
  );
}
