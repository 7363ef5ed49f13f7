/**
 * An agent's write to production waits for the person's yes, asked by the guard itself right before the write runs —
 * so no approval setting of the agent's client (VS Code's "Allow in this Session", Bypass Approvals, an MCP client's
 * auto-approve) can skip it. Without a way to ask, production writes are refused; a no, a thrown dialog or an agent
 * that stopped waiting refuse too, and nothing reaches NetSuite.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditLog } from '../../src/agents/audit';
import { emptyAgentPolicy } from '../../src/agents/policyDocument';
import { withAgent, withGrant } from '../../src/agents/policyEdits';
import { InMemoryMemento, MementoAgentPolicyStore } from '../../src/agents/policyStore';
import { AgentToolInvoker, WriteNotAsked, type WriteQuestion } from '../../src/agents/toolInvoker';
import { inThreadSuiteQLReads } from '../../src/suiteql/guardedRead';
import { netSuiteForAgentTests, type AgentTestNetSuite } from './agents-netsuite';

const agent = { id: 'prod-helper', name: 'Prod helper', kind: 'mcp' as const };
let production: AgentTestNetSuite;
let sandbox: AgentTestNetSuite;
let directory: string;
let auditLog: AuditLog;
let store: MementoAgentPolicyStore;

beforeAll(async () => {
  [production, sandbox] = await Promise.all([netSuiteForAgentTests('1234567'), netSuiteForAgentTests('1234567_SB1')]);
  directory = await mkdtemp(join(tmpdir(), 'suitelens-prod-writes-'));
  auditLog = new AuditLog({ directory });
  store = new MementoAgentPolicyStore(new InMemoryMemento());
  let policy = withAgent(emptyAgentPolicy(), agent);
  for (const accountId of [production.accountId, sandbox.accountId]) policy = withGrant(policy, { agentId: agent.id, accountId, recordType: 'customer', level: 'full' });
  await store.write(policy);
});

afterAll(async () => {
  await Promise.all([production?.stop(), sandbox?.stop()]);
  await rm(directory, { recursive: true, force: true });
});

function invokerFor(netsuite: AgentTestNetSuite, confirmWrite?: (question: WriteQuestion) => Promise<boolean>): AgentToolInvoker {
  return new AgentToolInvoker({ policyStore: store, operations: netsuite.operations, auditLog, suiteqlReads: inThreadSuiteQLReads(), ...(confirmWrite ? { confirmWrite } : {}) });
}

const phoneChange = (netsuite: AgentTestNetSuite, phone: string) => ({ account: netsuite.accountId, recordType: 'customer', id: netsuite.customerId, fields: { phone } });

describe("an agent's write to production", () => {
  it('is refused when no one can be asked, even with a write grant, and nothing is sent', async () => {
    const before = (await production.getCustomer(production.customerId)).phone;
    const answer = await invokerFor(production).invoke(agent, 'suitelens_update_record', phoneChange(production, '+1 555 0101'));
    expect(answer.ok).toBe(false);
    expect(answer.text).toMatch(/production account needs the person to confirm/);
    expect((await production.getCustomer(production.customerId)).phone).toBe(before);
    const [last] = (await auditLog.query()).slice(-1);
    expect(last).toMatchObject({ decision: 'denied', accountId: production.accountId });
  });

  it('asks with the exact change and runs only after a yes, once', async () => {
    const questions: WriteQuestion[] = [];
    const answer = await invokerFor(production, async (question) => (questions.push(question), true)).invoke(agent, 'suitelens_update_record', phoneChange(production, '+1 555 0102'));
    expect(answer.ok).toBe(true);
    expect(questions).toHaveLength(1);
    expect(questions[0]).toMatchObject({ agentName: 'Prod helper', accountId: '1234567', production: true });
    expect(questions[0].effect).toMatch(/\n {2}phone: .* → "\+1 555 0102"$/);
    expect((await production.getCustomer(production.customerId)).phone).toBe('+1 555 0102');
  });

  it.each([
    ['a no', async () => false, /the person declined this change/],
    ['a dialog that failed', async () => { throw new Error('dialog closed'); }, /the person declined this change/],
    ['an answer that is not a plain yes', async () => 'yes' as unknown as boolean, /the person declined this change/],
  ])('refuses on %s, sends nothing and logs the refusal', async (_case, confirm, reason) => {
    const before = (await production.getCustomer(production.customerId)).phone;
    const answer = await invokerFor(production, confirm).invoke(agent, 'suitelens_update_record', phoneChange(production, '+1 555 0199'));
    expect(answer.ok).toBe(false);
    expect(answer.text).toMatch(reason);
    expect((await production.getCustomer(production.customerId)).phone).toBe(before);
    const [last] = (await auditLog.query()).slice(-1);
    expect(last).toMatchObject({ decision: 'denied' });
    expect(String(last.reason)).toMatch(reason);
  });

  it('refuses when the agent stopped waiting while the question was open, even if the person then says yes', async () => {
    const before = (await production.getCustomer(production.customerId)).phone;
    const controller = new AbortController();
    const confirm = async (): Promise<boolean> => {
      controller.abort();
      return true;
    };
    const answer = await invokerFor(production, confirm).invoke(agent, 'suitelens_update_record', phoneChange(production, '+1 555 0177'), controller.signal);
    expect(answer.ok).toBe(false);
    expect(answer.text).toMatch(/stopped waiting/);
    expect((await production.getCustomer(production.customerId)).phone).toBe(before);
  });

  it("logs the answerer's own reason when it would not ask (another question open), and sends nothing", async () => {
    const before = (await production.getCustomer(production.customerId)).phone;
    const busy = async (): Promise<boolean> => {
      throw new WriteNotAsked('another agent change is already waiting for the person to answer');
    };
    const answer = await invokerFor(production, busy).invoke(agent, 'suitelens_update_record', phoneChange(production, '+1 555 0166'));
    expect(answer.ok).toBe(false);
    expect(answer.text).toBe('denied: another agent change is already waiting for the person to answer');
    expect((await production.getCustomer(production.customerId)).phone).toBe(before);
  });

  it('asks for creates, deletes and bulk updates too', async () => {
    const asked: string[] = [];
    const invoker = invokerFor(production, async (question) => (asked.push(question.toolTitle), false));
    const count = await production.customerCount();
    await invoker.invoke(agent, 'suitelens_create_record', { account: production.accountId, recordType: 'customer', fields: { companyName: 'Never made', subsidiary: { id: '1' } } });
    await invoker.invoke(agent, 'suitelens_delete_record', { account: production.accountId, recordType: 'customer', id: production.customerId });
    await invoker.invoke(agent, 'suitelens_bulk_update_records', { account: production.accountId, recordType: 'customer', updates: [{ id: production.customerId, fields: { comments: 'bulk' } }] });
    expect(asked).toHaveLength(3);
    expect(await production.customerCount()).toBe(count);
    expect((await production.getCustomer(production.customerId)).comments).not.toBe('bulk');
  });

  it('reads on production are not asked', async () => {
    let asked = 0;
    const answer = await invokerFor(production, async () => (asked++, true)).invoke(agent, 'suitelens_get_record', { account: production.accountId, recordType: 'customer', id: production.customerId });
    expect(answer.ok).toBe(true);
    expect(asked).toBe(0);
  });
});

describe("an agent's write to a sandbox account", () => {
  it('goes through without a way to ask, as before', async () => {
    const answer = await invokerFor(sandbox).invoke(agent, 'suitelens_update_record', phoneChange(sandbox, '+1 555 0300'));
    expect(answer.ok).toBe(true);
    expect((await sandbox.getCustomer(sandbox.customerId)).phone).toBe('+1 555 0300');
  });
});
