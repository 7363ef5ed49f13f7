/**
 * Pure edits of an agent policy. Each returns a new policy so the caller can show the change for confirmation and
 * store it in one step.
 */
import { netsuiteLevelNames } from './accessLevel';
import { canonicalAccountId } from './accountEnvironment';
import type { AgentIdentity } from './agent';
import type { AgentPolicy, Grant } from './policyDocument';

export function sameRecordType(left: string, right: string): boolean {
  // NetSuite treats record type names case-insensitively (`salesOrder` = `salesorder`), so grants must too.
  return left.toLowerCase() === right.toLowerCase();
}

export function findAgent(policy: AgentPolicy, agentId: string): AgentIdentity | undefined {
  return policy.agents.find((agent) => agent.id === agentId);
}

export function withAgent(policy: AgentPolicy, agent: AgentIdentity): AgentPolicy {
  return { ...policy, agents: [...policy.agents.filter((known) => known.id !== agent.id), agent] };
}

/** Removing an agent removes its grants too, so re-adding the same id later starts from nothing. */
export function withoutAgent(policy: AgentPolicy, agentId: string): AgentPolicy {
  return {
    ...policy,
    agents: policy.agents.filter((agent) => agent.id !== agentId),
    grants: policy.grants.filter((grant) => grant.agentId !== agentId),
  };
}

function sameAccount(left: string, right: string): boolean {
  return canonicalAccountId(left) === canonicalAccountId(right);
}

function isSameSwitch(grant: Grant, agentId: string, accountId: string, recordType: string): boolean {
  return grant.agentId === agentId && sameAccount(grant.accountId, accountId) && sameRecordType(grant.recordType, recordType);
}

/**
 * Sets one switch. An explicit `none` is kept (it overrides a wildcard for that type); use `withoutGrant` to fall
 * back to the wildcard.
 */
export function withGrant(policy: AgentPolicy, grant: Grant): AgentPolicy {
  if (!findAgent(policy, grant.agentId)) throw new Error(`Cannot grant access to unknown agent '${grant.agentId}'.`);
  const others = policy.grants.filter((known) => !isSameSwitch(known, grant.agentId, grant.accountId, grant.recordType));
  return { ...policy, grants: [...others, { ...grant, accountId: canonicalAccountId(grant.accountId) }] };
}

export function withoutGrant(policy: AgentPolicy, agentId: string, accountId: string, recordType: string): AgentPolicy {
  return { ...policy, grants: policy.grants.filter((grant) => !isSameSwitch(grant, agentId, accountId, recordType)) };
}

export function grantsOf(policy: AgentPolicy, agentId: string, accountId: string): Grant[] {
  return policy.grants.filter((grant) => grant.agentId === agentId && sameAccount(grant.accountId, accountId));
}

/** How a grant reads in reasons and the access view, in NetSuite's level names: `customer: View`. */
export function grantLabel(grant: Pick<Grant, 'recordType' | 'level'>): string {
  return `${grant.recordType}: ${netsuiteLevelNames[grant.level]}`;
}
