/** With a data directory the account survives a restart: writes persist, seed data is not loaded twice. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../src/sandbox';
import { fixtureRecords } from './fixtureRecords';
import { call, idFromLocation } from './sandboxTestClient';

const dataDir = mkdtempSync(join(tmpdir(), 'sandbox-data-'));
let sandbox: RunningSandbox | undefined;

afterAll(async () => {
  await sandbox?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('data directory', () => {
  it('keeps records written over REST across a restart, and continues the id sequence', async () => {
    sandbox = await startSandbox({ dataDir, seedRecords: fixtureRecords() });
    const created = await call(sandbox, 'POST', '/services/rest/record/v1/customer', { body: { entityId: 'PERSISTED', subsidiary: { id: '1' } } });
    expect(created.status).toBe(204);
    const firstId = idFromLocation(created);
    await sandbox.stop();

    sandbox = await startSandbox({ dataDir, seedRecords: fixtureRecords() });
    const list = await call(sandbox, 'GET', '/services/rest/record/v1/customer?limit=1');
    expect(list.json.totalResults).toBe(26);
    const persisted = await call(sandbox, 'GET', `/services/rest/record/v1/customer/${firstId}`);
    expect(persisted.json.entityId).toBe('PERSISTED');
    const suiteql = await call(sandbox, 'POST', '/services/rest/query/v1/suiteql', { body: { q: `SELECT id FROM customer WHERE entityid = 'PERSISTED'` }, headers: { prefer: 'transient' } });
    expect(suiteql.json.items).toEqual([{ links: [], id: firstId }]);
    const next = await call(sandbox, 'POST', '/services/rest/record/v1/customer', { body: { entityId: 'PERSISTED', subsidiary: { id: '1' } } });
    expect(next.status).toBe(409);
    const another = await call(sandbox, 'POST', '/services/rest/record/v1/customer', { body: { entityId: 'PERSISTED-2', subsidiary: { id: '1' } } });
    expect(another.status).toBe(204);
    expect(Number(idFromLocation(another))).toBeGreaterThan(Number(firstId));
  });
});
