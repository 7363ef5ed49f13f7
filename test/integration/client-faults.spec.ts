import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NetSuiteClient } from '../../src/netsuite/client';
import type { SandboxFaults } from '../../src/sandbox/options';
import { rowsBeyondCap } from '../../src/app/notebook/exportCap';
import { setUpClient, type ClientSetup } from './client-sandbox';

let setup: ClientSetup;
let client: NetSuiteClient;

const noFaults: SandboxFaults = { seed: 1, rate500: 0, rate429: 0, resetBeforeCommitRate: 0, resetAfterCommitRate: 0 };

function faultsSince(since: number): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const entry of setup.sandbox.requestLog.list({ since })) if (entry.fault && entry.fault !== 'none') counts[entry.fault] = (counts[entry.fault] ?? 0) + 1;
  return counts;
}

async function count(query: string): Promise<number> {
  return Number((await client.queryPage(query)).rows[0].raw.n);
}

beforeAll(async () => {
  // 300 customers per unit of scale: exactly 100,000 customers.
  setup = await setUpClient({ scale: 100_000 / 300 });
  client = setup.client();
}, 300_000); // seeding 100,000 customers takes a while on a busy machine

afterAll(async () => {
  await setup?.stop();
});

describe('no lost or duplicated data under faults (deterministic seed)', () => {
  it('exports 100,000 rows exactly once and in order under 10% 429s, 2% 500s and 1% connection resets', async () => {
    expect(await count('SELECT COUNT(*) AS n FROM customer')).toBe(100_000);
    setup.sandbox.configure({ faults: { seed: 20261121, rate429: 0.1, rate500: 0.02, resetBeforeCommitRate: 0.005, resetAfterCommitRate: 0.005 } });
    const since = setup.sandbox.requestLog.lastSeq;
    const run = client.query('SELECT id, companyname FROM customer ORDER BY id');
    const seen = new Set<number>();
    let previous = -Infinity;
    let inOrder = true;
    for await (const page of run.pages()) {
      for (const row of page) {
        const id = Number(row.raw.id);
        if (id <= previous) inOrder = false;
        previous = id;
        seen.add(id);
      }
    }
    setup.sandbox.configure({ faults: noFaults });
    expect(run.summary.rowsDelivered).toBe(100_000);
    expect(seen.size).toBe(100_000);
    expect(inOrder).toBe(true);
    expect(run.summary.truncated).toBe(false);
    const faults = faultsSince(since);
    expect(faults.error429).toBeGreaterThan(0);
    expect(faults.error500).toBeGreaterThan(0);
  });

  it('creates exactly 1,000 records when 5% of creates lose their connection after the commit', async () => {
    const subsidiary = (await client.queryPage('SELECT id FROM subsidiary ORDER BY id', 0, { pageSize: 1 })).rows[0].raw.id;
    const marker = `Fault Create ${Date.now()}`;
    setup.sandbox.configure({ faults: { ...noFaults, seed: 5, resetAfterCommitRate: 0.05 } });
    const since = setup.sandbox.requestLog.lastSeq;
    const created = await Promise.all(
      Array.from({ length: 1000 }, (_, index) => client.records.create('customer', { companyName: `${marker} ${index}`, subsidiary: { id: subsidiary } })),
    );
    setup.sandbox.configure({ faults: noFaults });
    expect(faultsSince(since).resetAfterCommit).toBeGreaterThan(20);
    // Retries repeated the same idempotency key: more POSTs than keys, exactly one key per record.
    const posts = setup.sandbox.requestLog.list({ since, method: 'POST', pathPrefix: '/services/rest/record/v1/customer' });
    const keys = new Set(posts.map((entry) => entry.headers['x-netsuite-idempotency-key']));
    expect(posts.length).toBeGreaterThan(1000);
    expect(keys.size).toBe(1000);
    expect(new Set(created.map((result) => result.id)).size).toBe(1000);
    expect(await count(`SELECT COUNT(*) AS n FROM customer WHERE companyname LIKE '${marker} %'`)).toBe(1000);
    expect(await count(`SELECT COUNT(DISTINCT companyname) AS n FROM customer WHERE companyname LIKE '${marker} %'`)).toBe(1000);
  });
});

describe("NetSuite's 100,000-row cap", () => {
  // Runs after the creates above: the account now has more than 100,000 customers.
  it('says plainly when the cap truncates a result, and keyset mode reads past it', async () => {
    const total = await count('SELECT COUNT(*) AS n FROM customer');
    expect(total).toBeGreaterThan(100_000);
    const notices: string[] = [];
    const capped = client.query('SELECT id FROM customer ORDER BY id', { onNotice: (notice) => notices.push(notice) });
    let delivered = 0;
    for await (const page of capped.pages()) delivered += page.length;
    expect(delivered).toBe(100_000);
    expect(capped.summary.truncated).toBe(true);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain('100,000');
    expect(notices[0]).toContain(total.toLocaleString('en-US'));
    // The sandbox, like some accounts, reports the cap itself as the total: the export's count finds the rest.
    const first = await client.queryPage('SELECT id FROM customer ORDER BY id', 0, { pageSize: 1 });
    expect(first.totalResults).toBe(100_000);
    expect(await rowsBeyondCap(first.totalResults, () => client.countRows('SELECT id FROM customer ORDER BY id'))).toEqual({ total });

    const keyset = client.query('SELECT id, companyname FROM customer', { keyset: { column: 'id' } });
    const seen = new Set<string>();
    let previous = -Infinity;
    for await (const row of keyset) {
      const id = Number(row.raw.id);
      expect(id).toBeGreaterThan(previous);
      previous = id;
      seen.add(row.raw.id);
    }
    expect(seen.size).toBe(total);
    expect(keyset.summary).toMatchObject({ rowsDelivered: total, truncated: false, chunks: 2 });
  });
});
