import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditLog } from '../../src/agents/audit';
import { emptyAgentPolicy } from '../../src/agents/policyDocument';
import { withAgent, withGrant } from '../../src/agents/policyEdits';
import { InMemoryMemento, MementoAgentPolicyStore } from '../../src/agents/policyStore';
import { AgentToolInvoker } from '../../src/agents/toolInvoker';
import { agentTools } from '../../src/agents/tools/agentTools';
import { languageModelToolContributions } from '../../src/agents/tools/languageModelToolManifest';
import type { AgentNetSuiteOperations } from '../../src/agents/tools/operations';
import { inThreadSuiteQLReads } from '../../src/suiteql/guardedRead';

const agent = { id: 'billing-helper', name: 'Billing helper', kind: 'mcp' as const };
const SB = '1234567_SB1';
const PROD = '1234567';

const lines = Array.from({ length: 30 }, (_, line) => ({ links: [{ rel: 'self', href: `.../item/${line}` }], line, item: { links: [], id: '8', refName: 'Widget' } }));
const customer = {
  links: [{ rel: 'self', href: 'https://1234567-sb1.suitetalk.api.netsuite.com/services/rest/record/v1/customer/456' }],
  id: '456',
  companyName: 'Acme',
  email: 'a@x.example',
  subsidiary: { links: [{ rel: 'self', href: '.../subsidiary/1' }], id: '1', refName: 'Honeycomb Mfg.' },
  addressBook: { links: [{ rel: 'self', href: '.../customer/456/addressBook' }] },
  comments: 'x'.repeat(2500),
};
const salesOrder = { links: [], id: '12', tranId: 'SO-12', item: { links: [], items: lines, totalResults: 30 } };
const rows = Array.from({ length: 120 }, (_, index) => ({ id: String(index + 1), companyname: `Company ${index + 1}` }));

/** NetSuite's answers for the records these tests touch (the MCP integration test runs against the sandbox). */
const netsuite: AgentNetSuiteOperations = {
  listRecordTypes: async () => ['customer', 'salesOrder', 'invoice'],
  describeRecordType: async () => ({
    type: 'object',
    properties: {
      links: { type: 'array' },
      companyName: { title: 'Company Name', type: 'string' },
      emailPreference: { title: 'Email Preference', type: 'object', properties: { id: { type: 'string', enum: ['PDF', 'HTML', 'DEFAULT'] } } },
      balance: { title: 'Balance', type: 'number', format: 'double', readOnly: true },
      subsidiary: { title: 'Subsidiary', $ref: '/services/rest/record/v1/metadata-catalog/subsidiary' },
    },
    'x-ns-filterable': ['companyName'],
  }),
  getRecord: async (_account, type) => (type === 'salesOrder' ? salesOrder : customer),
  listRecords: async (_account, _type, page) => ({ ids: ['1', '2'], totalResults: 4, hasMore: page.offset === 0 }),
  runSuiteQL: async (_account, _query, page) => ({ rows: rows.slice(page.offset, page.offset + page.limit), totalResults: rows.length, hasMore: page.offset + page.limit < rows.length }),
  createRecord: async () => ({ id: '900' }),
  updateRecord: async () => undefined,
  deleteRecord: async () => undefined,
  transformRecord: async () => ({ id: '901' }),
};

describe('agent tools', () => {
  let directory: string;
  let invoker: AgentToolInvoker;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'suitelens-tools-'));
    const store = new MementoAgentPolicyStore(new InMemoryMemento());
    let policy = withAgent(emptyAgentPolicy(), agent);
    for (const accountId of [SB, PROD]) {
      for (const recordType of ['customer', 'salesOrder', 'invoice']) policy = withGrant(policy, { agentId: agent.id, accountId, recordType, level: 'full' });
    }
    await store.write(policy);
    invoker = new AgentToolInvoker({ policyStore: store, operations: netsuite, auditLog: new AuditLog({ directory }), suiteqlReads: inThreadSuiteQLReads() });
  });

  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('describes the exact effect for the confirmation, naming the account and its environment', async () => {
    const effect = async (tool: string, args: Record<string, unknown>) => (await invoker.prepare(agent, tool, args)).effect;
    // The confirmation shows the text that will run: the canonical print the guard checked, not the agent's spelling.
    expect(await effect('suitelens_run_suiteql', { account: SB, query: 'SELECT id, email\nFROM customer WHERE id = 456 -- mine' })).toBe(
      'Run SuiteQL on 1234567_SB1 (sandbox): SELECT id , email FROM customer WHERE id = 456',
    );
    // A write: the summary first, then every field as it is sent, quoted, with NetSuite's current value before it.
    expect(await effect('suitelens_update_record', { account: SB, recordType: 'customer', id: '456', fields: { email: 'b@x.example', subsidiary: { id: '2' }, phone: null } })).toBe(
      [
        "Update customer 'Acme' (id 456) on 1234567_SB1 (sandbox): 3 fields",
        '  email: "a@x.example" → "b@x.example"',
        '  subsidiary: {id: "1", refName: "Honeycomb Mfg."} → {id: "2"}',
        '  phone: (not set) → null',
      ].join('\n'),
    );
    expect(await effect('suitelens_delete_record', { account: PROD, recordType: 'customer', id: '456' })).toBe(
      "Delete customer 'Acme' (id 456) on 1234567 (production) — this cannot be undone",
    );
    expect(await effect('suitelens_create_record', { account: SB, recordType: 'invoice', fields: { entity: { id: '456' }, memo: 'May' } })).toBe(
      ['Create an invoice on 1234567_SB1 (sandbox): 2 fields', '  entity: {id: "456"}', '  memo: "May"'].join('\n'),
    );
    expect(await effect('suitelens_transform_record', { account: SB, recordType: 'salesOrder', id: '12', targetType: 'invoice' })).toBe(
      "Transform sales order 'SO-12' (id 12) into a new invoice on 1234567_SB1 (sandbox); the sales order 'SO-12' (id 12) itself changes too (NetSuite moves its status on, e.g. to Billed or Closed)",
    );
  });

  it('gives no effect for a call the policy refuses: the reason, and for the person the grant it lacks', async () => {
    expect(await invoker.prepare(agent, 'suitelens_get_record', { account: SB, recordType: 'vendor', id: '1' })).toEqual({
      allowed: false,
      reason: 'denied: vendor not granted',
      missing: [{ recordType: 'vendor', level: 'read', neededFor: 'read vendor' }],
    });
  });

  it('returns a compact record and says what it left out', async () => {
    const answer = await invoker.invoke(agent, 'suitelens_get_record', { account: SB, recordType: 'customer', id: '456' });
    expect(answer.ok).toBe(true);
    const record = answer.data as Record<string, unknown>;
    expect(record.links).toBeUndefined();
    expect(record.subsidiary).toEqual({ id: '1', refName: 'Honeycomb Mfg.' });
    expect(record.addressBook).toBeUndefined();
    expect(String(record.comments).length).toBe(2001);
    expect(answer.text).toContain('comments: text cut to 2000 of 2500 characters');
    expect(answer.text).toContain('sublists not expanded: addressBook');

    const order = await invoker.invoke(agent, 'suitelens_get_record', { account: SB, recordType: 'salesOrder', id: '12' });
    expect((order.data as { item: unknown[] }).item).toHaveLength(25);
    expect(order.text).toContain('item: 25 of 30 lines shown');
  });

  it('pages SuiteQL with a row cap per call and tells how to get the rest', async () => {
    const first = await invoker.invoke(agent, 'suitelens_run_suiteql', { account: SB, query: 'SELECT id, companyname FROM customer' });
    expect((first.data as { rows: unknown[] }).rows).toHaveLength(50);
    expect(first.data).toMatchObject({ offset: 0, totalResults: 120, hasMore: true, nextOffset: 50 });
    expect(first.text).toContain('Rows 1–50 of 120; 70 more not returned — call again with offset 50.');
    const last = await invoker.invoke(agent, 'suitelens_run_suiteql', { account: SB, query: 'SELECT id, companyname FROM customer', limit: 50, offset: 100 });
    expect((last.data as { rows: { id: string }[] }).rows.map((row) => row.id)).toEqual(rows.slice(100).map((row) => row.id));
    expect(last.text).toContain('Rows 101–120 of 120.');
    expect(last.data).not.toHaveProperty('nextOffset');
    const tooMany = await invoker.invoke(agent, 'suitelens_run_suiteql', { account: SB, query: 'SELECT id FROM customer', limit: 500 });
    expect(tooMany.text).toBe("denied: Invalid arguments for suitelens_run_suiteql: 'limit' must be <= 200.");
  });

  it('searches ids with q and describes a type field by field', async () => {
    const found = await invoker.invoke(agent, 'suitelens_search_records', { account: SB, recordType: 'customer', q: 'companyName START_WITH A', limit: 2 });
    expect(found.data).toEqual({ ids: ['1', '2'], offset: 0, totalResults: 4, hasMore: true, nextOffset: 2 });
    const described = await invoker.invoke(agent, 'suitelens_describe_record_type', { account: SB, recordType: 'customer' });
    expect(described.data).toEqual({
      recordType: 'customer',
      fields: [
        'companyName: Company Name (string)',
        'emailPreference: Email Preference (object; one of PDF | HTML | DEFAULT)',
        'balance: Balance (number, double; read-only)',
        'subsidiary: Subsidiary (reference or sublist subsidiary)',
      ],
      filterable: ['companyName'],
    });
  });

  it('explains missing arguments precisely', async () => {
    const answer = await invoker.invoke(agent, 'suitelens_update_record', { account: SB, recordType: 'customer', id: '456' });
    expect(answer.text).toBe("denied: Invalid arguments for suitelens_update_record: missing 'fields'.");
    const empty = await invoker.invoke(agent, 'suitelens_update_record', { account: SB, recordType: 'customer', id: '456', fields: {} });
    expect(empty.text).toBe("denied: Invalid arguments for suitelens_update_record: 'fields' must NOT have fewer than 1 properties.");
  });

  it('declares every tool with a closed object schema that requires the account', () => {
    for (const tool of agentTools) {
      expect(tool.inputSchema).toMatchObject({ type: 'object', additionalProperties: false });
      expect(tool.inputSchema.required).toContain('account');
    }
  });
});

describe('language-model tool manifest', () => {
  it('describes every agent tool with its own input schema and a prompt reference name', () => {
    const contributions = languageModelToolContributions();
    expect(contributions.map((entry) => entry.name)).toEqual(agentTools.map((tool) => tool.name));
    const suiteql = contributions.find((entry) => entry.name === 'suitelens_run_suiteql');
    expect(suiteql).toMatchObject({ toolReferenceName: 'runSuiteql', displayName: 'Run a SuiteQL query' });
    expect(suiteql?.inputSchema).toBe(agentTools.find((tool) => tool.name === 'suitelens_run_suiteql')?.inputSchema);
  });
});
