// Builds every bundle SuiteLens ships or tests with:
//  - the extension host bundle (cjs, node20, `vscode` external),
//  - browser bundles for the notebook renderer and webviews under media/ (esm),
//  - the sandbox CLI (cjs, node20) used by `npm run sandbox`.
// `--only NAME[,NAME]` builds a subset; `--watch` rebuilds on change; `--production` (or NODE_ENV=production) builds what
// ships: minified, no source maps (scripts/extensionBundle.mjs). `--only extensionSingle` builds the extension as
// one file the way it was before the split (dist/extension-single.js), for the activation benchmark's comparison.
import * as esbuild from 'esbuild';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { extensionBuilds, nodeCommon, production, singleFileExtension } from './scripts/extensionBundle.mjs';

const args = process.argv.slice(2);
const watch = args.includes('--watch');
const onlyIndex = args.indexOf('--only');
const only = onlyIndex >= 0 ? new Set(args[onlyIndex + 1].split(',')) : undefined;

/** @type {Record<string, import('esbuild').BuildOptions | import('esbuild').BuildOptions[]>} */
const targets = {
  // The extension host bundle and the libraries it loads on first use (scripts/lazyLibraries.mjs).
  extension: extensionBuilds('dist'),
  extensionSingle: singleFileExtension('dist'),
  sandbox: {
    ...nodeCommon,
    entryPoints: { 'sandbox-cli': 'src/sandbox/cli.ts' },
    outdir: 'dist',
  },
  // The sandbox as a library the extension `require()`s only when the user starts the demo, so activation never
  // loads PGlite (a 15 MB WASM database).
  sandboxLib: {
    ...nodeCommon,
    entryPoints: { sandbox: 'src/sandbox/index.ts' },
    outdir: 'dist',
  },
  // sql-formatter for Format Document, required on the first format only.
  sqlLayout: {
    ...nodeCommon,
    entryPoints: { sqlLayout: 'src/suiteql/sqlLayout.ts' },
    outdir: 'dist',
  },
  // exceljs for XLSX export, required on the first XLSX export only (it is larger than the rest of the host bundle).
  xlsxWriter: {
    ...nodeCommon,
    entryPoints: { xlsxWriter: 'src/app/notebook/xlsxSheet.ts' },
    outdir: 'dist',
  },
  // The notebook renderer, split: the chart library is a chunk the renderer imports the first time a chart is
  // shown, so the grid's first paint does not load it. Its own target because splitting would make the webviews'
  // bundles share chunks, which their nonce-only script-src could not load.
  renderer: {
    bundle: true,
    platform: 'browser',
    target: 'es2022',
    format: 'esm',
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    sourcemap: !production,
    minify: production,
    logLevel: 'warning',
    entryPoints: { renderer: 'media/renderer/index.ts' },
    outdir: 'dist/media',
  },
  media: {
    bundle: true,
    platform: 'browser',
    target: 'es2022',
    format: 'esm',
    sourcemap: !production,
    minify: production,
    logLevel: 'warning',
    entryPoints: {},
    outdir: 'dist/media',
  },
};

// Browser entry points appear as their surfaces land; only existing ones are built.
const mediaEntries = {
  form: 'media/form/index.ts',
  resultsPanel: 'media/resultsPanel/index.ts',
  recordView: 'media/recordView/index.ts',
  import: 'media/import/index.ts',
};
for (const [name, file] of Object.entries(mediaEntries)) {
  if (existsSync(file)) targets.media.entryPoints[name] = file;
}
if (Object.keys(targets.media.entryPoints).length === 0) delete targets.media;
if (!existsSync('src/sandbox/cli.ts')) delete targets.sandbox;
if (!existsSync('src/sandbox/index.ts')) delete targets.sandboxLib;

// PGlite finds its WASM and data files next to the module that loads it; in a bundle that is dist/.
function copyPgliteAssets() {
  mkdirSync('dist', { recursive: true });
  for (const file of ['pglite.wasm', 'initdb.wasm', 'pglite.data']) {
    copyFileSync(`node_modules/@electric-sql/pglite/dist/${file}`, `dist/${file}`);
  }
}

// Webviews link the codicon stylesheet (and its font) from dist/media, the only folder they may load from.
function copyCodicons() {
  mkdirSync('dist/media', { recursive: true });
  for (const file of ['codicon.css', 'codicon.ttf']) copyFileSync(`node_modules/@vscode/codicons/dist/${file}`, `dist/media/${file}`);
}

// The SuiteQL analytics table names (src/suiteql/analyticsTables.ts) are read from dist/ on first completion, not
// bundled, so activation does not parse them.
function copySuiteQLAnalyticsTables() {
  mkdirSync('dist', { recursive: true });
  copyFileSync('src/suiteql/data/analyticsTables.json', 'dist/suiteql-analytics-tables.json');
}

// The single-file build is for the benchmark only; it is built when asked for by name.
const optIn = new Set(['extensionSingle']);
const selected = Object.entries(targets).filter(([name]) => (only ? only.has(name) : !optIn.has(name)));
const builds = selected.flatMap(([, options]) => (Array.isArray(options) ? options : [options]));
if (selected.some(([name]) => name === 'extension')) copySuiteQLAnalyticsTables();
if (selected.some(([name]) => name === 'sandbox' || name === 'sandboxLib')) copyPgliteAssets();
if (selected.some(([name]) => name === 'media' || name === 'renderer')) copyCodicons();
if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
