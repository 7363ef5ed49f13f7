// Starts and stops code-server (VS Code served to a browser; SUITELENS_VSCODE picks 1.100.3 or 1.139.1) the way the
// verified recipe does:
// its own process group, its own TMPDIR / user-data / extensions folders in a temp dir, settings that keep the
// workbench quiet and deterministic, and ready when `/healthz` answers.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vscodeInstall, type VsCodeTarget } from './paths';

/** User settings every harness run gets; see the recipe's pitfalls (suggest widget swallowing keys, tips, …). */
const offlineGallery = JSON.stringify({ serviceUrl: 'http://127.0.0.1:9/gallery', itemUrl: 'http://127.0.0.1:9/item', resourceUrlTemplate: 'http://127.0.0.1:9/{publisher}/{name}/{version}/{path}' });

export const quietWorkbenchSettings: Readonly<Record<string, unknown>> = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'editor.quickSuggestions': { other: false, comments: false, strings: false },
  'editor.suggestOnTriggerCharacters': false,
  'editor.acceptSuggestionOnEnter': 'off',
  'window.restoreWindows': 'none',
};

export interface CodeServerOptions {
  /** The folder the workbench opens. */
  readonly folder: string;
  /** Extra environment for code-server; its extension host inherits it (results file path, test switches). */
  readonly env?: Readonly<Record<string, string>>;
  /** Merged over {@link quietWorkbenchSettings}. */
  readonly settings?: Readonly<Record<string, unknown>>;
  /** Other files of the user's profile, by name under `User/` (e.g. chatLanguageModels.json, VS Code's own models list). */
  readonly userFiles?: Readonly<Record<string, string>>;
  /** Defaults to a fresh folder in the run's temp dir. */
  readonly extensionsDir?: string;
  /** Defaults to a free port on 127.0.0.1. */
  readonly port?: number;
  /** Keep the temp dir (user data, logs) after stop, e.g. for `npm start` or to debug a failure. */
  readonly keepTempDir?: boolean;
  /** Which installed VS Code to serve; defaults to SUITELENS_VSCODE's (see paths.ts). */
  readonly vscode?: VsCodeTarget;
  /** Load the workbench URL payload's development extension and tests (see `smokeTestDriverArgs` in paths.ts). */
  readonly smokeTestDriver?: boolean;
  /**
   * Workspace trust is on, as it is for every user (a new folder opens in Restricted Mode until the person trusts
   * it). Only a run that cannot answer the trust question as a person would turns it off, saying why at the call.
   */
  readonly disableWorkspaceTrust?: boolean;
}

export interface RunningCodeServer {
  /** `http://127.0.0.1:PORT` — the authority the workbench and `vscode-remote://` URIs must use. */
  readonly origin: string;
  readonly port: number;
  readonly folder: string;
  readonly extensionsDir: string;
  readonly userDataDir: string;
  /** code-server's stdout + stderr. */
  readonly logFile: string;
  /** Stops the whole process group (code-server forks a file watcher that outlives a kill of its main pid). */
  stop(): Promise<void>;
}

export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export async function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

export async function startCodeServer(options: CodeServerOptions): Promise<RunningCodeServer> {
  const install = vscodeInstall(options.vscode);
  if (!existsSync(install.entry) || !existsSync(install.node)) {
    throw new Error(`code-server ${install.codeServerVersion} is not installed: run \`node test/vscode/setup.mjs ${install.target}\` (\`.ci/run\` does this).`);
  }
  exitOnSignals();
  const port = options.port ?? (await findFreePort());
  const runDir = mkdtempSync(join(tmpdir(), 'suitelens-code-server-'));
  const tempDir = join(runDir, 'tmp');
  const userDataDir = join(runDir, 'user-data');
  const extensionsDir = options.extensionsDir ?? join(runDir, 'extensions');
  for (const dir of [tempDir, join(userDataDir, 'User'), extensionsDir]) mkdirSync(dir, { recursive: true });
  const trustOff = options.disableWorkspaceTrust ? { 'security.workspace.trust.enabled': false } : {};
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...quietWorkbenchSettings, ...trustOff, ...options.settings }, null, 2));
  for (const [name, text] of Object.entries(options.userFiles ?? {})) writeFileSync(join(userDataDir, 'User', name), text);
  // A config file of its own, or code-server writes ~/.config/code-server/config.yaml.
  const configFile = join(runDir, 'config.yaml');
  writeFileSync(configFile, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);

  const logFile = join(runDir, 'code-server.log');
  const log = openSync(logFile, 'a');
  const args = [
    install.entry,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--config', configFile,
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
    ...(options.disableWorkspaceTrust ? ['--disable-workspace-trust'] : []),
    '--disable-getting-started-override',
    '--ignore-last-opened',
    ...(options.smokeTestDriver ? install.smokeTestDriverArgs : []),
    options.folder,
  ];
  // TMPDIR: code-server and its extension host drop sockets and tsserver folders in os.tmpdir().
  const child = spawn(install.node, args, {
    detached: true,
    stdio: ['ignore', log, log],
    // code-server queries its extension gallery (open-vsx.org) at start-up; tests must reach nothing off this
    // machine, so the gallery points at a closed loopback port and fails at once without a DNS lookup.
    env: { ...process.env, TMPDIR: tempDir, EXTENSIONS_GALLERY: offlineGallery, ...options.env },
  });
  const stop = stopper(child, runDir, options.keepTempDir ?? false);
  const origin = `http://127.0.0.1:${port}`;
  try {
    await waitUntilHealthy(origin, child, logFile);
  } catch (error) {
    await stop();
    throw error;
  }
  return { origin, port, folder: options.folder, extensionsDir, userDataDir, logFile, stop };
}

async function waitUntilHealthy(origin: string, child: ChildProcess, logFile: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`code-server exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${tail(logFile)}`);
    }
    try {
      const response = await fetch(`${origin}/healthz`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`code-server did not become healthy at ${origin} within 60 s:\n${tail(logFile)}`);
}

function stopper(child: ChildProcess, runDir: string, keepTempDir: boolean): () => Promise<void> {
  const pid = child.pid;
  let stopped: Promise<void> | undefined;
  const killGroup = (signal: NodeJS.Signals): void => {
    if (pid === undefined) return;
    try {
      process.kill(-pid, signal);
    } catch {
      // the group is already gone
    }
  };
  // If the harness itself dies (uncaught error, Ctrl+C), the group must not outlive it.
  const onExit = (): void => killGroup('SIGKILL');
  process.once('exit', onExit);
  return () => {
    stopped ??= (async () => {
      process.removeListener('exit', onExit);
      killGroup('SIGTERM');
      const deadline = Date.now() + 5_000;
      while (Date.now() < deadline && groupAlive(pid)) await new Promise((resolve) => setTimeout(resolve, 100));
      killGroup('SIGKILL');
      if (!keepTempDir) rmSync(runDir, { recursive: true, force: true, maxRetries: 3 });
    })();
    return stopped;
  };
}

let signalsHandled = false;
/** Ctrl+C / SIGTERM end the harness through `process.exit`, so the 'exit' hooks above kill every group. */
function exitOnSignals(): void {
  if (signalsHandled) return;
  signalsHandled = true;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, () => process.exit(130));
}

function groupAlive(pid: number | undefined): boolean {
  if (pid === undefined) return false;
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The last lines of a log, for error messages. */
export function tail(file: string, lines = 30): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}
