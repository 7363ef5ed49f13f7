import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

// The core and src/app run outside VS Code (tests, sandbox CLI, MCP server): an import of `vscode` there would crash it.
const coreFolders = ['src/netsuite', 'src/suiteql', 'src/agents', 'src/sandbox', 'src/protocol', 'src/app'];
const vscodeImport = /(?:from\s+['"]vscode['"]|require\(\s*['"]vscode['"]\s*\)|import\(\s*['"]vscode['"]\s*\))/;

// Which core folder may import which other SuiteLens folder. The NetSuite client core is the bottom layer: the agents
// build on it, and the sandbox shares its wire-format helpers (OAuth 1.0a signing, secret redaction — one redactor
// for the client, agent and sandbox logs) so the emulator and the client agree on NetSuite's formats.
const allowedImports: Record<string, string[]> = {
  'src/netsuite': [],
  'src/suiteql': [],
  'src/agents': ['src/netsuite', 'src/suiteql'],
  'src/sandbox': ['src/netsuite'],
  // What each surface decides, without the VS Code API: on the core and the messages it shares with the browser.
  'src/app': ['src/netsuite', 'src/suiteql', 'src/agents', 'src/protocol'],
};

// src/vscode holds the adapters only: a file there that does not touch the VS Code API belongs in src/app (or the
// core), where it runs and is tested without VS Code. The few that stay, each with why.
const adaptersWithoutVscode: Record<string, string> = {
  'src/vscode/demo/demoSandbox.ts': 'requires the sandbox bundle into the extension host, and src/app may not reach src/sandbox',
};
const relativeImport = /(?:from\s+|import\(\s*|require\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g;

/** The SuiteLens folders (`src/<name>`, or `src/extension.ts`) a file imports, other than its own. */
function importedFolders(file: string, ownFolder: string): string[] {
  const targets = [...readFileSync(file, 'utf8').matchAll(relativeImport)].map((match) => {
    const [top, name] = normalize(join(dirname(file), match[1])).split(sep);
    return top === 'src' ? `src/${name}` : `${top}/${name}`;
  });
  return [...new Set(targets)].filter((target) => target !== ownFolder);
}

function sourceFiles(folder: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(folder);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.[cm]?tsx?$/.test(name) ? [path] : [];
  });
}

describe('layering', () => {
  it('keeps the core free of vscode imports', () => {
    const offenders = coreFolders.flatMap(sourceFiles).filter((file) => vscodeImport.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('keeps each core folder to the folders it may import', () => {
    const offenders = Object.entries(allowedImports).flatMap(([folder, allowed]) =>
      sourceFiles(folder).flatMap((file) => importedFolders(file, folder).filter((target) => !allowed.includes(target)).map((target) => `${file} → ${target}`)),
    );
    expect(offenders).toEqual([]);
  });

  it('keeps src/vscode to files that use the VS Code API', () => {
    const pure = sourceFiles('src/vscode').filter((file) => !vscodeImport.test(readFileSync(file, 'utf8')));
    expect(pure.sort()).toEqual(Object.keys(adaptersWithoutVscode).sort());
  });

  it('recognises the import forms it guards against', () => {
    expect(vscodeImport.test("import * as vscode from 'vscode';")).toBe(true);
    expect(vscodeImport.test('const v = require("vscode")')).toBe(true);
    expect(vscodeImport.test("import type { Uri } from 'vscode';")).toBe(true);
    expect(vscodeImport.test("import { x } from 'vscode-languageserver';")).toBe(false);
  });
});
