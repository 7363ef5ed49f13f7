import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgentIdentity } from '../../src/agents/agent';
import { AuditLog } from '../../src/agents/audit';
import type { AuditEntry } from '../../src/agents/auditEntry';
import { emptyAgentPolicy, type Grant } from '../../src/agents/policyDocument';
import { withAgent, withGrant } from '../../src/agents/policyEdits';
import { InMemoryMemento, MementoAgentPolicyStore } from '../../src/agents/policyStore';
import { AgentToolInvoker } from '../../src/agents/toolInvoker';
import type { AgentNetSuiteOperations } from '../../src/agents/tools/operations';
import { inThreadSuiteQLReads } from '../../src/suiteql/guardedRead';

const SB = '1234567_SB1';
const PROD = '1234567';
const RP = '1234567_RP';

const billing: AgentIdentity = { id: 'billing-helper', name: 'Billing helper', kind: 'mcp' };
const chat: AgentIdentity = { id: 'vscode-chat', name: 'VS Code chat', kind: 'vscode-chat' };
const intruder: AgentIdentity = { id: 'intruder', name: 'Intruder', kind: 'mcp' };

const grants: Grant[] = [
  { agentId: billing.id, accountId: SB, recordType: 'customer', level: 'read' },
  { agentId: billing.id, accountId: SB, recordType: 'invoice', level: 'write' },
  { agentId: billing.id, accountId: SB, recordType: 'salesOrder', level: 'read' },
  { agentId: billing.id, accountId: SB, recordType: 'vendorBill', level: 'full' },
  { agentId: billing.id, accountId: SB, recordType: 'estimate', level: 'write' },
  { agentId: billing.id, accountId: PROD, recordType: '*', level: 'full' },
  { agentId: billing.id, accountId: PROD, recordType: 'customer', level: 'read' },
  { agentId: chat.id, accountId: SB, recordType: '*', level: 'read' },
  { agentId: chat.id, accountId: SB, recordType: 'employee', level: 'none' },
  { agentId: chat.id, accountId: SB, recordType: 'customer', level: 'full' },
];

/**
 * NetSuite's side of the seam, answering as the REST API would for the few records the table touches. The policy
 * and audit code under test are the real ones; only NetSuite is stood in for (the MCP integration test uses the
 * sandbox).
 */
const netsuite: AgentNetSuiteOperations = {
  listRecordTypes: async () => ['customer', 'vendor', 'employee', 'invoice', 'salesorder', 'vendorbill', 'journalentry'],
  describeRecordType: async () => ({ type: 'object', properties: { companyName: { title: 'Company Name', type: 'string' } }, 'x-ns-filterable': ['companyName'] }),
  getRecord: async (_account, recordType, id) =>
    recordType === 'salesOrder' ? { id, tranId: 'SO-12', links: [] } : { id, companyName: 'Acme Corp', email: 'a@x.example', links: [] },
  listRecords: async () => ({ ids: ['456'], totalResults: 1, hasMore: false }),
  runSuiteQL: async () => ({ rows: [{ id: '456' }], totalResults: 1, hasMore: false }),
  createRecord: async () => ({ id: '900' }),
  updateRecord: async () => undefined,
  deleteRecord: async () => undefined,
  transformRecord: async () => ({ id: '901' }),
};

type Case = [label: string, agent: AgentIdentity, tool: string, args: Record<string, unknown>, allowed: boolean, reason: string];

const get = 'suitelens_get_record';
const sql = 'suitelens_run_suiteql';
const suiteql = (account: string, query: string) => ({ account, query });
const vendorDenied = 'denied: the query reads vendor: vendor not granted';

const cases: Case[] = [
  // Record tools: levels, explicit grants, wildcards, production.
  ['read with read grant', billing, get, { account: SB, recordType: 'customer', id: '456' }, true, "allowed by 'customer: View'"],
  ['create with read grant', billing, 'suitelens_create_record', { account: SB, recordType: 'customer', fields: { companyName: 'New Co' } }, false, "denied: create customer needs Create, but the grant is 'customer: View'"],
  ['delete with read grant', billing, 'suitelens_delete_record', { account: SB, recordType: 'customer', id: '456' }, false, "denied: delete customer needs Full, but the grant is 'customer: View'"],
  ['create with write grant', billing, 'suitelens_create_record', { account: SB, recordType: 'invoice', fields: { entity: { id: '456' } } }, true, "allowed by 'invoice: Edit'"],
  ['update with write grant', billing, 'suitelens_update_record', { account: SB, recordType: 'invoice', id: '77', fields: { memo: 'paid' } }, true, "allowed by 'invoice: Edit'"],
  ['delete with write grant', billing, 'suitelens_delete_record', { account: SB, recordType: 'invoice', id: '77' }, false, "denied: delete invoice needs Full, but the grant is 'invoice: Edit'"],
  ['delete with full grant', billing, 'suitelens_delete_record', { account: SB, recordType: 'vendorBill', id: '31' }, true, "allowed by 'vendorBill: Full'"],
  ['record type names are case-insensitive', billing, get, { account: SB, recordType: 'SalesOrder', id: '12' }, true, "allowed by 'salesOrder: View'"],
  ['ungranted type', billing, get, { account: SB, recordType: 'vendor', id: '5' }, false, 'denied: vendor not granted'],
  ['wildcard on sandbox', chat, get, { account: SB, recordType: 'vendor', id: '5' }, true, "allowed by '*: View'"],
  ['explicit none beats wildcard', chat, get, { account: SB, recordType: 'employee', id: '3' }, false, 'denied: employee not granted'],
  ['explicit full beats wildcard read', chat, 'suitelens_delete_record', { account: SB, recordType: 'customer', id: '456' }, true, "allowed by 'customer: Full'"],
  ['wildcard read does not write', chat, 'suitelens_create_record', { account: SB, recordType: 'vendor', fields: { companyName: 'V' } }, false, "denied: create vendor needs Create, but the grant is '*: View'"],
  ['production ignores wildcard', billing, 'suitelens_create_record', { account: PROD, recordType: 'invoice', fields: { memo: 'x' } }, false, 'denied: production account needs an explicit grant for invoice'],
  ['production without any grant', chat, 'suitelens_create_record', { account: PROD, recordType: 'invoice', fields: { memo: 'x' } }, false, 'denied: invoice not granted'],
  ['production explicit grant', billing, get, { account: PROD, recordType: 'customer', id: '456' }, true, "allowed by 'customer: View'"],
  ['production explicit read, wildcard full', billing, 'suitelens_delete_record', { account: PROD, recordType: 'customer', id: '456' }, false, "denied: delete customer needs Full, but the grant is 'customer: View'"],
  ['account ids match in any spelling', billing, get, { account: '1234567-sb1', recordType: 'customer', id: '456' }, true, "allowed by 'customer: View'"],
  ['grants do not cross accounts', billing, get, { account: RP, recordType: 'customer', id: '456' }, false, 'denied: customer not granted'],
  ['unknown agent', intruder, get, { account: SB, recordType: 'customer', id: '456' }, false, "denied: unknown agent 'intruder'"],
  ['transform: View on the source is not enough, it changes the source', billing, 'suitelens_transform_record', { account: SB, recordType: 'salesOrder', id: '12', targetType: 'invoice' }, false, "denied: transforming salesOrder needs Edit, but the grant is 'salesOrder: View'"],
  ['transform: Edit on the source, Create on the target', billing, 'suitelens_transform_record', { account: SB, recordType: 'estimate', id: '12', targetType: 'invoice' }, true, "allowed by 'estimate: Edit', 'invoice: Edit'"],
  ['transform into ungranted target', billing, 'suitelens_transform_record', { account: SB, recordType: 'estimate', id: '12', targetType: 'itemFulfillment' }, false, 'denied: itemFulfillment not granted'],
  ['transform into read-only target', billing, 'suitelens_transform_record', { account: SB, recordType: 'estimate', id: '12', targetType: 'salesOrder' }, false, "denied: creating salesOrder needs Create, but the grant is 'salesOrder: View'"],
  ['list record types with grants', billing, 'suitelens_list_record_types', { account: SB }, true, "allowed by 'customer: View'"],
  ['list record types, production wildcard only counts nothing', chat, 'suitelens_list_record_types', { account: PROD }, false, `denied: nothing granted on ${PROD}`],
  ['describe granted type', billing, 'suitelens_describe_record_type', { account: SB, recordType: 'customer' }, true, "allowed by 'customer: View'"],
  ['search granted type', billing, 'suitelens_search_records', { account: SB, recordType: 'customer', q: 'email START_WITH a' }, true, "allowed by 'customer: View'"],
  ['search ungranted type', billing, 'suitelens_search_records', { account: SB, recordType: 'vendor' }, false, 'denied: vendor not granted'],
  // SuiteQL: every table read must be granted, however the query hides it.
  ['SuiteQL on a granted table', billing, sql, suiteql(SB, 'SELECT id, companyname FROM customer'), true, "allowed by 'customer: View'"],
  ['SuiteQL on an ungranted table', billing, sql, suiteql(SB, 'SELECT * FROM vendor'), false, vendorDenied],
  ['SuiteQL join reaching an ungranted table', billing, sql, suiteql(SB, 'SELECT c.id FROM customer c JOIN vendor v ON v.id = c.id'), false, vendorDenied],
  ['SuiteQL old-style join', billing, sql, suiteql(SB, 'SELECT c.id FROM customer c, vendor v WHERE v.id = c.id'), false, vendorDenied],
  ['SuiteQL subquery in WHERE', billing, sql, suiteql(SB, 'SELECT id FROM customer WHERE id IN (SELECT id FROM vendor)'), false, vendorDenied],
  ['SuiteQL scalar subquery in SELECT', billing, sql, suiteql(SB, 'SELECT (SELECT MAX(id) FROM vendor) AS m FROM customer'), false, vendorDenied],
  ['SuiteQL EXISTS subquery', billing, sql, suiteql(SB, 'SELECT id FROM customer c WHERE EXISTS (SELECT 1 FROM vendor v WHERE v.id = c.id)'), false, vendorDenied],
  ['SuiteQL derived table', billing, sql, suiteql(SB, 'SELECT * FROM (SELECT id FROM vendor) v'), false, vendorDenied],
  ['SuiteQL CTE', billing, sql, suiteql(SB, 'WITH x AS (SELECT id FROM vendor) SELECT * FROM x'), false, vendorDenied],
  // A CTE may not share a table's name: which one a name means would depend on scoping rules the readers differ on.
  ['SuiteQL CTE named like a granted table', billing, sql, suiteql(SB, 'WITH customer AS (SELECT id FROM vendor) SELECT * FROM customer'), false, 'denied: the query could not be parsed, so the tables it reads are unknown (The CTE name customer is also a table'],
  ['SuiteQL CTE over granted table', billing, sql, suiteql(SB, 'WITH c AS (SELECT id FROM customer) SELECT * FROM c'), true, "allowed by 'customer: View'"],
  ['SuiteQL UNION', billing, sql, suiteql(SB, 'SELECT id FROM customer UNION SELECT id FROM vendor'), false, vendorDenied],
  ['SuiteQL UNION ALL in a subquery', billing, sql, suiteql(SB, 'SELECT * FROM (SELECT id FROM customer UNION ALL SELECT id FROM vendor) u'), false, vendorDenied],
  ['SuiteQL table hidden after a line comment', billing, sql, suiteql(SB, 'SELECT id FROM customer -- harmless\n, vendor'), false, vendorDenied],
  ['SuiteQL table named only in a comment', billing, sql, suiteql(SB, 'SELECT id FROM customer -- FROM vendor'), true, "allowed by 'customer: View'"],
  ['SuiteQL table after a block comment', billing, sql, suiteql(SB, 'SELECT id FROM /* customer */ vendor'), false, vendorDenied],
  ['SuiteQL table named only in a string', billing, sql, suiteql(SB, "SELECT 'vendor' AS label FROM customer"), true, "allowed by 'customer: View'"],
  ['SuiteQL quoted identifier', billing, sql, suiteql(SB, 'SELECT id FROM "VENDOR"'), false, vendorDenied],
  // Oracle reads "CUSTOMER" as customer; "Customer" keeps its case in Oracle but not in the checker's grammar.
  ['SuiteQL quoted granted table', billing, sql, suiteql(SB, 'SELECT id FROM "CUSTOMER"'), true, "allowed by 'customer: View'"],
  ['SuiteQL mixed-case quoted table', billing, sql, suiteql(SB, 'SELECT id FROM "Customer"'), false, 'denied: the query could not be parsed, so the tables it reads are unknown (The quoted name "Customer" may only be a column alias'],
  ['SuiteQL mixed case', billing, sql, suiteql(SB, 'SeLeCt id FrOm CUSTOMER'), true, "allowed by 'customer: View'"],
  ['SuiteQL transaction needs every transaction type', billing, sql, suiteql(SB, 'SELECT id FROM transaction'), false, 'denied: the query reads transaction, which needs View on transaction or on every transaction type (journalEntry not granted)'],
  ['SuiteQL transactionline follows transaction', billing, sql, suiteql(SB, 'SELECT t.id FROM customer c JOIN transactionline t ON t.entity = c.id'), false, 'denied: the query reads transactionline, which needs View on transaction or on every transaction type (journalEntry not granted)'],
  ['SuiteQL entity family', billing, sql, suiteql(SB, 'SELECT id FROM entity'), false, 'denied: the query reads entity, which needs View on entity or on every entity type (employee not granted)'],
  ['SuiteQL transaction via wildcard on sandbox', chat, sql, suiteql(SB, 'SELECT t.id FROM transaction t JOIN customer c ON c.id = t.entity'), true, "allowed by 'customer: Full', '*: View'"],
  ['SuiteQL wildcard does not reach an explicit none', chat, sql, suiteql(SB, 'SELECT t.id FROM transaction t JOIN employee e ON e.id = t.employee'), false, 'denied: the query reads employee: employee not granted'],
  ['SuiteQL that does not parse', billing, sql, suiteql(SB, 'SELECT FROM WHERE'), false, 'denied: the query could not be parsed'],
  ['SuiteQL that is not a SELECT', billing, sql, suiteql(SB, 'DELETE FROM customer'), false, 'denied: the query could not be parsed'],
  ['SuiteQL two statements', billing, sql, suiteql(SB, 'SELECT id FROM customer; SELECT id FROM vendor'), false, 'denied: the query could not be parsed'],
  ['SuiteQL on DUAL reads no record', chat, sql, suiteql(SB, "SELECT 'hello' AS greeting FROM dual"), true, 'allowed: the query reads no record data'],
  ['SuiteQL on DUAL needs some access to the account', chat, sql, suiteql(PROD, 'SELECT SYSDATE FROM dual'), false, `denied: nothing granted on ${PROD}`],
  ['SuiteQL production explicit grant', billing, sql, suiteql(PROD, 'SELECT id FROM customer'), true, "allowed by 'customer: View'"],
  ['SuiteQL production ignores wildcard', billing, sql, suiteql(PROD, 'SELECT id FROM customer JOIN vendor ON vendor.id = customer.id'), false, 'denied: the query reads vendor: production account needs an explicit grant for vendor'],
  // Arguments that are not understood are refused before the policy is asked.
  ['non-numeric record id', billing, get, { account: SB, recordType: 'customer', id: '456 OR 1=1' }, false, "denied: Invalid arguments for suitelens_get_record: 'id' must match pattern"],
  ['unknown argument', billing, get, { account: SB, recordType: 'customer', id: '456', expand: true }, false, "denied: Invalid arguments for suitelens_get_record: unknown property 'expand'"],
  ['offset not a multiple of limit', billing, sql, { account: SB, query: 'SELECT id FROM customer', limit: 50, offset: 30 }, false, 'denied: Invalid arguments for suitelens_run_suiteql: offset 30 must be a multiple of limit 50'],
  ['unknown tool', billing, 'suitelens_drop_database', { account: SB }, false, "denied: there is no tool 'suitelens_drop_database'"],
];

describe('agent policy table', () => {
  let directory: string;
  let invoker: AgentToolInvoker;
  let auditLog: AuditLog;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'suitelens-agents-'));
    const store = new MementoAgentPolicyStore(new InMemoryMemento());
    let policy = withAgent(withAgent(emptyAgentPolicy(), billing), chat);
    for (const grant of grants) policy = withGrant(policy, grant);
    await store.write(policy);
    auditLog = new AuditLog({ directory });
    invoker = new AgentToolInvoker({ policyStore: store, operations: netsuite, auditLog, suiteqlReads: inThreadSuiteQLReads() });
  });

  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('has at least 40 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });

  it.each(cases)('%s', async (_label, agent, tool, args, allowed, reason) => {
    const result = await invoker.invoke(agent, tool, args);
    expect(result.ok).toBe(allowed);
    // Refusals from the parser or the schema validator carry their detail after the expected beginning.
    expect(result.entry.reason.startsWith(reason), result.entry.reason).toBe(true);
    // The call is on disk as the last line of the log, with its decision and a sentence naming agent and reason.
    const lines = (await readFile(auditLog.filePath(0), 'utf8')).trim().split('\n');
    const logged = JSON.parse(lines[lines.length - 1]) as AuditEntry;
    expect(logged.decision).toBe(allowed ? 'allowed' : 'denied');
    expect(logged.reason).toBe(result.entry.reason);
    expect(logged.agent.id).toBe(agent.id);
    expect(logged.sentence.startsWith(agent.name)).toBe(true);
    expect(logged.sentence.endsWith(`— ${logged.reason}`)).toBe(true);
  });

  it('logged every case once, in order, with plain-English sentences', async () => {
    const entries = await auditLog.query();
    expect(entries.map((entry) => entry.decision)).toEqual(cases.map(([, , , , allowed]) => (allowed ? 'allowed' : 'denied')));
    const sentences = entries.map((entry) => entry.sentence);
    expect(sentences[0]).toBe("Billing helper read customer 'Acme Corp' (id 456) on 1234567_SB1 — allowed by 'customer: View'");
    expect(sentences).toContain('VS Code chat tried to create an invoice on 1234567 (production) — denied: invoice not granted');
    expect(sentences).toContain("Billing helper created invoice (id 900) on 1234567_SB1 — allowed by 'invoice: Edit'");
    expect(sentences).toContain("Billing helper transformed estimate 'Acme Corp' (id 12) into invoice (id 901) on 1234567_SB1 — allowed by 'estimate: Edit', 'invoice: Edit'");
    expect(sentences).toContain("Billing helper updated memo on invoice 'Acme Corp' (id 77) on 1234567_SB1 — allowed by 'invoice: Edit'");
    expect(sentences).toContain(`Billing helper tried to run SuiteQL "SELECT * FROM vendor" on 1234567_SB1 — ${vendorDenied}`);
  });

  it('filters the log by agent, account and decision', async () => {
    const chatDenied = await auditLog.query({ agentId: chat.id, decision: 'denied' });
    expect(chatDenied.length).toBe(cases.filter(([, agent, , , allowed]) => agent === chat && !allowed).length);
    expect(chatDenied.every((entry) => entry.agent.id === chat.id && entry.decision === 'denied')).toBe(true);
    const production = await auditLog.query({ accountId: PROD });
    expect(production.length).toBe(cases.filter(([, , , args]) => args.account === PROD).length);
    expect(production.every((entry) => entry.environment === 'production')).toBe(true);
    expect(await auditLog.query({ limit: 2 })).toEqual((await auditLog.query()).slice(-2));
  });
});
