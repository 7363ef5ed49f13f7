import { appendFile, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AgentIdentity } from '../../src/agents/agent';
import { AuditLog } from '../../src/agents/audit';
import type { AuditEvent } from '../../src/agents/auditEntry';
import { auditSentence } from '../../src/agents/auditSentence';
import { redactAgentText } from '../../src/agents/audit';

const billing: AgentIdentity = { id: 'billing-helper', name: 'Billing helper', kind: 'mcp' };

function event(overrides: Partial<AuditEvent>): AuditEvent {
  return { agent: billing, accountId: '1234567_SB1', tool: 'suitelens_get_record', action: 'read', arguments: {}, decision: 'allowed', reason: "allowed by 'customer: View'", ...overrides };
}

describe('activity log sentences', () => {
  it('says who did what where, and why, in plain English', () => {
    expect(auditSentence(event({ recordType: 'customer', recordId: '456', recordName: 'Acme Corp', outcome: 'succeeded' }), 'sandbox')).toBe(
      "Billing helper read customer 'Acme Corp' (id 456) on 1234567_SB1 — allowed by 'customer: View'",
    );
    expect(
      auditSentence(event({ accountId: '1234567', action: 'create', recordType: 'invoice', decision: 'denied', reason: 'denied: invoice not granted' }), 'production'),
    ).toBe('Billing helper tried to create an invoice on 1234567 (production) — denied: invoice not granted');
    expect(auditSentence(event({ action: 'update', recordType: 'salesOrder', recordId: '12', changedFields: ['memo', 'shipDate'], reason: "allowed by 'salesOrder: Edit'" }), 'sandbox')).toBe(
      "Billing helper updated memo, shipDate on sales order (id 12) on 1234567_SB1 — allowed by 'salesOrder: Edit'",
    );
    expect(auditSentence(event({ action: 'suiteql', query: 'SELECT id\n  FROM customer', reason: "allowed by 'customer: View'" }), 'sandbox')).toBe(
      `Billing helper ran SuiteQL "SELECT id FROM customer" on 1234567_SB1 — allowed by 'customer: View'`,
    );
    expect(auditSentence(event({ recordType: 'customer', recordId: '9', outcome: 'failed', error: 'The record instance does not exist.' }), 'sandbox')).toBe(
      "Billing helper tried to read customer (id 9) on 1234567_SB1 — allowed by 'customer: View', but it failed: The record instance does not exist.",
    );
  });
});

describe('activity log file', () => {
  let directory: string;
  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'suitelens-audit-'));
  });
  afterEach(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('appends JSON lines with time, environment and sentence', async () => {
    const log = new AuditLog({ directory, now: () => new Date('2026-11-21T06:00:00Z') });
    await log.append(event({ recordType: 'customer', recordId: '456', recordName: 'Acme Corp', outcome: 'succeeded' }));
    const [line] = (await readFile(log.filePath(0), 'utf8')).trim().split('\n');
    expect(JSON.parse(line)).toMatchObject({
      time: '2026-11-21T06:00:00.000Z',
      environment: 'sandbox',
      decision: 'allowed',
      sentence: "Billing helper read customer 'Acme Corp' (id 456) on 1234567_SB1 — allowed by 'customer: View'",
    });
  });

  it('rotates by size and keeps at most the configured number of files', async () => {
    const log = new AuditLog({ directory, maxFileBytes: 2_000, keepFiles: 3 });
    for (let index = 0; index < 40; index += 1) await log.append(event({ recordType: 'customer', recordId: String(index) }));
    const files = (await readdir(directory)).sort();
    expect(files.length).toBeLessThanOrEqual(3);
    expect(files).toContain('agent-activity.jsonl');
    for (const file of files) expect(['agent-activity.jsonl', 'agent-activity.1.jsonl', 'agent-activity.2.jsonl']).toContain(file);
    for (const file of files) expect((await readFile(join(directory, file))).byteLength).toBeLessThanOrEqual(2_000);
    const kept = await log.query();
    // The newest entries survive, in order; the oldest were rotated away.
    expect(kept.length).toBeLessThan(40);
    expect(kept.map((entry) => Number(entry.recordId))).toEqual(Array.from({ length: kept.length }, (_, i) => 40 - kept.length + i));
  });

  it('never writes secrets found in arguments', async () => {
    const log = new AuditLog({ directory });
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';
    await log.append(
      event({
        action: 'create',
        recordType: 'customer',
        arguments: {
          account: '1234567_SB1',
          fields: { companyName: 'Acme', email: 'ap@acme.example', custentity_api_token: 'tok-123', comments: `Bearer ${jwt}`, note: jwt },
          password: 'hunter2',
          hexKey: 'a3f9c2d4e5b6a7f8091a2b3c4d5e6f708192a3b4',
        },
      }),
    );
    const text = await readFile(log.filePath(0), 'utf8');
    for (const secret of ['tok-123', jwt, 'hunter2', 'a3f9c2d4e5b6a7f8091a2b3c4d5e6f708192a3b4']) expect(text).not.toContain(secret);
    const [entry] = await log.query();
    expect(entry.arguments).toMatchObject({ account: '1234567_SB1', fields: { companyName: 'Acme', email: 'ap@acme.example', custentity_api_token: '[redacted]' }, password: '[redacted]' });
  });

  it('never writes a secret an agent put into a query, a record name or an error, nor into the sentence repeating them', async () => {
    const log = new AuditLog({ directory });
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';
    const query = `SELECT id FROM customer WHERE comments = 'Bearer ${jwt}'`;
    await log.append(event({ action: 'suiteql', query, arguments: { query }, recordName: 'slk_AAAAAAAAAAAAAAAAAAAAAAAA', outcome: 'failed', error: 'rejected client_secret=s3cr3t-value' }));
    const text = await readFile(log.filePath(0), 'utf8');
    for (const secret of [jwt, 'slk_AAAAAAAAAAAAAAAAAAAAAAAA', 's3cr3t-value']) expect(text).not.toContain(secret);
    const [entry] = await log.query();
    expect(entry.sentence).toContain("SELECT id FROM customer WHERE comments = 'Bearer [redacted]'");
  });

  it('keeps ordinary values, including SuiteQL text, as they were', () => {
    const query = "SELECT id, email FROM customer WHERE email LIKE '%acme%'";
    const args = { query, limit: 50, isInactive: false, tokenCount: undefined };
    expect(redactAgentText(event({ action: 'suiteql', query, arguments: args }))).toEqual(event({ action: 'suiteql', query, arguments: args }));
  });

  it('skips a line cut short by a crash and filters by agent, account and decision', async () => {
    const log = new AuditLog({ directory });
    const other: AgentIdentity = { id: 'reporter', name: 'Reporter', kind: 'mcp' };
    await log.append(event({ recordType: 'customer', recordId: '1' }));
    await appendFile(log.filePath(0), '{"time":"2026-11-21T06:00:00Z","agen');
    await appendFile(log.filePath(0), '\n');
    await log.append(event({ agent: other, accountId: '1234567', recordType: 'customer', recordId: '2', decision: 'denied', reason: 'denied: customer not granted' }));
    await log.append(event({ recordType: 'customer', recordId: '3' }));
    expect((await log.query()).map((entry) => entry.recordId)).toEqual(['1', '2', '3']);
    expect((await log.query({ agentId: 'reporter' })).map((entry) => entry.recordId)).toEqual(['2']);
    expect((await log.query({ accountId: '1234567_SB1' })).map((entry) => entry.recordId)).toEqual(['1', '3']);
    expect((await log.query({ decision: 'denied' })).map((entry) => entry.sentence)).toEqual([
      'Reporter tried to read customer (id 2) on 1234567 (production) — denied: customer not granted',
    ]);
    expect((await log.query({ limit: 1 })).map((entry) => entry.recordId)).toEqual(['3']);
  });

  it('keeps every entry when many calls append at once', async () => {
    const log = new AuditLog({ directory, maxFileBytes: 3_000, keepFiles: 50 });
    await Promise.all(Array.from({ length: 30 }, (_, index) => log.append(event({ recordType: 'customer', recordId: String(index) }))));
    expect((await log.query()).map((entry) => entry.recordId)).toEqual(Array.from({ length: 30 }, (_, index) => String(index)));
  });
});
