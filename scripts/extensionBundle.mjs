// The extension host's build options, shared by esbuild.mjs and the test that keeps activation small
// (test/unit/activationBundle.spec.ts), so the test checks the bundle that ships.
import { lazyLibrariesPlugin, lazyLibraryBuilds } from './lazyLibraries.mjs';
import { lazySuiteQLPlugin, suiteQLLibraryBuild } from './lazySuiteQL.mjs';

/**
 * The build that ships (`vscode:prepublish` runs `node esbuild.mjs --production`): minified, without source maps
 * (.vscodeignore leaves them out anyway). Minifying is not cosmetic here: the extension host parses and compiles
 * dist/extension.js on every window start, and the minified file is about 40% smaller (issue 15). Tests build the
 * readable form; the activation benchmark measures this one.
 */
export const production = process.env.NODE_ENV === 'production' || process.argv.includes('--production');

/** Options every Node bundle shares (cjs, node20). */
export const nodeCommon = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // PGlite loads its WASM and data files next to its module; keep them as files in dist/.
  loader: { '.wasm': 'file', '.data': 'file' },
  // PGlite locates those files with `new URL('./pglite.wasm', import.meta.url)`, which is empty in a cjs bundle:
  // give it the bundle's own file URL, so it finds the copies esbuild.mjs puts beside the bundle.
  define: { 'import.meta.url': '__bundleFileUrl' },
  banner: { js: "const __bundleFileUrl = require('node:url').pathToFileURL(__filename).href;" },
};

/**
 * dist/extension.js as activation loads it: the libraries it needs later are stubs (scripts/lazyLibraries.mjs), and so
 * is the SuiteQL language service (scripts/lazySuiteQL.mjs).
 */
export function activationBundle(outdir) {
  return {
    ...nodeCommon,
    // The worker that checks agents' SuiteQL off the extension host's thread (src/suiteql/guardedRead.ts).
    // main.js is the manifest's `main`: it loads extension.js through a V8 code cache (src/extensionEntry.ts).
    entryPoints: { main: 'src/extensionEntry.ts', extension: 'src/extension.ts', 'suiteql-guard-worker': 'src/suiteql/guardWorkerMain.ts' },
    outdir,
    external: ['vscode'],
    plugins: [lazySuiteQLPlugin(), lazyLibrariesPlugin(), vscodeApiOnce()],
  };
}

/**
 * Every `import * as vscode from 'vscode'` (53 modules) resolves to one module that re-exports the API. Left to
 * itself, esbuild gives each importing module its own namespace copy (`__toESM(require('vscode'))`, a getter per API
 * name, ~200 of them), which the activation profile showed as one of the larger costs of loading the bundle.
 */
function vscodeApiOnce() {
  return {
    name: 'vscode-api-once',
    setup(build) {
      build.onResolve({ filter: /^vscode$/ }, (args) =>
        args.namespace === 'vscode-api-once' ? { path: 'vscode', external: true } : { path: 'vscode', namespace: 'vscode-api-once' },
      );
      build.onLoad({ filter: /.*/, namespace: 'vscode-api-once' }, () => ({ contents: "export * from 'vscode';", loader: 'js' }));
    },
  };
}

/** The extension host bundle and what it loads on first use: the libraries and the SuiteQL language service. */
export function extensionBuilds(outdir) {
  return [activationBundle(outdir), ...lazyLibraryBuilds(nodeCommon, outdir), suiteQLLibraryBuild(nodeCommon, outdir, lazyLibrariesPlugin)];
}

/** The extension as one file, as it was built before the split: the activation benchmark's comparison. */
export function singleFileExtension(outdir) {
  return { ...nodeCommon, entryPoints: { 'extension-single': 'src/extension.ts' }, outdir, external: ['vscode'] };
}
