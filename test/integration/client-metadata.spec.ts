import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../src/netsuite/clock';
import { catalogNameOfRef } from '../../src/netsuite/metadata';
import { setUpClient, type ClientSetup } from './client-sandbox';

let setup: ClientSetup;

function metadataRequestsSince(since: number): number {
  return setup.sandbox.requestLog.list({ since, pathPrefix: '/services/rest/record/v1/metadata-catalog' }).length;
}

/** A clock whose time only moves when told, for the TTL. */
function manualClock(): Clock & { advance(ms: number): void } {
  let now = Date.UTC(2026, 0, 1);
  return { now: () => now, sleep: () => Promise.resolve(), advance: (ms) => (now += ms) };
}

beforeAll(async () => {
  setup = await setUpClient();
});

afterAll(async () => {
  await setup?.stop();
});

describe('metadata cache against the sandbox', () => {
  it('lists record types and fetches one schema per type, lazily', async () => {
    const client = setup.client();
    const since = setup.sandbox.requestLog.lastSeq;
    const types = await client.metadata.recordTypes();
    expect(types).toEqual(expect.arrayContaining(['customer', 'salesorder', 'invoice']));
    expect(metadataRequestsSince(since)).toBe(1);

    const schema = await client.metadata.schema('customer');
    expect(schema.properties?.companyName).toMatchObject({ type: 'string' });
    expect(schema['x-ns-filterable']).toEqual(expect.arrayContaining(['email']));
    const requests = setup.sandbox.requestLog.list({ since, pathPrefix: '/services/rest/record/v1/metadata-catalog' });
    expect(requests.map((entry) => entry.path)).toEqual(['/services/rest/record/v1/metadata-catalog', '/services/rest/record/v1/metadata-catalog/customer']);

    await client.metadata.schema('customer');
    expect(metadataRequestsSince(since)).toBe(2);
  });

  it('follows a $ref to a sub-schema the same way', async () => {
    const client = setup.client();
    const order = await client.metadata.schema('salesOrder');
    const itemRef = (order.properties?.item as { $ref?: string } | undefined)?.$ref;
    expect(itemRef).toBeDefined();
    const name = catalogNameOfRef(itemRef!);
    expect(name).toBeDefined();
    const itemCollection = await client.metadata.schema(name!);
    expect(itemCollection.properties).toBeDefined();
  });

  it('needs no request after a restart, refetches after the TTL, and on an explicit refresh', async () => {
    const clock = manualClock();
    const first = setup.client({ clock, metadataTtlMs: 60_000, cacheRoot: `${setup.cacheRoot}/ttl` });
    await first.metadata.recordTypes();
    await first.metadata.schema('vendor');
    await first.dispose();

    const since = setup.sandbox.requestLog.lastSeq;
    const restarted = setup.client({ clock, metadataTtlMs: 60_000, cacheRoot: `${setup.cacheRoot}/ttl` });
    expect(await restarted.metadata.recordTypes()).toContain('vendor');
    expect((await restarted.metadata.schema('vendor')).properties).toBeDefined();
    expect(metadataRequestsSince(since)).toBe(0);
    expect(restarted.metadata.requestCount).toBe(0);

    clock.advance(61_000);
    await restarted.metadata.schema('vendor');
    expect(metadataRequestsSince(since)).toBe(1);

    await restarted.metadata.refresh();
    await restarted.metadata.recordTypes();
    expect(metadataRequestsSince(since)).toBe(2);
  });

  it('says clearly when a type is not in the catalog', async () => {
    await expect(setup.client().metadata.schema('nosuchtype')).rejects.toMatchObject({ kind: 'notFound', status: 404 });
  });
});
