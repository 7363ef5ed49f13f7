/**
 * The activation bundle's loader (src/loader/codeCachedRequire.ts): a module loaded through it behaves as under
 * `require`, runs once, and the second load in a fresh process compiles from the cache written by the first; a
 * changed, damaged, refused or unwritable cache never changes what runs.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

let root: string;
let loader: string;
let dir: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'suitelens-code-cache-'));
  loader = join(root, 'loader.js');
  await esbuild.build({ entryPoints: ['src/loader/codeCachedRequire.ts'], outfile: loader, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'error' });
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

beforeEach(() => {
  dir = mkdtempSync(join(root, 'case-'));
  writeFileSync(join(dir, 'helper.js'), 'module.exports = { twice: (n) => n * 2 };');
  writeModule('one');
});

/** A module that uses its own require, __filename and module, counts its runs, and exports a function. */
function writeModule(tag: string): void {
  writeFileSync(
    join(dir, 'bundle.js'),
    [
      `globalThis.runs = (globalThis.runs ?? 0) + 1;`,
      `const { twice } = require('./helper.js');`,
      `exports.tag = '${tag}';`,
      `exports.file = __filename;`,
      `exports.isModule = module.exports === exports && require.cache[__filename] === module;`,
      `exports.work = () => twice(21);`,
    ].join('\n'),
  );
}

/** Loads bundle.js in a fresh Node process, as a window start does; returns what it saw and the cache it wrote. */
function load(): { tag: string; file: string; isModule: boolean; work: number; runs: number; cache: string; saved: string | null } {
  const script = [
    `const { codeCachedRequire } = require(${JSON.stringify(loader)});`,
    `const loaded = codeCachedRequire(${JSON.stringify(join(dir, 'bundle.js'))});`,
    `const e = loaded.exports;`,
    `const result = { tag: e.tag, file: e.file, isModule: e.isModule, work: e.work(), runs: globalThis.runs, cache: loaded.cache };`,
    `result.saved = loaded.saveCache() ?? null;`,
    `console.log(JSON.stringify(result));`,
  ].join('\n');
  const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as ReturnType<typeof load>;
}

const caches = (): string[] => readdirSync(dir).filter((file) => file.endsWith('.code-cache'));

describe('codeCachedRequire', () => {
  it('runs the module once as require would, then compiles the next start from the cache it wrote', () => {
    const first = load();
    expect(first).toMatchObject({ tag: 'one', file: join(dir, 'bundle.js'), isModule: true, work: 42, runs: 1, cache: 'absent' });
    expect(first.saved).toBe(join(dir, caches()[0]));
    expect(caches()).toHaveLength(1);

    const second = load();
    expect(second).toMatchObject({ tag: 'one', work: 42, runs: 1, cache: 'used', saved: null });
  });

  it('reads a file that is not ASCII as UTF-8, compiled from source and from its cache alike', () => {
    // The shipped bundle is ASCII and read as latin1 (a copy, no decoding); anything else must still read as UTF-8.
    writeModule('Zoë — ✓ 𝄞');
    expect(load()).toMatchObject({ tag: 'Zoë — ✓ 𝄞', runs: 1, cache: 'absent' });
    expect(load()).toMatchObject({ tag: 'Zoë — ✓ 𝄞', runs: 1, cache: 'used' });
  });

  it('never meets an old cache with a rebuilt file, even one of the same length, and drops the old one', () => {
    load();
    const before = caches();
    writeModule('two'); // same length as 'one'
    const rebuilt = load();
    expect(rebuilt).toMatchObject({ tag: 'two', cache: 'absent' });
    expect(caches()).toHaveLength(1);
    expect(caches()).not.toEqual(before);
    expect(load()).toMatchObject({ tag: 'two', cache: 'used' });
  });

  it('compiles without a damaged cache and replaces it', () => {
    load();
    const file = join(dir, caches()[0]);
    const bytes = readFileSync(file);
    bytes[bytes.length - 1] ^= 0xff;
    writeFileSync(file, bytes);
    expect(load()).toMatchObject({ tag: 'one', work: 42, runs: 1, cache: 'damaged' });
    expect(load()).toMatchObject({ cache: 'used' });
  });

  it('compiles from source when V8 refuses a whole cache, and writes a new one it then uses', () => {
    load();
    const file = join(dir, caches()[0]);
    // Bytes that pass the file's own hash but are no V8 cache, as a cache from another V8 build would be.
    const junk = Buffer.alloc(512, 7);
    writeFileSync(file, Buffer.concat([createHash('sha256').update(junk).digest(), junk]));
    expect(load()).toMatchObject({ tag: 'one', work: 42, runs: 1, cache: 'rejected', saved: file });
    expect(load()).toMatchObject({ tag: 'one', cache: 'used' });
  });

  it('works on when its cache cannot be written, and leaves nothing half-written', () => {
    load();
    const written = caches()[0];
    rmSync(join(dir, written));
    // A folder where the cache goes: no write can replace it (unlike a read-only folder, even for root).
    mkdirSync(join(dir, written));
    expect(load()).toMatchObject({ tag: 'one', work: 42, runs: 1, cache: 'absent', saved: null });
    expect(readdirSync(dir).sort()).toEqual(['bundle.js', 'helper.js', written].sort());
  });
});
