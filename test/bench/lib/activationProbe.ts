/**
 * The activation benchmark's stand-in `main` (test/bench/activation.ts): VS Code activates this module, which times
 * SuiteLens's own work up to the NetSuite tree's first answer and appends one JSON line to SUITELENS_BENCH_OUT:
 * require() of the bundle named by SUITELENS_BENCH_BUNDLE (extension.js, or the old single file), activate(), and
 * the tree's first getChildren(). It also lists the files of ours that were loaded by then, with their sizes.
 * With SUITELENS_BENCH_PROFILE (a folder), it also samples the extension host's CPU from before the require() until
 * the roots are answered and writes the profile there (one file per window), for the bench's `--profile`.
 * Runs inside the extension host; never shipped.
 */
import { appendFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join, sep } from 'node:path';
import * as vscode from 'vscode';

const explorerViewId = 'suitelens.explorer';
const now = (): number => performance.timeOrigin + performance.now();

interface Timing {
  bundle: string;
  startedAt: number;
  loadMs?: number;
  activateMs?: number;
  rootsAskedAt?: number;
  rootsMs?: number;
  rootsAnsweredAt?: number;
  loaded?: { file: string; bytes: number }[];
  /** The V8 code cache main.js read beside the bundle (0 for a bundle required directly). */
  codeCacheBytes?: number;
}

let bundleExports: { activate(context: vscode.ExtensionContext): unknown; deactivate?(): unknown } | undefined;

export function activate(context: vscode.ExtensionContext): unknown {
  const out = process.env.SUITELENS_BENCH_OUT;
  const bundle = process.env.SUITELENS_BENCH_BUNDLE ?? 'extension.js';
  // One account, so the tree's first paint draws a row (as it does for everyone who has added one). Not timed.
  const profile = { accountId: 'TSTDRV1234567', label: 'Bench account', authKind: 'tba', environment: 'sandbox', readOnly: false, confirmBeforeWrite: false, concurrencyLimit: 5, addedAt: new Date(0).toISOString() };
  void context.globalState.update('suitelens.accounts.v1', [profile]);

  const profiler = startProfiler(process.env.SUITELENS_BENCH_PROFILE, bundle);
  const timing: Timing = { bundle, startedAt: now() };
  const distFolders = new Set([join(context.extensionPath, 'dist') + sep]);
  watchExplorer(timing, (answered) => {
    timing.loaded = Object.keys(require.cache)
      .filter((file) => [...distFolders].some((folder) => file.startsWith(folder)) && !file.endsWith('activation-probe.js'))
      .map((file) => ({ file: file.split(sep).pop() ?? file, bytes: statSync(file).size }));
    timing.codeCacheBytes = bundle === 'main.js' ? codeCacheBytes(join(context.extensionPath, 'dist')) : 0;
    timing.rootsAnsweredAt = answered;
    profiler?.();
    if (out) appendFileSync(out, `${JSON.stringify(timing)}\n`);
  });

  const started = performance.now();
  const file = require.resolve(join(context.extensionPath, 'dist', bundle));
  distFolders.add(join(file, '..') + sep); // the bundle's real folder, when dist/ holds links
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the bundle under test, chosen at run time
  bundleExports = require(file) as typeof bundleExports;
  const loaded = performance.now();
  const api = bundleExports!.activate(context);
  timing.loadMs = loaded - started;
  timing.activateMs = performance.now() - loaded;
  return api;
}

export function deactivate(): unknown {
  return bundleExports?.deactivate?.();
}

/**
 * Samples this thread's CPU every 100 µs through an in-process inspector session (posts on it run synchronously);
 * the returned function stops and writes `<bundle>-<time>.cpuprofile` into `folder`.
 */
function startProfiler(folder: string | undefined, bundle: string): (() => void) | undefined {
  if (!folder) return undefined;
  const session = new Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: 100 });
  session.post('Profiler.start');
  return () => {
    session.post('Profiler.stop', (error, result) => {
      if (!error) writeFileSync(join(folder, `${bundle}-${Date.now()}.cpuprofile`), JSON.stringify(result.profile));
      session.disconnect();
    });
  };
}

/** Wraps the explorer's data provider as SuiteLens registers it, to time the first ask for the tree's roots. */
function watchExplorer(timing: Timing, onAnswer: (at: number) => void): void {
  const window = vscode.window as { createTreeView: typeof vscode.window.createTreeView };
  const createTreeView = window.createTreeView.bind(vscode.window);
  window.createTreeView = <T>(viewId: string, options: vscode.TreeViewOptions<T>): vscode.TreeView<T> => {
    if (viewId === explorerViewId) {
      const provider = options.treeDataProvider;
      const getChildren = provider.getChildren.bind(provider);
      provider.getChildren = async (element?: T) => {
        if (element !== undefined || timing.rootsAskedAt !== undefined) return getChildren(element);
        timing.rootsAskedAt = now();
        const started = performance.now();
        const roots = await getChildren(element);
        timing.rootsMs = performance.now() - started;
        onAnswer(now());
        return roots;
      };
    }
    return createTreeView(viewId, options);
  };
}

function codeCacheBytes(dist: string): number {
  return readdirSync(dist)
    .filter((file) => file.endsWith('.code-cache'))
    .reduce((sum, file) => sum + statSync(join(dist, file)).size, 0);
}
