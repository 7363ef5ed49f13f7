import { describe, expect, it } from 'vitest';
import type { AgentIdentity } from '../../src/agents/agent';
import { auditSentence } from '../../src/agents/auditSentence';
import { decide, type DecisionContext } from '../../src/agents/policy';
import { emptyAgentPolicy, type AgentPolicy, type Grant } from '../../src/agents/policyDocument';
import { withAgent, withGrant } from '../../src/agents/policyEdits';
import { tablesReadBy } from '../../src/suiteql/tables';

const SB = '1234567_SB1';
const reporter: AgentIdentity = { id: 'reporter', name: 'Reporter', kind: 'mcp' };
const accountRecordTypes = ['customer', 'vendor', 'employee', 'contact', 'salesorder', 'invoice', 'customrecord_milestone'];
const context: DecisionContext = { tablesReadBy, accountRecordTypes };

function policyGranting(...recordTypes: string[]): AgentPolicy {
  return recordTypes.reduce(
    (policy, recordType) => withGrant(policy, { agentId: reporter.id, accountId: SB, recordType, level: 'read' } satisfies Grant),
    withAgent(emptyAgentPolicy(), reporter),
  );
}

function decideQuery(policy: AgentPolicy, query: string, extra: Partial<DecisionContext> = {}) {
  return decide(policy, { agentId: reporter.id, accountId: SB, action: 'suiteql', query }, { ...context, ...extra });
}

const entityNames = 'SELECT t.tranid, BUILTIN.DF(t.entity) AS customer FROM transaction t';
const entityRefusal =
  "denied: BUILTIN.DF(t.entity) shows the name of the entity record that transaction.entity points to, so it reads entity, which needs View on entity or on every entity type (contact not granted)";

describe('agent policy: BUILTIN.DF reads the table its column points to', () => {
  it('refuses names through BUILTIN.DF(t.entity) to an agent granted only transactions', () => {
    const transactionsOnly = policyGranting('transaction');
    expect(decideQuery(transactionsOnly, 'SELECT t.tranid, t.entity FROM transaction t')).toMatchObject({ allowed: true });
    expect(decideQuery(transactionsOnly, entityNames)).toEqual({
      allowed: false,
      reason: entityRefusal,
      missing: [{ recordType: 'entity', level: 'read', neededFor: 'BUILTIN.DF(t.entity)' }],
    });
  });

  it('allows it once the entity family is granted; every REST entity type is not enough', () => {
    expect(decideQuery(policyGranting('transaction', 'entity'), entityNames)).toMatchObject({ allowed: true, reason: "allowed by 'transaction: View', 'entity: View'" });
    // The entity table also holds Other Names, Groups and Generic Resources, which have no record type to switch on.
    const everyEntityType = policyGranting('transaction', 'customer', 'vendor', 'employee', 'contact');
    expect(decideQuery(everyEntityType, entityNames)).toMatchObject({
      allowed: false,
      reason: expect.stringContaining("Other Name (OtherName) rows have no record type to switch on; only 'entity: View' covers them"),
    });
    // Customers alone are not enough: transaction.entity also points at vendors and employees.
    expect(decideQuery(policyGranting('transaction', 'customer'), entityNames).reason).toMatch(/which needs View on entity or on every entity type \((vendor|employee|contact) not granted\)/);
  });

  it("refuses a sales rep's name on a customer query until employees are granted", () => {
    const query = 'SELECT c.companyname, BUILTIN.DF(c.salesrep) AS rep FROM customer c';
    expect(decideQuery(policyGranting('customer'), query)).toEqual({
      allowed: false,
      reason: 'denied: BUILTIN.DF(c.salesrep) shows the name of the employee record that customer.salesrep points to, so it reads employee: employee not granted',
      missing: [{ recordType: 'employee', level: 'read', neededFor: 'BUILTIN.DF(c.salesrep)' }],
    });
    expect(decideQuery(policyGranting('customer', 'employee'), query)).toMatchObject({ allowed: true, reason: "allowed by 'customer: View', 'employee: View'" });
  });

  it('allows a list or plain column shown through BUILTIN.DF with the table grant alone', () => {
    const transactionsOnly = policyGranting('transaction');
    expect(decideQuery(transactionsOnly, 'SELECT BUILTIN.DF(t.status), BUILTIN.DF(t.type), BUILTIN.DF(t.memo) FROM transaction t')).toMatchObject({
      allowed: true,
      reason: "allowed by 'transaction: View'",
    });
  });

  it('refuses a column whose target is unknown, telling the agent to join the table instead', () => {
    expect(decideQuery(policyGranting('*'), 'SELECT BUILTIN.DF(t.custbody_approver) FROM transaction t')).toEqual({
      allowed: false,
      reason:
        "denied: BUILTIN.DF(t.custbody_approver) shows the name of the record transaction.custbody_approver points to, but transaction.custbody_approver is a custom field whose target the account's catalog does not give, so the table it reads cannot be checked; join that table explicitly instead of BUILTIN.DF(t.custbody_approver)",
    });
    expect(decideQuery(policyGranting('*'), 'SELECT BUILTIN.DF(NVL(t.entity, t.employee)) FROM transaction t').reason).toMatch(
      /^denied: BUILTIN.DF\(NVL\(t.entity,t.employee\)\) can show names from a table the query does not name, but its argument .* is an expression, not a column, so SuiteLens cannot check which; join that table explicitly instead of BUILTIN.DF/,
    );
  });

  it('resolves each alias in its own query block: an inner alias shadows the outer one', () => {
    // The inner `c` is a transaction, so BUILTIN.DF(c.entity) reads entity; the outer `c` is a customer.
    const shadowed = "SELECT c.companyname FROM customer c WHERE EXISTS (SELECT 1 FROM transaction c WHERE BUILTIN.DF(c.entity) LIKE 'A%')";
    expect(decideQuery(policyGranting('customer', 'transaction'), shadowed).reason).toMatch(/^denied: BUILTIN.DF\(c.entity\) shows the name of the entity record that transaction.entity points to/);
    expect(decideQuery(policyGranting('customer', 'transaction', 'entity'), shadowed)).toMatchObject({ allowed: true });
    // A correlated reference to the outer customer reads the customer's sales rep.
    const correlated = "SELECT c.id FROM customer c WHERE EXISTS (SELECT 1 FROM transaction t WHERE t.entity = c.id AND BUILTIN.DF(c.salesrep) = 'Ann')";
    expect(decideQuery(policyGranting('customer', 'transaction'), correlated).reason).toBe(
      'denied: BUILTIN.DF(c.salesrep) shows the name of the employee record that customer.salesrep points to, so it reads employee: employee not granted',
    );
  });

  it("follows a custom field through the account's catalog schema when the policy is given it", () => {
    const query = 'SELECT BUILTIN.DF(c.custentity_milestone) FROM customer c';
    const recordTypeSchemas = { customer: { properties: { custentity_milestone: { $ref: '/services/rest/record/v1/metadata-catalog/customrecord_milestone' } } } };
    expect(decideQuery(policyGranting('customer'), query).reason).toMatch(/is a custom field whose target the account's catalog does not give/);
    expect(decideQuery(policyGranting('customer'), query, { recordTypeSchemas }).reason).toBe(
      'denied: BUILTIN.DF(c.custentity_milestone) shows the name of the customrecord_milestone record that customer.custentity_milestone points to, so it reads customrecord_milestone: customrecord_milestone not granted',
    );
    expect(decideQuery(policyGranting('customer', 'customrecord_milestone'), query, { recordTypeSchemas })).toMatchObject({ allowed: true });
  });

  it('checks the tables the query names first, so a refusal says nothing about the columns of a table not granted', () => {
    const recordTypeSchemas = { customer: { properties: { custentity_legacy: { $ref: '/services/rest/record/v1/metadata-catalog/nsResource' } } } };
    const query = 'SELECT BUILTIN.DF(c.custentity_legacy) FROM customer c';
    expect(decideQuery(policyGranting('transaction'), query, { recordTypeSchemas }).reason).toBe('denied: the query reads customer: customer not granted');
    expect(decideQuery(policyGranting('customer'), query, { recordTypeSchemas }).reason).toMatch(/an untyped nsResource reference/);
  });

  it('writes the refusal in the activity log as a plain-English sentence', () => {
    const decision = decideQuery(policyGranting('transaction'), entityNames);
    const sentence = auditSentence(
      { agent: reporter, accountId: SB, tool: 'suitelens_run_suiteql', action: 'suiteql', query: entityNames, arguments: {}, decision: 'denied', reason: decision.reason },
      'sandbox',
    );
    expect(sentence).toBe(
      'Reporter tried to run SuiteQL "SELECT t.tranid, BUILTIN.DF(t.entity) AS customer FROM transaction t" on 1234567_SB1 — denied: BUILTIN.DF(t.entity) shows the name of the entity record that transaction.entity points to, so it reads entity, which needs View on entity or on every entity type (contact not granted)',
    );
  });
});
