/**
 * Which rows of a changed file a run sends again, decided from the journal alone (importRerun.ts): rows are matched
 * to journaled lines by what they send, one line to one row.
 */
import { describe, expect, it } from 'vitest';
import type { RowCheck } from '../../src/netsuite/csvImport';
import { batchKeyOf, entryFingerprint, type ImportRowStatus, type JournalLine } from '../../src/netsuite/importJournal';
import { planRerun } from '../../src/netsuite/importRerun';

const importId = 'import-under-test';
const entryOf = (name: string) => ({ fields: { companyName: name } });
const checksOf = (names: readonly string[]): RowCheck[] => names.map((name, index) => ({ row: index + 1, errors: [], entry: entryOf(name) }));

function line(row: number, name: string, status: ImportRowStatus, batch = 0, recordId = ''): JournalLine {
  return { row: String(row), status, recordId, error: '', batch: String(batch), batchKey: `key-${batch}`, fingerprint: entryFingerprint(entryOf(name)), importId };
}

describe('planRerun', () => {
  it('skips two identical created rows and sends a third identical one', () => {
    const plan = planRerun(importId, 'create', [line(1, 'Same', 'created', 0, '11'), line(2, 'Same', 'created', 0, '12')], checksOf(['Same', 'Same', 'Same']));
    expect(plan.done.map((done) => [done.row, done.recordId])).toEqual([['1', '11'], ['2', '12']]);
    expect(plan.fresh.map((row) => row.check.row)).toEqual([3]);
    expect(plan.nextBatch).toBe(1);
  });

  it('finds a created row wherever it moved, and sends the refused row the person fixed', () => {
    const journal = [line(1, 'A', 'created', 0, '11'), line(2, 'B broken', 'failed'), line(3, 'C', 'created', 0, '13')];
    const plan = planRerun(importId, 'create', journal, checksOf(['New', 'A', 'B', 'C']));
    expect(plan.done.map((done) => `${done.row}:${done.recordId}`)).toEqual(['2:11', '4:13']);
    expect(plan.fresh.map((row) => row.check.row)).toEqual([1, 3]);
    expect(plan.notApplied).toEqual([]);
  });

  it('in create mode, says a created row changed since is not applied; in update mode sends it', () => {
    const journal = [line(1, 'A', 'created', 0, '11'), line(2, 'B', 'created', 0, '12'), line(3, 'C', 'created', 0, '13')];
    const created = planRerun(importId, 'create', journal, checksOf(['A', 'B changed', 'C']));
    expect(created.fresh).toEqual([]);
    expect(created.notApplied).toMatchObject([{ row: '2', status: 'notApplied', recordId: '12', fingerprint: entryFingerprint(entryOf('B changed')) }]);
    expect(created.notApplied[0].error).toMatch(/^Created before as record 12; the row was changed since and the change is not applied/);

    const updated = planRerun(importId, 'update', journal.map((each) => ({ ...each, status: 'updated' })), checksOf(['A', 'B changed', 'C']));
    expect(updated.fresh.map((row) => row.check.row)).toEqual([2]);
    expect(updated.notApplied).toEqual([]);
    // An old value's line is not kept in update mode: putting the old value back must send it.
    expect(updated.gone).toEqual([]);
  });

  it('keeps a deleted row’s created record, so that putting the row back does not create it again', () => {
    const journal = [line(1, 'A', 'created', 0, '11'), line(2, 'B', 'created', 0, '12')];
    const without = planRerun(importId, 'create', journal, checksOf(['A']));
    expect(without.gone).toMatchObject([{ row: '', recordId: '12' }]);
    const back = planRerun(importId, 'create', [...without.done, ...without.gone], checksOf(['B', 'A']));
    expect(back.done.map((done) => `${done.row}:${done.recordId}`)).toEqual(['1:12', '2:11']);
    expect(back.fresh).toEqual([]);
  });

  it('sends a lost batch again under its key with its entries, in the order they went, even if the rows moved', () => {
    const key = batchKeyOf(importId, 4, [entryOf('X'), entryOf('Y')]);
    const lost = [line(1, 'X', 'unknown', 4), line(2, 'Y', 'unknown', 4)].map((each) => ({ ...each, batchKey: key }));
    const plan = planRerun(importId, 'create', lost, checksOf(['New', 'X', 'Y']));
    expect(plan.inFlight).toEqual([{ batch: 4, key, rows: [expect.objectContaining({ check: expect.objectContaining({ row: 2 }) }), expect.objectContaining({ check: expect.objectContaining({ row: 3 }) })] }]);
    expect(plan.fresh.map((row) => row.check.row)).toEqual([1]);
    expect(plan.refusedRows).toEqual([]);
    expect(plan.nextBatch).toBe(5);
  });

  it('refuses a lost batch whose entries the file no longer gives, naming its journaled rows', () => {
    const key = batchKeyOf(importId, 0, [entryOf('X'), entryOf('Y')]);
    const lost = [line(1, 'X', 'unknown'), line(2, 'Y', 'unknown')].map((each) => ({ ...each, batchKey: key }));
    expect(planRerun(importId, 'create', lost, checksOf(['X', 'Y changed'])).refusedRows).toEqual([[1, 2]]);
    // The same entries journaled in another order under that key would read its answers onto the wrong rows.
    const swapped = [line(1, 'Y', 'unknown'), line(2, 'X', 'unknown')].map((each) => ({ ...each, batchKey: key }));
    expect(planRerun(importId, 'create', swapped, checksOf(['X', 'Y'])).refusedRows).toEqual([[1, 2]]);
  });
});
