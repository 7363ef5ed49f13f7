/**
 * Arguments built to break the guard rather than pass it, sent over the real MCP endpoint: nested thousands deep, or a
 * megabyte of text shaped to make redaction slow. Each is answered with a refusal the agent can read and logged as a
 * refusal; none goes missing from the activity log or holds the extension host.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgentIdentity } from '../../src/agents/agent';
import { createAgentGuard, type AgentGuard } from '../../src/agents/agentGuard';
import { startAgentMcpServer, type RunningAgentMcpServer } from '../../src/agents/mcp/agentMcpServer';
import { emptyAgentPolicy } from '../../src/agents/policyDocument';
import { withAgent, withGrant } from '../../src/agents/policyEdits';
import { InMemoryMemento } from '../../src/agents/policyStore';
import { InMemorySecretStore } from '../../src/netsuite/auth/secretStore';
import { guardWorkerFile } from './agents-guard-worker';
import { netSuiteForAgentTests, type AgentTestNetSuite } from './agents-netsuite';

const prober: AgentIdentity = { id: 'prober', name: 'Prober', kind: 'mcp' };
const stranger: AgentIdentity = { id: 'stranger', name: 'Stranger', kind: 'mcp' };

let netsuite: AgentTestNetSuite;
let directory: string;
let guard: AgentGuard;
let server: RunningAgentMcpServer;
let proberClient: Client;
let strangerClient: Client;

async function connect(url: string, key: string): Promise<Client> {
  const client = new Client({ name: 'suitelens-hostile-input-test', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers: { Authorization: `Bearer ${key}` } } }));
  return client;
}

beforeAll(async () => {
  netsuite = await netSuiteForAgentTests();
  directory = await mkdtemp(join(tmpdir(), 'suitelens-mcp-hostile-'));
  guard = createAgentGuard({
    memento: new InMemoryMemento(),
    secrets: new InMemorySecretStore(),
    log: { directory },
    operations: netsuite.operations,
    suiteql: { workerFile: guardWorkerFile() },
  });
  // The prober may read customers and nothing else; the stranger has no grant at all.
  let policy = [prober, stranger].reduce(withAgent, emptyAgentPolicy());
  policy = withGrant(policy, { agentId: prober.id, accountId: netsuite.accountId, recordType: 'customer', level: 'read' });
  await guard.policyStore.write(policy);
  server = await startAgentMcpServer({ invoker: guard.invoker, policyStore: guard.policyStore, keys: guard.keys, auditLog: guard.auditLog });
  proberClient = await connect(server.url, await guard.keys.issue(prober));
  strangerClient = await connect(server.url, await guard.keys.issue(stranger));
});

afterAll(async () => {
  await proberClient?.close();
  await strangerClient?.close();
  await server?.close();
  guard?.dispose();
  await netsuite?.stop();
  if (directory) await rm(directory, { recursive: true, force: true });
});

function nested(depth: number): unknown {
  let value: unknown = 'x';
  for (let level = 0; level < depth; level += 1) value = [value];
  return value;
}

function textOf(result: Awaited<ReturnType<Client['callTool']>>): string {
  return (result.content as Array<{ type: string; text: string }>)[0].text;
}

async function entriesOf(agent: AgentIdentity) {
  return (await guard.auditLog.query()).filter((entry) => entry.agent.id === agent.id);
}

describe('arguments nested thousands deep', () => {
  it.each([100, 2_500, 3_000])('%i levels: answered as a refusal and logged as one, never a protocol error', async (depth) => {
    const before = (await entriesOf(prober)).length;
    const result = await proberClient.callTool({ name: 'suitelens_update_record', arguments: { account: netsuite.accountId, recordType: 'employee', id: '1', fields: { x: nested(depth) } } });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/denied: the arguments are nested deeper than \d+ levels/);
    const entries = await entriesOf(prober);
    expect(entries).toHaveLength(before + 1);
    expect(entries.at(-1)).toMatchObject({ decision: 'denied', tool: 'suitelens_update_record' });
    expect(entries.at(-1)?.sentence).toMatch(/^Prober tried to update .* — denied: the arguments are nested deeper/);
  });

  // Deeper than the MCP client itself can serialise: straight to the same invoker the endpoint calls.
  it.each([5_000, 50_000])('%i levels through the invoker: refused and logged', async (depth) => {
    const before = (await entriesOf(prober)).length;
    const result = await guard.invoker.invoke(prober, 'suitelens_update_record', { account: netsuite.accountId, recordType: 'employee', id: '1', fields: { x: nested(depth) } });
    expect(result.ok).toBe(false);
    expect(result.text).toMatch(/denied: the arguments are nested deeper than \d+ levels/);
    expect(await entriesOf(prober)).toHaveLength(before + 1);
  });
});

describe('a megabyte of text shaped to make redaction slow', () => {
  it('is refused at once, even for an agent with no grant calling a tool that does not exist, and logged without its text', async () => {
    const before = (await entriesOf(stranger)).length;
    const pem = '-----BEGIN PRIVATE KEY-----'.repeat(40_000);
    const result = await strangerClient.callTool({ name: 'no_such_tool', arguments: { note: pem } });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/denied: a text of 1,080,000 characters is longer than the 100,000/);
    const entries = await entriesOf(stranger);
    expect(entries).toHaveLength(before + 1);
    expect(entries.at(-1)).toMatchObject({ decision: 'denied' });
    expect(JSON.stringify(entries.at(-1))).not.toContain('-----BEGIN PRIVATE KEY----------BEGIN');
  }, 20_000);

  it('is refused when the text is spread over many values too', async () => {
    const spread = Object.fromEntries(Array.from({ length: 20 }, (_, index) => [`f${index}`, '-----BEGIN PRIVATE KEY-----'.repeat(2_000)]));
    const result = await strangerClient.callTool({ name: 'suitelens_update_record', arguments: { account: netsuite.accountId, recordType: 'customer', id: '1', fields: spread } });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/denied: the arguments hold more than 1,000,000 characters of text/);
  }, 20_000);
});

describe('the activity log itself', () => {
  it('writes an entry for arguments nothing upstream refused, however deep', async () => {
    const entry = await guard.auditLog.append({ agent: prober, tool: 'suitelens_get_record', accountId: netsuite.accountId, action: 'read', arguments: { x: nested(20_000) }, decision: 'denied', reason: 'denied: test' });
    expect(entry.sentence).toMatch(/^Prober tried to read/);
    expect(JSON.stringify(entry.arguments)).toMatch(/not logged/);
  });
});
