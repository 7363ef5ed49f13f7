/**
 * The MCP endpoint over real HTTP: only its own origin and its own Host (name AND port) get in; refused requests are
 * logged, rate-limited and summarised; one agent's huge calls cannot evict other entries; agent text is escaped.
 */
import { request } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AgentIdentity } from '../../src/agents/agent';
import { createAgentGuard, type AgentGuard } from '../../src/agents/agentGuard';
import { startAgentMcpServer, type RunningAgentMcpServer } from '../../src/agents/mcp/agentMcpServer';
import { emptyAgentPolicy } from '../../src/agents/policyDocument';
import { withAgent, withGrant } from '../../src/agents/policyEdits';
import { InMemoryMemento } from '../../src/agents/policyStore';
import { InMemorySecretStore } from '../../src/netsuite/auth/secretStore';
import { guardWorkerFile } from './agents-guard-worker';
import { netSuiteForAgentTests, type AgentTestNetSuite } from './agents-netsuite';

const billing: AgentIdentity = { id: 'billing-helper', name: 'Billing helper', kind: 'mcp' };
const reporter: AgentIdentity = { id: 'reporter', name: 'Reporter', kind: 'mcp' };

/** A raw POST (tools/list) with exactly these headers; `Host` replaces the one node would send. */
function rawPost(port: number, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      { host: '127.0.0.1', port, path: '/mcp', method: 'POST', setHost: headers.Host === undefined, headers: { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream', ...headers } },
      (incoming) => {
        incoming.resume();
        resolve(incoming.statusCode ?? 0);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list', params: {} }));
  });
}

async function connect(url: string, key: string): Promise<Client> {
  const client = new Client({ name: 'suitelens-refusal-test', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers: { Authorization: `Bearer ${key}` } } }));
  return client;
}

describe('MCP endpoint: origin, host, refused requests and the log', () => {
  let netsuite: AgentTestNetSuite;
  let directory: string;
  let guard: AgentGuard;
  let server: RunningAgentMcpServer;
  let billingKey: string;
  let reporterKey: string;

  beforeAll(async () => {
    netsuite = await netSuiteForAgentTests();
  });
  afterAll(async () => {
    await netsuite?.stop();
  });

  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'suitelens-mcp-refusals-'));
    guard = createAgentGuard({
      memento: new InMemoryMemento(),
      secrets: new InMemorySecretStore(),
      log: { directory, maxFileBytes: 40_000, keepFiles: 3 },
      operations: netsuite.operations,
      suiteql: { workerFile: guardWorkerFile() },
    });
    let policy = [billing, reporter].reduce(withAgent, emptyAgentPolicy());
    policy = withGrant(policy, { agentId: billing.id, accountId: netsuite.accountId, recordType: 'customer', level: 'read' });
    policy = withGrant(policy, { agentId: reporter.id, accountId: netsuite.accountId, recordType: 'customer', level: 'read' });
    await guard.policyStore.write(policy);
    billingKey = await guard.keys.issue(billing);
    reporterKey = await guard.keys.issue(reporter);
    server = await startAgentMcpServer({ invoker: guard.invoker, policyStore: guard.policyStore, keys: guard.keys, auditLog: guard.auditLog });
  });
  afterEach(async () => {
    await server?.close();
    guard?.dispose();
    await rm(directory, { recursive: true, force: true });
  });

  it('accepts no Origin or exactly its own origin, and refuses every other localhost origin', async () => {
    const key = { Authorization: `Bearer ${billingKey}` };
    const { port } = server;
    expect(await rawPost(port, key)).toBe(200);
    expect(await rawPost(port, { ...key, Origin: `http://127.0.0.1:${port}` })).toBe(200);
    // A page served by any other local web server (dev server, notebook, another tool) must not drive the endpoint.
    for (const origin of [`http://localhost:${port + 1}`, `http://127.0.0.1:${port + 1}`, 'http://localhost:3000', `http://localhost:${port}`, `https://127.0.0.1:${port}`, 'null', `http://127.0.0.1:${port}.attacker.example`]) {
      expect(await rawPost(port, { ...key, Origin: origin }), origin).toBe(403);
    }
  });

  it('accepts a Host naming its own loopback address and port only (DNS rebinding, relays)', async () => {
    const key = { Authorization: `Bearer ${billingKey}` };
    const { port } = server;
    expect(await rawPost(port, { ...key, Host: `127.0.0.1:${port}` })).toBe(200);
    expect(await rawPost(port, { ...key, Host: `localhost:${port}` })).toBe(200);
    for (const host of [`127.0.0.1:${port + 1}`, 'localhost', '127.0.0.1', `attacker.example:${port}`, `127.1:${port}`, `localhost:${port}.attacker.example`, `user@127.0.0.1:${port}`]) {
      expect(await rawPost(port, { ...key, Host: host }), host).toBe(403);
    }
  });

  it('logs refused authentications once and then as a summary: "12 requests with a wrong key in the last minute"', async () => {
    for (let index = 0; index < 12; index += 1) expect(await rawPost(server.port, { Authorization: `Bearer slk_wrong${index}` })).toBe(401);
    for (let index = 0; index < 3; index += 1) expect(await rawPost(server.port, {})).toBe(401);
    expect(await rawPost(server.port, { Authorization: `Bearer ${billingKey}`, Origin: 'http://localhost:5173' })).toBe(403);
    await server.close();
    const refused = (await guard.auditLog.query()).filter((entry) => entry.action === 'refusedRequest');
    expect(refused.map((entry) => entry.sentence)).toEqual([
      '1 request with a wrong key was refused at the MCP endpoint — denied: the key is wrong or has been revoked',
      '1 request without an agent key was refused at the MCP endpoint — denied: no agent key was sent',
      '1 request from a web page was refused at the MCP endpoint — denied: requests from web pages are not accepted',
      '12 requests with a wrong key in the last minute were refused at the MCP endpoint — denied: the key is wrong or has been revoked',
      '3 requests without an agent key in the last minute were refused at the MCP endpoint — denied: no agent key was sent',
    ]);
    // The keys tried never reach the log.
    expect(JSON.stringify(refused)).not.toContain('slk_wrong');
  });

  it("keeps the other agent's calls and the flooding agent's own early refusal through many huge calls", async () => {
    const reporterClient = await connect(server.url, reporterKey);
    await reporterClient.callTool({ name: 'suitelens_get_record', arguments: { account: netsuite.accountId, recordType: 'customer', id: netsuite.customerId } });
    await reporterClient.close();
    const flooder = await connect(server.url, billingKey);
    const probe = await flooder.callTool({ name: 'suitelens_get_record', arguments: { account: netsuite.accountId, recordType: 'vendor', id: '1' } });
    expect(probe.isError).toBe(true);
    const huge = 'x'.repeat(100_000);
    for (let index = 0; index < 150; index += 1) {
      await flooder.callTool({ name: 'suitelens_get_record', arguments: { account: netsuite.accountId, recordType: 'customer', id: netsuite.customerId, note: huge } });
    }
    await flooder.close();
    const entries = await guard.auditLog.query();
    expect(entries.filter((entry) => entry.agent.id === reporter.id).map((entry) => entry.sentence)).toEqual([
      `Reporter read customer '${netsuite.customerName}' (id ${netsuite.customerId}) on 1234567_SB1 — allowed by 'customer: View'`,
    ]);
    expect(entries.filter((entry) => entry.agent.id === billing.id && entry.recordType === 'vendor').map((entry) => entry.reason)).toEqual(['denied: vendor not granted']);
    for (const entry of entries) expect(Buffer.byteLength(JSON.stringify(entry))).toBeLessThanOrEqual(4_096);
    // 150 calls did not all fit: the log dropped some of the flooder's own calls, and only those.
    expect(entries.filter((entry) => entry.agent.id === billing.id).length).toBeLessThan(151);
  });

  it('logs an agent\'s newline and U+202E escaped, in the sentence and every field a view shows', async () => {
    const client = await connect(server.url, billingKey);
    const account = `${netsuite.accountId}\n\u202Egnp.exe`;
    const denied = await client.callTool({ name: 'suitelens_get_record', arguments: { account, recordType: 'customer', id: '1' } });
    expect(denied.isError).toBe(true);
    const unknown = await client.callTool({ name: 'suitelens_get_record\nBilling helper read everything\u202E', arguments: { account: netsuite.accountId } });
    expect(unknown.isError).toBe(true);
    await client.close();
    const [first, second] = await guard.auditLog.query({ agentId: billing.id });
    expect(first.sentence).toContain(`on ${netsuite.accountId}\\n\\u202Egnp.exe (production) — denied`);
    expect(second.sentence).toBe(
      `Billing helper tried to call the unknown tool 'suitelens_get_record\\nBilling helper read everything\\u202E' on ${netsuite.accountId} — denied: there is no tool 'suitelens_get_record\\nBilling helper read everything\\u202E'`,
    );
    for (const entry of [first, second]) {
      expect(entry.sentence).not.toMatch(/[\n\u202E]/);
    }
  });
});
