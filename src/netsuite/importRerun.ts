/**
 * What a run of an import does with each row of the file, given its journal: the file may have changed since the
 * last run (rows fixed, inserted, deleted, edited), so rows are matched to journaled lines by what they send (the
 * entry's fingerprint), not by their row number, one line to one row.
 *
 * - a row that sends what a written line (created/updated/upserted) sent is done: its line is kept, renumbered;
 * - a row that sends what a batch whose answer was lost (`unknown`) sent goes again in that batch, under that batch's
 *   key, with exactly the entries the key names — NetSuite answers a repeated key with the first job; if the file
 *   no longer gives those entries the batch cannot be sent under its key nor under a new one (its rows might be
 *   written twice), so the run is refused and names its rows;
 * - in create mode, a row that was changed after it was created (it sits where a created line sat between rows that
 *   match) is not created again: it is journaled `notApplied`, naming the record;
 * - every other row with an entry is sent in a new batch (the rows NetSuite refused and the person fixed, new rows).
 */
import type { ImportMode, RowCheck } from './csvImport';
import { batchKeyOf, entryFingerprint, writtenStatuses, type JournalLine } from './importJournal';
import type { BatchEntry } from './recordBatches';

export interface SentRow {
  check: RowCheck;
  entry: BatchEntry;
  fingerprint: string;
}

export interface InFlightBatch {
  batch: number;
  key: string;
  /** In the order the batch sent them. */
  rows: SentRow[];
}

export interface RerunPlan {
  /** Lines of rows already written, renumbered to the file's rows now. */
  done: JournalLine[];
  /** Rows of the file changed after their record was created: not sent. */
  notApplied: JournalLine[];
  invalid: RowCheck[];
  inFlight: InFlightBatch[];
  /** Journaled rows of lost batches whose entries the file no longer gives, one list per batch. */
  refusedRows: number[][];
  /** Rows to send in new batches, in row order. */
  fresh: SentRow[];
  /** Created records whose rows are no longer in the file: kept, so that a row put back is not created again. */
  gone: JournalLine[];
  /** The first batch number not used by the journal. */
  nextBatch: number;
}

const isWritten = (line: JournalLine) => writtenStatuses.has(line.status) || line.status === 'notApplied';

export function planRerun(importId: string, mode: ImportMode, lines: readonly JournalLine[], checks: readonly RowCheck[]): RerunPlan {
  const sent: SentRow[] = checks.flatMap((check) => {
    if (!check.entry) return [];
    const entry: BatchEntry = { id: check.entry.id, externalId: check.entry.externalId, fields: check.entry.fields };
    return [{ check, entry, fingerprint: entryFingerprint(entry) }];
  });
  const lineOf = new Map<SentRow, JournalLine>();
  const used = new Set<JournalLine>();
  const claim = (pool: readonly JournalLine[]) => {
    for (const row of sent) {
      if (lineOf.has(row)) continue;
      const line = pool.find((candidate) => !used.has(candidate) && candidate.fingerprint === row.fingerprint);
      if (!line) continue;
      used.add(line);
      lineOf.set(row, line);
    }
  };
  claim(lines.filter(isWritten));
  const unknown = lines.filter((line) => line.status === 'unknown' && line.batchKey !== '');
  claim(unknown);

  const inFlight: InFlightBatch[] = [];
  const refusedRows: number[][] = [];
  const byKey = new Map<string, JournalLine[]>();
  for (const line of unknown) byKey.set(line.batchKey, [...(byKey.get(line.batchKey) ?? []), line]);
  for (const [key, batchLines] of byKey) {
    const rows = batchLines.map((line) => sent.find((row) => lineOf.get(row) === line));
    const batch = Number(batchLines[0].batch);
    const complete = rows.every((row) => row !== undefined);
    // The key is checked too: the same entries in another order would read the first job's answers onto other rows.
    if (complete && batchKeyOf(importId, batch, rows.map((row) => row.entry)) === key) inFlight.push({ batch, key, rows });
    else refusedRows.push(batchLines.map((line) => Number(line.row)));
  }

  const notApplied = mode === 'create' ? changedSinceCreated(sent, lineOf, lines, used) : [];
  const notAppliedRows = new Set(notApplied.map((line) => line.row));
  const done = sent.flatMap((row) => {
    const line = lineOf.get(row);
    return line && isWritten(line) ? [{ ...line, row: String(row.check.row) }] : [];
  });
  const fresh = sent.filter((row) => !lineOf.has(row) && !notAppliedRows.has(String(row.check.row)));
  // A created record's line is never dropped in create mode; in update modes an old value's line would skip a row
  // that puts the old value back.
  const gone = mode === 'create' ? lines.filter((line) => isWritten(line) && !used.has(line)).map((line) => ({ ...line, row: '' })) : [];
  const batches = lines.filter((line) => line.batch !== '').map((line) => Number(line.batch)).filter((batch) => Number.isInteger(batch) && batch >= 0);
  return {
    done,
    notApplied,
    invalid: checks.filter((check) => !check.entry),
    inFlight,
    refusedRows,
    fresh,
    gone,
    nextBatch: batches.length > 0 ? Math.max(...batches) + 1 : 0,
  };
}

/**
 * Rows edited after their record was created, found like a diff finds a changed line: between two rows that match
 * journaled lines, an unmatched row takes the place of the unmatched line that sat between those same two lines. A
 * created line there means the row is that record, changed; a refused line there is the row the person fixed.
 */
function changedSinceCreated(sent: readonly SentRow[], lineOf: Map<SentRow, JournalLine>, lines: readonly JournalLine[], used: Set<JournalLine>): JournalLine[] {
  const oldRow = (line: JournalLine) => (line.row === '' ? Number.NaN : Number(line.row));
  const free = lines.filter((line) => !used.has(line) && line.status !== 'unknown' && line.status !== 'invalid' && Number.isFinite(oldRow(line))).sort((a, b) => oldRow(a) - oldRow(b));
  const nextAnchor: number[] = [];
  let anchor = Number.POSITIVE_INFINITY;
  for (let index = sent.length - 1; index >= 0; index -= 1) {
    nextAnchor[index] = anchor;
    const line = lineOf.get(sent[index]);
    if (line && Number.isFinite(oldRow(line))) anchor = oldRow(line);
  }
  const changed: JournalLine[] = [];
  let cursor = 0;
  sent.forEach((row, index) => {
    const matched = lineOf.get(row);
    if (matched) {
      if (Number.isFinite(oldRow(matched))) cursor = oldRow(matched);
      return;
    }
    const line = free.find((candidate) => !used.has(candidate) && oldRow(candidate) > cursor && oldRow(candidate) < nextAnchor[index]);
    if (!line) return;
    used.add(line);
    cursor = oldRow(line);
    if (!isWritten(line)) return;
    changed.push({
      ...line,
      row: String(row.check.row),
      status: 'notApplied',
      error: `Created before as record ${line.recordId}; the row was changed since and the change is not applied (an import that creates records does not update them). Edit record ${line.recordId} in NetSuite, or import this row in update mode.`,
      batch: '',
      batchKey: '',
      fingerprint: row.fingerprint,
    });
  });
  return changed;
}
