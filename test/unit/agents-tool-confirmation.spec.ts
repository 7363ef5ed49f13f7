import { describe, expect, it } from 'vitest';
import type { AgentToolPreparation } from '../../src/agents/toolInvoker';
import { toolInvocationText } from '../../src/vscode/agents/toolConfirmation';

const tool = { title: 'Update a record', action: 'update' as const };

describe('what the person reads before an agent tool runs', () => {
  it("shows the agent's newlines and bidi overrides escaped, so they cannot reshape the confirmation", () => {
    const preparation = { allowed: true, reason: "allowed by 'customer: Edit'", effect: 'Update customer 7 on Demo: phone 1 → 2\nApproved by admin \u202Egnp.exe' } as unknown as AgentToolPreparation;
    const text = toolInvocationText(tool, 'Billing\u202E helper', 'TSTDRV1_SB1', preparation);
    expect(text.invocationMessage).toBe('Update customer 7 on Demo: phone 1 → 2\\nApproved by admin \\u202Egnp.exe');
    expect(text.confirmation?.message).toContain('Billing\\u202E helper is allowed by');
    expect(text.confirmation?.message).not.toMatch(/[\u202E]/);
  });

  it('escapes a refusal reason that quotes the agent', () => {
    const preparation = { allowed: false, reason: 'denied: x\ny not granted' } as unknown as AgentToolPreparation;
    expect(toolInvocationText(tool, 'a', undefined, preparation).invocationMessage).toBe('Update a record: refused by SuiteLens — denied: x\\ny not granted');
  });
});
