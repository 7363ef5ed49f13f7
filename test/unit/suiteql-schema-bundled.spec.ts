/**
 * The bundled description of standard SuiteQL tables the REST catalog does not describe: its joins resolve, the
 * GL and period tables are there with their keys, and completion writes the join a GL query needs.
 */
import { describe, expect, it } from 'vitest';
import { completeSuiteQL } from '../../src/suiteql/completion';
import { SuiteQLSchema } from '../../src/suiteql/schema';
import { standardTables } from '../../src/suiteql/standardTables';

const schema = SuiteQLSchema.withStandardTables();
const complete = (marked: string) => completeSuiteQL(marked.replace('|', ''), marked.indexOf('|'), schema).map((item) => item.label);

describe('bundled standard SuiteQL tables', () => {
  it('has each table once, and every foreign key points at a bundled table', () => {
    const names = standardTables.map((table) => table.name);
    expect(new Set(names).size).toBe(names.length);
    const dangling = standardTables.flatMap((table) => table.columns.filter(([, , , references]) => references && !names.includes(references)).map(([name, , , references]) => `${table.name}.${name} → ${references}`));
    expect(dangling).toEqual([]);
  });

  it('describes the GL, period and link tables with the keys real GL queries join on', () => {
    expect([...(schema.table('transactionaccountingline')?.columns.keys() ?? [])]).toEqual(expect.arrayContaining(['transaction', 'transactionline', 'account', 'debit', 'credit', 'amount', 'posting']));
    expect(schema.table('transactionaccountingline')?.columns.get('account')?.references).toBe('account');
    expect(schema.table('transaction')?.columns.get('postingperiod')?.references).toBe('accountingperiod');
    expect(schema.table('customer')?.columns.get('entitystatus')?.references).toBe('entitystatus');
    expect(schema.table('customerstatus')).toBeUndefined();
    for (const name of ['nexttransactionlink', 'transactionshipment', 'trackingnumbermap', 'employeerolesforsearch']) expect(schema.table(name), name).toBeDefined();
  });

  it('offers the GL table after "FROM tr" and writes its join to a transaction', () => {
    expect(complete('SELECT * FROM tr|')).toEqual(expect.arrayContaining(['transaction', 'transactionline', 'transactionaccountingline']));
    expect(complete('SELECT * FROM transaction t JOIN |')).toContain('transactionaccountingline ON transactionaccountingline.transaction = t.id');
    expect(complete('SELECT * FROM transactionaccountingline tal JOIN |')).toContain('account ON account.id = tal.account');
  });
});
