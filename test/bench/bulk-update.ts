/**
 * `npm run bench -- bulk-update [records] [asyncJobMs]`: a bulk update of 1,000 customers at 200 ms per request and
 * an account concurrency limit of 5, three ways side by side in one run:
 *   - one by one: a PATCH per record, 5 at a time (what a client without batch operations does);
 *   - batches: NetSuite's batch PATCH, 100 records per job, 5 jobs at a time (client.batches);
 *   - the batch bound: ceil(batches / concurrency) × the time one batch job takes alone (submit → job → results).
 * Then the same bulk update again under injected 429s, 5xx and resets before and after commit, counting the records
 * that really changed. Targets (issue 16): ≥ 10× faster than one by one, ≤ 1.2× the bound, exactly all records
 * changed under faults. Prints; never asserts.
 *
 * `--task-list-progress` runs the sandbox with `asyncTaskListProgress` (task lists that say each task's progress),
 * a reading no public source supports (src/sandbox/batch-wire.md): for comparison only, never the figure to report.
 */
import type { BatchEntry } from '../../src/netsuite/recordBatches';
import { round, startBenchSandbox } from './lib/sandboxClient';

const positional = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const taskListProgress = process.argv.includes('--task-list-progress');
const recordCount = Number(positional[0] ?? 1000);
const asyncJobMs = Number(positional[1] ?? 500);
const perRequestMs = 200;
const concurrency = 5;
const batchSize = 100;

async function main(): Promise<void> {
  const bench = await startBenchSandbox({ scale: 1, concurrencyLimit: concurrency, asyncTaskListProgress: taskListProgress });
  const { sandbox, client } = bench;
  try {
    const subsidiary = (await client.queryPage('SELECT id FROM subsidiary ORDER BY id', 0, { pageSize: 1 })).rows[0].raw.id;
    // The records to update, made quickly (no latency) so the run measures only the updates.
    sandbox.configure({ latency: { perRequestMs: 0, perRowMs: 0, asyncJobMs: 0 } });
    const made = await client.batches.run(
      'customer',
      'create',
      Array.from({ length: recordCount + batchSize }, (_, n) => ({ fields: { companyName: `Bulk Bench ${n}`, subsidiary: { id: subsidiary } } })),
    );
    const ids = made.results.map((result) => result.id!);
    const probeIds = ids.slice(recordCount);
    const targetIds = ids.slice(0, recordCount);
    const entries = (mark: string): BatchEntry[] => targetIds.map((id) => ({ id, fields: { comments: `${mark} ${id}` } }));

    sandbox.configure({ latency: { perRequestMs, perRowMs: 0, asyncJobMs } });
    // One batch alone: the job time of the bound.
    let started = performance.now();
    await client.batches.run('customer', 'update', probeIds.map((id) => ({ id, fields: { comments: 'probe' } })));
    const jobMs = performance.now() - started;

    started = performance.now();
    const batched = await client.batches.run('customer', 'update', entries('batch'), { concurrency });
    const batchMs = performance.now() - started;

    started = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        for (let index = next++; index < targetIds.length; index = next++) await client.records.patch('customer', targetIds[index], { comments: `single ${targetIds[index]}` });
      }),
    );
    const singleMs = performance.now() - started;

    const batches = Math.ceil(recordCount / batchSize);
    const boundMs = Math.ceil(batches / concurrency) * jobMs;

    // Under faults: every record changed, each to its own value, and nothing else.
    sandbox.configure({ faults: { seed: 16, rate500: 0.05, rate429: 0.1, resetBeforeCommitRate: 0.05, resetAfterCommitRate: 0.1 } });
    started = performance.now();
    const faulty = await client.batches.run('customer', 'update', entries('faults'), { concurrency });
    const faultMs = performance.now() - started;
    sandbox.configure({ faults: { seed: 16, rate500: 0, rate429: 0, resetBeforeCommitRate: 0, resetAfterCommitRate: 0 }, latency: { perRequestMs: 0, perRowMs: 0, asyncJobMs: 0 } });
    const faultsSeen = sandbox.requestLog.list({}).filter((entry) => entry.fault).length;
    const changed = await client.queryPage(`SELECT COUNT(*) AS n FROM customer WHERE comments = 'faults ' || TO_CHAR(id)`, 0);
    const stray = await client.queryPage(`SELECT COUNT(*) AS n FROM customer WHERE comments LIKE 'faults %' AND comments <> 'faults ' || TO_CHAR(id)`, 0);

    const ok = batched.results.filter((result) => result.status === 'succeeded').length;
    const faultOk = faulty.results.filter((result) => result.status === 'succeeded').length;
    console.log(`Bulk update of ${recordCount} customers, ${perRequestMs} ms per request, concurrency ${concurrency}, job queue ${asyncJobMs} ms${taskListProgress ? ' — task lists WITH progress (undocumented sandbox option)' : ''}`);
    console.log(`  one by one (PATCH each):      ${(singleMs / 1000).toFixed(2).padStart(7)} s`);
    console.log(`  batches of ${batchSize} (${batches} jobs):    ${(batchMs / 1000).toFixed(2).padStart(7)} s   ${(singleMs / batchMs).toFixed(1)}× faster than one by one (target ≥ 10×)`);
    console.log(`  bound ceil(${batches}/${concurrency}) × ${(jobMs / 1000).toFixed(2)} s job: ${(boundMs / 1000).toFixed(2).padStart(7)} s   batches take ${(batchMs / boundMs).toFixed(2)}× the bound (target ≤ 1.2×)`);
    console.log(`  under faults (${faultsSeen} injected):   ${(faultMs / 1000).toFixed(2).padStart(7)} s   ${changed.rows[0].raw.n} records changed as intended, ${stray.rows[0].raw.n} otherwise (target: exactly ${recordCount}, 0)`);
    console.log(
      JSON.stringify({
        bench: 'bulk-update',
        records: recordCount,
        perRequestMs,
        concurrency,
        asyncJobMs,
        ...(taskListProgress ? { taskListProgress } : {}),
        singleMs: round(singleMs),
        batchMs: round(batchMs),
        jobMs: round(jobMs),
        boundMs: round(boundMs),
        speedup: round(singleMs / batchMs),
        ofBound: Math.round((batchMs / boundMs) * 100) / 100,
        succeeded: ok,
        faultsInjected: faultsSeen,
        faultRunSucceeded: faultOk,
        changedUnderFaults: Number(changed.rows[0].raw.n),
        strayUnderFaults: Number(stray.rows[0].raw.n),
      }),
    );
  } finally {
    await bench.stop();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
