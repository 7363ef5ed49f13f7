/**
 * Redaction in the activity log removes secret values only: a secret-looking word in a SQL comment used to make the
 * redactor blank the rest of a one-line query, so the log showed neither the tables read nor the conditions.
 */
import { describe, expect, it } from 'vitest';
import { redactAgentText } from '../../src/agents/audit';
import type { AuditEvent } from '../../src/agents/auditEntry';
import { redactedMark, redactText } from '../../src/netsuite/secretRedaction';

function suiteqlEvent(query: string): AuditEvent {
  return {
    agent: { id: 'reporter', name: 'Reporter', kind: 'mcp' },
    accountId: '1234567_SB1',
    tool: 'suitelens_run_suiteql',
    action: 'suiteql',
    query,
    arguments: { account: '1234567_SB1', query },
    decision: 'denied',
    reason: 'denied: the query reads employee: employee not granted',
  };
}

describe('activity log redaction keeps the query around a secret', () => {
  const cases: [string, string, string, string[]][] = [
    ['authorization in a block comment', "SELECT id /* authorization: none */ FROM employee WHERE email = 'x'", "SELECT id /* authorization: [redacted] */ FROM employee WHERE email = 'x'", []],
    ['a Basic credential in a comment', 'SELECT 1 /* Authorization: Basic dXNlcjpwYXNz */, email FROM employee', 'SELECT 1 /* Authorization: Basic [redacted] */, email FROM employee', ['dXNlcjpwYXNz']],
    ['a cookie in a comment', 'SELECT 1 /* cookie: JSESSIONID=zzz999 */, email FROM employee', 'SELECT 1 /* cookie: [redacted] */, email FROM employee', ['zzz999']],
    ['a password in a comment', 'SELECT id /* password=hunter2 */ FROM employee', 'SELECT id /* password=[redacted] */ FROM employee', ['hunter2']],
    ['a set-cookie with several pairs', "SELECT 1 /* set-cookie: a=1; b=secret2 */ FROM employee WHERE id = 3", 'SELECT 1 /* set-cookie: [redacted] */ FROM employee WHERE id = 3', ['secret2']],
  ];

  for (const [name, query, expected, secrets] of cases) {
    it(`${name}: only the value goes`, () => {
      expect(redactText(query)).toBe(expected);
      const redacted = redactAgentText(suiteqlEvent(query));
      expect(redacted.query).toBe(expected);
      expect((redacted.arguments as { query: string }).query).toBe(expected);
      for (const secret of secrets) expect(JSON.stringify(redacted)).not.toContain(secret);
      // The tables and conditions after the comment are still in the log.
      expect(redacted.query).toMatch(/FROM employee/);
      expect(redacted.query).toContain(redactedMark);
    });
  }
});
