import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

// The core (NetSuite client, SuiteQL language service, agent policy, sandbox) must never import `vscode`:
// it runs in tests, the sandbox CLI and the MCP server, where there is no VS Code API.
const coreNoVscode = {
  files: ['src/netsuite/**', 'src/suiteql/**', 'src/agents/**', 'src/sandbox/**', 'src/protocol/**'],
  rules: {
    'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'The core must not import vscode; add an adapter under src/vscode/.' }] }],
  },
};

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
  { files: ['media/**'], languageOptions: { globals: { ...globals.browser } } },
  { files: ['eslint.config.mjs', 'vitest.config.mts'], rules: { 'no-restricted-syntax': 'off' } },
  coreNoVscode,
);
