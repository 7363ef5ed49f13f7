/**
 * BUILTIN functions other than DF read setup tables the query never names: CURRENCY_CONVERT exchange rates,
 * CONSOLIDATE consolidated exchange rates, PERIOD and RELATIVE_RANGES accounting periods, CURRENCY the currency.
 * Each needs a grant like a table the query names — also in a query over DUAL alone — and every BUILTIN the guard
 * lets through declares what it reads (src/suiteql/builtinFunctions.ts).
 */
import { describe, expect, it } from 'vitest';
import type { AgentIdentity } from '../../src/agents/agent';
import type { AccessLevel } from '../../src/agents/accessLevel';
import { decide } from '../../src/agents/policy';
import { emptyAgentPolicy, type AgentPolicy } from '../../src/agents/policyDocument';
import { withAgent, withGrant } from '../../src/agents/policyEdits';
import { agentBuiltins } from '../../src/suiteql/builtinFunctions';
import { tablesReadWithDisplays } from '../../src/suiteql/displayReads';
import { suiteQLFunctions } from '../../src/suiteql/functions';
import { standardTables } from '../../src/suiteql/standardTables';
import { tablesReadBy } from '../../src/suiteql/tables';

const SB = '1234567_SB1';
const reporter: AgentIdentity = { id: 'reporter', name: 'Reporter', kind: 'mcp' };

function policyOf(switches: Record<string, AccessLevel>): AgentPolicy {
  return Object.entries(switches).reduce(
    (policy, [recordType, level]) => withGrant(policy, { agentId: reporter.id, accountId: SB, recordType, level }),
    withAgent(emptyAgentPolicy(), reporter),
  );
}

const run = (policy: AgentPolicy, query: string) => decide(policy, { agentId: reporter.id, accountId: SB, action: 'suiteql', query }, { tablesReadBy });

const setupReads = [
  ['CURRENCY_CONVERT', "SELECT BUILTIN.CURRENCY_CONVERT(c.balancesearch, 2, TO_DATE('2020-01-01','YYYY-MM-DD')) FROM customer c", ['currencyrate', 'currency']],
  ['CONSOLIDATE', "SELECT c.id, BUILTIN.CONSOLIDATE(1,'LEDGER','DEFAULT','DEFAULT',1,5,'DEFAULT') FROM customer c", ['consolidatedexchangerate', 'subsidiary', 'accountingperiod']],
  ['PERIOD over DUAL', "SELECT BUILTIN.PERIOD('LP','START','NOT_LAST','BETWEEN') FROM dual", ['accountingperiod']],
  ['RELATIVE_RANGES over DUAL', "SELECT BUILTIN.RELATIVE_RANGES('LFY','START') FROM dual", ['accountingperiod']],
  ['RELATIVE_RANGES in WHERE', "SELECT c.id FROM customer c WHERE c.datecreated >= BUILTIN.RELATIVE_RANGES('DAGO30', 'START')", ['accountingperiod']],
  ['CURRENCY', 'SELECT BUILTIN.CURRENCY(c.balancesearch) FROM customer c', ['currency']],
] as const;

describe('BUILTIN functions that read setup tables', () => {
  it.each(setupReads)('%s is refused with only customer granted, naming the table it reads', (_name, query, needed) => {
    const decision = run(policyOf({ customer: 'read' }), query);
    expect(decision.allowed).toBe(false);
    expect(decision.reason).toMatch(new RegExp(`^denied: BUILTIN\\.\\w+\\(.*\\) uses [a-z ]+, so it reads (${needed.join('|')}): \\w+ not granted`));
    expect(decision.missing?.map((missing) => missing.recordType).sort()).toEqual([...needed].sort());
  });

  it.each(setupReads)('%s is allowed once every table it reads is granted', (_name, query, needed) => {
    const decision = run(policyOf({ customer: 'read', ...Object.fromEntries(needed.map((table) => [table, 'read'])) }), query);
    expect(decision).toMatchObject({ allowed: true });
  });

  it('counts the tables among those the query reads', () => {
    const read = tablesReadWithDisplays("SELECT BUILTIN.PERIOD('LP','START','NOT_LAST','BETWEEN') FROM dual");
    expect(read.ok && read.tables).toEqual(['accountingperiod', 'dual']);
  });

  it('still lets a query over DUAL alone that reads nothing through', () => {
    expect(run(policyOf({ customer: 'read' }), "SELECT 1, BUILTIN.CF(1), TO_CHAR(SYSDATE, 'YYYY') FROM dual")).toMatchObject({ allowed: true, reason: 'allowed: the query reads no record data' });
  });
});

describe('every BUILTIN agents may call says what it reads', () => {
  // Reviewed: CF gives the field's raw stored value. A BUILTIN added as reading nothing must be added here on review.
  const readsNothing = ['CF'];
  const knownTables = new Set(standardTables.map((table) => table.name));

  it('declares setup tables by their SuiteQL names, or display reads, or is reviewed as reading nothing', () => {
    for (const [name, rule] of Object.entries(agentBuiltins)) {
      if (rule.reads.kind === 'nothing') expect(readsNothing, `BUILTIN.${name}`).toContain(name);
      if (rule.reads.kind === 'tables') {
        expect(rule.reads.tables.length, `BUILTIN.${name}`).toBeGreaterThan(0);
        for (const table of rule.reads.tables) expect(knownTables.has(table) || table === 'consolidatedexchangerate', `${name} reads ${table}`).toBe(true);
      }
    }
  });

  it('refuses every other BUILTIN, including those completion offers', () => {
    const offered = suiteQLFunctions.filter((fn) => fn.name.startsWith('BUILTIN.')).map((fn) => fn.name.slice('BUILTIN.'.length));
    for (const name of [...offered, 'EVAL', 'constructor', '__proto__', 'toString']) {
      if (Object.keys(agentBuiltins).includes(name)) continue;
      const read = tablesReadBy(`SELECT BUILTIN.${name}(c.id) FROM customer c`);
      expect(read.ok, name).toBe(false);
    }
  });
});
