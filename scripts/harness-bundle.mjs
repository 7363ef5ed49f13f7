// The real-VS-Code harnesses (extension-host suite, e2e scenarios, `npm start`) are TypeScript; Node 20 cannot run
// TypeScript, so each entry is bundled with esbuild into a per-process folder under out/ and imported from there.
// Per-process folders keep parallel runs (several engineers, one working tree) from overwriting each other.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const runDir = join(projectRoot, 'out', 'harness', String(process.pid));
process.once('exit', () => rmSync(runDir, { recursive: true, force: true }));

/** Bundles `entry` (ESM, dependencies left in node_modules) and imports it. */
export async function importTs(entry) {
  return importBundle(basename(entry).replace(/\.ts$/, ''), { entryPoints: [join(projectRoot, entry)] });
}

/** Bundles several TypeScript modules into one (one copy of shared helpers) and imports them as `m0`, `m1`, …. */
export async function importTsModules(name, entries) {
  const contents = entries.map((entry, i) => `export * as m${i} from ${JSON.stringify(join(projectRoot, entry))};`).join('\n');
  const bundle = await importBundle(name, { stdin: { contents, resolveDir: projectRoot, loader: 'ts' } });
  return entries.map((_, i) => bundle[`m${i}`]);
}

async function importBundle(name, input) {
  const outfile = join(runDir, `${name}.mjs`);
  await esbuild.build({
    ...input,
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  return import(pathToFileURL(outfile).href);
}

/**
 * Bundles the extension-host suite (`test/vscode/suite`): `index.js` (the mocha runner) and one `*.test.js` per
 * test file, CommonJS as the extension host loads them, `vscode` provided by the host. Returns the folder.
 */
export async function bundleHostSuite() {
  const suiteDir = join(runDir, 'suite');
  mkdirSync(suiteDir, { recursive: true });
  const suiteSrc = join(projectRoot, 'test', 'vscode', 'suite');
  await esbuild.build({
    entryPoints: [join(suiteSrc, 'index.ts'), join(suiteSrc, '*.test.ts')],
    outdir: suiteDir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['vscode'],
    sourcemap: 'inline',
    logLevel: 'warning',
    // mocha's parallel mode (unused in the host) resolves worker files at run time; that path is never taken.
    logOverride: { 'require-resolve-not-external': 'silent' },
  });
  return suiteDir;
}

/**
 * Builds every bundle the development extension loads (`node esbuild.mjs`, a few seconds), not only
 * `dist/extension.js`: the extension also requires the sandbox, the webviews and the lazily loaded libraries at run
 * time, and in a fresh clone a scenario run before any full build found no sandbox, so "Try the demo sandbox" did
 * nothing and the scenario failed two minutes later far from the cause.
 */
export function buildExtension() {
  const result = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: projectRoot, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('building the extension failed (node esbuild.mjs)');
}

/** Runs a harness main that returns an exit code; an unexpected error still ends with the closing line CI reads. */
export async function runMain(main) {
  process.chdir(projectRoot);
  try {
    process.exit(await main());
  } catch (error) {
    console.error(error instanceof Error ? error.stack : error);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
}
