/**
 * An explicit `none` on a member type always wins over the wildcard and the family grant — for the family tables a
 * query names and for those it reads through BUILTIN.DF — and a wildcard never passes a table named `*`.
 */
import { describe, expect, it } from 'vitest';
import type { AgentIdentity } from '../../src/agents/agent';
import { decide, type DecisionContext } from '../../src/agents/policy';
import type { AccessLevel } from '../../src/agents/accessLevel';
import { emptyAgentPolicy, type AgentPolicy } from '../../src/agents/policyDocument';
import { withAgent, withGrant } from '../../src/agents/policyEdits';
import { recordFamilies, type SuiteQLTableReader, type TablesReadResult } from '../../src/agents/suiteqlAccess';
import { tablesReadBy } from '../../src/suiteql/tables';

const SB = '1234567_SB1';
const PROD = '1234567';
const reporter: AgentIdentity = { id: 'reporter', name: 'Reporter', kind: 'mcp' };
const accountRecordTypes = ['customer', 'vendor', 'employee', 'contact', 'salesOrder', 'invoice', 'customtransaction_expense'];

function policyOf(accountId: string, switches: Record<string, AccessLevel>): AgentPolicy {
  return Object.entries(switches).reduce(
    (policy, [recordType, level]) => withGrant(policy, { agentId: reporter.id, accountId, recordType, level }),
    withAgent(emptyAgentPolicy(), reporter),
  );
}

function run(policy: AgentPolicy, query: string, accountId = SB, context: Partial<DecisionContext> = {}) {
  return decide(policy, { agentId: reporter.id, accountId, action: 'suiteql', query }, { tablesReadBy, accountRecordTypes, ...context });
}

describe('an explicit none on a member type wins over the wildcard and the family grant', () => {
  const familyQueries = [
    ['transaction', 'SELECT id, tranid FROM transaction'],
    ['transactionline', 'SELECT tl.id FROM transactionline tl'],
    ['transaction joined', 'SELECT t.id FROM customer c JOIN transaction t ON t.entity = c.id'],
  ] as const;

  for (const [name, query] of familyQueries) {
    it(`refuses ${name} under the wildcard when invoice is off`, () => {
      const decision = run(policyOf(SB, { '*': 'read', invoice: 'none' }), query);
      expect(decision.allowed).toBe(false);
      expect(decision.reason).toContain("also holds invoice rows, and 'invoice: None' switches those off");
      expect(decision.missing).toEqual([expect.objectContaining({ recordType: 'invoice', level: 'read' })]);
    });

    it(`refuses ${name} under 'transaction: View' when sales orders are off`, () => {
      expect(run(policyOf(SB, { transaction: 'read', customer: 'read', salesOrder: 'none' }), query)).toMatchObject({ allowed: false, reason: expect.stringContaining("'salesOrder: None'") });
    });
  }

  // Tables granted by their own name that still hold a row per transaction, item or entity (its history, addresses,
  // notes, accounting-line links): the wildcard grants them, but the rows of a switched-off member are in them too.
  it.each([
    ['transaction history', 'SELECT h.transaction FROM transactionhistory h', { '*': 'read', invoice: 'none' }, 'invoice'],
    ['transaction addresses', 'SELECT a.addr1 FROM transactionbillingaddress a', { '*': 'read', invoice: 'none' }, 'invoice'],
    ['accounting-line links', 'SELECT l.previousdoc FROM nexttransactionaccountinglinelink l', { '*': 'read', salesOrder: 'none' }, 'salesOrder'],
    ['recent transactions', 'SELECT r.id FROM recenttransactions r', { '*': 'read', Paycheck: 'none' }, 'Paycheck'],
    ['entity addresses', 'SELECT a.addr1 FROM entityaddress a', { '*': 'read', othername: 'none' }, 'othername'],
    ['entity notes', 'SELECT n.note FROM entitynote n', { '*': 'read', employee: 'none' }, 'employee'],
    ['item prices', 'SELECT p.price FROM itemprice p', { '*': 'read', taxgroup: 'none' }, 'taxgroup'],
  ] as const)('refuses a table holding the family\'s rows (%s) under the wildcard when a member is off', (_name, query, switches, off) => {
    const decision = run(policyOf(SB, switches as Record<string, AccessLevel>), query);
    expect(decision.allowed).toBe(false);
    expect(decision.reason).toContain(`'${off}: None' switches those off`);
    // Without the switch the wildcard still grants it, and a member of another family changes nothing.
    expect(run(policyOf(SB, { '*': 'read' }), query).allowed).toBe(true);
  });

  // Named after one member type: that member's rows, so only that member's switch closes it.
  it.each([
    ['invoice shipping addresses', 'SELECT a.addr1 FROM invoiceitemshippingaddress a', { '*': 'read', invoice: 'none' }, 'invoice', { '*': 'read', salesOrder: 'none' }],
    ['sales-order shipping addresses', 'SELECT a.addr1 FROM salesorderitemshippingaddress a', { '*': 'read', salesOrder: 'none' }, 'salesOrder', { '*': 'read', invoice: 'none' }],
    ['customer-subsidiary relationships', 'SELECT r.entity FROM customersubsidiaryrelationship r', { '*': 'read', customer: 'none' }, 'customer', { '*': 'read', vendor: 'none' }],
    ['other-name addresses', 'SELECT a.addr1 FROM othernameaddressbookentityaddress a', { '*': 'read', othername: 'none' }, 'othername', { '*': 'read', employee: 'none' }],
    ['vendor requests for quote, not vendors', 'SELECT d.id FROM vendorrequestforquoteitemitempricingdiscount d', { '*': 'read', vendorrequestforquote: 'none' }, 'vendorrequestforquote', { '*': 'read', vendor: 'none' }],
    ['inventory item prices', 'SELECT p.price FROM inventoryitemprice p', { '*': 'read', inventoryItem: 'none' }, 'inventoryItem', { '*': 'read', kitItem: 'none' }],
  ] as const)('refuses a table holding one member\'s rows (%s) when that member is off, and only then', (_name, query, switches, off, otherOff) => {
    const decision = run(policyOf(SB, switches as Record<string, AccessLevel>), query);
    expect(decision.allowed).toBe(false);
    expect(decision.reason).toContain(`'${off}: None' switches those off`);
    expect(run(policyOf(SB, otherOff as Record<string, AccessLevel>), query).allowed).toBe(true);
  });

  // Rows about records of any type (field history, notes, email): any explicit none closes them.
  it.each([
    ['system notes', 'SELECT s.field, s.oldvalue, s.newvalue FROM systemnote s', 'invoice'],
    ['user notes', 'SELECT n.note FROM note n', 'customer'],
    ['email messages', 'SELECT m.message FROM message m', 'employee'],
    ['recent records', 'SELECT r.id FROM recentrecord r', 'customrecord_secret'],
  ] as const)('refuses a table about records of every type (%s) when any type is off', (_name, query, off) => {
    const decision = run(policyOf(SB, { '*': 'read', [off]: 'none' }), query);
    expect(decision.allowed).toBe(false);
    expect(decision.reason).toContain(`whose rows are about records of every type, ${off} ones among them, and '${off}: None' switches those off`);
    expect(run(policyOf(SB, { '*': 'read' }), query).allowed).toBe(true);
  });

  it('keeps its own grant for a table holding family rows: the family grant alone does not give it', () => {
    expect(run(policyOf(SB, { transaction: 'read' }), 'SELECT h.transaction FROM transactionhistory h').allowed).toBe(false);
    expect(run(policyOf(SB, { transactionhistory: 'read', entity: 'read', othername: 'none' }), 'SELECT h.transaction FROM transactionhistory h').allowed).toBe(true);
  });

  it('counts custom transaction types and members without a REST record type as members', () => {
    expect(run(policyOf(SB, { transaction: 'read', customtransaction_expense: 'none' }), 'SELECT id FROM transaction').allowed).toBe(false);
    expect(run(policyOf(SB, { transaction: 'read', Paycheck: 'none' }), 'SELECT id FROM transaction').allowed).toBe(false);
    expect(run(policyOf(SB, { entity: 'read', othername: 'none' }), 'SELECT id, entityid FROM entity').allowed).toBe(false);
    expect(run(policyOf(SB, { '*': 'read', genericresource: 'none' }), 'SELECT id FROM entity').allowed).toBe(false);
    // The switch keeps its family only: an entity switched off does not close the transaction table.
    expect(run(policyOf(SB, { transaction: 'read', othername: 'none' }), 'SELECT id FROM transaction').allowed).toBe(true);
  });

  it('refuses the entity table read through BUILTIN.DF when a member entity type is off', () => {
    const names = 'SELECT t.tranid, BUILTIN.DF(t.entity) AS name FROM transaction t';
    expect(run(policyOf(SB, { transaction: 'read', entity: 'read' }), names)).toMatchObject({ allowed: true });
    for (const switches of [
      { '*': 'read', employee: 'none' },
      { transaction: 'read', entity: 'read', employee: 'none' },
      { transaction: 'read', entity: 'read', entitygroup: 'none' },
    ] as Record<string, AccessLevel>[]) {
      const decision = run(policyOf(SB, switches), names);
      expect(decision.allowed, JSON.stringify(switches)).toBe(false);
      expect(decision.reason).toMatch(/^denied: BUILTIN\.DF\(t\.entity\) shows the name of the entity record that transaction\.entity points to, so it reads entity, which also holds \w+ rows/);
    }
  });

  it('refuses the transaction table read through BUILTIN.DF when a transaction type is off', () => {
    const query = 'SELECT tl.id, BUILTIN.DF(tl.transaction) FROM transactionline tl';
    expect(run(policyOf(SB, { '*': 'read' }), query).allowed).toBe(true);
    expect(run(policyOf(SB, { '*': 'read', journalEntry: 'none' }), query)).toMatchObject({ allowed: false, reason: expect.stringContaining("'journalEntry: None'") });
  });
});

describe('families list every member NetSuite has', () => {
  const family = (key: string) => recordFamilies.find((each) => each.grantKey === key)!;

  it('lists entity rows without a record type and transaction types without a REST record', () => {
    expect(family('entity').membersWithoutRecordType.map((member) => member.switchName)).toEqual(expect.arrayContaining(['othername', 'entitygroup', 'genericresource']));
    expect(family('transaction').membersWithoutRecordType.map((member) => member.typeCode)).toEqual(expect.arrayContaining(['CustChrg', 'Paycheck', 'FxReval', 'GLImpactAdj']));
    // A project task and a customer-subsidiary relationship are records of their own, not rows of `entity`.
    expect(family('entity').memberTypes).not.toContain('projectTask');
    expect(family('entity').memberTypes).not.toContain('customerSubsidiaryRelationship');
  });

  it('requires the family grant: every REST member type granted still does not read the family table', () => {
    const everyRestEntity = policyOf(SB, { customer: 'read', vendor: 'read', employee: 'read', contact: 'read' });
    expect(run(everyRestEntity, 'SELECT id FROM entity')).toMatchObject({ allowed: false, reason: expect.stringContaining("only 'entity: View' covers them") });
    const everyRestTransaction = policyOf(SB, { salesOrder: 'read', invoice: 'read', customtransaction_expense: 'read' });
    expect(run(everyRestTransaction, 'SELECT id FROM transaction')).toMatchObject({ allowed: false, reason: expect.stringContaining('Statement Charge (CustChrg)') });
  });
});

/** A reader that reads a real query and reports `tables` instead: a parse the real reader may never produce. */
function readerReporting(tables: string[]): SuiteQLTableReader {
  const read = tablesReadBy('SELECT id FROM customer');
  if (!read.ok) throw new Error(read.reason);
  return (): TablesReadResult => ({ ...read, tables });
}

describe('a wildcard never passes a table named *', () => {
  // Whatever the parser makes of `"*"`, a reader that reports a table literally named `*` must be refused.
  const starTable = readerReporting(['*']);
  const quotedStar = readerReporting(['"*"']);

  for (const accountId of [PROD, SB]) {
    it(`refuses it on ${accountId === PROD ? 'production' : 'a sandbox'}`, () => {
      const policy = policyOf(accountId, { '*': 'full', customer: 'read' });
      for (const tablesReadByStub of [starTable, quotedStar]) {
        const decision = run(policy, 'SELECT id FROM "*"', accountId, { tablesReadBy: tablesReadByStub });
        expect(decision.allowed).toBe(false);
        expect(decision.reason).toContain('the wildcard is a grant, never a table');
      }
      expect(run(policy, 'SELECT id FROM "*"', accountId).allowed).toBe(false);
      expect(decide(policy, { agentId: reporter.id, accountId, action: 'read', recordType: '*' }, { tablesReadBy }).allowed).toBe(false);
    });
  }

  it('still ignores the wildcard on production for every other name', () => {
    const policy = policyOf(PROD, { '*': 'full', customer: 'read' });
    expect(run(policy, 'SELECT id FROM customer', PROD).allowed).toBe(true);
    for (const table of ['vendor', 'transaction', 'customrecord_x', ' *', '**']) {
      expect(run(policy, 'SELECT 1 FROM dual', PROD, { tablesReadBy: readerReporting([table]) }).allowed, table).toBe(false);
    }
  });
});
