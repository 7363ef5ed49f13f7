/**
 * `npm run bench -- sandbox-latency`: does the sandbox's simulated latency match its settings? A SuiteQL page of
 * N rows should take perRequestMs + N × perRowMs; a request over the concurrency limit should be refused at
 * once, not after the latency. Measured side by side in one run. Prints; never asserts; the last line is JSON.
 */
import { startSandbox, type RunningSandbox } from '../../src/sandbox';
import { signedSuiteQLRequest } from './lib/sandboxClient';

const perRequestMs = 200;
const perRowMs = 2;

async function timedQuery(sandbox: RunningSandbox, limit: number): Promise<{ ms: number; status: number; rows: number }> {
  const { url, init } = signedSuiteQLRequest(sandbox, 'SELECT id, entityid FROM customer ORDER BY id', limit);
  const started = performance.now();
  const response = await fetch(url, init);
  const body = (await response.json()) as { count?: number };
  return { ms: performance.now() - started, status: response.status, rows: body.count ?? 0 };
}

async function main(): Promise<void> {
  const sandbox = await startSandbox({ latency: { perRequestMs, perRowMs } });
  try {
    await timedQuery(sandbox, 10); // warm the query cache
    const figures: Array<{ rows: number; expectedMs: number; measuredMs: number }> = [];
    for (const limit of [1, 50, 200]) {
      const result = await timedQuery(sandbox, limit);
      const expectedMs = perRequestMs + result.rows * perRowMs;
      figures.push({ rows: result.rows, expectedMs, measuredMs: Math.round(result.ms) });
      console.log(`page of ${result.rows} rows: expected ≥ ${expectedMs} ms, measured ${Math.round(result.ms)} ms (ratio ${(result.ms / expectedMs).toFixed(2)})`);
    }
    sandbox.configure({ concurrencyLimit: 1 });
    const [slow, refused] = await Promise.all([timedQuery(sandbox, 50), new Promise((resolve) => setTimeout(resolve, 50)).then(() => timedQuery(sandbox, 50))]);
    console.log(`over the limit: ${refused.status} after ${Math.round(refused.ms)} ms while the admitted request took ${Math.round(slow.ms)} ms`);
    console.log(JSON.stringify({ perRequestMs, perRowMs, pages: figures, refusedStatus: refused.status, refusedMs: Math.round(refused.ms), admittedMs: Math.round(slow.ms) }));
  } finally {
    await sandbox.stop();
  }
}

void main();
