// `npm run bench -- guard-block`: the worst time the extension host's thread is blocked while the agent guard
// checks hostile SuiteQL (nested parentheses, huge IN lists, long token soups, queries at the length cap). The
// check runs in the guard's worker thread; the main thread is probed every millisecond with perf_hooks'
// monitorEventLoopDelay and a setInterval gap meter. For contrast, the same inputs checked on the main thread, and
// the bare Trino parse of nested parentheses the old guard ran there. Target: worst main-thread block <= 100 ms.
import { buildSync } from 'esbuild';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { defaultSuiteQLLimits } from '../../src/suiteql/canonicalQuery';
import { checkSuiteQLRead, workerSuiteQLReads, type GuardedRead } from '../../src/suiteql/guardedRead';
import { parseSuiteQL } from '../../src/suiteql/parser';

const maxLength = defaultSuiteQLLimits.maxLength;
/** A query of `prefix unit… suffix` just under the length cap. */
const fill = (prefix: string, unit: string, suffix: string): string => prefix + unit.repeat(Math.floor((maxLength - 1 - prefix.length - suffix.length) / unit.length)) + suffix;
const collectGarbage = (): void => (globalThis as { gc?: () => void }).gc?.();

const hostile: Array<{ name: string; query: string }> = [
  { name: '2 KB of nested parentheses', query: `SELECT ${'('.repeat(1000)}1${')'.repeat(1000)} FROM customer` },
  { name: 'nesting at the depth cap, at the length cap', query: fill(`SELECT ${'('.repeat(23)}1`, ' + (1)', `${')'.repeat(23)} FROM customer`) },
  { name: 'nested function calls at the depth cap', query: `SELECT ${'NVL('.repeat(24)}c.id${', 0)'.repeat(24)} FROM customer c` },
  { name: 'nested subqueries at the depth cap', query: `SELECT * FROM ${'(SELECT * FROM '.repeat(23)}customer${') x'.repeat(23)}` },
  { name: 'huge IN list at the length cap', query: fill('SELECT id FROM customer WHERE id IN (1', ', 1', ')') },
  { name: 'long token soup at the length cap', query: fill('SELECT 1', ' + a', ' FROM customer') },
  { name: 'AND chain at the length cap', query: fill('SELECT id FROM customer WHERE 1 = 1', ' AND id = 1', '') },
  { name: 'UNION chain at the length cap', query: fill('SELECT id FROM customer', ' UNION SELECT id FROM customer', '') },
  { name: 'CASE chain at the length cap', query: fill('SELECT CASE', ' WHEN id = 1 THEN 1', ' END FROM customer') },
  { name: 'unbalanced ( soup at the length cap', query: fill('SELECT ', '(', '') },
  { name: 'one string at the length cap', query: fill("SELECT '", 'x', "' FROM customer") },
  { name: 'over the length cap (1 MB)', query: `SELECT ${'1 + '.repeat(250_000)}1 FROM customer` },
];

/** Runs `action` while probing the main thread; returns the worst block seen in ms. */
async function worstBlock<T>(action: () => Promise<T>): Promise<{ blockMs: number; wallMs: number; value: T }> {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  let last = performance.now();
  let worstGap = 0;
  const probe = setInterval(() => {
    const now = performance.now();
    worstGap = Math.max(worstGap, now - last);
    last = now;
  }, 1);
  histogram.enable();
  const started = performance.now();
  const value = await action();
  const wallMs = performance.now() - started;
  // Let the probe see the tail of the wait.
  await new Promise((resolve) => setTimeout(resolve, 5));
  clearInterval(probe);
  histogram.disable();
  return { blockMs: Math.max(worstGap, histogram.max / 1e6), wallMs, value };
}

function outcome(read: GuardedRead): string {
  return read.ok ? `allowed (${read.tables.join(',')})` : `refused: ${read.reason.slice(0, 70)}`;
}

async function main(): Promise<void> {
  const workerFile = join(__dirname, 'suiteql-guard-worker.js');
  buildSync({ entryPoints: ['src/suiteql/guardWorkerMain.ts'], outfile: workerFile, bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning' });
  const reads = workerSuiteQLReads({ workerFile });
  console.log(`load average ${loadavg().map((value) => value.toFixed(2)).join(' ')}; caps: ${maxLength} characters, depth ${defaultSuiteQLLimits.maxDepth}`);
  // The first check starts the worker (loading the grammar happens there, not here).
  const warm = await worstBlock(() => reads.check('SELECT id FROM customer'));
  console.log(`worker start + first check: main thread blocked ${warm.blockMs.toFixed(1)} ms (wall ${warm.wallMs.toFixed(0)} ms)`);
  let worst = warm.blockMs;
  const rows: string[] = [];
  for (const { name, query } of hostile) {
    collectGarbage();
    const measured = await worstBlock(() => reads.check(query));
    worst = Math.max(worst, measured.blockMs);
    rows.push(`${name.padEnd(46)} | ${measured.blockMs.toFixed(1).padStart(14)} ms | ${measured.wallMs.toFixed(0).padStart(10)} ms | ${outcome(measured.value)}`);
  }
  reads.dispose();
  console.log('\ninput                                          | main-thread block | wall (worker) | outcome');
  for (const row of rows) console.log(row);
  // For contrast only, after the measurements: what the same checks would cost on the main thread.
  console.log('\nthe same check on the main thread (what would block the host without the worker):');
  for (const { name, query } of hostile) {
    const started = performance.now();
    checkSuiteQLRead(`${query} `, defaultSuiteQLLimits);
    console.log(`${name.padEnd(46)} | ${(performance.now() - started).toFixed(0).padStart(6)} ms`);
  }
  for (const depth of [20, 40, 60]) {
    const started = performance.now();
    parseSuiteQL(`SELECT ${'('.repeat(depth)}1${')'.repeat(depth)} FROM customer`);
    console.log(`old path, bare Trino parse of ${depth} nested parentheses on the main thread: ${(performance.now() - started).toFixed(0)} ms`);
  }
  console.log(`\nworst main-thread block with the worker: ${worst.toFixed(1)} ms (target <= 100 ms)`);
}

void main();
