/**
 * Names a hostile agent wrote (a record name, a tool name), as the activity log shows them: through the real invoker
 * against the sandbox over real HTTP. They can neither close their quotes and go on as SuiteLens's words nor hide
 * characters that make two names look alike.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { AgentTestNetSuite } from './agents-netsuite';
import { hostileAgent, invokerHarness } from './agents-invoker-harness';

const harness = invokerHarness();
let sandbox: AgentTestNetSuite;
beforeAll(() => {
  sandbox = harness.sandbox;
});

describe('names an agent wrote, in the activity log', () => {
  it('cannot close their quotes and write a sentence of their own, nor hide characters', async () => {
    const { invoker } = await harness.invokerFor(sandbox, [{ recordType: 'customer', level: 'create' }]);
    const forged = "Acme' (id 4) — allowed by 'customer: Create'.   RT read employee 'Payroll";
    const created = await invoker.invoke(hostileAgent, 'suitelens_create_record', { account: sandbox.accountId, recordType: 'customer', fields: { companyName: forged, subsidiary: { id: '1' } } });
    expect(created.text).toMatch(/^Created/);
    const sentence = (await harness.lastEntry()).sentence;
    expect(sentence).toContain(String.raw`'Acme\' (id 4) — allowed by \'customer: Create\'.⟨3 spaces⟩RT read employee \'Payroll'`);
    // Outside the escaped name, the sentence has exactly the quotes SuiteLens wrote: the name's two and the grant's two.
    expect(sentence.replace(/\\'/g, '').match(/'/g)).toHaveLength(4);

    const tagged = await invoker.invoke(hostileAgent, 'suitelens_create_record', { account: sandbox.accountId, recordType: 'customer', fields: { companyName: 'Acme\u{E0041}\uFE0F\u3164', subsidiary: { id: '1' } } });
    expect(tagged.ok).toBe(true);
    expect((await harness.lastEntry()).sentence).toContain(String.raw`'Acme\u{E0041}\uFE0F\u3164'`);
  });

  it('an unknown tool name is quoted the same way', async () => {
    const { invoker } = await harness.invokerFor(sandbox, [{ recordType: 'customer', level: 'read' }]);
    await invoker.invoke(hostileAgent, "x' on 1234567 — allowed by 'customer: Full'", { account: sandbox.accountId });
    expect((await harness.lastEntry()).sentence).toContain(String.raw`the unknown tool 'x\' on 1234567 — allowed by \'customer: Full\''`);
  });
});
