/**
 * GL, period and setup queries on the demo account, through the client over real HTTP: every posting transaction's
 * accounting lines balance, every transaction date lies in its posting period, the setup tables match the lists
 * and roles, and a write keeps the GL in step.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NetSuiteClient } from '../../src/netsuite/client';
import { queryRows, setUpClient, type ClientSetup } from './client-sandbox';

let setup: ClientSetup;
let client: NetSuiteClient;

const rows = (query: string) => queryRows(client, query);

beforeAll(async () => {
  setup = await setUpClient();
  client = setup.client();
}, 120_000);
afterAll(() => setup?.stop());

describe('transactionaccountingline', () => {
  it('balances debits and credits per transaction, for every invoice and bill, and has none for sales orders', async () => {
    const unbalanced = await rows(`
      SELECT tal.transaction, SUM(NVL(tal.debit, 0)) AS debits, SUM(NVL(tal.credit, 0)) AS credits
      FROM transactionaccountingline tal
      GROUP BY tal.transaction
      HAVING SUM(NVL(tal.debit, 0)) <> SUM(NVL(tal.credit, 0))`);
    expect(unbalanced).toEqual([]);
    const perType = await rows(`
      SELECT t.type, COUNT(DISTINCT t.id) AS transactions, COUNT(DISTINCT tal.transaction) AS withgl
      FROM transaction t LEFT OUTER JOIN transactionaccountingline tal ON tal.transaction = t.id
      GROUP BY t.type ORDER BY t.type`);
    const byType = Object.fromEntries(perType.map((row) => [row.type, row]));
    expect(Number(byType.CustInvc.withgl)).toBe(Number(byType.CustInvc.transactions));
    expect(Number(byType.VendBill.withgl)).toBeGreaterThan(0);
    expect(Number(byType.SalesOrd.withgl)).toBe(0);
  });

  it('names accounts and their types the way a GL query joins them', async () => {
    const [invoice] = await rows(`SELECT id FROM transaction WHERE type = 'CustInvc' ORDER BY id FETCH FIRST 1 ROWS ONLY`);
    const lines = await rows(`
      SELECT BUILTIN.DF(tal.account) AS account, a.accttype, at.longname, tal.debit, tal.credit
      FROM transactionaccountingline tal
      JOIN account a ON a.id = tal.account
      JOIN accounttype at ON at.id = a.accttype
      WHERE tal.transaction = ${invoice.id} ORDER BY tal.transactionline`);
    expect(lines[0]).toMatchObject({ accttype: 'AcctRec', longname: 'Accounts Receivable' });
    expect(lines[0].debit).toBeDefined();
    expect(lines.slice(1).every((line) => line.accttype === 'Income' && line.credit !== undefined)).toBe(true);
  });

  it('follows a write: an invoice line changed over REST changes its GL lines, still balanced', async () => {
    const [invoice] = await rows(`SELECT id FROM transaction WHERE type = 'CustInvc' ORDER BY id DESC FETCH FIRST 1 ROWS ONLY`);
    const record = await client.records.get('invoice', invoice.id, { expandSubResources: true });
    const firstLine = (record.item as { items: { line: number }[] }).items[0];
    await client.records.patch('invoice', invoice.id, { item: { items: [{ line: firstLine.line, quantity: 3, rate: 111.11, amount: 333.33 }] } });
    const lines = await rows(`SELECT transactionline, debit, credit FROM transactionaccountingline WHERE transaction = ${invoice.id} ORDER BY transactionline`);
    // In the base currency: the line amount at the transaction's exchange rate.
    const base = Math.round(333.33 * Number(record.exchangeRate ?? 1) * 100) / 100;
    expect(Number(lines.find((line) => Number(line.transactionline) === firstLine.line)?.credit)).toBe(base);
    const debit = lines.reduce((sum, line) => sum + Number(line.debit ?? 0), 0);
    const credit = lines.reduce((sum, line) => sum + Number(line.credit ?? 0), 0);
    expect(debit.toFixed(2)).toBe(credit.toFixed(2));
  });
});

describe('accounting periods and setup tables', () => {
  it('puts every posting transaction in the month period that contains its date', async () => {
    const outside = await rows(`
      SELECT t.id FROM transaction t JOIN accountingperiod p ON p.id = t.postingperiod
      WHERE t.posting = 'T' AND (t.trandate < p.startdate OR t.trandate > p.enddate OR p.isposting = 'F')`);
    expect(outside).toEqual([]);
    const missing = await rows(`SELECT COUNT(*) AS n FROM transaction WHERE posting = 'T' AND postingperiod IS NULL`);
    expect(missing[0].n).toBe('0');
    const [period] = await rows(`SELECT BUILTIN.DF(postingperiod) AS period FROM transaction WHERE posting = 'T' FETCH FIRST 1 ROWS ONLY`);
    expect(period.period).toMatch(/^[A-Z][a-z]{2} \d{4}$/);
  });

  it('has quarters and years above the months, currency rates per seeded currency, and the demo roles', async () => {
    const [month] = await rows(`SELECT p.periodname, q.periodname AS quarter, y.periodname AS year FROM accountingperiod p JOIN accountingperiod q ON q.id = p.parent JOIN accountingperiod y ON y.id = q.parent WHERE p.periodname = 'May 2024'`);
    expect(month).toEqual({ periodname: 'May 2024', quarter: 'Q2 2024', year: 'FY 2024' });
    const rates = await rows(`SELECT transactioncurrency, COUNT(*) AS n FROM currencyrate GROUP BY transactioncurrency ORDER BY transactioncurrency`);
    expect(rates.length).toBeGreaterThanOrEqual(4);
    const roles = await rows(`SELECT r.name, COUNT(rp.permkey) AS permissions FROM role r LEFT OUTER JOIN rolepermissions rp ON rp.role = r.id GROUP BY r.name ORDER BY r.name`);
    expect(roles.map((role) => role.name)).toEqual(['Administrator', 'SuiteLens Narrow Role']);
  });

  it('has each customer\u2019s addresses in entityaddress, in step with the address book', async () => {
    const [customer] = await rows(`SELECT c.id, COUNT(ea.nkey) AS addresses FROM customer c JOIN entityaddress ea ON ea.recordowner = c.id GROUP BY c.id ORDER BY c.id FETCH FIRST 1 ROWS ONLY`);
    const record = await client.records.get('customer', customer.id, { expandSubResources: true });
    expect(Number(customer.addresses)).toBe((record.addressBook as { items: unknown[] }).items.length);
    const [address] = await rows(`SELECT addr1, city, country FROM entityaddress WHERE recordowner = ${customer.id} ORDER BY nkey FETCH FIRST 1 ROWS ONLY`);
    expect(address.city).toBeTruthy();
  });

  it('keeps the GL from a role that may not see transactions', async () => {
    const narrow = setup.client({ auth: (await import('./client-sandbox')).tbaAuth(setup.sandbox, setup.sandbox.narrowCredentials.tba) });
    const refused = await narrow.queryPage('SELECT COUNT(*) AS n FROM transactionaccountingline').catch((error: unknown) => error);
    expect(String(refused)).toMatch(/transactionaccountingline/);
  });
});
