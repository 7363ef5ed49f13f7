import { describe, expect, it } from 'vitest';
import { accessOverview } from '../../src/agents/accessOverview';
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
      { recordType: 'customrecord_extra', level: 'write', source: 'explicit' },
    ]);
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
