/**
 * A results file written before journal lines carried fingerprints: adopted row by row when the input is unchanged,
 * refused when it may record writes it can no longer place, replaced when it records none.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ImportPlan, RowCheck } from '../../src/netsuite/csvImport';
import { entryFingerprint, type LegacyLine } from '../../src/netsuite/importJournal';
import { adoptLegacyJournal } from '../../src/netsuite/legacyJournal';

const plan: ImportPlan = { recordType: 'customer', mode: 'create', columns: [{ column: 'Company Name', field: 'companyName' }] };
const inputText = 'Company Name\nA\nB\nC\n';
// How those files named their import: account, type, mode, mapping and the whole text.
const legacyId = (text: string) => createHash('sha256').update(JSON.stringify(['TSTDRV1', plan.recordType, plan.mode, plan.columns])).update('\0').update(text).digest('hex').slice(0, 32);
const checks: RowCheck[] = ['A', 'B', 'C'].map((name, index) => ({ row: index + 1, errors: [], entry: { fields: { companyName: name } } }));
const legacy = (status: string, row: number, text = inputText): LegacyLine => ({ row: String(row), status, recordId: status === 'created' ? `${row}0` : '', error: '', batch: '0', importId: legacyId(text), batchKey: 'k' });
const context = (text?: string) => ({ plan, accountId: 'TSTDRV1', importId: 'new', inputText: text, checks, resultsPath: '/tmp/in.TSTDRV1.results.csv' });

describe('adoptLegacyJournal', () => {
  it('adopts the lines of an unchanged file with the fingerprints of its rows', () => {
    const adoption = adoptLegacyJournal([legacy('created', 1), legacy('failed', 2), legacy('created', 3)], context(inputText));
    expect(adoption).toEqual({
      kind: 'adopted',
      lines: [1, 2, 3].map((row) => expect.objectContaining({ row: String(row), fingerprint: entryFingerprint({ fields: { companyName: ['A', 'B', 'C'][row - 1] } }), importId: 'new' })),
    });
  });

  it('refuses a file changed since, or lost answers, and replaces one that records no write', () => {
    expect(adoptLegacyJournal([legacy('created', 1, 'Company Name\nA\n')], context(inputText))).toMatchObject({ kind: 'refused', message: expect.stringMatching(/rows 1 of it were sent.*Nothing was sent/) });
    expect(adoptLegacyJournal([legacy('created', 1)], context(undefined))).toMatchObject({ kind: 'refused' });
    expect(adoptLegacyJournal([legacy('created', 1), legacy('unknown', 2)], context(inputText))).toMatchObject({ kind: 'refused', message: expect.stringMatching(/answer for rows 2 was lost/) });
    expect(adoptLegacyJournal([legacy('failed', 1), legacy('invalid', 2)], context('other text'))).toEqual({ kind: 'replace' });
  });
});
