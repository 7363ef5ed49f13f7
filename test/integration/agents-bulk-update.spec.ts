/**
 * The agents' bulk update tool against the sandbox, through the same guard as every tool: it needs a write grant
 * on the record type, its confirmation shows each record's change, it runs on NetSuite's batch operations, and the
 * activity log says one sentence per record it changed (none for a record NetSuite refused).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditLog } from '../../src/agents/audit';
import { emptyAgentPolicy } from '../../src/agents/policyDocument';
import { withAgent, withGrant } from '../../src/agents/policyEdits';
import { InMemoryMemento, MementoAgentPolicyStore } from '../../src/agents/policyStore';
import { AgentToolInvoker } from '../../src/agents/toolInvoker';
import { inThreadSuiteQLReads } from '../../src/suiteql/guardedRead';
import { netSuiteForAgentTests, type AgentTestNetSuite } from './agents-netsuite';

const agent = { id: 'bulk-helper', name: 'Bulk helper', kind: 'mcp' as const };
let netsuite: AgentTestNetSuite;
let directory: string;
let auditLog: AuditLog;
let store: MementoAgentPolicyStore;
let invoker: AgentToolInvoker;
let ids: string[];

beforeAll(async () => {
  netsuite = await netSuiteForAgentTests();
  directory = await mkdtemp(join(tmpdir(), 'suitelens-bulk-agent-'));
  auditLog = new AuditLog({ directory });
  store = new MementoAgentPolicyStore(new InMemoryMemento());
  await store.write(withGrant(withAgent(emptyAgentPolicy(), agent), { agentId: agent.id, accountId: netsuite.accountId, recordType: 'customer', level: 'read' }));
  invoker = new AgentToolInvoker({ policyStore: store, operations: netsuite.operations, auditLog, suiteqlReads: inThreadSuiteQLReads() });
  const page = await netsuite.operations.listRecords(netsuite.accountId, 'customer', { limit: 3, offset: 0 });
  ids = page.ids;
});

afterAll(async () => {
  await netsuite?.stop();
  await rm(directory, { recursive: true, force: true });
});

const args = () => ({
  account: netsuite.accountId,
  recordType: 'customer',
  updates: [...ids.map((id) => ({ id, fields: { comments: `bulk by agent ${id}` } })), { id: '99999999', fields: { comments: 'nobody' } }],
});

describe('suitelens_bulk_update_records', () => {
  it('is refused with only a read grant, and changes nothing', async () => {
    const answer = await invoker.invoke(agent, 'suitelens_bulk_update_records', args());
    expect(answer.ok).toBe(false);
    expect(answer.text).toMatch(/denied/);
    for (const id of ids) expect((await netsuite.getCustomer(id)).comments).not.toBe(`bulk by agent ${id}`);
  });

  it('with a write grant, confirms each record\u2019s change, applies it, and logs one sentence per record changed', async () => {
    await store.write(withGrant(await store.read(), { agentId: agent.id, accountId: netsuite.accountId, recordType: 'customer', level: 'write' }));
    const before = await Promise.all(ids.map((id) => netsuite.getCustomer(id)));
    const unknown = await invoker.prepare(agent, 'suitelens_bulk_update_records', { ...args(), updates: args().updates.slice(0, 3) });
    expect(unknown.allowed).toBe(true);
    const effectLines = String(unknown.effect).split('\n');
    // The summary first, then each record on a line and its change, quoted as sent, on the next.
    expect(effectLines[0]).toBe(`Update 3 customer records on ${netsuite.accountId} (sandbox): comments`);
    ids.forEach((id, index) => {
      expect(effectLines[2 * index + 1]).toMatch(new RegExp(`^- customer .*\\(id ${id}\\):$`));
      const old = before[index].comments === undefined ? '(not set)' : JSON.stringify(before[index].comments);
      expect(effectLines[2 * index + 2]).toBe(`    comments: ${old} → "bulk by agent ${id}"`);
    });

    const logBefore = (await auditLog.query()).length;
    const answer = await invoker.invoke(agent, 'suitelens_bulk_update_records', args());
    expect(answer.ok).toBe(true);
    expect(answer.text).toContain(`Updated 3 of 4 customer records; not changed: 99999999:`);
    for (const id of ids) expect((await netsuite.getCustomer(id)).comments).toBe(`bulk by agent ${id}`);
    const entries = (await auditLog.query()).slice(logBefore);
    const perRecord = entries.filter((entry) => entry.recordId !== undefined);
    expect(perRecord.map((entry) => entry.recordId)).toEqual(ids);
    for (const entry of perRecord) expect(entry.sentence).toContain(entry.recordId!);
  });
});
