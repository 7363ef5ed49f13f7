import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The core runs outside VS Code (tests, sandbox CLI, MCP server): an import of `vscode` there would crash it.
const coreFolders = ['src/netsuite', 'src/suiteql', 'src/agents', 'src/sandbox', 'src/protocol'];
const vscodeImport = /(?:from\s+['"]vscode['"]|require\(\s*['"]vscode['"]\s*\)|import\(\s*['"]vscode['"]\s*\))/;

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

  it('recognises the import forms it guards against', () => {
    expect(vscodeImport.test("import * as vscode from 'vscode';")).toBe(true);
    expect(vscodeImport.test('const v = require("vscode")')).toBe(true);
    expect(vscodeImport.test("import { x } from 'vscode-languageserver';")).toBe(false);
  });
});
