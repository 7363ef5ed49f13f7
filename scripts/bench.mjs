// `npm run bench -- NAME [args]`: builds and runs test/bench/NAME.ts with Node (bundled by esbuild so that
// dt-sql-parser and PGlite load as they do in the extension). Benchmarks print; they never assert.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';

const [name, ...rest] = process.argv.slice(2);
const available = existsSync('test/bench') ? readdirSync('test/bench').filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3)) : [];
if (!name || !available.includes(name)) {
  console.error(`usage: npm run bench -- <${available.join('|') || 'no benchmarks yet'}> [args]`);
  process.exit(2);
}
const outfile = `dist/bench/${name}.cjs`;
await esbuild.build({
  entryPoints: [`test/bench/${name}.ts`],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  external: ['playwright-core', 'esbuild'],
  loader: { '.wasm': 'file', '.data': 'file' },
  // As in esbuild.mjs: PGlite finds its WASM/data beside the bundle through import.meta.url, empty in cjs.
  define: { 'import.meta.url': '__bundleFileUrl' },
  banner: { js: "const __bundleFileUrl = require('node:url').pathToFileURL(__filename).href;" },
  logLevel: 'warning',
});
mkdirSync('dist/bench', { recursive: true });
for (const file of ['pglite.wasm', 'initdb.wasm', 'pglite.data']) copyFileSync(`node_modules/@electric-sql/pglite/dist/${file}`, `dist/bench/${file}`);
const result = spawnSync('node', ['--expose-gc', '--enable-source-maps', outfile, ...rest], { stdio: 'inherit' });
process.exit(result.status ?? 1);
