import { describe, expect, it } from 'vitest';
import type { AgentIdentity } from '../../src/agents/agent';
import { decide, type DecisionContext, type PolicyRequest } from '../../src/agents/policy';
import { emptyAgentPolicy, type AgentPolicy, type Grant } from '../../src/agents/policyDocument';
import { withAgent, withGrant } from '../../src/agents/policyEdits';
import { tablesReadBy } from '../../src/suiteql/tables';

const SB = '1234567_SB1';
const PROD = '1234567';
const helper: AgentIdentity = { id: 'helper', name: 'Helper', kind: 'mcp' };
const accountRecordTypes = ['customer', 'vendor', 'employee', 'contact', 'salesOrder', 'invoice'];
const context: DecisionContext = { tablesReadBy, accountRecordTypes };

function policyWith(grants: Omit<Grant, 'agentId'>[]): AgentPolicy {
  return grants.reduce((policy, grant) => withGrant(policy, { ...grant, agentId: helper.id }), withAgent(emptyAgentPolicy(), helper));
}

const suiteql = (accountId: string, query: string): PolicyRequest => ({ agentId: helper.id, accountId, action: 'suiteql', query });

/** The policy with every missing grant switched on, as "Grant What This Needed…" writes it. */
function granting(policy: AgentPolicy, request: PolicyRequest): AgentPolicy {
  const { missing = [] } = decide(policy, request, context);
  return missing.reduce((widened, grant) => withGrant(widened, { agentId: helper.id, accountId: request.accountId, recordType: grant.recordType, level: grant.level }), policy);
}

describe('agent policy: the grants a refused call lacked', () => {
  it('names the family key for a family line table, not the line table or every member type', () => {
    const decision = decide(policyWith([{ accountId: SB, recordType: 'customer', level: 'read' }]), suiteql(SB, 'SELECT tl.item FROM transactionline tl'), context);
    expect(decision.allowed).toBe(false);
    expect(decision.reason).toMatch(/needs View on transaction or on every transaction type/);
    expect(decision.missing).toEqual([{ recordType: 'transaction', level: 'read', neededFor: 'transactionline' }]);
  });

  it('lists every table the query lacks, BUILTIN.DF targets included, while the reason still names only a named table', () => {
    const policy = policyWith([{ accountId: SB, recordType: 'customer', level: 'read' }]);
    const query = 'SELECT t.tranid, BUILTIN.DF(t.entity) AS who, s.name FROM transaction t JOIN customer c ON c.id = t.entity JOIN customerstatus s ON s.id = c.entitystatus';
    const decision = decide(policy, suiteql(SB, query), context);
    expect(decision.reason).not.toMatch(/entity record/);
    expect(decision.missing).toEqual([
      { recordType: 'customerstatus', level: 'read', neededFor: 'customerstatus' },
      { recordType: 'transaction', level: 'read', neededFor: 'transaction' },
      { recordType: 'entity', level: 'read', neededFor: 'BUILTIN.DF(t.entity)' },
    ]);
    expect(decide(granting(policy, suiteql(SB, query)), suiteql(SB, query), context)).toMatchObject({ allowed: true });
  });

  it('names a table once, whether the query reads it twice or its family through two line tables', () => {
    const query = 'SELECT 1 FROM transaction t JOIN transactionline l ON l.transaction = t.id JOIN term a ON a.id = t.terms JOIN term b ON b.id = t.terms';
    const { missing } = decide(policyWith([]), suiteql(SB, query), context);
    expect(missing?.map((grant) => grant.recordType)).toEqual(['term', 'transaction']);
  });

  it('asks for an explicit switch on production, where the wildcard counts for nothing', () => {
    const policy = policyWith([{ accountId: PROD, recordType: '*', level: 'full' }]);
    const decision = decide(policy, suiteql(PROD, 'SELECT id FROM currency'), context);
    expect(decision.reason).toBe('denied: the query reads currency: production account needs an explicit grant for currency');
    expect(decision.missing).toEqual([{ recordType: 'currency', level: 'read', neededFor: 'currency' }]);
    expect(decide(granting(policy, suiteql(PROD, 'SELECT id FROM currency')), suiteql(PROD, 'SELECT id FROM currency'), context).allowed).toBe(true);
  });

  it('offers the switch an explicit Off blocks, even under a wildcard', () => {
    const policy = policyWith([{ accountId: SB, recordType: '*', level: 'read' }, { accountId: SB, recordType: 'item', level: 'none' }]);
    expect(decide(policy, suiteql(SB, 'SELECT itemid FROM item'), context).missing).toEqual([{ recordType: 'item', level: 'read', neededFor: 'item' }]);
  });

  it('offers nothing when the refusal is not about a grant', () => {
    const policy = policyWith([{ accountId: SB, recordType: '*', level: 'read' }]);
    expect(decide(policy, suiteql(SB, 'SELECT FROM WHERE'), context)).toMatchObject({ allowed: false });
    expect(decide(policy, suiteql(SB, 'SELECT FROM WHERE'), context).missing).toBeUndefined();
    const untraceable = decide(policy, suiteql(SB, 'SELECT BUILTIN.DF(t.custbody_approver) FROM transaction t'), context);
    expect(untraceable.allowed).toBe(false);
    expect(untraceable.missing).toBeUndefined();
    expect(decide(policy, { agentId: 'stranger', accountId: SB, action: 'read', recordType: 'customer' }, context).missing).toBeUndefined();
  });

  it('asks for the level a record action needs: Create to create, Edit to update, Full to delete, both ends of a transform', () => {
    const policy = policyWith([{ accountId: SB, recordType: 'invoice', level: 'read' }]);
    const request = (action: 'create' | 'update' | 'delete'): PolicyRequest => ({ agentId: helper.id, accountId: SB, action, recordType: 'invoice' });
    expect(decide(policy, request('create'), context).missing).toEqual([{ recordType: 'invoice', level: 'create', neededFor: 'create invoice' }]);
    expect(decide(policy, request('update'), context).missing).toEqual([{ recordType: 'invoice', level: 'write', neededFor: 'update invoice' }]);
    expect(decide(policy, request('delete'), context).missing).toEqual([{ recordType: 'invoice', level: 'full', neededFor: 'delete invoice' }]);
    const transform: PolicyRequest = { agentId: helper.id, accountId: SB, action: 'transform', recordType: 'salesOrder', targetType: 'invoice' };
    expect(decide(policy, transform, context).missing).toEqual([
      { recordType: 'salesOrder', level: 'write', neededFor: 'transforming salesOrder' },
      { recordType: 'invoice', level: 'create', neededFor: 'creating invoice' },
    ]);
    expect(decide(granting(policy, transform), transform, context).allowed).toBe(true);
  });
});
