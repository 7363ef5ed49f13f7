// Installs code-server (VS Code 1.100.3 as a server) into `.code-server/`, the project's own cache folder,
// so that the extension-host suite, the Playwright scenarios and `npm start` run a REAL VS Code offline.
// Follows the verified recipe in the shared `e2e-recipe.md`, including its workarounds:
//  - `--ignore-scripts` everywhere: code-server's postinstall downloads things we cannot reach;
//  - native modules are rebuilt against the local Node headers (`nodedir=/usr`, no header download);
//  - ripgrep comes from Debian's package (/usr/bin/rg) instead of @vscode/ripgrep's download;
//  - the built-in `extensions/` get their dependencies (else: "VS Code's tsserver was deleted…" toasts);
//  - `npm_config_yes=true` because the machine's ~/.npmrc says `yes=false`.
// Idempotent: a marker file records what was installed; a second run with the same version is a no-op.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.100.3';
const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const codeServerCache = join(projectRoot, '.code-server');
export const codeServerRoot = join(codeServerCache, 'node_modules', 'code-server');
const markerFile = join(codeServerCache, 'installed.json');

// Native modules are built for one Node ABI: a different Node needs a fresh install.
const wanted = { version: CODE_SERVER_VERSION, nodeModules: process.versions.modules };

const npmEnv = {
  ...process.env,
  npm_config_yes: 'true',
  npm_config_nodedir: process.env.npm_config_nodedir ?? '/usr',
  npm_config_jobs: 'max',
  npm_config_fund: 'false',
  npm_config_audit: 'false',
  npm_config_update_notifier: 'false',
  npm_config_loglevel: 'error',
};

/** True when `.code-server/` already holds the wanted code-server for this Node. */
export function isCodeServerInstalled() {
  if (!existsSync(markerFile)) return false;
  try {
    const installed = JSON.parse(readFileSync(markerFile, 'utf8'));
    return installed.version === wanted.version && installed.nodeModules === wanted.nodeModules;
  } catch {
    return false;
  }
}

function step(title, command, args, cwd) {
  const started = Date.now();
  console.log(`[setup] ${title}: ${command} ${args.join(' ')}  (in ${relative(projectRoot, cwd) || '.'})`);
  const result = spawnSync(command, args, { cwd, env: npmEnv, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) {
    throw new Error(`code-server setup failed at "${title}" (exit ${result.status ?? result.signal})`);
  }
  console.log(`[setup]   done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** Every package under `node_modules` that ships a `binding.gyp`, i.e. has a native part to rebuild. */
function nativePackages(nodeModules) {
  const found = [];
  for (const entry of readdirSync(nodeModules)) {
    const names = entry.startsWith('@') ? readdirSync(join(nodeModules, entry)).map((n) => `${entry}/${n}`) : [entry];
    for (const name of names) if (existsSync(join(nodeModules, name, 'binding.gyp'))) found.push(name);
  }
  return found;
}

function findRipgrep() {
  for (const candidate of ['/usr/bin/rg', '/usr/local/bin/rg']) if (existsSync(candidate)) return candidate;
  throw new Error('ripgrep is missing: install Debian\'s package (`apt-get install ripgrep`; `.ci/run` does this).');
}

/** Waits for (or takes) the install lock, so that two harnesses started together do not install twice. */
async function withInstallLock(action) {
  const lock = `${codeServerCache}.lock`;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      const pidFile = join(lock, 'pid');
      const owner = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8')) : 0;
      // No pid yet: the owner has just taken the lock, unless the lock is old (its owner died before writing).
      const abandoned = owner ? !isAlive(owner) : Date.now() - lockTakenAt(lock) > 10_000;
      if (abandoned) {
        rmSync(lock, { recursive: true, force: true });
        continue;
      }
      console.log(`[setup] another install (pid ${owner}) is running; waiting…`);
      await new Promise((resolve) => setTimeout(resolve, 3000));
    }
  }
  writeFileSync(join(lock, 'pid'), String(process.pid));
  try {
    return await action();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function lockTakenAt(lock) {
  try {
    return statSync(lock).mtimeMs;
  } catch {
    return 0;
  }
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function install() {
  const rg = findRipgrep();
  const started = Date.now();
  // A partial or different install is not worth repairing: start clean.
  rmSync(codeServerCache, { recursive: true, force: true });
  mkdirSync(codeServerCache, { recursive: true });
  // Own package.json: without it npm would walk up and install into the project's node_modules.
  writeFileSync(join(codeServerCache, 'package.json'), JSON.stringify({ name: 'code-server-cache', private: true }, null, 2));

  step('code-server', 'npm', ['install', '--no-save', '--ignore-scripts', `code-server@${CODE_SERVER_VERSION}`], codeServerCache);
  const vscodeDir = join(codeServerRoot, 'lib', 'vscode');
  step('VS Code server dependencies', 'npm', ['install', '--omit=dev', '--ignore-scripts'], vscodeDir);
  const natives = nativePackages(join(vscodeDir, 'node_modules'));
  step('native modules', 'npm', ['rebuild', ...natives], vscodeDir);

  const rgDir = join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin');
  mkdirSync(rgDir, { recursive: true });
  copyFileSync(rg, join(rgDir, 'rg'));
  // code-server resolves some modules through `node_modules.asar` as packaged VS Code does.
  rmSync(join(vscodeDir, 'node_modules.asar'), { force: true });
  symlinkSync('node_modules', join(vscodeDir, 'node_modules.asar'));

  const extensionsDir = join(vscodeDir, 'extensions');
  step('built-in extensions dependencies', 'npm', ['install', '--omit=dev', '--ignore-scripts'], extensionsDir);
  step('built-in extensions postinstall', 'node', ['postinstall.mjs'], extensionsDir);
  step('argon2 (password hashing)', 'npm', ['rebuild', 'argon2'], codeServerCache);

  const version = spawnSync('node', [join(codeServerRoot, 'out', 'node', 'entry.js'), '--version'], { encoding: 'utf8' });
  if (version.status !== 0 || !version.stdout.includes(CODE_SERVER_VERSION)) {
    throw new Error(`code-server does not start after install: ${version.stderr || version.stdout}`);
  }
  writeFileSync(markerFile, JSON.stringify({ ...wanted, installedAt: new Date().toISOString() }, null, 2));
  console.log(`[setup] code-server ${CODE_SERVER_VERSION} installed in .code-server/ in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** Installs code-server unless the wanted version is already there. */
export async function ensureCodeServer() {
  if (isCodeServerInstalled()) return;
  await withInstallLock(() => {
    if (isCodeServerInstalled()) return; // installed by whoever held the lock
    install();
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    if (isCodeServerInstalled()) console.log(`[setup] code-server ${CODE_SERVER_VERSION} already installed in .code-server/ (nothing to do)`);
    else await ensureCodeServer();
  } catch (error) {
    console.error(`[setup] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
