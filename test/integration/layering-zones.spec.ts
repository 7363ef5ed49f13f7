import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

// The lint import zones (eslint.config.mjs) fail a planted violation in each layer: lint reads these texts as if they
// were files at those paths, so the check is the one `npm run lint` applies to the real tree. The type-aware rules,
// which need the file in a TypeScript program, are off here (typed-lint.spec.ts checks them).
const eslint = new ESLint({ cwd: process.cwd(), overrideConfig: tseslint.configs.disableTypeChecked });

async function zoneErrors(filePath: string, text: string): Promise<string[]> {
  const [result] = await eslint.lintText(text, { filePath });
  return result.messages.filter((message) => message.ruleId === 'no-restricted-imports').map((message) => message.message);
}

describe('lint import zones', () => {
  it('fail the protocol or the browser code importing an adapter, and the core importing vscode', async () => {
    expect(await zoneErrors('src/protocol/planted.ts', "import type { FormTarget } from '../vscode/forms/recordFormDocument';\nexport type T = FormTarget;\n")).toEqual([
      expect.stringContaining('src/protocol is shared with the browser'),
    ]);
    expect(await zoneErrors('media/form/planted.ts', "import { recordLabel } from '../../src/app/forms/recordNames';\nexport const x = recordLabel;\n")).toEqual([
      expect.stringContaining('Browser code imports only media and src/protocol'),
    ]);
    expect(await zoneErrors('src/netsuite/planted.ts', "import * as vscode from 'vscode';\nexport const x = vscode;\n")).toEqual([expect.stringContaining('Only the adapters')]);
    expect(await zoneErrors('src/agents/planted.ts', "import { startSandbox } from '../sandbox/index';\nexport const x = startSandbox;\n")).toHaveLength(1);
  }, 60_000);

  it('let each layer import what it may', async () => {
    expect(await zoneErrors('media/form/planted.ts', "import { sameValue } from '../../src/protocol/formModel';\nexport const x = sameValue;\n")).toEqual([]);
    expect(await zoneErrors('src/netsuite/auth/planted.ts', "import { typeRow } from '../suiteqlValues';\nexport const x = typeRow;\n")).toEqual([]);
    expect(await zoneErrors('src/vscode/forms/planted.ts', "import * as vscode from 'vscode';\nimport { describeError } from '../../netsuite/describeError';\nexport const x = [vscode, describeError];\n")).toEqual([]);
  }, 60_000);
});
