/**
 * The one place that decides whether an agent may make a call. Pure: the same policy and request always give the
 * same decision, with a reason a person can read in the activity log. Deny by default — anything not granted, not
 * understood or not parseable is refused.
 */
import { levelIncludes, levelNeededFor, netsuiteLevelNames, type AccessLevel, type AgentAction } from './accessLevel';
import { accountEnvironment } from './accountEnvironment';
import { effectiveAccess } from './accessOverview';
import { findAgent, grantLabel, grantsOf } from './policyEdits';
import { wildcardRecordType, type AgentPolicy, type Grant } from './policyDocument';
import { displayReadsOf, type DisplayRead, type RecordTypeSchemas } from '../suiteql/displayReads';
import { everyTypeRowsSwitchedOff, familyMembersOnAccount, memberSwitchedOff, switchedOffRowsOf, tableAccessRule, type RecordFamily, type SuiteQLTableReader } from './suiteqlAccess';

interface RequestBase {
  agentId: string;
  accountId: string;
}

export type PolicyRequest =
  | (RequestBase & { action: 'listRecordTypes' })
  | (RequestBase & { action: Exclude<AgentAction, 'listRecordTypes' | 'suiteql' | 'transform'>; recordType: string })
  | (RequestBase & { action: 'transform'; recordType: string; targetType: string })
  | (RequestBase & { action: 'suiteql'; query: string });

export interface PolicyDecision {
  allowed: boolean;
  /** "allowed by 'customer: read'", "denied: invoice not granted". */
  reason: string;
  /** The grant that allowed the call (the first one when several were needed). */
  grant?: Grant;
  /** Every grant the call relied on (SuiteQL over several tables, transform). */
  grants?: Grant[];
  /**
   * For a refusal: the switches a person could turn on so the call is allowed, worked out by the same checks that
   * refused it (never parsed from the reason). None when the refusal is not about a grant (a query that does not
   * parse, an unknown agent, a BUILTIN.DF column whose target is unknown). Meant for the person, not the agent: the
   * agent only ever sees `reason`. Absent when there is nothing to offer.
   */
  missing?: MissingGrant[];
}

/** One switch a refused call lacked: `transaction: read` ("the query reads transactionline"). */
export interface MissingGrant {
  /** The record type, family key (`transaction`) or SuiteQL table (`customerstatus`) the switch is for. */
  recordType: string;
  level: AccessLevel;
  /** What needed it, for the person choosing: `transactionline`, `BUILTIN.DF(t.entity)`, `create invoice`. */
  neededFor: string;
}

export interface DecisionContext {
  /** `tablesReadBy` from the SuiteQL language service, injected so the policy stays pure and testable. */
  tablesReadBy: SuiteQLTableReader;
  /** Record type ids in the account's metadata catalog; used to expand `transaction`, `item` and `entity`. */
  accountRecordTypes?: readonly string[];
  /**
   * Catalog schemas of the tables whose columns a query shows with BUILTIN.DF, by lower-case record type id: they
   * tell which record type a field points to where the standard tables do not. Without them such a column is
   * unknown and the query is refused.
   */
  recordTypeSchemas?: RecordTypeSchemas;
}

type Check = { ok: true; grant: Grant } | { ok: false; reason: string; missing: MissingGrant[] };

/** The missing grants of the refused checks, one per switch at the highest level any of them needs. */
function missingOf(checks: readonly Check[]): MissingGrant[] {
  const bySwitch = new Map<string, MissingGrant>();
  for (const check of checks) {
    if (check.ok) continue;
    for (const missing of check.missing) {
      const key = missing.recordType.toLowerCase();
      const known = bySwitch.get(key);
      if (!known || !levelIncludes(known.level, missing.level)) bySwitch.set(key, missing);
    }
  }
  return [...bySwitch.values()];
}

function deny(reason: string, missing: MissingGrant[] = []): PolicyDecision {
  return { allowed: false, reason: `denied: ${reason}`, ...(missing.length > 0 ? { missing } : {}) };
}

function allow(grants: Grant[]): PolicyDecision {
  const unique = grants.filter((grant, index) => grants.findIndex((other) => grantLabel(other) === grantLabel(grant)) === index);
  return { allowed: true, reason: `allowed by ${unique.map((grant) => `'${grantLabel(grant)}'`).join(', ')}`, grant: unique[0], grants: unique };
}

function checkRecordType(grants: Grant[], accountId: string, recordType: string, needed: AccessLevel, verb: string, neededFor = `${verb} ${recordType}`): Check {
  const missing = [{ recordType, level: needed, neededFor }];
  // No record type or table is named `*`. A call naming one (a quoted "*" table, a recordType argument "*") would
  // otherwise find the wildcard grant as its own explicit switch and pass — on production too.
  if (recordType.trim() === wildcardRecordType) return { ok: false, reason: `'${recordType}' names no record type or table; the wildcard is a grant, never a table`, missing: [] };
  const access = effectiveAccess(grants, accountId, recordType);
  if (access.wildcardIgnoredOnProduction) return { ok: false, reason: `production account needs an explicit grant for ${recordType}`, missing };
  if (!access.grant || access.level === 'none') return { ok: false, reason: `${recordType} not granted`, missing };
  if (!levelIncludes(access.level, needed)) {
    return { ok: false, reason: `${verb} ${recordType} needs ${netsuiteLevelNames[needed]}, but the grant is '${grantLabel(access.grant)}'`, missing };
  }
  return { ok: true, grant: access.grant };
}

/** How a refusal names the read: "the query reads transaction", what a BUILTIN.DF call reads, or what another BUILTIN uses. */
function readPhrase(table: string, display?: DisplayRead): string {
  if (!display) return `the query reads ${table}`;
  if ('uses' in display) return `${display.call} uses ${display.uses}, so it reads ${table}`;
  return `${display.call} shows the name of the ${table} record that ${display.column} points to, so it reads ${table}`;
}

function checkFamily(grants: Grant[], request: RequestBase, family: RecordFamily, table: string, context: DecisionContext, display?: DisplayRead): Check[] {
  const neededFor = display?.call ?? table;
  const reads = readPhrase(table, display);
  const off = memberSwitchedOff(grants, family);
  if (off) {
    return [{
      ok: false,
      reason: `${reads}, which also holds ${off.recordType} rows, and '${grantLabel(off)}' switches those off (an explicit none wins over '${family.grantKey}' and '*')`,
      missing: [{ recordType: off.recordType, level: 'read', neededFor }],
    }];
  }
  const whole = checkRecordType(grants, request.accountId, family.grantKey, 'read', 'reading', neededFor);
  if (whole.ok) return [whole];
  const members = familyMembersOnAccount(family, context.accountRecordTypes);
  // The one switch to offer is the family's own: "every member type" may be dozens of switches, and the family
  // grant also covers member types the account adds later.
  const missing = whole.missing;
  if (members.length === 0) return [{ ok: false, reason: `${reads}, which needs '${family.grantKey}: read' (${whole.reason})`, missing }];
  const memberChecks = members.map((member) => checkRecordType(grants, request.accountId, member, 'read', 'reading'));
  const firstRefusal = memberChecks.find((check) => !check.ok);
  const withoutRecordType = family.membersWithoutRecordType[0];
  const why = firstRefusal && !firstRefusal.ok
    ? firstRefusal.reason
    : withoutRecordType
      ? `${withoutRecordType.label} (${withoutRecordType.typeCode}) rows have no record type to switch on; only '${family.grantKey}: View' covers them`
      : undefined;
  if (why) return [{ ok: false, reason: `${reads}, which needs View on ${family.grantKey} or on every ${family.noun} type (${why})`, missing }];
  return memberChecks;
}

/** The grants reading `table` needs: none for DUAL, the family rule for transaction/item/entity, else its own type. */
function checkTable(grants: Grant[], request: RequestBase, table: string, context: DecisionContext, display?: DisplayRead): Check[] {
  const rule = tableAccessRule(table);
  if (rule.kind === 'free') return [];
  if (rule.kind === 'family') return checkFamily(grants, request, rule.family, table.toLowerCase(), context, display);
  const held = switchedOffRowsOf(grants, table);
  if (held) {
    return [{
      ok: false,
      reason: `${readPhrase(rule.recordType, display)}, which holds rows of ${held.family.noun} records, ${held.grant.recordType} ones among them, and '${grantLabel(held.grant)}' switches those off (an explicit none wins over '*')`,
      missing: [{ recordType: held.grant.recordType, level: 'read', neededFor: display?.call ?? table }],
    }];
  }
  const closing = everyTypeRowsSwitchedOff(grants, table);
  if (closing) {
    return [{
      ok: false,
      reason: `${readPhrase(rule.recordType, display)}, whose rows are about records of every type, ${closing.recordType} ones among them, and '${grantLabel(closing)}' switches those off (an explicit none wins over '*')`,
      missing: [{ recordType: closing.recordType, level: 'read', neededFor: display?.call ?? table }],
    }];
  }
  const check = checkRecordType(grants, request.accountId, rule.recordType, 'read', 'reading', display?.call ?? table);
  return check.ok ? [check] : [{ ...check, reason: `${readPhrase(rule.recordType, display)}: ${check.reason}` }];
}

function decideSuiteQL(grants: Grant[], request: RequestBase & { query: string }, context: DecisionContext): PolicyDecision {
  let parsed;
  try {
    parsed = context.tablesReadBy(request.query);
  } catch (error) {
    parsed = { ok: false as const, reason: error instanceof Error ? error.message : String(error) };
  }
  if (!parsed.ok) return deny(`the query could not be parsed, so the tables it reads are unknown (${parsed.reason})`);
  const named = parsed.tables.flatMap((table) => checkTable(grants, request, table, context));
  const namedRefusal = named.find((check) => !check.ok);
  // BUILTIN.DF(t.entity) shows the names of the rows t.entity points to: a table the query never names.
  const display = displayReadsOf(parsed.displayed, context.recordTypeSchemas);
  const displayed = display.ok ? display.reads.flatMap((read) => checkTable(grants, request, read.table, context, read)) : [];
  // Named tables first: an agent that may not read a table learns nothing about its columns from the refusal. The
  // person's list of missing grants (never shown to the agent) names the displayed tables too, so one grant does.
  if (namedRefusal && !namedRefusal.ok) return deny(namedRefusal.reason, missingOf([...named, ...displayed]));
  if (!display.ok) return deny(display.reason);
  const checks = [...named, ...displayed];
  const refusal = checks.find((check) => !check.ok);
  if (refusal && !refusal.ok) return deny(refusal.reason, missingOf(checks));
  const used = checks.flatMap((check) => (check.ok ? [check.grant] : []));
  if (used.length > 0) return allow(used);
  // A query over DUAL alone reads no record data, but still only an agent with some access here may run one.
  return usableGrants(grants, request.accountId).length > 0
    ? { allowed: true, reason: 'allowed: the query reads no record data' }
    : deny(`nothing granted on ${request.accountId}`);
}

/** Grants that give anything at all on the account (a wildcard gives nothing on production). */
function usableGrants(grants: Grant[], accountId: string): Grant[] {
  const production = accountEnvironment(accountId) === 'production';
  return grants.filter((grant) => grant.level !== 'none' && !(production && grant.recordType === wildcardRecordType));
}

function decideListRecordTypes(grants: Grant[], accountId: string): PolicyDecision {
  const usable = usableGrants(grants, accountId);
  return usable.length > 0 ? allow(usable.slice(0, 1)) : deny(`nothing granted on ${accountId}`);
}

export function decide(policy: AgentPolicy, request: PolicyRequest, context: DecisionContext): PolicyDecision {
  if (!findAgent(policy, request.agentId)) return deny(`unknown agent '${request.agentId}'`);
  const grants = grantsOf(policy, request.agentId, request.accountId);
  switch (request.action) {
    case 'listRecordTypes':
      return decideListRecordTypes(grants, request.accountId);
    case 'suiteql':
      return decideSuiteQL(grants, request, context);
    case 'transform': {
      // A transform creates the target and changes the source too: NetSuite moves a sales order to Billed when it is
      // invoiced, closes an estimate when it becomes an order. So the source needs Edit, as a direct update would,
      // and the target Create.
      const source = checkRecordType(grants, request.accountId, request.recordType, 'write', 'transforming');
      const target = checkRecordType(grants, request.accountId, request.targetType, 'create', 'creating');
      if (!source.ok) return deny(source.reason, missingOf([source, target]));
      return target.ok ? allow([source.grant, target.grant]) : deny(target.reason, missingOf([target]));
    }
    case 'create':
    case 'delete':
    case 'describeRecordType':
    case 'read':
    case 'search':
    case 'update':
    default: {
      const verb = request.action === 'describeRecordType' ? 'describing' : request.action;
      const check = checkRecordType(grants, request.accountId, request.recordType, levelNeededFor[request.action], verb);
      return check.ok ? allow([check.grant]) : deny(check.reason, missingOf([check]));
    }
  }
}
