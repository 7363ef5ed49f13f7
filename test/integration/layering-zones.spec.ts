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

  it('fail src/app reaching the VS Code API, an adapter, the sandbox or browser code, and the layers below importing it', async () => {
    expect(await zoneErrors('src/app/explorer/planted.ts', "import type { Uri } from 'vscode';\nexport type T = Uri;\n")).toEqual([expect.stringContaining('Only the adapters')]);
    expect(await zoneErrors('src/app/forms/model/planted.ts', "import { registerForms } from '../../../vscode/forms/registerForms';\nexport const x = registerForms;\n")).toEqual([
      expect.stringContaining('src/app decides without the VS Code API'),
    ]);
    expect(await zoneErrors('src/app/demo/planted.ts', "import type { SandboxOptions } from '../../sandbox/options';\nexport type T = SandboxOptions;\n")).toHaveLength(1);
    expect(await zoneErrors('src/app/notebook/planted.ts', "import { chartData } from '../../../media/renderer/chartData';\nexport const x = chartData;\n")).toHaveLength(1);
    expect(await zoneErrors('src/agents/planted.ts', "import { vscodeChatAgent } from '../app/agents/chatAgent';\nexport const x = vscodeChatAgent;\n")).toHaveLength(1);
    expect(await zoneErrors('src/protocol/planted.ts', "import type { FormModel } from '../app/forms/model/formModel';\nexport type T = FormModel;\n")).toHaveLength(1);
  }, 60_000);

  it('let each layer import what it may', async () => {
    expect(await zoneErrors('media/form/planted.ts', "import { sameValue } from '../../src/protocol/formModel';\nexport const x = sameValue;\n")).toEqual([]);
    expect(await zoneErrors('src/netsuite/auth/planted.ts', "import { typeRow } from '../suiteqlValues';\nexport const x = typeRow;\n")).toEqual([]);
    expect(await zoneErrors('src/vscode/forms/planted.ts', "import * as vscode from 'vscode';\nimport { describeError } from '../../netsuite/describeError';\nexport const x = [vscode, describeError];\n")).toEqual([]);
    expect(await zoneErrors('src/vscode/forms/planted.ts', "import { saveRecordForm } from '../../app/forms/saveRecordForm';\nexport const x = saveRecordForm;\n")).toEqual([]);
    expect(
      await zoneErrors(
        'src/app/forms/planted.ts',
        "import { describeError } from '../../netsuite/describeError';\nimport { agentTools } from '../../agents/tools/agentTools';\nimport { sameValue } from '../../protocol/formModel';\nimport { formModel } from './model/formModel';\nexport const x = [describeError, agentTools, sameValue, formModel];\n",
      ),
    ).toEqual([]);
  }, 60_000);
});
