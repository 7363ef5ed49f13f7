/**
 * `npm run bench -- sandbox-ready [customers]`: how long until a sandbox with 100,000 customers (default) answers,
 * side by side in one run: loading the seed as before (snapshots off), the first start with snapshots (loads the
 * seed and saves the snapshot), and later starts restoring that snapshot; then the same for the default small
 * account that most integration tests start. Wall and CPU time are printed, since the machine may be shared.
 * Target: ≤ 5 s for 100,000 customers. Prints; never asserts. The last line is one JSON object with the figures.
 */
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox, type SandboxOptions } from '../../src/sandbox/index';
import { signedSuiteQLRequest } from './lib/sandboxClient';

const customers = Number(process.argv[2] ?? 100_000);
// 300 customers per unit of scale.
const scale = customers / 300;

interface Timing {
  wallMs: number;
  cpuMs: number;
}

/** Starts a sandbox, waits for a SuiteQL answer that counts its customers, stops it. */
async function timedStart(options: SandboxOptions, expected: number): Promise<Timing> {
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const sandbox = await startSandbox(options);
  const { url, init } = signedSuiteQLRequest(sandbox, 'SELECT COUNT(*) AS n FROM customer', 1);
  const body = (await (await fetch(url, init)).json()) as { items?: Array<{ n?: string }> };
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  await sandbox.stop();
  if (Number(body.items?.[0]?.n) !== expected) throw new Error(`expected ${expected} customers, got ${JSON.stringify(body)}`);
  return { wallMs: Math.round(wallMs), cpuMs: Math.round((cpu.user + cpu.system) / 1000) };
}

const show = (label: string, timing: Timing) => console.log(`${label.padEnd(46)} ${(timing.wallMs / 1000).toFixed(2)} s wall, ${(timing.cpuMs / 1000).toFixed(2)} s CPU`);

async function main(): Promise<void> {
  const snapshots = await mkdtemp(join(tmpdir(), 'suitelens-bench-snapshots-'));
  try {
    console.log(`sandbox ready: ${customers.toLocaleString('en-US')} customers (scale ${scale.toFixed(2)}), then the default account (300)`);
    const loaded = await timedStart({ scale, snapshots: false }, customers);
    show('seed loaded (snapshots off, as before)', loaded);
    const firstWithSnapshot = await timedStart({ scale, snapshots }, customers);
    show('first start: seed loaded + snapshot saved', firstWithSnapshot);
    const files = await readdir(snapshots);
    const snapshotMB = (await stat(join(snapshots, files.find((f) => f.endsWith('.tar')) ?? ''))).size / (1024 * 1024);
    const restored = [await timedStart({ scale, snapshots }, customers), await timedStart({ scale, snapshots }, customers)];
    restored.forEach((timing, index) => show(`restored from the snapshot (${index + 1})`, timing));

    const smallLoaded = await timedStart({ snapshots: false }, 300);
    show('default account, seed loaded', smallLoaded);
    await timedStart({ snapshots }, 300);
    const smallRestored = await timedStart({ snapshots }, 300);
    show('default account, restored from its snapshot', smallRestored);

    const best = restored.reduce((a, b) => (a.wallMs <= b.wallMs ? a : b));
    console.log(`snapshot of ${customers.toLocaleString('en-US')} customers: ${snapshotMB.toFixed(0)} MB; restore is ${(loaded.wallMs / best.wallMs).toFixed(1)}× faster than loading (target ≤ 5 s)`);
    console.log(`(${cpus().length} cores, load average ${loadavg()[0].toFixed(1)})`);
    console.log(
      JSON.stringify({
        bench: 'sandbox-ready',
        customers,
        loadedMs: loaded.wallMs,
        loadedCpuMs: loaded.cpuMs,
        firstStartWithSnapshotMs: firstWithSnapshot.wallMs,
        restoredMs: best.wallMs,
        restoredCpuMs: best.cpuMs,
        snapshotMB: Math.round(snapshotMB),
        defaultAccountLoadedMs: smallLoaded.wallMs,
        defaultAccountRestoredMs: smallRestored.wallMs,
        targetMs: 5_000,
        loadAverage: Number(loadavg()[0].toFixed(1)),
      }),
    );
  } finally {
    await rm(snapshots, { recursive: true, force: true });
  }
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
