/**
 * `npm run bench -- activation [runs] [--dev] [--profile]`: how long SuiteLens takes from the start of its activation
 * to the NetSuite tree's first paint, in real VS Code (code-server + Chromium), side by side, runs alternating:
 *  - main.js, what the manifest names: the split bundle (dist/extension.js, libraries loaded on first use) compiled
 *    from the V8 code cache that the warm-up window wrote, as on every window start after a user's first;
 *  - extension.js required directly: the split bundle compiled from source, as on that first start;
 *  - extension-single.js: the single file before the split.
 * All are built as they ship (minified; `--dev`: the readable build the tests use). Issue 15's targets: code loaded
 * at activation ≤ 1 MB; ≤ 50 ms of our own code to the first paint.
 *
 * VS Code activates a stand-in `main` (lib/activationProbe.ts) that requires the bundle, activates it, and times
 * the tree's first getChildren(); the browser notes the frame that first shows the account's row. Both clocks are
 * the machine's wall clock (performance.timeOrigin + now()). The NetSuite view is opened once in a warm-up window;
 * the same origin and browser profile then open every window with it showing, as a person's next window does.
 * `--profile`: the probe also samples the extension host's CPU in each window, and the bench prints the functions
 * with the most self time per bundle (summed over its windows; sampling slows the windows, so read the figures of a
 * run without it). Prints; never asserts.
 */
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium, workbenchUrl } from '../vscode/harness/browser';
import { findFreePort, startCodeServer } from '../vscode/harness/codeServer';
import { screenshot } from '../e2e/lib/workbench';
import { projectRoot, vscodeInstall } from '../vscode/harness/paths';
import { selfTimes } from './lib/cpuProfile';
import { median, round } from './lib/sandboxClient';

const args = process.argv.slice(2);
const runs = Number(args.find((arg) => /^\d+$/.test(arg)) ?? 5);
const profiling = args.includes('--profile');
/** What the bundles were built as: `production` as they ship, `dev` the readable build the tests use. */
const buildKind = args.includes('--dev') ? 'dev' : 'production';
const bundles = ['main.js', 'extension.js', 'extension-single.js'] as const;
const accountLabel = 'Bench account';

interface ProbeLine {
  bundle: string;
  startedAt: number;
  loadMs: number;
  activateMs: number;
  rootsAskedAt: number;
  rootsMs: number;
  rootsAnsweredAt: number;
  loaded: { file: string; bytes: number }[];
  codeCacheBytes: number;
}

interface Run extends ProbeLine {
  paintedAt: number;
}

async function main(): Promise<void> {
  build();
  const work = mkdtempSync(join(tmpdir(), 'suitelens-bench-activation-'));
  try {
    const extension = probeExtension(work);
    const workspace = join(work, 'workspace');
    mkdirSync(workspace);
    const out = join(work, 'probe.jsonl');
    mkdirSync(join(work, 'profiles'));
    const port = await findFreePort();
    const browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const results: Run[] = [];
    try {
      await openWindow({ extension, workspace, port, out, bundle: 'main.js', context, warmUp: true });
      for (let i = 0; i < runs; i++) {
        for (const bundle of i % 2 === 0 ? bundles : [...bundles].reverse()) {
          results.push(await openWindow({ extension, workspace, port, out, bundle, context, warmUp: false }));
          process.stdout.write('.');
        }
      }
    } finally {
      await browser.close().catch(() => undefined);
    }
    console.log();
    report(results);
    if (profiling) reportProfiles(join(work, 'profiles'));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Both bundles as they ship (`--production`: minified, as `vscode:prepublish` builds them), so the figures are a
 * user's. `--dev` measures the readable build the tests use instead.
 */
function build(): void {
  const command = ['esbuild.mjs', '--only', 'extension,extensionSingle', ...(buildKind === 'dev' ? [] : ['--production'])];
  const built = spawnSync(process.execPath, command, { cwd: projectRoot, stdio: 'inherit' });
  if (built.status !== 0) throw new Error(`node ${command.join(' ')} failed`);
}

/**
 * A copy of the shipped extension whose `main` is the probe. Its scripts are copies, not links: VS Code gives a
 * module the `vscode` API of the extension whose folder holds the module's real path.
 */
function probeExtension(work: string): string {
  const dir = join(work, 'extension');
  mkdirSync(join(dir, 'dist'), { recursive: true });
  for (const entry of ['README.md', 'LICENSE', 'language-configuration.json', 'media', 'syntaxes']) {
    if (existsSync(join(projectRoot, entry))) cpSync(join(projectRoot, entry), join(dir, entry), { recursive: true });
  }
  for (const file of readdirSync(join(projectRoot, 'dist'))) {
    // A code cache the tests' windows left in dist/ is not copied: the warm-up window writes the bench's own.
    if (file === 'bench' || file.endsWith('.map') || file.endsWith('.code-cache')) continue;
    if (/\.(js|json)$/.test(file) || file === 'media') cpSync(join(projectRoot, 'dist', file), join(dir, 'dist', file), { recursive: true });
    else symlinkSync(join(projectRoot, 'dist', file), join(dir, 'dist', file));
  }
  esbuild.buildSync({
    entryPoints: [join(projectRoot, 'test/bench/lib/activationProbe.ts')],
    outfile: join(dir, 'dist', 'activation-probe.js'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    logLevel: 'warning',
  });
  const manifest = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as Record<string, unknown>;
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ ...manifest, main: './dist/activation-probe.js' }, null, 2));
  return dir;
}

interface WindowOptions {
  extension: string;
  workspace: string;
  port: number;
  out: string;
  bundle: string;
  context: Awaited<ReturnType<Awaited<ReturnType<typeof launchChromium>>['newContext']>>;
  warmUp: boolean;
}

async function openWindow(options: WindowOptions): Promise<Run> {
  writeFileSync(options.out, '');
  const installed = vscodeInstall().smokeTestDriverArgs.length > 0;
  let extensionsDir: string | undefined;
  if (installed) {
    // 1.139 loads no development extension from the URL without the smoke-test driver: install the probe instead.
    extensionsDir = mkdtempSync(join(tmpdir(), 'suitelens-bench-extensions-'));
    const manifest = JSON.parse(readFileSync(join(options.extension, 'package.json'), 'utf8')) as { publisher: string; name: string; version: string };
    symlinkSync(options.extension, join(extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`), 'dir');
  }
  const server = await startCodeServer({
    folder: options.workspace,
    port: options.port,
    extensionsDir,
    env: {
      SUITELENS_BENCH_OUT: options.out,
      SUITELENS_BENCH_BUNDLE: options.bundle,
      ...(profiling && !options.warmUp ? { SUITELENS_BENCH_PROFILE: join(options.out, '..', 'profiles') } : {}),
    },
    // The trust question would hold the window at a modal; this measures activation, not trust.
    disableWorkspaceTrust: true,
  });
  const page = await options.context.newPage();
  try {
    await page.goto(workbenchUrl(server.origin, options.workspace, installed ? {} : { extensionDevelopmentPath: options.extension }));
    if (options.warmUp) await openNetSuiteView(page);
    const paintedAt = await firstPaint(page, options.warmUp ? 60_000 : 20_000).catch(async () => {
      // The view did not come back open (first window of a fresh profile): open it, and time from there.
      await openNetSuiteView(page);
      return firstPaint(page, 60_000);
    });
    const line = await probeLine(options.out);
    // The window stays open until main.js has written the code cache the later windows read.
    if (options.warmUp) await codeCacheWritten(join(options.extension, 'dist'));
    return { ...line, paintedAt };
  } catch (error) {
    const file = await screenshot(page, 'bench-activation-failed').catch(() => undefined);
    throw new Error(`${error instanceof Error ? error.message : String(error)}${file ? `\nscreenshot: ${file}` : ''}\ncode-server log: ${readFileSync(server.logFile, 'utf8').split('\n').slice(-15).join('\n')}`);
  } finally {
    await page.close().catch(() => undefined);
    await server.stop();
    if (extensionsDir) rmSync(extensionsDir, { recursive: true, force: true });
  }
}

/** main.js writes the code cache a few seconds after activating; the warm-up window may close sooner. */
async function codeCacheWritten(dist: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (readdirSync(dist).some((file) => file.endsWith('.code-cache'))) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the warm-up window wrote no code cache into ${dist}`);
}

async function openNetSuiteView(page: Page): Promise<void> {
  const icon = page.locator('.activitybar a.action-label[aria-label^="NetSuite"]');
  await icon.waitFor({ timeout: 60_000 });
  const sideBar = page.locator('.part.sidebar .composite.title', { hasText: /NetSuite/i });
  if (!(await sideBar.isVisible())) await icon.click();
}

/** The wall-clock time of the first animation frame that shows the account's row in the side bar. */
async function firstPaint(page: Page, timeout: number): Promise<number> {
  const handle = await page.waitForFunction(
    (label) => {
      const rows = document.querySelectorAll('.part.sidebar .monaco-list-row[role="treeitem"] .label-name');
      return [...rows].some((row) => row.textContent === label) ? performance.timeOrigin + performance.now() : 0;
    },
    accountLabel,
    { polling: 'raf', timeout },
  );
  return (await handle.jsonValue()) as number;
}

async function probeLine(file: string): Promise<ProbeLine> {
  for (let i = 0; i < 100; i++) {
    const text = readFileSync(file, 'utf8').trim();
    if (text) return JSON.parse(text.split('\n')[0]) as ProbeLine;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the probe wrote nothing: did VS Code activate it?');
}

function report(results: Run[]): void {
  const line = (label: string, values: string[]) => console.log(`${label.padEnd(44)} ${values.map((v) => v.padStart(20)).join(' ')}`);
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  const summary = bundles.map((bundle) => {
    const mine = results.filter((run) => run.bundle === bundle);
    const loadedBytes = mine[0]?.loaded.reduce((sum, file) => sum + file.bytes, 0) ?? 0;
    return {
      bundle,
      runs: mine.length,
      loadMs: median(mine.map((r) => r.loadMs)),
      activateMs: median(mine.map((r) => r.activateMs)),
      rootsMs: median(mine.map((r) => r.rootsMs)),
      ownMs: median(mine.map((r) => r.loadMs + r.activateMs + r.rootsMs)),
      toRootsAskedMs: median(mine.map((r) => r.rootsAskedAt - r.startedAt)),
      toRootsAnsweredMs: median(mine.map((r) => r.rootsAnsweredAt - r.startedAt)),
      toPaintMs: median(mine.map((r) => r.paintedAt - r.startedAt)),
      loadedBytes,
      loadedFiles: mine[0]?.loaded.map((file) => file.file) ?? [],
      codeCacheBytes: mine[0]?.codeCacheBytes ?? 0,
    };
  });
  console.log(`Activation to the NetSuite tree's first paint, VS Code ${vscodeInstall().target}, ${buildKind} build, medians of ${runs} windows each (alternating)`);
  line('', summary.map((s) => s.bundle));
  line('require() the bundle', summary.map((s) => ms(s.loadMs)));
  line('activate()', summary.map((s) => ms(s.activateMs)));
  line("explorer's first getChildren()", summary.map((s) => ms(s.rootsMs)));
  line('our own code (sum; target ≤ 50 ms)', summary.map((s) => ms(s.ownMs)));
  line('activation start → VS Code asks for roots', summary.map((s) => ms(s.toRootsAskedMs)));
  line('activation start → roots answered', summary.map((s) => ms(s.toRootsAnsweredMs)));
  line('activation start → row painted', summary.map((s) => ms(s.toPaintMs)));
  line('our files loaded by then (target ≤ 1 MB)', summary.map((s) => `${(s.loadedBytes / 1024 / 1024).toFixed(2)} MB`));
  line('V8 code cache read (bytecode, not source)', summary.map((s) => `${(s.codeCacheBytes / 1024 / 1024).toFixed(2)} MB`));
  for (const s of summary) console.log(`  ${s.bundle}: ${s.loadedFiles.join(', ')}`);
  const [shipped, split, single] = summary;
  const ratio = (a: (typeof summary)[number], b: (typeof summary)[number]) => `own code ${(a.ownMs / b.ownMs).toFixed(2)}×, to paint ${(a.toPaintMs / b.toPaintMs).toFixed(2)}×`;
  console.log(`main.js/extension-single.js: ${ratio(shipped, single)}`);
  console.log(`extension.js/extension-single.js: ${ratio(split, single)}`);
  console.log(`main.js/extension.js (the code cache): ${ratio(shipped, split)}`);
  const json = { bench: 'activation', vscode: vscodeInstall().target, build: buildKind, runs, ...Object.fromEntries(summary.map((s) => [s.bundle, { loadMs: round(s.loadMs), activateMs: round(s.activateMs), rootsMs: round(s.rootsMs), ownMs: round(s.ownMs), toPaintMs: round(s.toPaintMs), loadedBytes: s.loadedBytes, codeCacheBytes: s.codeCacheBytes }])) };
  console.log(JSON.stringify(json));
}

/** The functions with the most self time from activation start to the roots' answer, per bundle, over its windows. */
function reportProfiles(folder: string): void {
  const files = readdirSync(folder);
  for (const bundle of bundles) {
    const mine = files.filter((file) => file.startsWith(`${bundle}-`)).map((file) => join(folder, file));
    const times = selfTimes(mine);
    const total = times.reduce((sum, { ms }) => sum + ms, 0);
    console.log(`${bundle}: CPU self time while profiled, per window (${mine.length} windows; ${(total / mine.length).toFixed(1)} ms busy each, sampling included)`);
    for (const { name, ms } of times.slice(0, 25)) console.log(`  ${(ms / mine.length).toFixed(1).padStart(7)} ms  ${name}`);
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
