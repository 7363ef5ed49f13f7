/**
 * `npm run bench -- export [c,c,…]`: how fast a 100,000-row SuiteQL export runs against the sandbox with
 * NetSuite-like page latency (200 ms per page) at each service tier's concurrency limit — 5 (base), 15 (Tier 1),
 * 65 (Tier 1 with five SuiteCloud Plus licences), the sandbox's limit and the client's set alike — side by side
 * with our own sequential mode (what tools that page one by one do) and with the concurrency-bound limit
 * ceil(pages / c) × 200 ms, and with this machine's floor: a bare client that only moves the bytes. The sandbox runs
 * in a child process so the RSS we report is the client's alone. Prints; never asserts.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { TbaAuthProvider, type TbaCredentials } from '../../src/netsuite/auth/tba';
import { NetSuiteClient } from '../../src/netsuite/client';
import { startSandbox } from '../../src/sandbox/index';
import { Agent, request } from 'undici';
import { signedSuiteQLRequest } from './lib/sandboxClient';

const rows = 100_000;
const pageSize = 1000;
const perPageMs = 200;
const tiers = (process.argv.find((arg) => /^\d+(,\d+)*$/.test(arg)) ?? '5,15,65').split(',').map(Number);

interface SandboxHandle {
  baseUrl: string;
  accountId: string;
  tba: TbaCredentials;
}

async function sandboxChild(): Promise<void> {
  // 300 customers per unit of scale: 1000/3 gives exactly 100,000 customers.
  const sandbox = await startSandbox({ host: '127.0.0.1', scale: rows / 300, latency: { perRequestMs: perPageMs, perRowMs: 0 } });
  const handle: SandboxHandle = { baseUrl: sandbox.baseUrl, accountId: sandbox.accountId, tba: sandbox.credentials.tba };
  process.send?.(handle);
  process.on('message', (message: unknown) => {
    if (message === 'stop') void sandbox.stop().then(() => process.exit(0));
    const limit = (message as { concurrencyLimit?: number } | undefined)?.concurrencyLimit;
    if (typeof limit === 'number') process.send?.({ configured: sandbox.configure({ concurrencyLimit: limit }).concurrencyLimit });
  });
}

/** Sets the sandbox's concurrency limit (NetSuite's per-account governance) and waits until it is in force. */
function configureChild(child: ChildProcess, concurrencyLimit: number): Promise<void> {
  return new Promise((resolve) => {
    const onMessage = (message: unknown) => {
      if ((message as { configured?: number }).configured !== concurrencyLimit) return;
      child.off('message', onMessage);
      resolve();
    };
    child.on('message', onMessage);
    child.send({ concurrencyLimit });
  });
}

function startChild(): Promise<{ child: ChildProcess; handle: SandboxHandle }> {
  return new Promise((resolve, reject) => {
    const child = fork(__filename, ['--sandbox-child'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.once('message', (handle) => resolve({ child, handle: handle as SandboxHandle }));
    child.once('exit', (code) => reject(new Error(`sandbox process exited early (${code})`)));
  });
}

async function exportAll(
  client: NetSuiteClient,
  query: string,
  mode: 'parallel' | 'sequential',
  expectedRows?: number,
): Promise<{ seconds: number; lastRowSeconds: number; delivered: number; peakRssGrowthMB: number; clientCpuSeconds: number }> {
  // Warm the sandbox's cursor for this query (it is built on the first request for a later page), so both modes
  // measure paging, not the one-off SQL execution that the ceil(pages / 5) × 200 ms limit leaves out.
  await client.queryPage(query, 0, { pageSize });
  await client.queryPage(query, pageSize, { pageSize });
  (globalThis as { gc?: () => void }).gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  let delivered = 0;
  let lastId = -1;
  let lastRowAt = started;
  for await (const page of client.query(query, { pageSize, mode, ...(expectedRows === undefined ? {} : { expectedRows }) }).pages()) {
    for (const row of page) {
      const id = Number(row.raw.id);
      if (id <= lastId) throw new Error(`rows out of order: ${id} after ${lastId}`);
      lastId = id;
      delivered += 1;
    }
    lastRowAt = performance.now();
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { seconds, lastRowSeconds: (lastRowAt - started) / 1000, delivered, peakRssGrowthMB: (peak - baseline) / (1024 * 1024), clientCpuSeconds: (cpu.user + cpu.system) / 1e6 };
}

/**
 * This machine's floor at `concurrency`: every page of the query read by a bare undici client that keeps
 * `concurrency` requests in flight, knows the page count, takes each body as bytes and parses nothing. What the
 * sandbox, the loopback and the 2 shared cores allow before any client work; SuiteLens's export is compared with it.
 */
async function floorSeconds(handle: SandboxHandle, query: string, concurrency: number): Promise<number> {
  const address = { baseUrl: handle.baseUrl, accountId: handle.accountId, credentials: { tba: handle.tba } };
  const dispatcher = new Agent({ connections: concurrency });
  const page = async (index: number): Promise<void> => {
    const { url, init } = signedSuiteQLRequest(address, query, pageSize, index * pageSize);
    const answer = await request(url, { method: 'POST', headers: init.headers as Record<string, string>, body: init.body as string, dispatcher });
    const bytes = Buffer.from(await answer.body.arrayBuffer());
    if (answer.statusCode !== 200 || bytes.length < pageSize) throw new Error(`floor page ${index}: ${answer.statusCode} ${bytes.subarray(0, 200).toString()}`);
  };
  try {
    await page(0);
    await page(1); // the sandbox's cursor for this query is built, as exportAll warms it
    const pages = Math.ceil(rows / pageSize);
    let next = 0;
    const started = performance.now();
    await Promise.all(Array.from({ length: concurrency }, async () => {
      while (next < pages) await page(next++);
    }));
    return (performance.now() - started) / 1000;
  } finally {
    await dispatcher.close();
  }
}

interface TierFigures {
  concurrency: number;
  seconds: number;
  limitSeconds: number;
  ratioToLimit: number;
  /** The limit for a client that learns totalResults from page one before asking for the rest. */
  firstPageThenLimitSeconds: number;
  ratioToFirstPageThenLimit: number;
  speedupVsSequential: number;
  rssGrowthMB: number;
  lastRowSeconds: number;
  clientCpuSeconds: number;
  ratioToMeasuredLimit: number;
  /** As the export command runs it: the total known from its count request, so page one does not go out alone. */
  knownTotalSeconds: number;
  knownTotalRatioToLimit: number;
  /** A bare client reading bytes only, all pages known: what this machine allows (see floorSeconds). */
  floorSeconds: number;
  floorRatioToLimit: number;
  knownTotalRatioToFloor: number;
}

async function main(): Promise<void> {
  console.log(`export bench: ${rows.toLocaleString('en-US')} rows, ${pageSize} per page, ${perPageMs} ms per page, concurrency ${tiers.join(', ')} (sandbox and client alike)`);
  const startedSandbox = performance.now();
  const { child, handle } = await startChild();
  console.log(`sandbox ready in ${((performance.now() - startedSandbox) / 1000).toFixed(1)} s (child process ${child.pid})`);
  const cacheRoot = await mkdtemp(join(tmpdir(), 'suitelens-bench-'));
  const clientFor = (concurrencyLimit: number) =>
    new NetSuiteClient({ accountId: handle.accountId, auth: new TbaAuthProvider(handle.accountId, handle.tba), overrides: { restBaseUrl: handle.baseUrl }, concurrencyLimit, cacheRoot });
  const pages = Math.ceil(rows / pageSize);
  try {
    // Sequential paging does not depend on the limit: one run is the baseline of every tier.
    await configureChild(child, 5);
    const sequentialClient = clientFor(5);
    const sequential = await exportAll(sequentialClient, 'SELECT id, companyname AS name, email FROM customer ORDER BY id', 'sequential');
    await sequentialClient.dispose();
    // What one page really costs here (latency + the sandbox's work + this machine's load), from the sequential
    // run: the limit at that page cost shows how much of the gap is the server's, not the client's scheduling.
    const measuredPageMs = (sequential.seconds * 1000) / pages;
    console.log(`sequential: ${sequential.delivered} rows in ${sequential.seconds.toFixed(2)} s (one page really takes ${measuredPageMs.toFixed(0)} ms here)`);
    const figures: TierFigures[] = [];
    for (const concurrency of tiers) {
      await configureChild(child, concurrency);
      const client = clientFor(concurrency);
      // A query text of its own per tier, so no run reuses another's server-side cursor.
      const parallel = await exportAll(client, `SELECT id, companyname, email FROM customer WHERE ${concurrency} = ${concurrency} ORDER BY id`, 'parallel');
      const knownTotal = await exportAll(client, `SELECT id, companyname, email FROM customer WHERE ${concurrency + 1000} = ${concurrency + 1000} ORDER BY id`, 'parallel', rows);
      await client.dispose();
      const floor = await floorSeconds(handle, `SELECT id, companyname, email FROM customer WHERE ${concurrency + 2000} = ${concurrency + 2000} ORDER BY id`, concurrency);
      const limitSeconds = (Math.ceil(pages / concurrency) * perPageMs) / 1000;
      const firstPageThenLimitSeconds = ((1 + Math.ceil((pages - 1) / concurrency)) * perPageMs) / 1000;
      const tier: TierFigures = {
        concurrency,
        seconds: round(parallel.seconds),
        limitSeconds: round(limitSeconds),
        ratioToLimit: round(parallel.seconds / limitSeconds),
        firstPageThenLimitSeconds: round(firstPageThenLimitSeconds),
        ratioToFirstPageThenLimit: round(parallel.seconds / firstPageThenLimitSeconds),
        speedupVsSequential: round(sequential.seconds / parallel.seconds),
        rssGrowthMB: round(parallel.peakRssGrowthMB),
        lastRowSeconds: round(parallel.lastRowSeconds),
        clientCpuSeconds: round(parallel.clientCpuSeconds),
        ratioToMeasuredLimit: round(parallel.seconds / ((Math.ceil(pages / concurrency) * measuredPageMs) / 1000)),
        knownTotalSeconds: round(knownTotal.seconds),
        knownTotalRatioToLimit: round(knownTotal.seconds / limitSeconds),
        floorSeconds: round(floor),
        floorRatioToLimit: round(floor / limitSeconds),
        knownTotalRatioToFloor: round(knownTotal.seconds / floor),
      };
      figures.push(tier);
      console.log(
        `c=${String(concurrency).padEnd(3)} ${parallel.delivered} rows in ${parallel.seconds.toFixed(2)} s; limit ceil(${pages}/${concurrency}) × ${perPageMs} ms = ${limitSeconds.toFixed(2)} s → ratio ${tier.ratioToLimit.toFixed(3)} (target ≤ 1.2); ` +
          `page one first, then the rest: ${firstPageThenLimitSeconds.toFixed(2)} s → ratio ${tier.ratioToFirstPageThenLimit.toFixed(3)}; speed-up vs sequential ${tier.speedupVsSequential.toFixed(2)}×; ` +
          `RSS growth ${tier.rssGrowthMB.toFixed(1)} MB (target ≤ 150); last row after ${parallel.lastRowSeconds.toFixed(2)} s (the rest is the cap check's COUNT); client CPU ${parallel.clientCpuSeconds.toFixed(2)} s; ` +
          `with the total known (as the export command runs): ${knownTotal.seconds.toFixed(2)} s → ratio ${tier.knownTotalRatioToLimit.toFixed(3)}; ` +
          `this machine's floor (bare client, bytes only): ${floor.toFixed(2)} s → ratio ${tier.floorRatioToLimit.toFixed(3)}, the export ${tier.knownTotalRatioToFloor.toFixed(3)}× the floor`,
      );
    }
    console.log(`(load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores)`);
    console.log(JSON.stringify({ bench: 'export', rows, perPageMs, sequentialSeconds: round(sequential.seconds), measuredPageMs: round(measuredPageMs), tiers: figures, loadAverage: round(loadavg()[0]) }));
  } finally {
    await rm(cacheRoot, { recursive: true, force: true });
    child.send('stop');
  }
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

if (process.argv.includes('--sandbox-child')) {
  void sandboxChild();
} else {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
