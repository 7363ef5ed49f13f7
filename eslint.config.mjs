import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

// Import zones: which folder may import which. Layers, bottom up: the core (src/netsuite; src/suiteql; src/agents on
// both; src/sandbox on src/netsuite) → src/protocol (messages and the form model, shared with the browser) → media
// (browser code) and src/app (what each surface decides, on the core and protocol, without the VS Code API) →
// src/vscode (the adapters, which may import everything but media). The core and src/app run outside VS Code (tests,
// the sandbox CLI, the MCP server), so they never import `vscode`; protocol and media run in a webview too, so they
// import nothing of the host. A zone is a regular expression over the import text: a relative path that climbs out
// (`../`) into one of the folders (`../../agents/policy`, `../../src/vscode/forms/x`); a same-named file is no folder.
const segment = (...folders) => `^(\\.\\./)+(src/)?(${folders.join('|')})/`;
const vscodeApi = { name: 'vscode', message: 'Only the adapters (src/vscode) and src/extension.ts import vscode.' };
const zone = (files, folders, message, paths = [vscodeApi]) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { paths, patterns: [{ regex: segment(...folders), message }] }] },
});
const importZones = [
  zone(['src/netsuite/**'], ['vscode', 'app', 'protocol', 'agents', 'suiteql', 'sandbox', 'media'], 'src/netsuite is the bottom layer: it imports no other SuiteLens folder.'),
  zone(['src/suiteql/**'], ['vscode', 'app', 'protocol', 'agents', 'netsuite', 'sandbox', 'media'], 'src/suiteql (the language service) imports no other SuiteLens folder.'),
  zone(['src/agents/**'], ['vscode', 'app', 'protocol', 'sandbox', 'media'], 'src/agents builds on src/netsuite and src/suiteql only.'),
  // The sandbox's own src/sandbox/suiteql folder shares its name with the language service; layering.spec.ts checks that one.
  zone(['src/sandbox/**'], ['vscode', 'app', 'protocol', 'agents', 'media'], 'The sandbox imports only the src/netsuite helpers it shares.'),
  zone(['src/protocol/**'], ['vscode', 'app', 'netsuite', 'suiteql', 'agents', 'sandbox', 'media'], 'src/protocol is shared with the browser: it imports only src/protocol.'),
  zone(['media/**'], ['vscode', 'app', 'netsuite', 'suiteql', 'agents', 'sandbox'], 'Browser code imports only media and src/protocol.'),
  zone(['src/app/**'], ['vscode', 'sandbox', 'media'], 'src/app decides without the VS Code API: it imports the core, src/protocol and src/app only.'),
  zone(['src/vscode/**', 'src/extension.ts'], ['media'], 'The host never imports browser code; share it through src/protocol.', []),
  // The manifest's main and its loader run before any of our other code is loaded (src/extensionEntry.ts).
  zone(['src/loader/**', 'src/extensionEntry.ts'], ['vscode', 'app', 'protocol', 'netsuite', 'suiteql', 'agents', 'sandbox', 'media'], 'The loader imports only Node and src/loader: it runs before the bundle it loads.'),
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.code-server/**', '.vscode-test/**', 'test-results/**', 'out/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' }],
    },
  },
  // Rules that read the types (tsconfig.json covers every TypeScript file): a promise nobody awaits or catches loses
  // its error; a switch over a union must name every member (a `default` does not count), so a new message type,
  // field kind or node kind fails lint where it is not handled; `unhandledMessage()` makes a missing message handler
  // a typecheck error too.
  {
    files: ['**/*.ts', '**/*.mts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // VS Code's API answers Thenables, not Promises: they are checked too.
      '@typescript-eslint/no-floating-promises': ['error', { checkThenables: true }],
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: false, requireDefaultForNonUnion: false }],
    },
  },
  { files: ['media/**'], languageOptions: { globals: { ...globals.browser } } },
  { files: ['eslint.config.mjs', 'vitest.config.mts'], rules: { 'no-restricted-syntax': 'off' } },
  ...importZones,
);
