import { describe, expect, it } from 'vitest';
import { levelsForTable, suiteqlTableNameProblem, tableGrantTarget } from '../../src/agents/suiteqlTableGrant';

const catalog = ['customer', 'salesOrder', 'customrecord_milestone'];

describe('Grant SuiteQL Table: the name typed and the switch it means', () => {
  it('accepts plain SuiteQL identifiers and says what is wrong with anything else', () => {
    for (const name of ['customerstatus', 'Term', 'customrecord_milestone', '_x', 'a$b#c']) expect(suiteqlTableNameProblem(name), name).toBeUndefined();
    expect(suiteqlTableNameProblem('')).toMatch(/^Type the name of a table/);
    expect(suiteqlTableNameProblem('customer status')).toBe('"customer status" is not a SuiteQL table name: use letters, digits and _ (starting with a letter or _), without quotes or a schema.');
    expect(suiteqlTableNameProblem('1term')).toMatch(/is not a SuiteQL table name/);
    expect(suiteqlTableNameProblem('"term"')).toMatch(/without quotes/);
    expect(suiteqlTableNameProblem('x.term')).toMatch(/or a schema/);
    expect(suiteqlTableNameProblem('term; DROP')).toMatch(/is not a SuiteQL table name/);
    expect(suiteqlTableNameProblem('a'.repeat(129))).toBe('A SuiteQL table name is at most 128 characters.');
    expect(suiteqlTableNameProblem('dual')).toBe('DUAL holds no record data: reading it needs no grant.');
  });

  it('maps a family table to its family switch and a record type to the catalog spelling', () => {
    expect(tableGrantTarget('TransactionLine', catalog)).toMatchObject({ kind: 'grant', table: 'transactionline', recordType: 'transaction', catalogType: false });
    expect(tableGrantTarget('entity', catalog)).toMatchObject({ kind: 'grant', recordType: 'entity', family: { noun: 'entity' } });
    expect(tableGrantTarget(' salesorder ', catalog)).toEqual({ kind: 'grant', table: 'salesorder', recordType: 'salesOrder', catalogType: true });
    expect(tableGrantTarget('CustomerStatus', catalog)).toEqual({ kind: 'grant', table: 'customerstatus', recordType: 'customerstatus', catalogType: false });
    expect(tableGrantTarget('DUAL', catalog)).toEqual({ kind: 'free', table: 'dual' });
  });

  it('offers Off and Read for what SuiteQL only reads, and every level for a record type', () => {
    const family = tableGrantTarget('transaction', catalog);
    const table = tableGrantTarget('term', catalog);
    const recordType = tableGrantTarget('customer', catalog);
    if (family.kind !== 'grant' || table.kind !== 'grant' || recordType.kind !== 'grant') throw new Error('expected grants');
    expect(levelsForTable(family)).toEqual(['none', 'read']);
    expect(levelsForTable(table)).toEqual(['none', 'read']);
    expect(levelsForTable(recordType)).toEqual(['none', 'read', 'create', 'write', 'full']);
  });
});
