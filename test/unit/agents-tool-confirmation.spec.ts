import { describe, expect, it } from 'vitest';
import type { AgentToolPreparation } from '../../src/agents/toolInvoker';
import { WriteNotAsked } from '../../src/agents/toolInvoker';
import { agentWriteConfirmation, allowChangeButton } from '../../src/app/agents/agentWriteConfirmation';
import { toolInvocationText } from '../../src/app/agents/toolConfirmation';

const tool = { title: 'Update a record', action: 'update' as const };

describe('what the person reads before an agent tool runs', () => {
  it("shows the agent's newlines and bidi overrides escaped, so they cannot reshape the confirmation", () => {
    const preparation = { allowed: true, reason: "allowed by 'customer: View'", effect: 'Run SuiteQL on Demo: SELECT 1\nApproved by admin \u202Egnp.exe' } as unknown as AgentToolPreparation;
    const text = toolInvocationText({ title: 'Run SuiteQL', action: 'suiteql' }, 'Billing\u202E helper', 'TSTDRV1_SB1', preparation);
    expect(text.invocationMessage).toBe('Run SuiteQL on Demo: SELECT 1\\nApproved by admin \\u202Egnp.exe');
    expect(text.confirmation?.message).toContain('Billing\\u202E helper is allowed by');
    expect(text.confirmation?.message).not.toMatch(/[\u202E]/);
  });

  it("keeps a write's own lines (summary, then one per field) and escapes what is invisible on each", () => {
    const preparation = { allowed: true, reason: "allowed by 'customer: Edit'", effect: 'Update customer 7 on Demo: 1 field\n  phone: "1" → "2\u202E"' } as unknown as AgentToolPreparation;
    const text = toolInvocationText(tool, 'Billing helper', 'TSTDRV1_SB1', preparation);
    expect(text.invocationMessage).toBe('Update customer 7 on Demo: 1 field');
    expect(text.confirmation?.message.startsWith('Update customer 7 on Demo: 1 field\n  phone: "1" → "2\\u202E"\n')).toBe(true);
  });

  it('escapes a refusal reason that quotes the agent', () => {
    const preparation = { allowed: false, reason: 'denied: x\ny not granted' } as unknown as AgentToolPreparation;
    expect(toolInvocationText(tool, 'a', undefined, preparation).invocationMessage).toBe('Update a record: refused by SuiteLens — denied: x\\ny not granted');
  });
});

describe('writes where SuiteLens asks itself', () => {
  const allowed = { allowed: true, reason: "allowed by 'customer: Edit'", effect: 'Update customer 7 on 1234567 (production): phone 1 → 2' } as unknown as AgentToolPreparation;

  it("leaves VS Code's question out, so the person is asked once, by SuiteLens, where no approval setting skips it", () => {
    const text = toolInvocationText(tool, 'VS Code chat', '1234567', allowed, { suiteLensAsks: true });
    expect(text.confirmation).toBeUndefined();
    expect(text.invocationMessage).toBe('Update customer 7 on 1234567 (production): phone 1 → 2');
  });

  it("keeps VS Code's question for SuiteQL, which SuiteLens does not ask about", () => {
    const text = toolInvocationText({ title: 'Run SuiteQL', action: 'suiteql' }, 'VS Code chat', '1234567', allowed, { suiteLensAsks: true });
    expect(text.confirmation?.title).toBe('Run SuiteQL?');
  });
});

describe("SuiteLens's own question before an agent's write", () => {
  const profiles = [
    { accountId: '1234567', label: 'Acme production', confirmBeforeWrite: true },
    { accountId: '1234567_SB1', label: '1234567_SB1', confirmBeforeWrite: false },
    { accountId: '1234567_SB2', label: 'Staging', confirmBeforeWrite: true },
  ];
  const question = (accountId: string, production: boolean) => ({
    agentName: 'Billing\u202E helper',
    toolTitle: 'Update a NetSuite record',
    accountId,
    production,
    effect: `Update customer 7 on ${accountId}: phone 1 → 2\nApproved by admin`,
    reason: "allowed by 'customer: Edit'",
  });

  function asking(answer: string | undefined) {
    const asked: { message: string; detail: string }[] = [];
    const showWarningMessage = (async (message: string, options: { detail?: string }) => {
      asked.push({ message, detail: options.detail ?? '' });
      return answer;
    }) as unknown as Parameters<typeof agentWriteConfirmation>[1]['showWarningMessage'];
    return { asked, confirmation: agentWriteConfirmation({ list: () => profiles }, { showWarningMessage }) };
  }

  it('asks on production with the change, the grant and the PRODUCTION warning, escaping what the agent wrote', async () => {
    const { asked, confirmation } = asking(allowChangeButton);
    expect(await confirmation.confirmWrite(question('1234567', true))).toBe(true);
    expect(asked).toHaveLength(1);
    expect(asked[0].message).toBe('Billing\\u202E helper wants to change PRODUCTION account Acme production (1234567). Allow it?');
    expect(asked[0].detail).toContain('phone 1 → 2\nApproved by admin');
    expect(asked[0].detail).toContain('This is a PRODUCTION account');
    expect(asked[0].detail).not.toMatch(/[\u202E]/);
  });

  it('counts a dismissed dialog as no', async () => {
    const { confirmation } = asking(undefined);
    expect(await confirmation.confirmWrite(question('1234567', true))).toBe(false);
  });

  it("asks on any account whose profile confirms before writes, and not on others", async () => {
    const { asked, confirmation } = asking(allowChangeButton);
    expect(confirmation.asksBeforeWrite('1234567_SB2')).toBe(true);
    expect(confirmation.asksBeforeWrite('1234567-sb1')).toBe(false);
    expect(confirmation.asksBeforeWrite('7654321')).toBe(true);
    expect(await confirmation.confirmWrite(question('1234567_SB1', false))).toBe(true);
    expect(asked).toHaveLength(0);
    expect(await confirmation.confirmWrite(question('1234567_SB2', false))).toBe(true);
    expect(asked[0].message).toBe('Billing\\u202E helper wants to change account Staging (1234567_SB2). Allow it?');
  });

  it('asks one question at a time: a write arriving while one is open is refused at once, not stacked over the editor', async () => {
    let answer: (value: string | undefined) => void = () => undefined;
    let asked = 0;
    const showWarningMessage = (() => {
      asked += 1;
      return new Promise<string | undefined>((resolve) => (answer = resolve));
    }) as unknown as Parameters<typeof agentWriteConfirmation>[1]['showWarningMessage'];
    const confirmation = agentWriteConfirmation({ list: () => profiles }, { showWarningMessage });
    const first = confirmation.confirmWrite(question('1234567', true));
    await expect(confirmation.confirmWrite(question('1234567', true))).rejects.toBeInstanceOf(WriteNotAsked);
    expect(asked).toBe(1);
    answer(allowChangeButton);
    expect(await first).toBe(true);
    const third = confirmation.confirmWrite(question('1234567', true));
    expect(asked).toBe(2);
    answer(undefined);
    expect(await third).toBe(false);
  });

  it('refuses a change too long to show whole rather than cut it, so padding cannot push the real change out of view', async () => {
    const { asked, confirmation } = asking(allowChangeButton);
    await expect(confirmation.confirmWrite({ ...question('1234567', true), effect: `Update customer 7: 1 field\n  memo: "${'x'.repeat(100_000)}"` })).rejects.toThrow(
      /more than the 4,000 a person can be asked to read; nothing was sent/,
    );
    expect(asked).toHaveLength(0);
  });
});
