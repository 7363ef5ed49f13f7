/**
 * The sandbox's `asyncTaskListProgress` option (not NetSuite's documented shape, src/sandbox/batch-wire.md): when
 * an async job's task list says each task's progress, a batch update reads the result of the failed records only,
 * and still puts NetSuite's error on each of them. Without the option every task's result is read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BatchEntry } from '../../src/netsuite/recordBatches';
import { setUpClient, type ClientSetup } from './client-sandbox';

let plain: ClientSetup;
let withProgress: ClientSetup;

beforeAll(async () => {
  [plain, withProgress] = await Promise.all([setUpClient(), setUpClient({ asyncTaskListProgress: true })]);
});

afterAll(async () => {
  await Promise.all([plain?.stop(), withProgress?.stop()]);
});

async function updateWithTwoFailures(setup: ClientSetup) {
  const client = setup.client();
  const ids = (await client.queryPage('SELECT id FROM customer ORDER BY id', 0, { pageSize: 20 })).rows.map((row) => String(row.raw.id));
  const entries: BatchEntry[] = ids.map((id) => ({ id, fields: { comments: `progress ${id}` } }));
  entries[4] = { id: ids[4], fields: { subsidiary: { id: '987654' } } };
  entries[9] = { id: '99999999', fields: { comments: 'no such record' } };
  const since = setup.sandbox.requestLog.lastSeq;
  const { results } = await client.batches.run('customer', 'update', entries);
  const resultReads = setup.sandbox.requestLog.list({ since, method: 'GET', pathPrefix: '/services/rest/async/v1/job/' }).filter((entry) => entry.path.endsWith('/result'));
  return { results, resultReads: resultReads.length };
}

describe('a task list that says each task’s progress', () => {
  it('is not what the sandbox serves by default: every record’s result is read', async () => {
    const { results, resultReads } = await updateWithTwoFailures(plain);
    expect(results.filter((result) => result.status === 'failed').map((result) => result.index)).toEqual([4, 9]);
    expect(resultReads).toBe(20);
  });

  it('lets a batch update read only the failed records’ results, with their errors on the right records', async () => {
    const { results, resultReads } = await updateWithTwoFailures(withProgress);
    expect(results.filter((result) => result.status === 'succeeded')).toHaveLength(18);
    expect(results[4]).toMatchObject({ status: 'failed', error: { detail: expect.any(String) } });
    expect(results[9]).toMatchObject({ status: 'failed', error: { code: 'NONEXISTENT_ID' } });
    expect(resultReads).toBe(2);
  });
});
