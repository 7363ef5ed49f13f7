/**
 * The SuiteQL checker is made on an agent's first query (issue 15: the SuiteQL service is a separate file loaded on
 * first use). If that file cannot be loaded, the query must be refused and the refusal logged, like any other: never
 * run unchecked, never an error that skips the activity log. The load failure is simulated by making the checker's
 * constructor throw, as the lazy stub's require does when dist/lib-suiteql.js is missing.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AgentIdentity } from '../../src/agents/agent';
import { createAgentGuard, type AgentGuard } from '../../src/agents/agentGuard';
import { emptyAgentPolicy } from '../../src/agents/policyDocument';
import { withAgent, withGrant } from '../../src/agents/policyEdits';
import { InMemoryMemento } from '../../src/agents/policyStore';
import type { AgentNetSuiteOperations } from '../../src/agents/tools/operations';
import { InMemorySecretStore } from '../../src/netsuite/auth/secretStore';

let loads = 0;
vi.mock('../../src/suiteql/guardedRead', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../src/suiteql/guardedRead')>()),
  workerSuiteQLReads: () => {
    loads++;
    throw new Error("Cannot find module './lib-suiteql.js'");
  },
}));

const analyst: AgentIdentity = { id: 'analyst', name: 'Analyst', kind: 'mcp' };
const accountId = 'TSTDRV1';

describe('agent guard whose SuiteQL checker cannot be loaded', () => {
  let directory: string;
  let guard: AgentGuard;
  const sent: string[] = [];

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'suitelens-guard-unavailable-'));
    const operations = new Proxy({} as AgentNetSuiteOperations, {
      get: (_, name) => (name === 'runSuiteQL' ? (_account: string, query: string) => (sent.push(query), Promise.reject(new Error('must not run'))) : () => Promise.reject(new Error(`unexpected ${String(name)}`))),
    });
    guard = createAgentGuard({ memento: new InMemoryMemento(), secrets: new InMemorySecretStore(), log: { directory }, operations });
    await guard.policyStore.write(withGrant(withAgent(emptyAgentPolicy(), analyst), { agentId: analyst.id, accountId, recordType: 'customer', level: 'read' }));
  });

  afterAll(async () => {
    guard?.dispose();
    if (directory) await rm(directory, { recursive: true, force: true });
  });

  it('refuses the query, logs the refusal, sends nothing, and tries to load the checker again next time', async () => {
    for (const query of ['SELECT id FROM customer', 'SELECT id FROM customer ORDER BY id']) {
      const result = await guard.invoker.invoke(analyst, 'suitelens_run_suiteql', { account: accountId, query });
      expect(result.ok).toBe(false);
      expect(result.text).toMatch(/could not be checked .*lib-suiteql/);
      expect(result.entry.decision).toBe('denied');
    }
    expect(sent).toEqual([]);
    expect(loads).toBe(2);
    const logged = await guard.auditLog.query();
    expect(logged.filter((entry) => entry.decision === 'denied' && /could not be checked/.test(entry.reason))).toHaveLength(2);
  });
});
