/**
 * One agent cannot erase the activity log: entries are capped in size, agents share the space fairly, and an
 * agent's refusals outlive its allowed calls. Before, a few huge calls rotated every earlier entry away.
 */
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AgentIdentity } from '../../src/agents/agent';
import { AuditLog } from '../../src/agents/audit';
import type { AuditEvent } from '../../src/agents/auditEntry';
import { auditSentence } from '../../src/agents/auditSentence';

const flooder: AgentIdentity = { id: 'flooder', name: 'Flooder', kind: 'mcp' };
const reporter: AgentIdentity = { id: 'reporter', name: 'Reporter', kind: 'mcp' };

function call(agent: AgentIdentity, overrides: Partial<AuditEvent>): AuditEvent {
  return { agent, accountId: '1234567_SB1', tool: 'suitelens_run_suiteql', action: 'suiteql', arguments: {}, decision: 'allowed', reason: "allowed by 'customer: View'", outcome: 'succeeded', ...overrides };
}

describe('activity log quotas', () => {
  let directory: string;
  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'suitelens-audit-quota-'));
  });
  afterEach(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it("keeps the other agent's entries and the flooder's own earlier refusals through many huge calls", async () => {
    const log = new AuditLog({ directory, maxFileBytes: 40_000, keepFiles: 3, maxEntryBytes: 2_000 });
    for (let index = 0; index < 5; index += 1) await log.append(call(reporter, { query: `SELECT id FROM customer WHERE id = ${index}` }));
    for (let index = 0; index < 3; index += 1) {
      await log.append(call(flooder, { query: `SELECT email FROM employee -- probe ${index}`, decision: 'denied', reason: 'denied: the query reads employee: employee not granted', outcome: undefined }));
    }
    const huge = `SELECT id FROM customer WHERE companyname = '${'x'.repeat(200_000)}'`;
    for (let index = 0; index < 150; index += 1) {
      const denied = index % 3 === 0;
      await log.append(call(flooder, { query: huge, arguments: { account: '1234567_SB1', query: huge }, ...(denied ? { decision: 'denied', reason: 'denied: later probe', outcome: undefined } : {}) }));
    }

    const entries = await log.query();
    expect(entries.filter((entry) => entry.agent.id === 'reporter').map((entry) => entry.query)).toEqual(Array.from({ length: 5 }, (_, index) => `SELECT id FROM customer WHERE id = ${index}`));
    expect(entries.filter((entry) => entry.query?.includes('-- probe')).map((entry) => entry.query)).toEqual([0, 1, 2].map((index) => `SELECT email FROM employee -- probe ${index}`));
    // The newest calls are there too, and the log stayed within its files.
    expect(entries.at(-1)?.agent.id).toBe('flooder');
    const files = await readdir(directory);
    expect(files.length).toBeLessThanOrEqual(3);
    for (const file of files) expect((await stat(join(directory, file))).size).toBeLessThanOrEqual(40_000);
  });

  it('caps each entry: a 200 KB query is logged as its start and a note of what was left out', async () => {
    const log = new AuditLog({ directory, maxEntryBytes: 4_096 });
    const query = `SELECT id FROM customer WHERE companyname = '${'y'.repeat(200_000)}'`;
    const entry = await log.append(call(flooder, { query, arguments: { account: '1234567_SB1', query } }));
    const [line] = (await readFile(log.filePath(0), 'utf8')).trim().split('\n');
    expect(Buffer.byteLength(line)).toBeLessThanOrEqual(4_096);
    expect(entry.query).toMatch(/^SELECT id FROM customer WHERE companyname = 'y+… \(\d+ more characters not logged\)$/);
    expect(entry.arguments).toMatchObject({ notLogged: expect.stringMatching(/^arguments of \d+ characters$/) });
    expect(entry.sentence).toMatch(/^Flooder ran SuiteQL "SELECT id FROM customer WHERE companyname = 'y+…" on 1234567_SB1/);
  });

  it('keeps every entry of a log below its size, whatever the mix', async () => {
    const log = new AuditLog({ directory, maxFileBytes: 3_000, keepFiles: 4 });
    for (let index = 0; index < 12; index += 1) await log.append(call(index % 2 ? reporter : flooder, { query: `SELECT ${index} FROM dual` }));
    expect((await log.query()).map((entry) => entry.query)).toEqual(Array.from({ length: 12 }, (_, index) => `SELECT ${index} FROM dual`));
  });
});

describe('activity log shows control and bidi characters escaped', () => {
  const rlo = '\u202E';
  it('escapes them in the tool name, account, record values, reason and query of the sentence', () => {
    const sentence = auditSentence(
      {
        agent: { id: 'x', name: `Report${rlo}er`, kind: 'mcp' },
        accountId: `1234567_SB1\n${rlo}exe.gnp`,
        tool: `suitelens_get_record\nReporter read nothing`,
        action: 'unknownTool',
        arguments: {},
        decision: 'denied',
        reason: `denied: there is no tool 'suitelens_get_record\nReporter read nothing'`,
      },
      'production',
    );
    expect(sentence).toBe(
      "Report\\u202Eer tried to call the unknown tool 'suitelens_get_record\\nReporter read nothing' on 1234567_SB1\\n\\u202Eexe.gnp (production) — denied: there is no tool 'suitelens_get_record\\nReporter read nothing'",
    );
    for (const character of ['\n', rlo]) expect(sentence).not.toContain(character);
  });

  it('escapes every C0, C1, zero-width, separator, bidi and BOM character, and keeps ordinary query layout as spaces', () => {
    const invisible = ['\u0000', '\u0007', '\r', '\u001B', '\u007F', '\u0085', '\u009B', '\u200B', '\u200F', '\u2028', '\u2029', '\u202A', '\u202E', '\u2066', '\u2069', '\uFEFF'];
    const sentence = auditSentence(call(reporter, { recordType: 'customer', recordId: '7', action: 'read', recordName: `Acme${invisible.join('')}Corp` }), 'sandbox');
    expect(sentence).toContain("customer 'Acme\\u0000\\u0007\\r\\u001B\\u007F\\u0085\\u009B\\u200B\\u200F\\u2028\\u2029\\u202A\\u202E\\u2066\\u2069\\uFEFFCorp' (id 7)");
    const query = auditSentence(call(reporter, { query: 'SELECT id\n  FROM customer -- note\u2028, employee\r\n WHERE id = 1' }), 'sandbox');
    expect(query).toContain('SuiteQL "SELECT id FROM customer -- note\\u2028, employee WHERE id = 1"');
  });
});
