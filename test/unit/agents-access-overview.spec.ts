import { describe, expect, it } from 'vitest';
import { accessOverview, suiteqlTablesOverview } from '../../src/agents/accessOverview';
import { decide } from '../../src/agents/policy';
import { emptyAgentPolicy } from '../../src/agents/policyDocument';
import { withAgent, withGrant } from '../../src/agents/policyEdits';
import { tablesReadBy } from '../../src/suiteql/tables';

const agent = { id: 'billing-helper', name: 'Billing helper', kind: 'mcp' as const };
const types = ['customer', 'invoice', 'employee'];

function policyWith(accountId: string) {
  let policy = withAgent(emptyAgentPolicy(), agent);
  policy = withGrant(policy, { agentId: agent.id, accountId, recordType: '*', level: 'read' });
  policy = withGrant(policy, { agentId: agent.id, accountId, recordType: 'invoice', level: 'full' });
  policy = withGrant(policy, { agentId: agent.id, accountId, recordType: 'employee', level: 'none' });
  return withGrant(policy, { agentId: agent.id, accountId, recordType: 'customrecord_extra', level: 'write' });
}

describe('access overview', () => {
  it('shows each type with the level the agent really has and where it comes from', () => {
    const rows = accessOverview(policyWith('1234567_SB1'), agent.id, '1234567_SB1', types);
    expect(rows.map(({ recordType, level, source }) => ({ recordType, level, source }))).toEqual([
      { recordType: 'customer', level: 'read', source: 'wildcard' },
      { recordType: 'invoice', level: 'full', source: 'explicit' },
      { recordType: 'employee', level: 'none', source: 'explicit' },
    ]);
  });

  it('lists the three families and every granted non-catalog table as SuiteQL tables, not as record types', () => {
    let policy = policyWith('1234567_SB1');
    policy = withGrant(policy, { agentId: agent.id, accountId: '1234567_SB1', recordType: 'transaction', level: 'read' });
    policy = withGrant(policy, { agentId: agent.id, accountId: '1234567_SB1', recordType: 'customerstatus', level: 'read' });
    const rows = suiteqlTablesOverview(policy, agent.id, '1234567_SB1', types);
    expect(rows.map(({ recordType, level, source, description }) => ({ recordType, level, source, description }))).toEqual([
      { recordType: 'transaction', level: 'read', source: 'explicit', description: 'every transaction type, for SuiteQL' },
      { recordType: 'item', level: 'read', source: 'wildcard', description: 'every item type, for SuiteQL' },
      { recordType: 'entity', level: 'read', source: 'wildcard', description: 'every entity type, for SuiteQL' },
      { recordType: 'customrecord_extra', level: 'write', source: 'explicit', description: 'a SuiteQL table, not a record type of this account' },
      { recordType: 'customerstatus', level: 'read', source: 'explicit', description: 'a SuiteQL table, not a record type of this account' },
    ]);
    expect(rows[0].family?.grantKey).toBe('transaction');
    expect(rows[3].family).toBeUndefined();
    // Neither a family key nor a non-catalog table shows among the record types as well.
    expect(accessOverview(policy, agent.id, '1234567_SB1', [...types, 'transaction']).map((row) => row.recordType)).toEqual(types);
  });

  it('on production the families are off under a wildcard and on only by their own switch', () => {
    let policy = policyWith('1234567');
    policy = withGrant(policy, { agentId: agent.id, accountId: '1234567', recordType: 'item', level: 'read' });
    const [transaction, item] = suiteqlTablesOverview(policy, agent.id, '1234567', types);
    expect(transaction).toMatchObject({ recordType: 'transaction', level: 'none', source: 'none', wildcardIgnoredOnProduction: true });
    expect(item).toMatchObject({ recordType: 'item', level: 'read', source: 'explicit' });
  });

  it('agrees with the SuiteQL decision for every family and table row', () => {
    const tableOf: Record<string, string> = { transaction: 'transactionline', item: 'item', entity: 'entity' };
    for (const accountId of ['1234567_SB1', '1234567']) {
      let policy = policyWith(accountId);
      policy = withGrant(policy, { agentId: agent.id, accountId, recordType: 'entity', level: 'none' });
      policy = withGrant(policy, { agentId: agent.id, accountId, recordType: 'term', level: 'read' });
      for (const row of suiteqlTablesOverview(policy, agent.id, accountId, types)) {
        const query = `SELECT COUNT(*) FROM ${tableOf[row.recordType] ?? row.recordType}`;
        const decision = decide(policy, { agentId: agent.id, accountId, action: 'suiteql', query }, { tablesReadBy, accountRecordTypes: types });
        expect(decision.allowed, `${accountId} ${query}`).toBe(!row.blockedByMember && (row.level !== 'none' || row.coveredByMembers === true));
      }
    }
  });

  it('never counts a family as covered by its member types: every family holds types no switch can grant', () => {
    const [transaction] = suiteqlTablesOverview(policyWith('1234567'), agent.id, '1234567', types);
    // The only transaction type this account's catalog has is invoice, granted in full; the transaction table still
    // holds statement charges, paychecks, currency revaluations… so decide refuses it, and the view agrees.
    expect(transaction).toMatchObject({ recordType: 'transaction', level: 'none' });
    expect(transaction.coveredByMembers).toBeUndefined();
    const decision = decide(policyWith('1234567'), { agentId: agent.id, accountId: '1234567', action: 'suiteql', query: 'SELECT id FROM transaction' }, { tablesReadBy, accountRecordTypes: types });
    expect(decision).toMatchObject({ allowed: false, reason: expect.stringContaining("Statement Charge (CustChrg) rows have no record type to switch on; only 'transaction: View' covers them") });
  });

  it('says when a member type switched off keeps SuiteQL out of its family, whatever the family switch says', () => {
    const [, , entity] = suiteqlTablesOverview(policyWith('1234567_SB1'), agent.id, '1234567_SB1', types);
    expect(entity).toMatchObject({ recordType: 'entity', level: 'read', source: 'wildcard', blockedByMember: 'employee' });
  });

  it('shows that a wildcard gives nothing on production', () => {
    const [customer, invoice] = accessOverview(policyWith('1234567'), agent.id, '1234567', types);
    expect(customer).toMatchObject({ level: 'none', source: 'none', wildcardIgnoredOnProduction: true });
    expect(invoice).toMatchObject({ level: 'full', source: 'explicit' });
  });

  it('agrees with the policy decision for every row', () => {
    for (const accountId of ['1234567_SB1', '1234567']) {
      const policy = policyWith(accountId);
      for (const row of accessOverview(policy, agent.id, accountId, types)) {
        const decision = decide(policy, { agentId: agent.id, accountId, action: 'read', recordType: row.recordType }, { tablesReadBy });
        expect(decision.allowed, `${accountId} ${row.recordType}`).toBe(row.level !== 'none');
      }
    }
  });
});
