/**
 * "Set field…" and "Delete records…" on the rows selected in the grid: pick the field and value, see a preview, then
 * the change runs on NetSuite's batch API under a cancellable progress notification. Cancel stops submitting new
 * batches (those already sent finish) and the report says what was done. A delete on a production account also
 * asks for the count to be typed.
 */
import * as vscode from 'vscode';
import type { BatchProgress } from '../../netsuite/recordBatches';
import type { GridRowRecord, GridRowResult } from '../../protocol/gridEditMessages';
import type { AccountProfile } from '../../app/accounts/accountProfile';
import { cellValue, runBulkAction, suiteQLText, summaryOf, type BulkChange, type GridWriteClient } from '../../app/notebook/gridEditApply';
import { writableFields, type CatalogAccess, type GridEditMap } from '../../app/notebook/gridEditMapping';

export interface BulkOutcome {
  results: GridRowResult[];
  summary: string;
}

const listedIds = 15;

function accountName(profile: AccountProfile): string {
  const name = profile.label === profile.accountId ? profile.accountId : `${profile.label} (${profile.accountId})`;
  return profile.environment === 'production' ? `PRODUCTION account ${name}` : name;
}

function idList(records: readonly GridRowRecord[]): string {
  const shown = records.slice(0, listedIds).map((record) => record.id).join(', ');
  return records.length > listedIds ? `Internal ids: ${shown} … and ${records.length - listedIds} more.` : `Internal ids: ${shown}.`;
}

/** Runs a bulk action the grid asked for; undefined when the person stopped at a question (nothing was sent). */
export async function runBulkFromGrid(
  profile: AccountProfile,
  client: GridWriteClient & { metadata: CatalogAccess },
  map: GridEditMap,
  action: 'setField' | 'delete',
  records: readonly GridRowRecord[],
): Promise<BulkOutcome | undefined> {
  if (records.length === 0) return { results: [], summary: 'Select the rows first (click or Shift+click the row numbers).' };
  const types = [...new Set(records.map((record) => record.recordType))];
  if (types.length !== 1) return { results: [], summary: `The selected rows are records of ${types.length} types (${types.join(', ')}): select rows of one record type.` };
  const [recordType] = types;
  const count = `${records.length} ${recordType} record${records.length === 1 ? '' : 's'}`;
  const change = action === 'setField' ? await chooseFieldChange(recordType, count, client.metadata, map) : { kind: 'delete' as const, recordType };
  if (!change) return undefined;
  if (!(await confirmBulk(profile, change, count, records))) return undefined;

  const title = change.kind === 'delete' ? `Deleting ${count}` : `Setting ${change.field.title} on ${count}`;
  const run = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
    const stop = new AbortController();
    const cancelled = token.onCancellationRequested(() => stop.abort());
    let reported = 0;
    const onProgress = (state: BatchProgress) => {
      const increment = ((state.done - reported) / state.total) * 100;
      reported = state.done;
      progress.report({ increment, message: `${state.done} of ${state.total} done${state.failed ? `, ${state.failed} refused` : ''}` });
    };
    try {
      return await runBulkAction(client, change, records, { stop: stop.signal, onProgress });
    } finally {
      cancelled.dispose();
    }
  });
  const summary = summaryOf(run.results, change.kind === 'delete' ? 'Deleted' : 'Updated', run.stopped);
  if (run.stopped) void vscode.window.showInformationMessage(`Cancelled. ${summary}`);
  return { results: run.results, summary };
}

async function chooseFieldChange(recordType: string, count: string, catalog: CatalogAccess, map: GridEditMap): Promise<BulkChange | undefined> {
  const fields = await writableFields(recordType, catalog);
  const picked = await vscode.window.showQuickPick(
    fields.map((field) => ({ label: field.title, description: `${field.id} · ${field.kind}${field.referenceType ? ` (${field.referenceType} internal id)` : ''}`, field })),
    // ignoreFocusOut: these prompts open from a click in the grid's webview, which can take the focus back as they
    // open (seen on VS Code 1.100 in CI); a plain prompt closes on losing focus and the bulk change is dropped unasked.
    { title: `Set field on ${count}`, placeHolder: 'The field to set', matchOnDescription: true, ignoreFocusOut: true },
  );
  if (!picked) return undefined;
  const field = picked.field;
  const text = await vscode.window.showInputBox({
    title: `Set ${field.title} on ${count}`,
    prompt: `The new value of ${field.title} (${field.id}); leave empty to clear it.${field.kind === 'date' ? ' Dates as YYYY-MM-DD.' : ''}`,
    validateInput: (value) => cellValue(field, value).error,
    ignoreFocusOut: true,
  });
  if (text === undefined) return undefined;
  const typeMap = map.types.find((type) => type.recordType === recordType);
  const column = typeMap?.fields.indexOf(field.id);
  return { kind: 'setField', recordType, field, text, column: column !== undefined && column >= 0 ? column : undefined };
}

/** The preview: what changes on which records, in which account; a production delete also needs the count typed. */
async function confirmBulk(profile: AccountProfile, change: BulkChange, count: string, records: readonly GridRowRecord[]): Promise<boolean> {
  const where = accountName(profile);
  if (change.kind === 'setField') {
    // The value as it will be saved (`1,234.5` → 1234.5), not as typed.
    const value = change.text.trim() === '' ? '(empty: cleared)' : `"${suiteQLText(cellValue(change.field, change.text).value) ?? change.text}"`;
    const choice = await vscode.window.showWarningMessage(`Set ${change.field.title} to ${value} on ${count} in ${where}?`, { modal: true, detail: `${change.field.id}: → ${value}\n${idList(records)}` }, 'Set Field');
    return choice === 'Set Field';
  }
  const choice = await vscode.window.showWarningMessage(
    `Delete ${count} from ${where}?`,
    { modal: true, detail: `NetSuite deletes these records for good; this cannot be undone from SuiteLens.\n${idList(records)}` },
    'Delete',
  );
  if (choice !== 'Delete') return false;
  if (profile.environment !== 'production') return true;
  const phrase = `delete ${records.length}`;
  const typed = await vscode.window.showInputBox({
    title: `Delete ${count} from ${where}`,
    prompt: `Type "${phrase}" to delete them from production.`,
    validateInput: (value) => (value.trim() === phrase ? undefined : `Type "${phrase}" exactly.`),
    ignoreFocusOut: true,
  });
  return typed?.trim() === phrase;
}
