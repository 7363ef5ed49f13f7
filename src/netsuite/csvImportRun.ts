/**
 * CSV import, the writing part: the checked rows go to NetSuite in batches (recordBatches.ts) and every batch's
 * outcome is appended to a results CSV beside the input — row, status, record id, NetSuite's error — which is also
 * the import's journal.
 *
 * Resuming without duplicates: the batches are fixed slices of the input's rows, and each batch's idempotency key
 * is derived from the import (input text, record type, mode, mapping) and the batch's number, so a second run of
 * the same import computes the same keys. A batch already in the journal is skipped; a batch that was submitted but
 * not journaled (the run was killed while its job ran) is submitted again under its old key, NetSuite answers
 * IDEMPOTENCY_ERROR with the first job, and that job's results are journaled: no record is written twice.
 * A results file of another import (another input or mapping) is replaced, not resumed.
 */
import { createHash } from 'node:crypto';
import { appendFile, readFile, writeFile } from 'node:fs/promises';
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

const header = ['row', 'status', 'recordId', 'error', 'batch', 'importId'];

/** The import's identity: same input text, type, mode and mapping → same id and same batch keys. */
export function importIdOf(plan: ImportPlan, inputText: string): string {
  return createHash('sha256').update(JSON.stringify([plan.recordType, plan.mode, plan.columns])).update('\0').update(inputText).digest('hex').slice(0, 32);
}

/** A UUID-shaped key (RFC 4122 version 5 layout) from the import id and batch number. */
export function batchKeyOf(importId: string, batchIndex: number): string {
  const hex = createHash('sha256').update(`${importId}:${batchIndex}`).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Batches of this import already in the results file, and how many rows they hold. */
export async function journaledBatches(resultsPath: string, importId: string): Promise<{ batches: Set<number>; rows: number } | undefined> {
  let text: string;
  try {
    text = await readFile(resultsPath, 'utf8');
  } catch {
    return undefined;
  }
  const lines = parse(text, { columns: true, skip_empty_lines: true, relax_column_count: true }) as Record<string, string>[];
  if (lines.length > 0 && lines.some((line) => line.importId !== importId)) return undefined;
  return { batches: new Set(lines.map((line) => Number(line.batch))), rows: lines.length };
}

export async function runImport(client: NetSuiteClient, plan: ImportPlan, checks: RowCheck[], options: ImportRunOptions): Promise<ImportRunSummary> {
  const importId = importIdOf(plan, options.inputText);
  const size = options.batchSize ?? maxBatchSize;
  const journal = await journaledBatches(options.resultsPath, importId);
  if (!journal) await writeFile(options.resultsPath, stringify([header]));
  const done = journal?.batches ?? new Set<number>();
  const byStatus: Record<ImportRowStatus, number> = { created: 0, updated: 0, upserted: 0, failed: 0, invalid: 0, unknown: 0 };

  // One batch entry per input row so batches stay fixed slices of the input; invalid rows are sent as nothing and
  // journaled with their dry-run errors.
  const slices = Array.from({ length: Math.ceil(checks.length / size) }, (_, index) => checks.slice(index * size, (index + 1) * size));
  const entries: BatchEntry[] = [];
  const rowOfEntry: number[] = [];
  const entryRanges = slices.map((slice) => {
    const start = entries.length;
    for (const check of slice) {
      if (!check.entry) continue;
      entries.push({ id: check.entry.id, externalId: check.entry.externalId, fields: check.entry.fields });
      rowOfEntry.push(check.row);
    }
    return { start, end: entries.length };
  });

  const succeededAs: ImportRowStatus = plan.mode === 'create' ? 'created' : plan.mode === 'update' ? 'updated' : 'upserted';
  const journalBatch = async (batchIndex: number, results: readonly BatchEntryResult[]) => {
    const byRow = new Map(results.map((result) => [rowOfEntry[result.index], result]));
    const lines = slices[batchIndex].map((check) => {
      const result = byRow.get(check.row);
      const status: ImportRowStatus = !check.entry ? 'invalid' : result?.status === 'succeeded' ? succeededAs : result?.status === 'failed' ? 'failed' : 'unknown';
      const error = !check.entry ? check.errors.join('; ') : (result?.error?.detail ?? result?.error?.message ?? '');
      byStatus[status] += 1;
      return [check.row, status, result?.id ?? '', error, batchIndex, importId];
    });
    await appendFile(options.resultsPath, stringify(lines));
  };

  // The batch runner's batches are the input's slices: entries of one slice, submitted under that slice's key.
  let stopped = false;
  const pending = slices.map((_, index) => index).filter((index) => !done.has(index));
  const workers = Math.max(1, Math.min(options.concurrency ?? client.http.governor.state.maxLimit, pending.length));
  let next = 0;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      for (;;) {
        if (options.stop?.aborted || options.signal?.aborted) {
          stopped = next < pending.length;
          return;
        }
        const batchIndex = pending[next++];
        if (batchIndex === undefined) return;
        const { start, end } = entryRanges[batchIndex];
        const key = batchKeyOf(importId, batchIndex);
        const run = end > start ? await client.batches.run(plan.recordType, plan.mode, entries.slice(start, end), { batchSize: size, concurrency: 1, batchKey: () => key, signal: options.signal }) : { results: [] };
        await journalBatch(batchIndex, run.results.map((result) => ({ ...result, index: result.index + start })));
        options.onProgress?.({ done: Object.values(byStatus).reduce((a, b) => a + b, 0), total: checks.length - (journal?.rows ?? 0), succeeded: byStatus[succeededAs], failed: byStatus.failed + byStatus.invalid + byStatus.unknown });
      }
    }),
  );
  return { importId, resumedRows: journal?.rows ?? 0, byStatus, stopped };
}
