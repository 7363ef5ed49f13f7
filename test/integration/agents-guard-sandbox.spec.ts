/**
 * The agent guard against the sandbox over real HTTP: what NetSuite runs for an agent is the canonical text the
 * guard checked, and for legitimate SuiteQL that text means the same as the agent's own: every corpus query the
 * guard accepts gives identical results either way, as do joins, BUILTIN.DF on granted tables, CTEs, subqueries,
 * ROWNUM, FETCH FIRST and TOP. The check runs in the bundled worker, and a check over its time limit is refused.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgentIdentity } from '../../src/agents/agent';
import { createAgentGuard, type AgentGuard } from '../../src/agents/agentGuard';
import { emptyAgentPolicy } from '../../src/agents/policyDocument';
import { withAgent, withGrant } from '../../src/agents/policyEdits';
import { InMemoryMemento } from '../../src/agents/policyStore';
import type { AgentNetSuiteOperations } from '../../src/agents/tools/operations';
import { InMemorySecretStore } from '../../src/netsuite/auth/secretStore';
import { canonicalSuiteQL } from '../../src/suiteql/canonicalQuery';
import { checkSuiteQLRead, workerSuiteQLReads } from '../../src/suiteql/guardedRead';
import { defaultSuiteQLLimits } from '../../src/suiteql/canonicalQuery';
import { corpusQueries } from '../unit/suiteqlCorpusFiles';
import { guardWorkerFile } from './agents-guard-worker';
import { netSuiteForAgentTests, type AgentTestNetSuite } from './agents-netsuite';

const analyst: AgentIdentity = { id: 'analyst', name: 'Analyst', kind: 'mcp' };

const legitimate = [
  'SELECT c.id, c.companyname, e.entityid FROM customer c LEFT JOIN employee e ON e.id = c.salesrep ORDER BY c.id',
  'SELECT c.id, BUILTIN.DF(c.salesrep) AS rep FROM customer c ORDER BY c.id',
  'WITH recent AS (SELECT id, companyname FROM customer WHERE id > 0) SELECT r.id FROM recent r ORDER BY r.id',
  'SELECT c.id FROM customer c WHERE c.id IN (SELECT s.id FROM customer s WHERE s.isinactive = \'F\') ORDER BY c.id',
  'SELECT id FROM customer WHERE ROWNUM <= 2 ORDER BY id',
  'SELECT id FROM customer ORDER BY id FETCH FIRST 2 ROWS ONLY',
  'SELECT TOP 2 id, companyname FROM customer ORDER BY id',
  "SELECT 'O''Brien' AS name, 1.50 AS n, .5 AS half FROM DUAL",
  'SELECT "CUSTOMER"."ID" FROM "CUSTOMER" ORDER BY 1',
  'SELECT id -- the id\nFROM customer /* all */ WHERE id != 0 ORDER BY id',
];

type Rows = Record<string, unknown>[];

describe('agent guard on the sandbox', () => {
  let netsuite: AgentTestNetSuite;
  let directory: string;
  let guard: AgentGuard;
  const sent: string[] = [];

  /** A query straight on the sandbox (as a person's notebook would send it): rows, or NetSuite's error. */
  async function run(query: string): Promise<Rows | string> {
    try {
      return (await netsuite.operations.runSuiteQL(netsuite.accountId, query, { limit: 1000, offset: 0 })).rows;
    } catch (error) {
      return `error: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  beforeAll(async () => {
    netsuite = await netSuiteForAgentTests();
    directory = await mkdtemp(join(tmpdir(), 'suitelens-guard-'));
    // Observe what reaches NetSuite; everything else is the real client core.
    const operations: AgentNetSuiteOperations = {
      ...netsuite.operations,
      runSuiteQL: (accountId, query, page, signal) => {
        sent.push(query);
        return netsuite.operations.runSuiteQL(accountId, query, page, signal);
      },
    };
    guard = createAgentGuard({ memento: new InMemoryMemento(), secrets: new InMemorySecretStore(), log: { directory }, operations, suiteql: { workerFile: guardWorkerFile() } });
    let policy = withAgent(emptyAgentPolicy(), analyst);
    for (const recordType of ['customer', 'employee']) policy = withGrant(policy, { agentId: analyst.id, accountId: netsuite.accountId, recordType, level: 'read' });
    await guard.policyStore.write(policy);
  });

  afterAll(async () => {
    guard?.dispose();
    await netsuite?.stop();
    if (directory) await rm(directory, { recursive: true, force: true });
  });

  it('gives identical results for the canonical text and the original, for every corpus query the guard accepts', async () => {
    let compared = 0;
    let withRows = 0;
    for (const { file, text } of corpusQueries()) {
      const read = checkSuiteQLRead(text, defaultSuiteQLLimits);
      if (!read.ok) continue;
      const original = await run(text);
      expect(await run(read.canonical), file).toEqual(original);
      compared++;
      // Some corpus queries use tables or functions the sandbox does not have: then both fail with the same error.
      if (Array.isArray(original)) withRows++;
    }
    expect(compared).toBeGreaterThanOrEqual(40);
    expect(withRows).toBeGreaterThanOrEqual(20);
  });

  it('gives identical results for joins, BUILTIN.DF, CTEs, subqueries, ROWNUM, FETCH FIRST, TOP, q-quoting and comments', async () => {
    for (const query of legitimate) {
      const read = checkSuiteQLRead(query, defaultSuiteQLLimits);
      if (!read.ok) throw new Error(`${query} refused: ${read.reason}`);
      const original = await run(query);
      expect(Array.isArray(original), `${query}: ${String(original)}`).toBe(true);
      expect(await run(read.canonical), query).toEqual(original);
    }
  });

  it("runs Oracle's q'…' quoting (which the sandbox itself does not read) as the plain string Oracle means", async () => {
    const read = checkSuiteQLRead("SELECT q'[O'Brien]' AS name FROM DUAL", defaultSuiteQLLimits);
    expect(read).toMatchObject({ ok: true, canonical: "SELECT 'O''Brien' AS name FROM DUAL" });
    expect(await run((read as { canonical: string }).canonical)).toEqual([{ name: "O'Brien" }]);
  });

  it('runs the canonical text for an agent, shows it in the log, and returns the rows', async () => {
    sent.length = 0;
    const query = 'SELECT TOP 2 c.id, BUILTIN.DF(c.salesrep) AS rep -- who\nFROM customer c ORDER BY c.id';
    const result = await guard.invoker.invoke(analyst, 'suitelens_run_suiteql', { account: netsuite.accountId, query });
    expect(result.ok, result.text).toBe(true);
    const canonical = (canonicalSuiteQL(query) as { text: string }).text;
    expect(sent).toEqual([canonical]);
    expect(result.entry.query).toBe(canonical);
    expect(result.data).toMatchObject({ rows: await run(query) });
  });

  it('refuses the glued-digit attack and sends nothing', async () => {
    sent.length = 0;
    const granted = withGrant(withAgent(emptyAgentPolicy(), analyst), { agentId: analyst.id, accountId: netsuite.accountId, recordType: 'customer', level: 'read' });
    await guard.policyStore.write(granted);
    for (const query of ['SELECT email, 1FROM employee', 'SELECT id FROM customer -- x\u2028UNION SELECT email FROM employee', "SELECT DBMS_XMLGEN.GETXML('SELECT email FROM employee') FROM DUAL"]) {
      const result = await guard.invoker.invoke(analyst, 'suitelens_run_suiteql', { account: netsuite.accountId, query });
      expect(result.ok, query).toBe(false);
      expect(result.entry.decision).toBe('denied');
      expect(result.text).toMatch(/glued to the number 1|U\+2028|DBMS_XMLGEN.GETXML is not allowed/);
    }
    expect(sent).toEqual([]);
  });

  it('refuses a check that outlives its time limit, and the next check starts a fresh worker', async () => {
    const reads = workerSuiteQLReads({ workerFile: guardWorkerFile(), timeLimitMs: 1, limits: () => ({ maxLength: 100_000, maxDepth: 10_000 }) });
    try {
      const nested = `SELECT ${'('.repeat(300)}1${')'.repeat(300)} FROM customer`;
      expect(await reads.check(nested)).toMatchObject({ ok: false, reason: expect.stringMatching(/took longer than 1 ms/) });
    } finally {
      reads.dispose();
    }
    const patient = workerSuiteQLReads({ workerFile: guardWorkerFile() });
    try {
      expect(await patient.check('SELECT id FROM customer')).toMatchObject({ ok: true, tables: ['customer'], canonical: 'SELECT id FROM customer' });
      expect(await patient.check(`SELECT ${'('.repeat(25)}1${')'.repeat(25)} FROM customer`)).toMatchObject({ ok: false, reason: expect.stringMatching(/nests parentheses 25 deep/) });
    } finally {
      patient.dispose();
    }
  });
});
