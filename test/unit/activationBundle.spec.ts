/**
 * Activation loads dist/extension.js on every window start (issue 15): it must stay at most 1 MB, hold none of the
 * libraries split off into dist/lib-*.js, and loading it must not load them either (a grammar class read by a
 * module's top level would). Builds the bundle exactly as esbuild.mjs does, into a temp folder.
 */
import * as esbuild from 'esbuild';
import { isAscii } from 'node:buffer';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activationBundle, nodeCommon } from '../../scripts/extensionBundle.mjs';
import { lazyLibraries, lazyLibraryBuilds } from '../../scripts/lazyLibraries.mjs';

const oneMegabyte = 1024 * 1024;
/** What belongs in the lazy files, never in the activation bundle: our SuiteQL service and packages (dt-sql-parser also pulls antlr4-c3). */
const lazyPackages = ['src/suiteql/', 'dt-sql-parser', 'antlr4ng', 'antlr4-c3', 'undici', '@modelcontextprotocol/sdk', 'zod', 'jose', 'csv-stringify', 'csv-parse', 'ajv', 'ajv-formats'];

let dir: string;
let inputs: string[];
let bytes: number;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'suitelens-activation-'));
  const result = await esbuild.build({ ...activationBundle(dir), entryPoints: { main: 'src/extensionEntry.ts', extension: 'src/extension.ts' }, sourcemap: false, metafile: true });
  const output = result.metafile!.outputs[relative(process.cwd(), join(dir, 'extension.js'))];
  inputs = Object.keys(output.inputs);
  bytes = output.bytes;
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the activation bundle', () => {
  it('is at most 1 MB', () => {
    expect(bytes).toBeLessThanOrEqual(oneMegabyte);
  });

  it('is ASCII as it ships (minified), so its loader makes the source string by a copy, not by decoding UTF-8', async () => {
    // codeCachedRequire reads an ASCII file as latin1. The readable build the tests use keeps comments, some not ASCII.
    const shipped = await esbuild.build({ ...activationBundle(join(dir, 'shipped')), entryPoints: { extension: 'src/extension.ts' }, minify: true, sourcemap: false, write: false });
    const bundle = shipped.outputFiles.find((file) => file.path.endsWith('extension.js'));
    expect(bundle && isAscii(bundle.contents)).toBe(true);
  }, 120_000);

  it('holds none of the libraries loaded on first use', () => {
    const bundled = lazyPackages.filter((name) => inputs.some((input) => (name.startsWith('src/') ? input.startsWith(name) : input.includes(`node_modules/${name}/`))));
    expect(bundled).toEqual([]);
  });

  it('loads none of them when the extension host requires it', () => {
    // A stand-in `vscode` where every export accepts anything, enough for the modules' top-level code; the lazy
    // files are not in the folder, so requiring one fails the load and names it.
    const names = [...readFileSync('node_modules/@types/vscode/index.d.ts', 'utf8').matchAll(/export (?:class|namespace|enum|function|const|let) (\w+)/g)].map((m) => m[1]);
    mkdirSync(join(dir, 'node_modules', 'vscode'), { recursive: true });
    writeFileSync(
      join(dir, 'node_modules', 'vscode', 'index.js'),
      [
        "const any = () => new Proxy(function () {}, { get: (_, key) => (key === 'prototype' ? {} : key === Symbol.toPrimitive ? () => '' : any()), apply: () => any(), construct: () => any() });",
        `for (const name of ${JSON.stringify(names)}) exports[name] = any();`,
        // Settings at their defaults, and a count of the reads (see the activation test below).
        'exports.configurationReads = 0;',
        'const configuration = { get: (key, fallback) => fallback, inspect: () => undefined, has: () => false, update: async () => undefined };',
        "exports.workspace = new Proxy({}, { get: (_, key) => (key === 'getConfiguration' ? () => (exports.configurationReads++, configuration) : any()) });",
      ].join('\n'),
    );
    const load = createRequire(join(dir, 'package.json'));
    // Through the manifest's `main`, which loads extension.js with its code cache.
    expect(() => load('./main.js')).not.toThrow();
    const ours = Object.keys(load.cache).filter((file) => file.startsWith(dir));
    expect(ours.map((file) => relative(dir, file)).sort()).toEqual(['extension.js', 'main.js', join('node_modules', 'vscode', 'index.js')]);
  });

  it('loads none of them when VS Code activates it either (the SuiteQL service included), and reads settings only after', async () => {
    // Runs after the require above, in the same folder. The context is a stand-in with empty state and one account,
    // so activate() builds every surface as on a window start; a lazy file read meanwhile fails the activation.
    const load = createRequire(join(dir, 'package.json'));
    const account = { accountId: 'TSTDRV1', label: 'Stand-in', authKind: 'tba', environment: 'sandbox', addedAt: new Date(0).toISOString() };
    const memento = (values: Record<string, unknown>) => ({ get: (key: string, fallback?: unknown) => values[key] ?? fallback, update: async () => undefined, keys: () => Object.keys(values) });
    const context = {
      subscriptions: [] as { dispose(): unknown }[],
      extensionPath: dir,
      extensionUri: { fsPath: dir, path: dir, scheme: 'file' },
      globalStorageUri: { fsPath: join(dir, 'global-storage'), path: join(dir, 'global-storage'), scheme: 'file' },
      globalState: memento({ 'suitelens.accounts.v1': [account] }),
      workspaceState: memento({}),
      secrets: { get: async () => undefined, store: async () => undefined, delete: async () => undefined, onDidChange: () => ({ dispose() {} }) },
      extension: { packageJSON: { version: '0.0.0' } },
    };
    const main = load('./main.js') as { activate(context: object): unknown };
    const vscodeStandIn = load('vscode') as { configurationReads: number };
    expect(() => main.activate(context)).not.toThrow();
    expect(context.subscriptions.length).toBeGreaterThan(5);
    // VS Code builds its merged configuration on the host's first getConfiguration, and `inspect` walks every
    // override: ~10 ms in the activation profile, so settings are read once activate has returned
    // (src/app/startup/afterActivation.ts), in a task of their own, not in activate's microtasks either.
    await Promise.resolve();
    expect(vscodeStandIn.configurationReads).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 20));
    // The demo's autoStart and the MCP endpoint's settings, read then.
    expect(vscodeStandIn.configurationReads).toBeGreaterThanOrEqual(2);
    const ours = Object.keys(load.cache).filter((file) => file.startsWith(dir));
    expect(ours.map((file) => relative(dir, file)).sort()).toEqual(['extension.js', 'main.js', join('node_modules', 'vscode', 'index.js')]);
  });
});

describe('the lazy libraries', () => {
  it('give a library that requires another one that module itself, not the file that holds it with others', async () => {
    // lib-ajv holds ajv and ajv-formats; the MCP SDK in lib-mcp requires ajv and constructs it when a server is made
    // ("import_ajv.default is not a constructor" when it got lib-ajv's { m0, m1 }).
    const libs = join(dir, 'libs');
    const needed = lazyLibraryBuilds({ ...nodeCommon, sourcemap: false, logLevel: 'error' }, libs).filter((options) => /lib-(mcp|ajv)\.js$/.test(String(options.outfile)));
    await Promise.all(needed.map((options) => esbuild.build(options)));
    const load = createRequire(join(libs, 'package.json'));
    const mcp = load('./lib-mcp.js') as Record<string, { Server?: new (info: object, options: object) => object }>;
    const Server = Object.values(mcp).find((part) => typeof part.Server === 'function')?.Server;
    expect(Server).toBeTypeOf('function');
    expect(() => new Server!({ name: 'probe', version: '1.0.0' }, { capabilities: { tools: {} } })).not.toThrow();
  }, 120_000);

  it("ship in the VSIX, with the manifest's main and the bundle it loads", () => {
    const shipped = readFileSync('.vscodeignore', 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('!dist/'))
      .map((line) => new RegExp(`^${line.slice(1).replace(/[.]/g, '\\.').replace(/\*/g, '[^/]*')}$`));
    const main = (JSON.parse(readFileSync('package.json', 'utf8')) as { main: string }).main.replace(/^\.\//, '');
    const needed = [main, 'dist/extension.js', ...Object.keys(lazyLibraries).map((file) => `dist/${file}.js`), 'dist/suiteql-guard-worker.js'];
    expect(needed.filter((file) => !shipped.some((pattern) => pattern.test(file)))).toEqual([]);
  });

  it('carry every export our sources import from a module they list by name', () => {
    const listed = Object.values(lazyLibraries).flatMap((modules) => Object.entries(modules).flatMap(([module, exports]) => (exports === '*' ? [] : [[module, exports] as const])));
    const missing: string[] = [];
    for (const file of sourceFiles('src')) {
      const text = readFileSync(file, 'utf8');
      for (const [module, exports] of listed) {
        const imports = new RegExp(`import\\s+\\{([^}]*)\\}\\s+from\\s+'${module}'`, 'g');
        for (const [, names] of text.matchAll(imports)) {
          for (const name of names.split(',').map((part) => part.trim())) {
            if (name && !name.startsWith('type ') && !exports.includes(name)) missing.push(`${file}: ${name} from ${module}`);
          }
        }
      }
    }
    expect(missing).toEqual([]);
  });
});

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === 'sandbox' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}
