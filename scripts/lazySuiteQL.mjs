// The SuiteQL language service (src/suiteql) out of the activation bundle (issue 15): the NetSuite view's first paint
// does not parse SuiteQL, so its ~150 KB are compiled when a notebook, a .suiteql file, an agent's query or the
// explorer first needs them, not on every window start.
//
// The service is built into dist/lib-suiteql.js. In the activation bundle, an import of one of its modules from
// outside src/suiteql resolves to a stub whose exports are getters (as scripts/lazyLibraries.mjs does for packages):
// the first read of any export requires the file. src/suiteql imports no other SuiteLens folder (eslint zones), so
// nothing it holds exists twice. Inside the file, the parser (dt-sql-parser, antlr4ng) stays behind its own stubs.
// Code that reads one of these exports while the module is evaluated would load it at activation again:
// test/unit/activationBundle.spec.ts guards against that.
import * as esbuild from 'esbuild';
import { readdirSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

const folder = 'src/suiteql';
const suiteQLLibraryFile = 'lib-suiteql';
/** Entry points of their own bundles, never part of the library: the guard's worker, and sql-formatter's wrapper. */
const ownBundles = new Set(['guardWorkerMain.ts', 'sqlLayout.ts']);

/** The library's modules, by path without extension (`src/suiteql/tables`). */
function libraryModules(root) {
  return readdirSync(join(root, folder))
    .filter((file) => file.endsWith('.ts') && !ownBundles.has(file))
    .map((file) => `${folder}/${file.slice(0, -'.ts'.length)}`);
}

/** The part of the library's exports that holds one module's: a name safe as an identifier. */
const partName = (module) => module.slice(folder.length + 1).replace(/\W/g, '_');

/** Build options for dist/lib-suiteql.js, from the extension bundle's node options and its lazy-library plugin. */
export function suiteQLLibraryBuild(common, outdir, lazyLibrariesPlugin, root = process.cwd()) {
  const contents = libraryModules(root)
    .map((module) => `export * as ${partName(module)} from ${JSON.stringify(`./${module}`)};`)
    .join('\n');
  return {
    ...common,
    stdin: { contents, resolveDir: root, loader: 'js', sourcefile: `${suiteQLLibraryFile}.js` },
    outfile: join(outdir, `${suiteQLLibraryFile}.js`),
    plugins: [lazyLibrariesPlugin()],
  };
}

let exportsOf;

/** Each library module's runtime export names, as esbuild reads them (types are not exports at run time). */
function moduleExports(root) {
  exportsOf ??= esbuild
    .build({
      entryPoints: libraryModules(root).map((module) => `${module}.ts`),
      absWorkingDir: root,
      outdir: 'exports',
      format: 'esm',
      bundle: false,
      write: false,
      metafile: true,
      logLevel: 'silent',
    })
    .then((result) => new Map(Object.values(result.metafile.outputs).map((output) => [output.entryPoint.replace(/\.ts$/, ''), output.exports])));
  return exportsOf;
}

/** For the activation bundle: imports of a library module from outside src/suiteql resolve to its stub. */
export function lazySuiteQLPlugin(root = process.cwd()) {
  const inside = resolve(root, folder) + sep;
  const modules = new Set(libraryModules(root));
  return {
    name: 'lazy-suiteql',
    setup(build) {
      build.onResolve({ filter: /suiteql\/\w+$/ }, (args) => {
        if (args.namespace !== 'file' || !args.path.startsWith('.') || args.importer.startsWith(inside)) return undefined;
        const module = relative(root, resolve(args.resolveDir, args.path)).split(sep).join('/');
        return modules.has(module) ? { path: module, namespace: 'lazy-suiteql' } : undefined;
      });
      // One re-exporting module per library module, so esbuild copies a stub's getters once for the bundle.
      build.onLoad({ filter: /.*/, namespace: 'lazy-suiteql' }, (args) => ({ contents: `export * from ${JSON.stringify(`lazy-suiteql-stub:${args.path}`)};`, loader: 'js' }));
      build.onResolve({ filter: /^lazy-suiteql-stub:/ }, (args) => ({ path: args.path.slice('lazy-suiteql-stub:'.length), namespace: 'lazy-suiteql-stub' }));
      build.onResolve({ filter: /^\.\/lib-suiteql\.js$/, namespace: 'lazy-suiteql-stub' }, (args) => ({ path: args.path, external: true }));
      build.onLoad({ filter: /.*/, namespace: 'lazy-suiteql-stub' }, async (args) => {
        const names = (await moduleExports(root)).get(args.path) ?? [];
        const part = JSON.stringify(partName(args.path));
        const getters = names.map((name) => `  ${JSON.stringify(name)}: { enumerable: true, get: () => load()[${JSON.stringify(name)}] },`);
        return {
          contents: [
            'let part;',
            `const load = () => (part ??= require(${JSON.stringify(`./${suiteQLLibraryFile}.js`)})[${part}]);`,
            'module.exports = Object.defineProperties({}, {',
            '  __esModule: { value: true },',
            ...getters,
            '});',
            '',
          ].join('\n'),
          loader: 'js',
          resolveDir: root,
        };
      });
    },
  };
}
