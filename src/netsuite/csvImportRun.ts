/**
 * CSV import, the writing part: the checked rows go to NetSuite in batches (recordBatches.ts) and every batch's
 * outcome is appended to a results CSV beside the input — row, status, record id, NetSuite's error, batch and its
 * idempotency key — which is also the import's journal.
 *
 * Exactly once, across runs: the batches are fixed slices of the input's rows, and each batch's idempotency key is
 * derived from the import (account, input text, record type, mode, mapping), the batch's number and the entries it
 * sends, so a second run of the same import computes the same keys. Before a batch is submitted its rows are
 * journaled `unknown` with its key (write-ahead); its outcome is appended when known, and the last line of a row
 * counts. A batch is done only when every row of it has a final status; a batch still `unknown` (its answer was
 * lost, its retries used up, or the run was killed while its job ran) is submitted again under its own key: NetSuite
 * answers IDEMPOTENCY_ERROR with the first job if that job ran, or runs it now if it never arrived. A batch whose
 * entries differ from the ones journaled under its key (the dry run now gives other values) is not sent again
 * under a key that names other entries: the resume is refused and says which rows to check.
 * A results file of another import (another account, input or mapping) is replaced, not resumed.
 */
import { createHash } from 'node:crypto';
import { appendFile, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { NetSuiteClient } from './client';
import type { ImportPlan, RowCheck } from './csvImport';
import { maxBatchSize, type BatchEntry, type BatchEntryResult, type BatchProgress } from './recordBatches';

export type ImportRowStatus = 'created' | 'updated' | 'upserted' | 'failed' | 'invalid' | 'unknown';

export interface ImportRunOptions {
  /** The input file's text: the import's identity, with the plan. */
  inputText: string;
  resultsPath: string;
  concurrency?: number;
  batchSize?: number;
  onProgress?: (progress: BatchProgress) => void;
  /** Stop submitting new batches (submitted ones are followed and journaled). */
  stop?: AbortSignal;
  /** Abort at once (a batch in flight is then resumed by the next run). */
  signal?: AbortSignal;
}

export interface ImportRunSummary {
  importId: string;
  /** Rows journaled by an earlier run of the same import and skipped now. */
  resumedRows: number;
  byStatus: Record<ImportRowStatus, number>;
  stopped: boolean;
}

const header = ['row', 'status', 'recordId', 'error', 'batch', 'importId', 'batchKey'];

/** Statuses a row keeps: its batch is not sent again. `unknown` is the only one that is not final. */
const finalStatuses: ReadonlySet<string> = new Set<ImportRowStatus>(['created', 'updated', 'upserted', 'failed', 'invalid']);

/** Said of rows whose batch is about to be submitted, until its outcome is journaled. */
const submittedNote = 'Submitted; NetSuite\u2019s answer has not arrived yet';

/**
 * The import's identity: same account, input text, type, mode and mapping → same id and same batch keys. The account
 * is part of it: the same file imported into another account is another import, with nothing done yet.
 */
export function importIdOf(plan: ImportPlan, inputText: string, accountId: string): string {
  return createHash('sha256').update(JSON.stringify([accountId, plan.recordType, plan.mode, plan.columns])).update('\0').update(inputText).digest('hex').slice(0, 32);
}

/**
 * A UUID-shaped key (RFC 4122 version 5 layout) from the import id, the batch number and the entries the batch
 * sends: one key never covers two different batches, even if the dry run changed between two runs.
 */
export function batchKeyOf(importId: string, batchIndex: number, entries: readonly BatchEntry[]): string {
  const hex = createHash('sha256').update(`${importId}:${batchIndex}:`).update(JSON.stringify(entries)).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export type JournalLine = Record<(typeof header)[number], string>;

export interface Journal {
  /** Each journaled row's last line, in row order. */
  lines: JournalLine[];
  /** Batches whose every row has a final status: not sent again. */
  doneBatches: Set<number>;
  /** Rows of the done batches. */
  doneRows: number;
  /** The key each batch was last submitted under. */
  keys: Map<number, string>;
}

/** The results file of this import as a journal, or undefined when there is none or it is another import's. */
export async function readJournal(resultsPath: string, importId: string): Promise<Journal | undefined> {
  let text: string;
  try {
    text = await readFile(resultsPath, 'utf8');
  } catch {
    return undefined;
  }
  const all = parse(text, { columns: true, skip_empty_lines: true, relax_column_count: true }) as JournalLine[];
  if (all.length > 0 && all.some((line) => line.importId !== importId)) return undefined;
  const byRow = new Map<string, JournalLine>();
  const keys = new Map<number, string>();
  for (const line of all) {
    byRow.set(line.row, line);
    if (line.batchKey) keys.set(Number(line.batch), line.batchKey);
  }
  const lines = [...byRow.values()].sort((a, b) => Number(a.row) - Number(b.row));
  const unfinished = new Set(lines.filter((line) => !finalStatuses.has(line.status)).map((line) => Number(line.batch)));
  const doneBatches = new Set(lines.map((line) => Number(line.batch)).filter((batch) => !unfinished.has(batch)));
  return { lines, doneBatches, doneRows: lines.filter((line) => doneBatches.has(Number(line.batch))).length, keys };
}

/** Batches of this import already done, and how many rows they hold. */
export async function journaledBatches(resultsPath: string, importId: string): Promise<{ batches: Set<number>; rows: number } | undefined> {
  const journal = await readJournal(resultsPath, importId);
  return journal && { batches: journal.doneBatches, rows: journal.doneRows };
}

/** Rewrites the journal with each row's last line only (a temporary file renamed over it: never half written). */
async function compactJournal(resultsPath: string, importId: string): Promise<void> {
  const temporary = `${resultsPath}.${process.pid}.tmp`;
  try {
    const journal = await readJournal(resultsPath, importId);
    if (!journal) return;
    await writeFile(temporary, stringify([header, ...journal.lines.map((line) => header.map((column) => line[column] ?? ''))]));
    await rename(temporary, resultsPath);
  } catch {
    // Tidying only: the appended journal reads the same (each row's last line counts), so it is kept as it is.
    await rm(temporary, { force: true }).catch(() => undefined);
  }
}

export async function runImport(client: NetSuiteClient, plan: ImportPlan, checks: RowCheck[], options: ImportRunOptions): Promise<ImportRunSummary> {
  const importId = importIdOf(plan, options.inputText, client.account.id);
  const size = options.batchSize ?? maxBatchSize;
  const journal = await readJournal(options.resultsPath, importId);
  const done = journal?.doneBatches ?? new Set<number>();
  const resumedRows = journal?.doneRows ?? 0;
  const byStatus: Record<ImportRowStatus, number> = { created: 0, updated: 0, upserted: 0, failed: 0, invalid: 0, unknown: 0 };

  // One batch entry per input row so batches stay fixed slices of the input; invalid rows are sent as nothing and
  // journaled with their dry-run errors.
  const slices = Array.from({ length: Math.ceil(checks.length / size) }, (_, index) => checks.slice(index * size, (index + 1) * size));
  const batches = slices.map((slice, index) => {
    const sent = slice.filter((check) => check.entry);
    const entries: BatchEntry[] = sent.map((check) => ({ id: check.entry!.id, externalId: check.entry!.externalId, fields: check.entry!.fields }));
    return { index, slice, entries, rows: sent.map((check) => check.row), key: batchKeyOf(importId, index, entries) };
  });
  const pending = batches.filter((batch) => !done.has(batch.index));

  // A batch journaled under another key was submitted with other entries: sending these under a new key could
  // write its rows twice, under the old key would answer for entries it did not send.
  const changed = pending.filter((batch) => journal?.keys.has(batch.index) && journal.keys.get(batch.index) !== batch.key);
  if (changed.length > 0) {
    const rows = changed.map((batch) => `${batch.slice[0].row}\u2013${batch.slice[batch.slice.length - 1].row}`).join(', ');
    throw new Error(
      `Cannot resume this import: rows ${rows} were sent before with other values than the file and references give now, and NetSuite\u2019s answer for them was lost. ` +
        `Check those rows in NetSuite, then remove their lines from ${basename(options.resultsPath)} (or the whole file) and import again. Nothing was sent.`,
    );
  }
  if (!journal) await writeFile(options.resultsPath, stringify([header]));

  const succeededAs: ImportRowStatus = plan.mode === 'create' ? 'created' : plan.mode === 'update' ? 'updated' : 'upserted';
  const journalLines = (lines: (string | number)[][]) => appendFile(options.resultsPath, stringify(lines));
  const journalOutcome = async (batch: (typeof batches)[number], results: readonly BatchEntryResult[]) => {
    const byRow = new Map(results.map((result) => [batch.rows[result.index], result]));
    await journalLines(
      batch.slice.map((check) => {
        const result = byRow.get(check.row);
        const status: ImportRowStatus = !check.entry ? 'invalid' : result?.status === 'succeeded' ? succeededAs : result?.status === 'failed' ? 'failed' : 'unknown';
        const error = !check.entry ? check.errors.join('; ') : (result?.error?.detail ?? result?.error?.message ?? '');
        byStatus[status] += 1;
        return [check.row, status, result?.id ?? '', error, batch.index, importId, batch.key];
      }),
    );
  };

  let stopped = false;
  // The first error that ends the run: no batch starts after it, batches under way are followed and journaled, and
  // it is thrown once they have: nothing is appended to the journal after runImport has settled.
  let failure: { error: unknown } | undefined;
  const workers = Math.max(1, Math.min(options.concurrency ?? client.http.governor.state.maxLimit, pending.length));
  let next = 0;
  try {
    await Promise.all(
      Array.from({ length: workers }, async () => {
        while (!failure) {
          if (options.stop?.aborted || options.signal?.aborted) {
            stopped = next < pending.length;
            return;
          }
          const batch = pending[next++];
          if (batch === undefined) return;
          try {
            if (batch.entries.length > 0) {
              await journalLines(batch.slice.filter((check) => check.entry).map((check) => [check.row, 'unknown', '', submittedNote, batch.index, importId, batch.key]));
            }
            const run = batch.entries.length > 0 ? await client.batches.run(plan.recordType, plan.mode, batch.entries, { batchSize: size, concurrency: 1, batchKey: () => batch.key, signal: options.signal }) : { results: [] };
            await journalOutcome(batch, run.results);
          } catch (error) {
            failure ??= { error };
            return;
          }
          options.onProgress?.({ done: Object.values(byStatus).reduce((a, b) => a + b, 0), total: checks.length - resumedRows, succeeded: byStatus[succeededAs], failed: byStatus.failed + byStatus.invalid + byStatus.unknown });
        }
      }),
    );
  } finally {
    await compactJournal(options.resultsPath, importId);
  }
  if (failure) throw failure.error;
  return { importId, resumedRows, byStatus, stopped };
}
