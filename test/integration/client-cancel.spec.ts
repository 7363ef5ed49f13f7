import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isNetSuiteError } from '../../src/netsuite/errors';
import { setUpClient, type ClientSetup } from './client-sandbox';

let setup: ClientSetup;

beforeAll(async () => {
  // Slow pages, so the export is surely mid-way when it is cancelled.
  setup = await setUpClient({ latency: { perRequestMs: 100 } });
});

afterAll(async () => {
  await setup?.stop();
});

describe('cancellation', () => {
  it('stops a running export at once: queued and in-flight pages end, nothing keeps running', async () => {
    const client = setup.client();
    const controller = new AbortController();
    const rows: string[] = [];
    const outcome = (async () => {
      for await (const row of client.query('SELECT id FROM customer ORDER BY id', { pageSize: 10, signal: controller.signal })) {
        rows.push(row.raw.id);
        if (rows.length === 25) controller.abort();
      }
    })().then(
      () => undefined,
      (error: unknown) => error,
    );
    const error = await outcome;
    expect(isNetSuiteError(error, 'cancelled')).toBe(true);
    expect(rows.length).toBeGreaterThanOrEqual(25);
    expect(rows.length).toBeLessThan(40);
    expect(client.activity).toMatchObject({ inFlight: 0, queued: 0 });

    const seqAfterCancel = setup.sandbox.requestLog.lastSeq;
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(setup.sandbox.requestLog.lastSeq).toBe(seqAfterCancel);
  });

  it('cancels a request waiting for a governor slot without sending it', async () => {
    const client = setup.client({ concurrencyLimit: 1 });
    const busy = client.records.list('customer', { limit: 1 });
    const controller = new AbortController();
    const since = setup.sandbox.requestLog.lastSeq;
    const queued = client.records.list('vendor', { limit: 1, signal: controller.signal });
    controller.abort();
    await expect(queued).rejects.toMatchObject({ kind: 'cancelled' });
    await busy;
    expect(setup.sandbox.requestLog.list({ since, pathPrefix: '/services/rest/record/v1/vendor' })).toHaveLength(0);
  });

  it('ends a running export when the account’s client is disposed', async () => {
    const client = setup.client();
    let rows = 0;
    const outcome = (async () => {
      for await (const _row of client.query('SELECT id FROM customer ORDER BY id', { pageSize: 10 })) {
        rows += 1;
        if (rows === 15) void client.dispose();
      }
    })().then(
      () => undefined,
      (error: unknown) => error,
    );
    const error = await outcome;
    expect(isNetSuiteError(error, 'cancelled')).toBe(true);
    expect((error as Error).message).toContain('closed');
    expect(client.activity).toMatchObject({ inFlight: 0, queued: 0 });
  });

  it('refuses to start with an already-aborted signal', async () => {
    const client = setup.client();
    await expect(client.records.get('customer', '1', { signal: AbortSignal.abort() })).rejects.toMatchObject({ kind: 'cancelled' });
  });
});
