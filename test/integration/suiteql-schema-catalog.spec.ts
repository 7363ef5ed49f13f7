/**
 * Completion on a real account: every record type of the account's metadata catalog is offered after FROM/JOIN
 * before any query names it, its columns arrive when a query uses it, hover says where a name came from, and a
 * failed catalog lookup is retried after a backoff rather than remembered until restart. The catalog is the
 * sandbox's, over real HTTP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NetSuiteClient } from '../../src/netsuite/client';
import type { Clock } from '../../src/netsuite/clock';
import { TbaAuthProvider } from '../../src/netsuite/auth/tba';
import { CatalogLoader } from '../../src/suiteql/catalogLoader';
import { completeSuiteQL } from '../../src/suiteql/completion';
import { diagnoseSuiteQL } from '../../src/suiteql/diagnostics';
import { hoverSuiteQL } from '../../src/suiteql/hover';
import { locateRunError } from '../../src/suiteql/runErrors';
import { isNetSuiteError } from '../../src/netsuite/errors';
import { suiteQLHomeOf } from '../../src/suiteql/restOnlyRecordTypes';
import { SuiteQLSchema } from '../../src/suiteql/schema';
import { startSandbox } from '../../src/sandbox/index';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

type Sandbox = Awaited<ReturnType<typeof startSandbox>>;
let sandbox: Sandbox;
let cacheRoot: string;
const clients: NetSuiteClient[] = [];

function freshClient(options: { cacheFolder?: string; clock?: Clock; metadataTtlMs?: number } = {}): NetSuiteClient {
  // A fresh cache folder per client unless told (a restart reuses one): the loader must ask NetSuite, not a catalog
  // another test cached on disk.
  const client = new NetSuiteClient({
    accountId: sandbox.accountId,
    auth: new TbaAuthProvider(sandbox.accountId, sandbox.credentials.tba),
    overrides: { restBaseUrl: sandbox.baseUrl },
    cacheRoot: join(cacheRoot, options.cacheFolder ?? String(clients.length)),
    backoff: { baseDelayMs: 1, maxDelayMs: 2, maxAttempts: 2 },
    clock: options.clock,
    metadataTtlMs: options.metadataTtlMs,
  });
  clients.push(client);
  return client;
}

// `|` marks the caret; at the end when absent.
const labels = (marked: string, schema: SuiteQLSchema) => {
  const caret = marked.includes('|') ? marked.indexOf('|') : marked.length;
  return completeSuiteQL(marked.replace('|', ''), caret, schema).map((item) => item.label);
};
const customType = 'customrecord_project_milestone';

beforeAll(async () => {
  sandbox = await startSandbox({});
  cacheRoot = await mkdtemp(join(tmpdir(), 'suitelens-schema-'));
}, 120_000);
afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  await sandbox?.stop();
  await rm(cacheRoot, { recursive: true, force: true });
});

describe('catalog record types in completion', () => {
  it('offers every catalog record type after FROM and JOIN once the list is loaded, before any query names one', async () => {
    const schema = SuiteQLSchema.withStandardTables();
    expect(labels('SELECT * FROM custom', schema)).not.toContain(customType);
    const client = freshClient();
    const loader = new CatalogLoader(schema, { source: async () => client.metadata });
    await loader.load();
    expect(labels('SELECT * FROM custom', schema)).toContain(customType);
    expect(labels('SELECT * FROM customer c JOIN custom', schema)).toContain(customType);
    // Every catalog type is a table, except transactions and items: SuiteQL reads those through transaction and item.
    for (const name of await client.metadata.recordTypes()) {
      if (suiteQLHomeOf(name)) expect(schema.table(name), name).toBeUndefined();
      else expect(schema.table(name), name).toBeDefined();
    }
    // Nor does a query naming one make it a table: the diagnostics keep pointing to transaction.
    await loader.load(['salesorder']);
    expect(schema.table('salesorder')).toBeUndefined();
    expect(diagnoseSuiteQL('SELECT id FROM salesorder', schema).map((d) => d.message)).toContain(
      `SuiteQL has no table "salesorder": Sales Order records are rows of transaction. Use FROM transaction WHERE type = 'SalesOrd'.`,
    );
  }, 60_000);

  it('loads a catalog type\u2019s columns when a query uses it, and hover says where table and column came from', async () => {
    const schema = SuiteQLSchema.withStandardTables();
    const client = freshClient();
    const loader = new CatalogLoader(schema, { source: async () => client.metadata });
    await loader.load();
    const query = `SELECT m.name FROM ${customType} m`;
    expect(hoverSuiteQL(query, query.indexOf(customType) + 2, schema)?.contents).toMatch(/Columns load when a query uses the table[\s\S]*from the metadata catalog/);
    await loader.load([customType]);
    expect(labels(`SELECT m.| FROM ${customType} m`, schema)).toEqual(expect.arrayContaining(['name', 'custrecord_pm_status']));
    expect(hoverSuiteQL(query, query.indexOf('name') + 1, schema)?.contents).toContain('_from the metadata catalog_');
    // A standard table that the catalog also lists names both sources.
    const both = 'SELECT * FROM customer';
    expect(hoverSuiteQL(both, both.length - 2, schema)?.contents).toContain('from the metadata catalog; from the bundled SuiteQL table description');
  }, 60_000);
});

describe('a warm restart', () => {
  const catalogRequests = (since: number) => sandbox.requestLog.list({ since, pathPrefix: '/services/rest/record/v1/metadata-catalog' }).length;

  it('completes catalog tables and their columns from the cache on disk with zero catalog requests, and asks again after the TTL or a Refresh', async () => {
    let skipped = 0;
    const clock: Clock = { now: () => Date.now() + skipped, sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) };
    const options = { cacheFolder: 'restart', clock, metadataTtlMs: 60_000 };
    const before = freshClient(options);
    await new CatalogLoader(SuiteQLSchema.withStandardTables(), { source: async () => before.metadata }).load([customType]);
    await before.dispose();

    // The restart: a new client and a new schema, as after reopening VS Code, on the same cache folder.
    const since = sandbox.requestLog.lastSeq;
    const restarted = freshClient(options);
    const schema = SuiteQLSchema.withStandardTables();
    const loader = new CatalogLoader(schema, { source: async () => restarted.metadata });
    await loader.load([customType]);
    expect(labels('SELECT * FROM custom', schema)).toContain(customType);
    expect(labels(`SELECT m.| FROM ${customType} m`, schema)).toEqual(expect.arrayContaining(['name', 'custrecord_pm_status']));
    expect(catalogRequests(since)).toBe(0);

    // Past the TTL the list is fetched again, once; an explicit Refresh forgets the cache and fetches once more.
    skipped += 61_000;
    await restarted.metadata.recordTypes();
    expect(catalogRequests(since)).toBe(1);
    await restarted.metadata.refresh();
    await new CatalogLoader(SuiteQLSchema.withStandardTables(), { source: async () => restarted.metadata }).load();
    expect(catalogRequests(since)).toBe(2);
  }, 60_000);
});

describe('a failed catalog lookup', () => {
  it('is retried after a backoff instead of being remembered until restart', async () => {
    const schema = SuiteQLSchema.withStandardTables();
    const client = freshClient();
    let now = 1_000_000;
    const failures: string[] = [];
    const loader = new CatalogLoader(schema, { source: async () => client.metadata, now: () => now, backoff: { firstMs: 2_000, maxMs: 60_000 }, onFailure: (what) => failures.push(what) });
    const catalogRequests = () => sandbox.requestLog.list().filter((entry) => entry.path.endsWith('/metadata-catalog')).length;

    sandbox.configure({ faults: { seed: 1, rate500: 1 } });
    try {
      await loader.load();
      expect(failures).toEqual(['the metadata catalog list']);
      expect(labels('SELECT * FROM custom', schema)).not.toContain(customType);
      // Within the backoff nothing is asked again: a keystroke per second must not hammer an account that is down.
      const asked = catalogRequests();
      now += 1_000;
      await loader.load();
      expect(catalogRequests()).toBe(asked);
    } finally {
      sandbox.configure({ faults: { rate500: 0 } });
    }

    now += 1_500;
    await loader.load();
    expect(labels('SELECT * FROM custom', schema)).toContain(customType);
    expect(failures).toHaveLength(1);
  }, 60_000);

  it('waits longer after each failure, up to the cap', async () => {
    const schema = SuiteQLSchema.withStandardTables();
    let now = 0;
    let calls = 0;
    const loader = new CatalogLoader(schema, {
      source: () => {
        calls += 1;
        return Promise.reject(new Error('offline'));
      },
      now: () => now,
      backoff: { firstMs: 1_000, maxMs: 3_000 },
    });
    const callTimes: number[] = [];
    for (now = 0; now <= 12_000; now += 500) {
      const before = calls;
      await loader.load();
      if (calls > before) callTimes.push(now);
    }
    // 1 s, then 2 s, then capped at 3 s between attempts.
    expect(callTimes).toEqual([0, 1_000, 3_000, 6_000, 9_000, 12_000]);
  });
});

describe('REST field names and SuiteQL column names (issue 21)', () => {
  it('completes balancesearch, not the catalog field balance, warns about balance before a run, and places NetSuite\u2019s refusal of it on the name', async () => {
    const client = freshClient();
    const restCustomer = (await client.metadata.schema('customer')) as { properties: Record<string, unknown> };
    expect(Object.keys(restCustomer.properties)).toContain('balance');
    const schema = SuiteQLSchema.withStandardTables();
    await new CatalogLoader(schema, { source: async () => client.metadata, tablesComplete: true }).load(['customer']);
    const columns = labels('SELECT c.| FROM customer c', schema);
    expect(columns).toContain('balancesearch');
    expect(columns).not.toContain('balance');

    const written = 'SELECT id, balance FROM customer ORDER BY balance';
    expect(diagnoseSuiteQL(written, schema).map((found) => found.suggestion)).toEqual(['balancesearch', 'balancesearch']);
    const refusal: unknown = await client.queryPage(written).then(
      () => undefined,
      (error: unknown) => error,
    );
    if (!isNetSuiteError(refusal)) throw new Error(`expected NetSuite to refuse the query, got ${String(refusal)}`);
    const located = locateRunError(written, refusal.detail ?? '');
    expect(written.slice(located.start, located.end)).toBe('balance');
    expect(located).toMatchObject({ table: 'customer', column: 'balance' });

    const suggested = written.replaceAll('balance', 'balancesearch');
    expect(diagnoseSuiteQL(suggested, schema)).toEqual([]);
    expect((await client.queryPage(suggested)).totalResults).toBeGreaterThan(0);
  }, 60_000);

  it('warns about any unknown table once the demo catalog\u2019s names are in, and places NetSuite\u2019s "Invalid search type" on it', async () => {
    const client = freshClient();
    const schema = SuiteQLSchema.withStandardTables();
    const query = 'SELECT id FROM nosuchtable';
    expect(diagnoseSuiteQL(query, schema)).toEqual([]);
    await new CatalogLoader(schema, { source: async () => client.metadata, tablesComplete: true }).load();
    expect(diagnoseSuiteQL(query, schema).map((found) => found.message)).toEqual(['Unknown table "nosuchtable".']);
    // The demo's catalog lists types it keeps no data for (campaign, term): they are not offered as tables it has,
    // and the warning comes before NetSuite's refusal; its own tables and custom record still are.
    expect((await client.metadata.recordTypes()).map((name) => name.toLowerCase())).toContain('campaign');
    expect(labels('SELECT * FROM camp', schema)).not.toContain('campaign');
    expect(diagnoseSuiteQL('SELECT id FROM campaign', schema).map((found) => found.code)).toEqual(['unknown-table']);
    expect(labels('SELECT * FROM cust', schema)).toEqual(expect.arrayContaining(['customer', customType]));
    const refusal: unknown = await client.queryPage(query).then(
      () => undefined,
      (error: unknown) => error,
    );
    if (!isNetSuiteError(refusal)) throw new Error(`expected NetSuite to refuse the query, got ${String(refusal)}`);
    const located = locateRunError(query, refusal.detail ?? '');
    expect(query.slice(located.start, located.end)).toBe('nosuchtable');
  }, 60_000);
});
