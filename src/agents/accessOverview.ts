/**
 * What an agent may do on one account, type by type, as the access view shows it ("Read customers: Off / Read /
 * Full"). Computed with the same rules as `decide`, so the switches a person sees are the access the agent has —
 * including that a wildcard counts for nothing on production.
 */
import { levelIncludes, type AccessLevel } from './accessLevel';
import { accountEnvironment } from './accountEnvironment';
import { wildcardRecordType, type AgentPolicy, type Grant } from './policyDocument';
import { grantsOf, sameRecordType } from './policyEdits';
import { familyMembersOnAccount, memberSwitchedOff, recordFamilies, tableAccessRule, type RecordFamily } from './suiteqlAccess';

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

/**
 * One row per record type of the account. Granted types the catalog does not list (SuiteQL tables such as
 * `customerstatus`) and the family keys are the SuiteQL tables' rows (`suiteqlTablesOverview`), never both.
 */
export function accessOverview(policy: AgentPolicy, agentId: string, accountId: string, recordTypes: readonly string[]): RecordTypeAccess[] {
  const grants = grantsOf(policy, agentId, accountId);
  return recordTypes.filter((type) => isListedRecordType(type, recordTypes)).map((recordType) => effectiveAccess(grants, accountId, recordType));
}

/** A switch for a SuiteQL table that is not one of the account's REST record types. */
export interface SuiteQLTableAccess extends RecordTypeAccess {
  /** Set for `transaction`, `item` and `entity`: the family the switch covers. */
  family?: RecordFamily;
  /** "every transaction type, for SuiteQL" — what switching it on lets the agent read. */
  description: string;
  /**
   * A family switch that gives no read while every member type the account has does: `decide` then lets the agent
   * read the family's tables all the same (see suiteqlAccess.ts), and the view must say so.
   */
  coveredByMembers?: boolean;
  /**
   * A member type switched off explicitly (`invoice: none`): `decide` then refuses the family's tables whatever the
   * family switch or the wildcard says, and the view must say so.
   */
  blockedByMember?: string;
}

/** "every transaction type, for SuiteQL (transactionline, …)": what a family switch covers, in the view's words. */
export function familyDescription(family: RecordFamily): string {
  return `every ${family.noun} type, for SuiteQL`;
}

/**
 * The "SuiteQL tables" switches: the three families first (reading `transaction` needs `transaction: read`, or read
 * on every transaction type), then every other table granted that is not a record type of the account
 * (`customerstatus`, `term`, …). Same rules as `decide`, so the wildcard counts for nothing on production here too.
 */
export function suiteqlTablesOverview(policy: AgentPolicy, agentId: string, accountId: string, recordTypes: readonly string[]): SuiteQLTableAccess[] {
  const grants = grantsOf(policy, agentId, accountId);
  const families = recordFamilies.map((family): SuiteQLTableAccess => {
    const access = effectiveAccess(grants, accountId, family.grantKey);
    const members = familyMembersOnAccount(family, recordTypes);
    const blockedByMember = memberSwitchedOff(grants, family)?.recordType;
    // Members without a REST record type cannot be switched on one by one, so only the family switch covers them.
    const coveredByMembers =
      !blockedByMember &&
      family.membersWithoutRecordType.length === 0 &&
      !levelIncludes(access.level, 'read') &&
      members.length > 0 &&
      members.every((member) => levelIncludes(effectiveAccess(grants, accountId, member).level, 'read'));
    return {
      ...access,
      family,
      description: familyDescription(family),
      ...(coveredByMembers ? { coveredByMembers } : {}),
      ...(blockedByMember ? { blockedByMember } : {}),
    };
  });
  const tables = grants
    .map((grant) => grant.recordType)
    .filter((type) => type !== wildcardRecordType && tableAccessRule(type).kind !== 'family' && !isListedRecordType(type, recordTypes))
    .map((table) => ({ ...effectiveAccess(grants, accountId, table), description: 'a SuiteQL table, not a record type of this account' }));
  return [...families, ...tables];
}

/** A catalog record type, and not a family key (those are listed with the SuiteQL tables only). */
function isListedRecordType(type: string, recordTypes: readonly string[]): boolean {
  return tableAccessRule(type).kind !== 'family' && recordTypes.some((known) => sameRecordType(known, type));
}
