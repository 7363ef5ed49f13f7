/**
 * What an agent may do on one account, type by type, as the access view shows it ("Read customers: Off / Read /
 * Full"). Computed with the same rules as `decide`, so the switches a person sees are the access the agent has —
 * including that a wildcard counts for nothing on production.
 */
import type { AccessLevel } from './accessLevel';
import { accountEnvironment } from './accountEnvironment';
import { wildcardRecordType, type AgentPolicy, type Grant } from './policyDocument';
import { grantsOf, sameRecordType } from './policyEdits';

export interface RecordTypeAccess {
  recordType: string;
  /** The level the agent effectively holds. */
  level: AccessLevel;
  /** Where it comes from: a switch for this type, the wildcard, or nothing. */
  source: 'explicit' | 'wildcard' | 'none';
  /** The grant that applies, if any. */
  grant?: Grant;
  /** True when a wildcard exists but does not apply because the account is production. */
  wildcardIgnoredOnProduction?: boolean;
}

/**
 * The grant that applies to one record type: an explicit grant wins (even `none`, which switches a type off under a
 * wildcard); otherwise the wildcard — except on production accounts, where a wildcard never counts.
 */
export function effectiveAccess(grants: readonly Grant[], accountId: string, recordType: string): RecordTypeAccess {
  const explicit = grants.find((grant) => sameRecordType(grant.recordType, recordType));
  if (explicit) return { recordType, level: explicit.level, source: 'explicit', grant: explicit };
  const wildcard = grants.find((grant) => grant.recordType === wildcardRecordType && grant.level !== 'none');
  if (!wildcard) return { recordType, level: 'none', source: 'none' };
  if (accountEnvironment(accountId) === 'production') return { recordType, level: 'none', source: 'none', wildcardIgnoredOnProduction: true };
  return { recordType, level: wildcard.level, source: 'wildcard', grant: wildcard };
}

/** One row per record type of the account (plus any type granted that the catalog does not list). */
export function accessOverview(policy: AgentPolicy, agentId: string, accountId: string, recordTypes: readonly string[]): RecordTypeAccess[] {
  const grants = grantsOf(policy, agentId, accountId);
  const extra = grants
    .map((grant) => grant.recordType)
    .filter((type) => type !== wildcardRecordType && !recordTypes.some((known) => sameRecordType(known, type)));
  return [...recordTypes, ...extra].map((recordType) => effectiveAccess(grants, accountId, recordType));
}
