/**
 * The results CSV of an import, which is also its journal: one line per row of the input with what happened to it,
 * for people first (row, status, record id, NetSuite's error), then what a later run needs to know what NetSuite
 * already has: the batch and idempotency key it went under and the fingerprint of the entry it sent.
 *
 * The journal belongs to an account, record type, mode and mapping, not to the input text: the person fixes the rows
 * NetSuite refused and imports the same file again, and the fingerprints say which rows were already written.
 */
import { createHash } from 'node:crypto';
import { appendFile, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { ImportPlan } from './csvImport';
import type { BatchEntry } from './recordBatches';

export type ImportRowStatus = 'created' | 'updated' | 'upserted' | 'notApplied' | 'failed' | 'invalid' | 'unknown';

export const journalHeader = ['row', 'status', 'recordId', 'error', 'batch', 'batchKey', 'fingerprint', 'importId'] as const;

export type JournalLine = Record<(typeof journalHeader)[number], string>;

/** What NetSuite has for good: the row is not sent again. */
export const writtenStatuses: ReadonlySet<string> = new Set<ImportRowStatus>(['created', 'updated', 'upserted']);

/**
 * The journal's identity: same account, type, mode and mapping → same journal. The account is part of it: the same
 * file imported into another account is another import, with nothing done yet. The mapping too: the same row mapped
 * otherwise sends another entry.
 */
export function importIdOf(plan: ImportPlan, accountId: string): string {
  return createHash('sha256').update(JSON.stringify([accountId, plan.recordType, plan.mode, plan.columns])).digest('hex').slice(0, 32);
}

/** What a row sends (after the dry run's reference lookups), hashed: equal fingerprints, equal bodies. */
export function entryFingerprint(entry: BatchEntry): string {
  return createHash('sha256').update(JSON.stringify([entry.id ?? null, entry.externalId ?? null, entry.fields ?? {}])).digest('hex').slice(0, 32);
}

/**
 * A UUID-shaped key (RFC 4122 version 5 layout) from the import id, the batch number and the entries the batch
 * sends: one key never covers two different batches. Batch numbers are not reused within a journal, so a row sent
 * again after NetSuite refused it goes under a new key (NetSuite would answer an old key with the old refusal).
 */
export function batchKeyOf(importId: string, batchNumber: number, entries: readonly BatchEntry[]): string {
  const hex = createHash('sha256').update(`${importId}:${batchNumber}:`).update(JSON.stringify(entries)).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A line of a results file written before lines carried fingerprints (legacyJournal.ts). */
export type LegacyLine = Record<'row' | 'status' | 'recordId' | 'error' | 'batch' | 'importId' | 'batchKey', string>;

/** `other`: another import's results; `held` counts its rows NetSuite has (written) or may have (answer lost). */
export type JournalRead = { kind: 'none' } | { kind: 'other'; held: number } | { kind: 'legacy'; lines: LegacyLine[] } | { kind: 'this'; lines: JournalLine[] };

/**
 * A line's place: the lines of a run are appended (written ahead as `unknown`, then the outcome) and the last line
 * of a place counts. A sent row's place is its batch and row; a row sent nowhere (invalid, not applied) is its row;
 * a created record no longer in the file keeps its own place.
 */
function placeOf(line: JournalLine): string {
  if (line.row === '') return `gone|${line.fingerprint}|${line.recordId}`;
  return `${line.batchKey}|${line.row}`;
}

/** The results file as this import's journal (each place's last line), another import's, an older version's, or none. */
export async function readJournal(resultsPath: string, importId: string): Promise<JournalRead> {
  let text: string;
  try {
    text = await readFile(resultsPath, 'utf8');
  } catch {
    return { kind: 'none' };
  }
  const all = parse(text, { columns: true, skip_empty_lines: true, relax_column_count: true }) as JournalLine[];
  if (all.length > 0 && !('fingerprint' in all[0])) return { kind: 'legacy', lines: all };
  const byPlace = new Map<string, JournalLine>();
  for (const line of all) {
    byPlace.delete(placeOf(line));
    byPlace.set(placeOf(line), line);
  }
  if (all.some((line) => line.importId !== importId)) {
    return { kind: 'other', held: [...byPlace.values()].filter((line) => writtenStatuses.has(line.status) || line.status === 'unknown').length };
  }
  return { kind: 'this', lines: sortedLines([...byPlace.values()]) };
}

/** Row order for people; records no longer in the file last. */
function sortedLines(lines: JournalLine[]): JournalLine[] {
  const rank = (line: JournalLine) => (line.row === '' ? Number.MAX_SAFE_INTEGER : Number(line.row));
  return [...lines].sort((a, b) => rank(a) - rank(b));
}

const csvLines = (lines: readonly JournalLine[]) => lines.map((line) => journalHeader.map((column) => line[column] ?? ''));

/** Replaces the journal (a temporary file renamed over it: never half written). */
export async function writeJournal(resultsPath: string, lines: readonly JournalLine[]): Promise<void> {
  const temporary = `${resultsPath}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, stringify([[...journalHeader], ...csvLines(sortedLines([...lines]))]));
    await rename(temporary, resultsPath);
  } finally {
    await rm(temporary, { force: true }).catch(() => undefined);
  }
}

export function appendJournal(resultsPath: string, lines: readonly JournalLine[]): Promise<void> {
  return appendFile(resultsPath, stringify(csvLines(lines)));
}
