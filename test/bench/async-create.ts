/**
 * `npm run bench -- async-create`: what the async create (POST with `Prefer: respond-async` and an idempotency
 * key → job → task list → task → result) costs next to a bare synchronous POST, against the sandbox with no added
 * latency and with a NetSuite-like 100 ms per request. The job itself runs at once here (asyncJobMs 0); on a real
 * account its queue time comes on top. Prints; never asserts.
 */
import { median, round, startBenchSandbox } from './lib/sandboxClient';

const latencies = [0, 100];
const runs = 9;

async function main(): Promise<void> {
  const bench = await startBenchSandbox({ scale: 1 });
  const { sandbox, client } = bench;
  try {
    const subsidiary = (await client.queryPage('SELECT id FROM subsidiary ORDER BY id', 0, { pageSize: 1 })).rows[0].raw.id;
    const body = (label: string) => ({ companyName: `Bench ${label} ${Math.random().toString(36).slice(2)}`, subsidiary: { id: subsidiary } });
    const figures: Record<string, { syncMs: number; asyncMs: number; ratio: number }> = {};
    console.log(`Create one customer, medians of ${runs} (alternating runs)`);
    for (const perRequestMs of latencies) {
      sandbox.configure({ latency: { perRequestMs, perRowMs: 0, asyncJobMs: 0 } });
      await client.records.create('customer', body('warm'));
      const syncTimes: number[] = [];
      const asyncTimes: number[] = [];
      for (let i = 0; i < runs; i++) {
        let started = performance.now();
        await client.http.request({ method: 'POST', path: 'record/v1/customer', body: body('sync'), safety: 'unsafe' });
        syncTimes.push(performance.now() - started);
        started = performance.now();
        await client.records.create('customer', body('async'));
        asyncTimes.push(performance.now() - started);
      }
      const syncMs = median(syncTimes);
      const asyncMs = median(asyncTimes);
      figures[`latency${perRequestMs}`] = { syncMs: round(syncMs), asyncMs: round(asyncMs), ratio: round(asyncMs / syncMs) };
      console.log(
        `  ${`${perRequestMs} ms per request:`.padEnd(22)} sync POST ${`${syncMs.toFixed(1)} ms`.padStart(9)}   async create ${`${asyncMs.toFixed(1)} ms`.padStart(9)}   ${(asyncMs / syncMs).toFixed(2)}× (+${(asyncMs - syncMs).toFixed(1)} ms)`,
      );
    }
    console.log(JSON.stringify({ bench: 'async-create', runs, ...figures }));
  } finally {
    await bench.stop();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
