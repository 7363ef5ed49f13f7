// Libraries the extension host bundle loads only on first use (issue 15: activation loads what the NetSuite view's
// first paint needs, about 0.8 MB, not the 4.2 MB of everything).
//
// Each library below is built into its own file, dist/lib-NAME.js. In the extension bundle, an import of one of its
// module names resolves to a small stub whose exports are getters: the first read of any export `require()`s the
// library's file, so `new Pool(…)` or `x instanceof TerminalNode` loads it at that moment, not when the bundle
// loads. Our sources keep ordinary imports (tests and the other bundles see the real package); only the extension
// bundle is split. Code that reads one of these exports while the module is evaluated (at the top level) would load
// the library at activation again: test/unit/activationBundle.spec.ts guards against that.
import * as esbuild from 'esbuild';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const requireFromProject = createRequire(join(process.cwd(), 'package.json'));

/**
 * file → the modules it serves, each with the exports it carries: '*' for all, or a list where the module re-exports
 * far more than we use (dt-sql-parser's index holds every SQL dialect, 14 MB; we use Trino's). A library another one
 * here imports is required by that one from its file (never bundled twice), so there is one antlr4ng for
 * dt-sql-parser and for our own `instanceof` checks.
 */
export const lazyLibraries = {
  // The SuiteQL grammar and its runtime: completion, diagnostics, hover, the agent guard, Format Document's check.
  'lib-antlr4ng': { antlr4ng: '*' },
  'lib-sqlparser': {
    'dt-sql-parser': ['TrinoSQL', 'EntityContextType'],
    'dt-sql-parser/dist/lib/trino/TrinoSqlParser': '*',
    'dt-sql-parser/dist/lib/trino/TrinoSqlLexer': '*',
  },
  // HTTP to NetSuite: loaded by the first request (or the first client), not to draw the accounts.
  'lib-undici': { undici: '*' },
  // Signing the JWT of a client-credentials (M2M) token request.
  'lib-jose': { jose: ['SignJWT'] },
  // CSV export and CSV import files (writing and reading).
  'lib-csv': { 'csv-stringify/sync': '*', 'csv-parse/sync': '*' },
  // JSON Schema checks: agent tool arguments and the stored agent policy (first agent call or policy read), form
  // writes (first save). ajv-formats requires ajv from lib-ajv, so there is one ajv.
  'lib-ajv': { ajv: '*', 'ajv-formats': '*' },
  // The MCP endpoint for agents outside VS Code (and zod inside it): loaded when the endpoint starts. Only the names
  // src/agents/mcp uses: types.js exports about 400 schemas, and a getter for each made the stub 13 KB of the bundle.
  'lib-mcp': {
    '@modelcontextprotocol/sdk/server/index.js': ['Server'],
    '@modelcontextprotocol/sdk/server/streamableHttp.js': ['StreamableHTTPServerTransport'],
    '@modelcontextprotocol/sdk/types.js': ['CallToolRequestSchema', 'ListToolsRequestSchema'],
  },
};

const fileOf = new Map(Object.entries(lazyLibraries).flatMap(([file, modules]) => Object.keys(modules).map((name) => [name, file])));
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const anyOf = (names) => new RegExp(`^(${names.map(escape).join('|')})$`);

/** Build options for every dist/lib-NAME.js, from `common` (the extension bundle's node options). */
export function lazyLibraryBuilds(common, outdir) {
  return Object.entries(lazyLibraries).map(([file, modules]) => ({
    ...common,
    stdin: { contents: libraryEntry(modules), resolveDir: process.cwd(), loader: 'js', sourcefile: `${file}.js` },
    outfile: join(outdir, `${file}.js`),
    plugins: [requireOtherLibraries(Object.keys(modules))],
  }));
}

/**
 * One module: its exports as they are (another library's file may `require` it as that module). Several: one
 * part each (`m0`, `m1`, …), so a name two of them export stays whole.
 */
function libraryEntry(modules) {
  const entries = Object.entries(modules);
  if (entries.length === 1 && entries[0][1] === '*') return `export * from ${JSON.stringify(entries[0][0])};`;
  return entries
    .map(([name, exports], i) =>
      exports === '*'
        ? // require, not `export * as`: the part is the module's own exports object (ajv's is the Ajv class), which a
          // library requiring it from here expects (see requireOtherLibraries)
          `const m${i} = require(${JSON.stringify(name)});\nexport { m${i} };`
        : `import { ${exports.map((e, j) => `${e} as m${i}_${j}`).join(', ')} } from ${JSON.stringify(name)};\nexport const m${i} = { ${exports.map((e, j) => `${e}: m${i}_${j}`).join(', ')} };`,
    )
    .join('\n');
}

/**
 * In one library's file, the other libraries are `require`d from their own files (loaded together, not lazily). A
 * module that shares its file with others is that file's `m<i>` part (see libraryEntry): the MCP SDK's `require("ajv")`
 * must get ajv itself, not lib-ajv's { m0: ajv, m1: ajv-formats }.
 */
function requireOtherLibraries(own) {
  const others = [...fileOf.keys()].filter((name) => !own.includes(name));
  return {
    name: 'require-other-lazy-libraries',
    setup(build) {
      build.onResolve({ filter: anyOf(others) }, (args) => {
        const file = fileOf.get(args.path);
        const modules = Object.entries(lazyLibraries[file]);
        if (modules.length === 1 && modules[0][1] === '*') return { path: `./${file}.js`, external: true };
        return { path: args.path, namespace: 'lazy-library-part' };
      });
      build.onResolve({ filter: /^\.\/lib-[\w-]+\.js$/, namespace: 'lazy-library-part' }, (args) => ({ path: args.path, external: true }));
      build.onLoad({ filter: /.*/, namespace: 'lazy-library-part' }, (args) => {
        const file = fileOf.get(args.path);
        const part = Object.keys(lazyLibraries[file]).indexOf(args.path);
        return { contents: `module.exports = require(${JSON.stringify(`./${file}.js`)}).m${part};`, loader: 'js', resolveDir: process.cwd() };
      });
    },
  };
}

/** For the extension bundle: each library's module names resolve to a stub that loads its file on first use. */
export function lazyLibrariesPlugin() {
  return {
    name: 'lazy-libraries',
    setup(build) {
      // Each module name resolves to an ES module that re-exports the stub: esbuild then copies the stub's getters
      // once for the bundle, not once per importing module (TrinoSqlParser's stub has hundreds of exports).
      build.onResolve({ filter: anyOf([...fileOf.keys()]) }, (args) => ({ path: args.path, namespace: 'lazy-library' }));
      build.onLoad({ filter: /.*/, namespace: 'lazy-library' }, async (args) => {
        const stub = JSON.stringify(`lazy-stub:${args.path}`);
        // `export *` leaves `default` out; `import Ajv from 'ajv'` needs it named.
        const withDefault = (await exportNames(args.path)).includes('default') ? `\nexport { default } from ${stub};` : '';
        return { contents: `export * from ${stub};${withDefault}`, loader: 'js' };
      });
      build.onResolve({ filter: /^lazy-stub:/ }, (args) => ({ path: args.path.slice('lazy-stub:'.length), namespace: 'lazy-library-stub' }));
      build.onResolve({ filter: /^\.\/lib-[\w-]+\.js$/, namespace: 'lazy-library-stub' }, (args) => ({ path: args.path, external: true }));
      build.onLoad({ filter: /.*/, namespace: 'lazy-library-stub' }, async (args) => ({ contents: stubSource(args.path, await exportNames(args.path)), loader: 'js', resolveDir: process.cwd() }));
    },
  };
}

const namesOf = new Map();

/**
 * The module's export names, read at build time: a CommonJS package's by requiring it; an ES module that Node cannot
 * require (dt-sql-parser imports directories) from esbuild's own list of an ESM build's exports.
 */
function exportNames(moduleName) {
  const listed = lazyLibraries[fileOf.get(moduleName)][moduleName];
  if (listed !== '*') return listed;
  if (!namesOf.has(moduleName)) namesOf.set(moduleName, readExportNames(moduleName));
  return namesOf.get(moduleName);
}

async function readExportNames(moduleName) {
  try {
    return Object.getOwnPropertyNames(requireFromProject(moduleName)).filter((name) => name !== '__esModule');
  } catch {
    const result = await esbuild.build({
      stdin: { contents: `export * from ${JSON.stringify(moduleName)};`, resolveDir: process.cwd(), loader: 'js' },
      bundle: true, platform: 'node', format: 'esm', write: false, metafile: true, outfile: 'names.js', logLevel: 'silent',
    });
    return Object.values(result.metafile.outputs).flatMap((output) => output.exports);
  }
}

/**
 * The stub: one getter per export of the real module (esbuild's interop copies them as getters too, so nothing is
 * read before the code that uses it runs).
 */
function stubSource(moduleName, names) {
  const file = fileOf.get(moduleName);
  const modules = Object.entries(lazyLibraries[file]);
  const direct = modules.length === 1 && modules[0][1] === '*';
  const part = direct ? '' : `.m${modules.findIndex(([name]) => name === moduleName)}`;
  const getters = names.map((name) => `  ${JSON.stringify(name)}: { enumerable: true, get: () => load()[${JSON.stringify(name)}] },`);
  return [
    'let library;',
    `const load = () => (library ??= require(${JSON.stringify(`./${file}.js`)})${part});`,
    'module.exports = Object.defineProperties({}, {',
    "  __esModule: { value: true },",
    ...getters,
    '});',
    '',
  ].join('\n');
}
