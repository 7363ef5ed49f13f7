/**
 * Sandboxes of the same seed share one prebuilt snapshot of the seeded database: the first start saves it, later
 * starts restore it with the same data — never with another sandbox's writes — and another seed gets its own.
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../src/sandbox';
import { call, idFromLocation } from './sandboxTestClient';

const snapshots = mkdtempSync(join(tmpdir(), 'sandbox-snapshots-'));
const running: RunningSandbox[] = [];

afterAll(async () => {
  await Promise.all(running.map((sandbox) => sandbox.stop()));
  rmSync(snapshots, { recursive: true, force: true });
});

async function start(seed: number): Promise<RunningSandbox> {
  const sandbox = await startSandbox({ seed, snapshots });
  running.push(sandbox);
  return sandbox;
}

async function suiteql(sandbox: RunningSandbox, q: string): Promise<unknown[]> {
  const page = await call(sandbox, 'POST', '/services/rest/query/v1/suiteql?limit=1000', { body: { q }, headers: { prefer: 'transient' } });
  expect(page.status).toBe(200);
  return page.json.items;
}

/** The snapshot files by name, with their inode: a restore reads the file, a rebuild replaces it with a new one. */
const snapshotFiles = () => new Map(readdirSync(snapshots).filter((name) => name.endsWith('.tar')).map((name) => [name, statSync(join(snapshots, name)).ino]));

const customersQuery = 'SELECT id, entityid, companyname, email, balancesearch FROM customer ORDER BY id';

describe('seed snapshots', () => {
  it('restores the same seeded data in a later sandbox, without another sandbox\u2019s writes', async () => {
    const first = await start(3);
    const saved = snapshotFiles();
    expect(saved.size).toBe(1);
    const seeded = await suiteql(first, customersQuery);
    const created = await call(first, 'POST', '/services/rest/record/v1/customer', { body: { entityId: 'ONLY-IN-FIRST', subsidiary: { id: '1' } } });
    expect(created.status).toBe(204);

    const second = await start(3);
    expect(snapshotFiles()).toEqual(saved); // restored, not rebuilt
    expect(await suiteql(second, customersQuery)).toEqual(seeded);
    expect((await call(second, 'GET', `/services/rest/record/v1/customer/${idFromLocation(created)}`)).status).toBe(404);
    // Ids continue after the seed's, as in a freshly loaded account.
    const next = await call(second, 'POST', '/services/rest/record/v1/customer', { body: { entityId: 'IN-SECOND', subsidiary: { id: '1' } } });
    expect(idFromLocation(next)).toBe(idFromLocation(created));

    const otherSeed = await start(4);
    expect(snapshotFiles().size).toBe(2);
    expect(await suiteql(otherSeed, customersQuery)).not.toEqual(seeded);
  }, 300_000);
});
