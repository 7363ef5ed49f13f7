/**
 * Loads one CommonJS file the way `require` does, but compiles it with a V8 code cache kept beside it, so a window
 * start after the first skips most of the compiling (issue 15). For the minified activation bundle (0.5 MB), the
 * activation profile showed compiling (Node's wrapSafe) as the largest single cost of loading it: about 30 ms here,
 * about 7 ms from the cache.
 *
 * Why by hand: Node's own compile cache (`module.enableCompileCache`, Node 22.1+) and v8-compile-cache both switch
 * caching on for every module the process loads, and the extension host is shared with every other extension. This
 * touches only the file it is given.
 *
 * The cache file is named by the V8 version and a hash of the source, and holds a hash of its own bytes: V8 checks
 * only the source's length against the cache, so a rebuilt file of the same length must never meet an old cache, and a
 * damaged file is never handed to V8. Any trouble with the cache (missing, rejected, unreadable, a read-only folder)
 * compiles as `require` would; the module itself runs exactly once either way.
 */
import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { Script, constants as vmConstants } from 'node:vm';

export type CodeCacheStatus = 'used' | 'absent' | 'rejected' | 'damaged';

export interface CodeCachedModule {
  readonly exports: unknown;
  /** Whether the compile used a cache: `used`; none yet, or none for this source: `absent`; V8 refused it: `rejected`. */
  readonly cache: CodeCacheStatus;
  /**
   * Writes the cache when the compile had none to use. Called once the module has done its first work, so the cache
   * also holds the functions compiled by then (V8 compiles functions on first call), not only the top level.
   * Returns the file written, or undefined when there was nothing to write or it could not be written.
   */
  saveCache(): string | undefined;
}

interface NodeModuleInternals {
  _nodeModulePaths(from: string): string[];
  _cache: Record<string, Module>;
}

const digestBytes = 32;
const sha256 = (data: Buffer): Buffer => createHash('sha256').update(data).digest();

/** Requires `filename` (an absolute path to a CommonJS file) with its code cache; see the file's comment. */
export function codeCachedRequire(filename: string): CodeCachedModule {
  const bytes = readFileSync(filename);
  // The bundle is ASCII (esbuild escapes everything else), and an ASCII file read as latin1 is the same string made by
  // a plain copy: decoding it as UTF-8 cost about 2 ms of the activation profile. Any other file is decoded as UTF-8.
  // The hash is of the bytes, so the same as of the UTF-8 string, without encoding it again.
  const source = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
  const folder = dirname(filename);
  const prefix = `${basename(filename)}.v8-${process.versions.v8}.`;
  const cacheFile = join(folder, `${prefix}${sha256(bytes).toString('hex').slice(0, 24)}.code-cache`);
  const { cachedData, status } = readCache(cacheFile);
  const script = new Script(Module.wrap(source), {
    filename,
    cachedData,
    // Node 21+: `import()` inside the file resolves as it would under `require` (Node 20 has no such loader).
    ...(vmConstants?.USE_MAIN_CONTEXT_DEFAULT_LOADER ? { importModuleDynamically: vmConstants.USE_MAIN_CONTEXT_DEFAULT_LOADER } : {}),
  } as ConstructorParameters<typeof Script>[1]);
  const cache: CodeCacheStatus = status === 'used' && script.cachedDataRejected ? 'rejected' : status;

  // The module as `require` would make it: in require.cache, with the paths and `require` of its own folder. VS Code
  // gives `require('vscode')` the API of the extension whose folder holds the requiring module's file.
  const internals = Module as unknown as NodeModuleInternals;
  const module = new Module(filename);
  module.filename = filename;
  module.paths = internals._nodeModulePaths(folder);
  internals._cache[filename] = module;
  const wrapper = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;
  try {
    wrapper.call(module.exports, module.exports, createRequire(filename), module, filename, folder);
  } catch (error) {
    delete internals._cache[filename];
    throw error;
  }
  module.loaded = true;

  let saved = false;
  return {
    exports: module.exports,
    cache,
    saveCache: () => {
      if (cache === 'used' || saved) return undefined;
      saved = true;
      try {
        return writeCache(cacheFile, script.createCachedData(), folder, prefix);
      } catch {
        return undefined; // a cache is an optimisation: never an error of the extension
      }
    },
  };
}

function readCache(file: string): { cachedData: Buffer | undefined; status: CodeCacheStatus } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return { cachedData: undefined, status: 'absent' };
  }
  const data = bytes.subarray(digestBytes);
  if (bytes.length <= digestBytes || !sha256(data).equals(bytes.subarray(0, digestBytes))) return { cachedData: undefined, status: 'damaged' };
  return { cachedData: data, status: 'used' };
}

/** Writes through a temporary file and a rename, so a window starting meanwhile reads a whole cache or none. */
function writeCache(file: string, data: Buffer, folder: string, prefix: string): string | undefined {
  const partial = `${file}.${process.pid}.partial`;
  try {
    writeFileSync(partial, Buffer.concat([sha256(data), data]));
    renameSync(partial, file);
  } catch {
    rmSync(partial, { force: true });
    return undefined;
  }
  // Caches of earlier builds under this V8 would never be read again.
  for (const other of readdirSync(folder)) {
    if (other.startsWith(prefix) && other.endsWith('.code-cache') && join(folder, other) !== file) rmSync(join(folder, other), { force: true });
  }
  return file;
}
