/**
 * CSV import, the writing part: the checked rows go to NetSuite in batches (recordBatches.ts) and every row's outcome
 * is appended to a results CSV beside the input (importJournal.ts), which is also the import's journal.
 *
 * Exactly once, across runs and edits of the file: each journaled line carries the fingerprint of the entry its row
 * sent, and a run matches the file's rows to those lines by what they send (importRerun.ts), so a row NetSuite
 * already has is not sent again wherever it moved in the file, and the rows NetSuite refused — the ones the person
 * fixed — are sent in new batches. Before a batch is submitted its rows are journaled `unknown` with its key
 * (write-ahead); its outcome is appended when known, and the last line of a row counts. A batch still `unknown` (its
 * answer was lost, its retries used up, or the run was killed while its job ran) is submitted again under its own
 * key with exactly the entries it sent: NetSuite answers IDEMPOTENCY_ERROR with the first job if that job ran, or
 * runs it now if it never arrived. A lost batch whose entries the file no longer gives is not sent under its key
 * (it names other entries) nor under a new one (its rows might be written twice): the run is refused and says which
 * rows to check. A results file of another import (another type, mode or mapping) is replaced only when it records
 * nothing NetSuite has or may have; otherwise the run is refused (`heldByOtherImport`).
 */
import { basename } from 'node:path';
import type { NetSuiteClient } from './client';
import type { ImportPlan, RowCheck } from './csvImport';
import { appendJournal, batchKeyOf, importIdOf, readJournal, writeJournal, type ImportRowStatus, type JournalLine } from './importJournal';
import { planRerun, type SentRow } from './importRerun';
import { adoptLegacyJournal } from './legacyJournal';
import { maxBatchSize, type BatchEntryResult, type BatchProgress } from './recordBatches';

export interface ImportRunOptions {
  resultsPath: string;
  /** The input file's text: only to read a results file an earlier version wrote for it (legacyJournal.ts). */
  inputText?: string;
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
  /** Rows whose entry NetSuite already has from an earlier run (wherever they moved in the file): not sent. */
  resumedRows: number;
  /** This run's rows by outcome (`notApplied`: created before, changed in the file since, not sent). */
  byStatus: Record<ImportRowStatus, number>;
  stopped: boolean;
}

/** Said of rows whose batch is about to be submitted, until its outcome is journaled. */
const submittedNote = 'Submitted; NetSuite\u2019s answer has not arrived yet';

interface RunBatch {
  batch: number;
  key: string;
  rows: SentRow[];
}

/** The journal lines a run starts from; `refusal` when the results file cannot be read safely and nothing may be sent. */
async function startingJournal(resultsPath: string, plan: ImportPlan, accountId: string, checks: readonly RowCheck[], inputText?: string): Promise<{ lines: JournalLine[]; replacesOther: boolean; refusal?: string }> {
  const importId = importIdOf(plan, accountId);
  const journal = await readJournal(resultsPath, importId);
  if (journal.kind === 'this') return { lines: journal.lines, replacesOther: false };
  if (journal.kind === 'other' && journal.held > 0) return { lines: [], replacesOther: false, refusal: heldByOtherImport(resultsPath, journal.held) };
  if (journal.kind !== 'legacy') return { lines: [], replacesOther: journal.kind === 'other' };
  const adoption = adoptLegacyJournal(journal.lines, { plan, accountId, importId, inputText, checks, resultsPath });
  if (adoption.kind === 'adopted') return { lines: adoption.lines, replacesOther: false };
  return adoption.kind === 'refused' ? { lines: [], replacesOther: false, refusal: adoption.message } : { lines: [], replacesOther: true };
}

/**
 * Another import's results (other type, mode or column mapping) that record rows NetSuite has, or may have, are never
 * replaced: the rows of this import are other entries, so none would match, and every row would be written again
 * (in create mode, a second record each). Only results with nothing written are replaced.
 */
function heldByOtherImport(resultsPath: string, held: number): string {
  const file = basename(resultsPath);
  return (
    `${file} records ${held === 1 ? '1 row' : `${held} rows`} that NetSuite has, or may have, from an import of this file with another record type, mode or column mapping; ` +
    `importing with these choices would write ${held === 1 ? 'it' : 'them'} again. Choose the record type, mode and columns used then to import only the rest, or move ${file} away to import every row anew. Nothing was sent.`
  );
}

/**
 * Rows NetSuite already has (done, or created and changed since), whether the results file is another import's that
 * Import replaces, and `refusal` when Import would refuse to run (the results file cannot be safely resumed or replaced).
 */
export async function journaledProgress(resultsPath: string, plan: ImportPlan, accountId: string, checks: readonly RowCheck[], inputText?: string): Promise<{ doneRows: number; replacesOther: boolean; refusal?: string }> {
  const { lines, replacesOther, refusal } = await startingJournal(resultsPath, plan, accountId, checks, inputText);
  const rerun = planRerun(importIdOf(plan, accountId), plan.mode, lines, checks);
  return { doneRows: rerun.done.length + rerun.notApplied.length, replacesOther, ...(refusal ? { refusal } : {}) };
}

/** `1–3, 7` */
function rowRanges(rows: readonly number[]): string {
  const sorted = [...rows].sort((a, b) => a - b);
  const ranges: string[] = [];
  for (let index = 0; index < sorted.length; ) {
    let end = index;
    while (end + 1 < sorted.length && sorted[end + 1] === sorted[end] + 1) end += 1;
    ranges.push(end === index ? String(sorted[index]) : `${sorted[index]}\u2013${sorted[end]}`);
    index = end + 1;
  }
  return ranges.join(', ');
}

export async function runImport(client: NetSuiteClient, plan: ImportPlan, checks: RowCheck[], options: ImportRunOptions): Promise<ImportRunSummary> {
  const importId = importIdOf(plan, client.account.id);
  const size = options.batchSize ?? maxBatchSize;
  const journal = await startingJournal(options.resultsPath, plan, client.account.id, checks, options.inputText);
  if (journal.refusal) throw new Error(journal.refusal);
  const rerun = planRerun(importId, plan.mode, journal.lines, checks);
  if (rerun.refusedRows.length > 0) {
    const rows = rerun.refusedRows.map(rowRanges).join(', ');
    throw new Error(
      `Cannot resume this import: rows ${rows} were sent before with other values than the file and references give now (row numbers as the file was then), and NetSuite\u2019s answer for them was lost. ` +
        `Check those rows in NetSuite, then remove their lines from ${basename(options.resultsPath)} (or the whole file) and import again. Nothing was sent.`,
    );
  }
  const resumedRows = rerun.done.length;
  const byStatus: Record<ImportRowStatus, number> = { created: 0, updated: 0, upserted: 0, notApplied: rerun.notApplied.length, failed: 0, invalid: rerun.invalid.length, unknown: 0 };
  const lineOf = (row: number, status: ImportRowStatus, rest: Partial<JournalLine> = {}): JournalLine => ({ row: String(row), status, recordId: '', error: '', batch: '', batchKey: '', fingerprint: '', importId, ...rest });
  const sentLine = (batch: RunBatch, row: SentRow, status: ImportRowStatus, rest: Partial<JournalLine> = {}) =>
    lineOf(row.check.row, status, { batch: String(batch.batch), batchKey: batch.key, fingerprint: row.fingerprint, ...rest });

  // Lost batches first (their keys are the oldest), then the new rows in fixed slices of `size`.
  const batches: RunBatch[] = [...rerun.inFlight];
  for (let start = 0, batch = rerun.nextBatch; start < rerun.fresh.length; start += size, batch += 1) {
    const rows = rerun.fresh.slice(start, start + size);
    batches.push({ batch, key: batchKeyOf(importId, batch, rows.map((row) => row.entry)), rows });
  }

  // The journal as this run starts: what is done (renumbered to the file's rows), what is not sent and why, and the
  // lost batches about to go again; another import's results are replaced here.
  await writeJournal(options.resultsPath, [
    ...rerun.done,
    ...rerun.notApplied,
    ...rerun.invalid.map((check) => lineOf(check.row, 'invalid', { error: check.errors.join('; ') })),
    ...rerun.inFlight.flatMap((batch) => batch.rows.map((row) => sentLine(batch, row, 'unknown', { error: submittedNote }))),
    ...rerun.gone,
  ]);

  const succeededAs: ImportRowStatus = plan.mode === 'create' ? 'created' : plan.mode === 'update' ? 'updated' : 'upserted';
  const journalOutcome = async (batch: RunBatch, results: readonly BatchEntryResult[]) => {
    const byIndex = new Map(results.map((result) => [result.index, result]));
    await appendJournal(
      options.resultsPath,
      batch.rows.map((row, index) => {
        const result = byIndex.get(index);
        const status: ImportRowStatus = result?.status === 'succeeded' ? succeededAs : result?.status === 'failed' ? 'failed' : 'unknown';
        byStatus[status] += 1;
        return sentLine(batch, row, status, { recordId: result?.id ?? '', error: result?.error?.detail ?? result?.error?.message ?? '' });
      }),
    );
  };

  let stopped = false;
  // The first error that ends the run: no batch starts after it, batches under way are followed and journaled, and
  // it is thrown once they have: nothing is appended to the journal after runImport has settled.
  let failure: { error: unknown } | undefined;
  const workers = Math.max(1, Math.min(options.concurrency ?? client.http.governor.state.maxLimit, batches.length));
  let next = 0;
  try {
    await Promise.all(
      Array.from({ length: workers }, async () => {
        while (!failure) {
          if (options.stop?.aborted || options.signal?.aborted) {
            stopped = next < batches.length;
            return;
          }
          const batch = batches[next++];
          if (batch === undefined) return;
          try {
            // A lost batch's rows are journaled `unknown` under its key already.
            if (!rerun.inFlight.includes(batch)) await appendJournal(options.resultsPath, batch.rows.map((row) => sentLine(batch, row, 'unknown', { error: submittedNote })));
            const entries = batch.rows.map((row) => row.entry);
            // One request per batch, whatever `size` is now: a lost batch goes again exactly as it went, under its key.
            const run = await client.batches.run(plan.recordType, plan.mode, entries, { batchSize: maxBatchSize, concurrency: 1, batchKey: () => batch.key, signal: options.signal });
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

/** Rewrites the journal with each row's last line only. */
async function compactJournal(resultsPath: string, importId: string): Promise<void> {
  try {
    const journal = await readJournal(resultsPath, importId);
    if (journal.kind === 'this') await writeJournal(resultsPath, journal.lines);
  } catch {
    // Tidying only: the appended journal reads the same (each row's last line counts), so it is kept as it is.
  }
}
