import { ESLint } from 'eslint';
import { resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// A message type without its handler fails both typecheck (unhandledMessage() takes `never`) and lint (the type-aware
// rules of eslint.config.mjs), and so does a floating promise. The planted file is compiled in memory, as if it were
// src/protocol/planted.ts, against the real protocol files and tsconfig; lint then reads it with that program's types.
const root = process.cwd();
const plantedPath = resolve(root, 'src/protocol/planted.ts');
/** The last program: the next one reuses its unchanged files (the libs, the protocol), which makes most of the time. */
let previous: ts.Program | undefined;

function compile(text: string): ts.Program {
  const config = ts.getParsedCommandLineOfConfigFile(resolve(root, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  if (!config) throw new Error('tsconfig.json could not be read');
  // src/protocol compiles for both sides, so with neither DOM nor Node types (which make most of the compile time).
  const options = { ...config.options, lib: ['lib.es2023.d.ts'], types: [] };
  const host = ts.createCompilerHost(options);
  const { fileExists, readFile, getSourceFile } = host;
  const planted = (fileName: string) => resolve(fileName) === plantedPath;
  host.fileExists = (fileName) => planted(fileName) || fileExists.call(host, fileName);
  host.readFile = (fileName) => (planted(fileName) ? text : readFile.call(host, fileName));
  host.getSourceFile = (fileName, language, ...rest) => (planted(fileName) ? ts.createSourceFile(fileName, text, language, true) : getSourceFile.call(host, fileName, language, ...rest));
  previous = ts.createProgram({ rootNames: [plantedPath], options, host, oldProgram: previous });
  return previous;
}

async function check(text: string): Promise<{ typeErrors: string[]; lintErrors: string[] }> {
  const program = compile(text);
  const typeErrors = ts
    .getPreEmitDiagnostics(program)
    .filter((diagnostic) => diagnostic.file && resolve(diagnostic.file.fileName) === plantedPath)
    .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
  const eslint = new ESLint({ cwd: root, overrideConfig: { languageOptions: { parserOptions: { projectService: false, programs: [program] } } } });
  const [result] = await eslint.lintText(text, { filePath: plantedPath });
  return { typeErrors, lintErrors: result.messages.map((message) => `${message.ruleId}: ${message.message}`) };
}

const handler = (cases: string) => `import { unhandledMessage } from './guards';
import type { HostToImport } from './importMessages';

export function plantedHandler(message: HostToImport): string {
  switch (message.type) {
${cases}
      return message.type;
    default:
      return unhandledMessage(message);
  }
}
`;

describe('type-aware checks', () => {
  it('fail a message handler that misses a message type, in typecheck and in lint', async () => {
    const { typeErrors, lintErrors } = await check(handler("    case 'init':\n    case 'busy':\n    case 'resume':\n    case 'problems':"));
    expect(typeErrors).toEqual([expect.stringMatching(/type: "failed".*not assignable to parameter of type 'never'/s)]);
    expect(lintErrors).toEqual([expect.stringMatching(/^@typescript-eslint\/switch-exhaustiveness-check: .*"failed"/)]);
  }, 60_000);

  it('pass the handler with every message type', async () => {
    expect(await check(handler("    case 'init':\n    case 'busy':\n    case 'resume':\n    case 'problems':\n    case 'failed':"))).toEqual({ typeErrors: [], lintErrors: [] });
  }, 60_000);

  it('fail a switch whose default stands in for members of the union, and a promise or Thenable nobody handles', async () => {
    const text = `export type Kind = 'text' | 'number' | 'date';
export function width(kind: Kind): number {
  switch (kind) {
    case 'number':
      return 8;
    default:
      return 20;
  }
}
async function save(): Promise<void> {}
/** As VS Code's API answers: a Thenable, not a Promise. */
const ask = (): PromiseLike<string | undefined> => Promise.resolve(undefined);
export function onClick(): void {
  save();
  void save().catch(() => undefined);
  ask();
}
`;
    const { typeErrors, lintErrors } = await check(text);
    expect(typeErrors).toEqual([]);
    expect(lintErrors).toEqual([
      expect.stringMatching(/^@typescript-eslint\/switch-exhaustiveness-check: .*"date" \| "text"/),
      expect.stringMatching(/^@typescript-eslint\/no-floating-promises: /),
      expect.stringMatching(/^@typescript-eslint\/no-floating-promises: /),
    ]);
  }, 60_000);
});
