/**
 * Audit and service tables public admin queries read, on the demo account through the client over real HTTP:
 * a write leaves a system note, support cases belong to real customers and employees, deleted records and the
 * shipping, partner and item-group tables exist, and the Oracle date arithmetic and GROUP BY BUILTIN.DF(...) those
 * queries use give what Oracle gives.
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

describe('audit and service tables', () => {
  it('notes the creation of every transaction and the latest change a write makes', async () => {
    const [order] = await rows(`SELECT id FROM transaction WHERE type = 'SalesOrd' ORDER BY id FETCH FIRST 1 ROWS ONLY`);
    const before = await rows(`SELECT type, field FROM systemnote WHERE recordid = ${order.id} ORDER BY date`);
    expect(before.map((note) => note.type)).toContain('Create');
    await client.records.patch('salesOrder', order.id, { memo: 'changed for the audit test' });
    const after = await rows(`SELECT type, BUILTIN.DF(name) AS changedby, recordtypeid FROM systemnote WHERE recordid = ${order.id} ORDER BY date`);
    expect(after.map((note) => note.type)).toEqual(['Create', 'Change']);
    expect(after[1].changedby).toBeTruthy();
    expect(after[1].recordtypeid).toBe('-30');
    const [counts] = await rows(`SELECT COUNT(DISTINCT sn.recordid) AS noted, (SELECT COUNT(*) FROM transaction) AS transactions FROM systemnote sn`);
    expect(counts.noted).toBe(counts.transactions);
  });

  it('groups open support cases by the display name of their assignee', async () => {
    const byAssignee = await rows(`
      SELECT NVL(BUILTIN.DF(sc.assigned), 'Unassigned') AS assignee, COUNT(*) AS opencases
      FROM supportcase sc
      WHERE BUILTIN.DF(sc.status) NOT IN ('Closed')
      GROUP BY NVL(BUILTIN.DF(sc.assigned), 'Unassigned')
      ORDER BY opencases DESC`);
    expect(byAssignee.length).toBeGreaterThan(0);
    for (const row of byAssignee) expect(row.assignee).not.toMatch(/^\d+$/);
    const orphans = await rows(`SELECT sc.id FROM supportcase sc LEFT JOIN customer c ON c.id = sc.company WHERE c.id IS NULL`);
    expect(orphans).toEqual([]);
  });

  it('subtracts dates to a number of days, as Oracle does', async () => {
    const [row] = await rows(`SELECT TRUNC(SYSDATE) - t.trandate AS age, t.trandate FROM transaction t ORDER BY t.trandate FETCH FIRST 1 ROWS ONLY`);
    expect(Number.isInteger(Number(row.age))).toBe(true);
    expect(Number(row.age)).toBeGreaterThan(0);
    const aged = await rows(`SELECT COUNT(*) AS n FROM transaction t WHERE TRUNC(SYSDATE) - t.trandate BETWEEN 0 AND 100000`);
    expect(Number(aged[0].n)).toBeGreaterThan(0);
  });

  it('has deleted records, and the partner, tracking-number and item-group tables (empty in the demo)', async () => {
    expect((await rows(`SELECT recordid, type, BUILTIN.DF(deletedby) AS deletedby FROM deletedrecord ORDER BY deleteddate`)).length).toBeGreaterThan(0);
    for (const table of ['partner', 'trackingnumbermap', 'trackingnumber', 'itemmember']) expect(await rows(`SELECT * FROM ${table}`), table).toEqual([]);
  });
});
