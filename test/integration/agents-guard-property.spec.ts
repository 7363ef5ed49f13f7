/**
 * Property tests of the agent guard: random token soups and mutations of legitimate queries (glued digits, comment
 * tricks, odd whitespace, quote tricks, case changes, hidden UNIONs) never give an ALLOWED call that reads a table
 * the agent was not granted. The oracle is independent of the guard's own readers: for every allowed call the
 * canonical text that would run is
 *  - split by the sandbox's own SuiteQL tokenizer (src/sandbox/suiteql/tokens.ts, the executor side) and by the
 *    Trino lexer (the checker side): both must give exactly the guard's tokens, so no reader can see another query;
 *  - translated by the sandbox (src/sandbox/suiteql/translate.ts), whose list of tables read must hold only granted
 *    tables (or DUAL).
 * A seeded PRNG keeps every run the same; a failure prints the query.
 */
import { describe, expect, it } from 'vitest';
import { decide } from '../../src/agents/policy';
import { emptyAgentPolicy } from '../../src/agents/policyDocument';
import { withAgent, withGrant } from '../../src/agents/policyEdits';
import { mulberry32 } from '../../src/sandbox/seed/random';
import { SuiteQLQueryError } from '../../src/sandbox/suiteql/errors';
import { tokenize } from '../../src/sandbox/suiteql/tokens';
import { translateSuiteQL } from '../../src/sandbox/suiteql/translate';
import { canonicalSuiteQL, defaultSuiteQLLimits } from '../../src/suiteql/canonicalQuery';
import { checkSuiteQLRead } from '../../src/suiteql/guardedRead';
import { lexSuiteQL } from '../../src/suiteql/parser';
import { fixtureTables } from './sandbox-suiteql.fixture';

const accountId = '1234567_SB1';
const agent = { id: 'prober', name: 'Prober', kind: 'mcp' as const };
const policy = withGrant(withAgent(emptyAgentPolicy(), agent), { agentId: agent.id, accountId, recordType: 'customer', level: 'read' });
const granted = new Set(['customer', 'dual']);

type Random = () => number;
const pick = <T,>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];

const hiddenReads = [' UNION SELECT email FROM employee', ' UNION SELECT id FROM vendor', ' JOIN employee e ON e.id = c.id', ', employee e', ' WHERE EXISTS (SELECT 1 FROM transaction)'];
const oddSpaces = ['', ' ', '\n', '\t', '\r', '\r\n', '\u00a0', '\u2028', '\u2029', '\u000b', '\f', '\u0085', '\u200b', '\u3000', '\ufeff'];
const commentTricks = ['--', '-- x\n', '-- x\u2028', '-- x\r', '-- x\u000b', '/*', '*/', '/* x */', "/*'*/", '/*+ hint */', '--\u0085'];
const quoteTricks = ["'", '"', '`', "q'[", "]'", "q'{", "}'", "N'", "''", '""', '"Employee"', '"EMPLOYEE"', '`employee`', "n'", "Q'!", "!'"];
const glued = ['1FROM', '1UNION', '1e5FROM', '1F', '1d', '0x1', '1.e5', '.5e', '1_', '1$', '1#', '2FROM employee'];

const legitimate = [
  'SELECT c.id, c.email FROM customer c WHERE c.id > 1 ORDER BY c.id',
  "SELECT id, companyname FROM customer WHERE companyname LIKE 'A%' AND ROWNUM <= 5",
  'SELECT TOP 3 id FROM customer',
  'WITH x AS (SELECT id FROM customer) SELECT * FROM x',
  'SELECT COUNT(*) FROM customer c WHERE c.email IS NOT NULL',
  "SELECT NVL(c.email, 'none') AS email FROM customer c FETCH FIRST 2 ROWS ONLY",
  'SELECT c.id FROM customer c WHERE c.id IN (SELECT id FROM customer WHERE id < 10)',
  "SELECT 'FROM employee' AS note FROM customer -- UNION SELECT email FROM employee\n",
  'SELECT id FROM customer /* JOIN employee */ WHERE 1 = 1',
  "SELECT 1 FROM DUAL",
];

const vocabulary = [
  'SELECT', 'FROM', 'WHERE', 'UNION', 'ALL', 'MINUS', 'JOIN', 'ON', 'AS', 'WITH', 'IN', 'EXISTS', 'AND', 'OR', 'NOT', 'NULL',
  'customer', 'employee', 'vendor', 'transaction', 'entity', 'DUAL', 'CUSTOMER', 'Employee', 'c', 'e', 'x', 'id', 'email',
  '*', ',', '.', '(', ')', '=', '<>', '!=', '||', '+', '-', '/', '1', '0.5', '1e5', "'x'", "'FROM employee'", ';', ':x', '?', '@db',
  'BUILTIN.DF(c.id)', 'DBMS_XMLGEN.GETXML', 'TOP', '5', 'ROWNUM', 'FETCH', 'FIRST', 'ROWS', 'ONLY', 'LATERAL', 'TABLE',
  ...commentTricks, ...quoteTricks, ...glued,
];

function soup(random: Random): string {
  const start = random() < 0.7 ? 'SELECT ' : '';
  const length = 3 + Math.floor(random() * 18);
  let text = start;
  for (let i = 0; i < length; i++) text += pick(random, vocabulary) + (random() < 0.8 ? ' ' : pick(random, oddSpaces));
  return text;
}

function mutate(random: Random, query: string): string {
  let text = query;
  const edits = 1 + Math.floor(random() * 4);
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(random() * (text.length + 1));
    const choice = Math.floor(random() * 8);
    if (choice === 0) text = text.slice(0, at) + pick(random, hiddenReads) + text.slice(at);
    else if (choice === 1) text = text.slice(0, at) + pick(random, commentTricks) + pick(random, hiddenReads) + pick(random, oddSpaces) + text.slice(at);
    else if (choice === 2) text = text.slice(0, at) + pick(random, quoteTricks) + pick(random, hiddenReads) + pick(random, quoteTricks) + text.slice(at);
    else if (choice === 3) text = text.replace(/ /g, () => (random() < 0.2 ? pick(random, oddSpaces) : ' '));
    else if (choice === 4) text = text.replace(/ FROM /i, ` ${Math.floor(random() * 10)}FROM `).replace(/ UNION /i, ' 1UNION ');
    else if (choice === 5) text = [...text].map((char) => (random() < 0.3 ? char.toUpperCase() : random() < 0.3 ? char.toLowerCase() : char)).join('');
    else if (choice === 6) text = text.replace(/customer/i, pick(random, ['"customer"', '"CUSTOMER"', '"Customer"', '`customer`', 'customer$', 'cust\u200bomer', 'employee']));
    else text = text.slice(0, at) + pick(random, glued) + text.slice(at);
  }
  return text;
}

/** What the guard's tokens print as, split by a reader; comparing these catches any reader disagreement. */
function sandboxTokens(canonical: string): string[] {
  return tokenize(canonical).map((token) => token.text);
}

function trinoTokens(canonical: string): string[] {
  // Channel 0 only: whitespace and comments go to hidden channels.
  return lexSuiteQL(canonical)
    .filter((token) => token.channel === 0)
    .map((token) => token.text ?? '');
}

interface Outcome {
  allowed: number;
  translated: number;
}

function probe(query: string, outcome: Outcome): void {
  const read = checkSuiteQLRead(query, defaultSuiteQLLimits);
  const decision = decide(policy, { agentId: agent.id, accountId, action: 'suiteql', query: read.ok ? read.canonical : query }, { tablesReadBy: () => read });
  if (!decision.allowed) return;
  outcome.allowed++;
  if (!read.ok) throw new Error(`allowed without a check: ${query}`);
  // Both readers must split the printed text into exactly the tokens the guard checked, one for one.
  const printed = canonicalSuiteQL(query, defaultSuiteQLLimits);
  if (!printed.ok) throw new Error(`checked but not printable: ${query}`);
  expect(printed.text).toBe(read.canonical);
  const guardTokens = printed.tokens.map((token) => token.text);
  expect(sandboxTokens(read.canonical), JSON.stringify(query)).toEqual(guardTokens);
  expect(trinoTokens(read.canonical), JSON.stringify(query)).toEqual(guardTokens);
  let tablesRead: string[];
  try {
    tablesRead = translateSuiteQL(read.canonical, { tables: fixtureTables }).tablesRead;
  } catch (error) {
    if (error instanceof SuiteQLQueryError) return; // The executor refuses it: nothing is read.
    throw error;
  }
  outcome.translated++;
  for (const table of tablesRead) expect(granted.has(table), `${JSON.stringify(query)} runs as ${read.canonical} and reads ${table}`).toBe(true);
  for (const table of read.tables) expect(granted.has(table)).toBe(true);
}

// Thousands of parses: a loaded machine needs more than the default 5 s per test (a runner limit, not a timing check).
describe('agent guard properties (seeded)', () => {
  it('random token soups never give an allowed call that reads an ungranted table', () => {
    const random = mulberry32(0x5eed1);
    const outcome = { allowed: 0, translated: 0 };
    for (let i = 0; i < 1500; i++) probe(soup(random), outcome);
    // The soups are mostly refused; the few allowed ones were all checked above.
    expect(outcome.allowed).toBeGreaterThanOrEqual(0);
  }, 120_000);

  it('mutations of legitimate queries never give an allowed call that reads an ungranted table', () => {
    const random = mulberry32(0x5eed2);
    const outcome = { allowed: 0, translated: 0 };
    for (let i = 0; i < 1500; i++) probe(mutate(random, pick(random, legitimate)), outcome);
    // Many mutations (case changes, ordinary spaces, comments) stay legitimate: the property is not vacuous.
    expect(outcome.allowed).toBeGreaterThan(100);
    expect(outcome.translated).toBeGreaterThan(50);
  }, 120_000);

  it('the oracle would have caught the old design, which sent the agent text the Trino grammar had checked', () => {
    // Trino reads one identifier 1FROM (a column alias), the executor reads 1, FROM: the token lists differ.
    const original = 'SELECT email, 1FROM employee';
    expect(trinoTokens(original)).not.toEqual(sandboxTokens(original));
    expect(translateSuiteQL(original, { tables: fixtureTables }).tablesRead).toEqual(['employee']);
    expect(checkSuiteQLRead(original, defaultSuiteQLLimits).ok).toBe(false);
  });

  it('the legitimate queries themselves are allowed and run as printed', () => {
    const outcome = { allowed: 0, translated: 0 };
    for (const query of legitimate) probe(query, outcome);
    expect(outcome.allowed).toBe(legitimate.length);
  });
});
