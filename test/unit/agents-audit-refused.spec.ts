/**
 * Refused MCP requests are rate-limited in the activity log: per kind, the first of a window at once and the rest as
 * one summary when the window ends, however many arrive.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AuditLog } from '../../src/agents/audit';
import { RefusedRequestLog } from '../../src/agents/mcp/refusedRequests';

describe('refused MCP requests in the activity log', () => {
  let directory: string;
  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'suitelens-refused-'));
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  });
  afterEach(async () => {
    vi.useRealTimers();
    await rm(directory, { recursive: true, force: true });
  });

  it('writes at most two entries per kind and window, the second a count: "12 requests with a wrong key in the last minute"', async () => {
    const auditLog = new AuditLog({ directory });
    const refusals = new RefusedRequestLog(auditLog);
    for (let index = 0; index < 12; index += 1) refusals.record('wrongKey');
    for (let index = 0; index < 500; index += 1) refusals.record('foreignHost');
    await vi.advanceTimersByTimeAsync(60_000);
    refusals.record('wrongKey');
    await refusals.flush();
    expect((await auditLog.query()).map((entry) => entry.sentence)).toEqual([
      '1 request with a wrong key was refused at the MCP endpoint — denied: the key is wrong or has been revoked',
      '1 request with a foreign Host header was refused at the MCP endpoint — denied: the Host header does not name this endpoint (a DNS-rebinding attempt or a misconfigured client)',
      '12 requests with a wrong key in the last minute were refused at the MCP endpoint — denied: the key is wrong or has been revoked',
      '500 requests with a foreign Host header in the last minute were refused at the MCP endpoint — denied: the Host header does not name this endpoint (a DNS-rebinding attempt or a misconfigured client)',
      // A new minute starts a new window: its first refusal is logged at once again.
      '1 request with a wrong key was refused at the MCP endpoint — denied: the key is wrong or has been revoked',
    ]);
  });
});
