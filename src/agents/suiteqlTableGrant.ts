/**
 * What a person typing a SuiteQL table name in "Grant SuiteQL Table…" means to switch on: the table's own grant, or
 * its family's (`transactionline` is read under `transaction`), or nothing at all for DUAL. Uses the policy's own
 * table rules, so the switch written is the one `decide` consults.
 */
import type { AccessLevel } from './accessLevel';
import { accessLevels } from './accessLevel';
import { sameRecordType } from './policyEdits';
import { tableAccessRule, type RecordFamily } from './suiteqlAccess';

export type TableGrantTarget =
  | { kind: 'free'; table: string }
  | { kind: 'grant'; table: string; recordType: string; family?: RecordFamily; catalogType: boolean };

// An unquoted SuiteQL identifier, as the SuiteQL editor reads one.
const identifier = /^[A-Za-z_][\w$#]*$/;

/** Why `text` is not a table name to grant, or undefined when it is one. */
export function suiteqlTableNameProblem(text: string): string | undefined {
  const name = text.trim();
  if (!name) return 'Type the name of a table a SuiteQL query reads, e.g. customerstatus, term, currency or transaction.';
  if (name.length > 128) return 'A SuiteQL table name is at most 128 characters.';
  if (!identifier.test(name)) return `"${name}" is not a SuiteQL table name: use letters, digits and _ (starting with a letter or _), without quotes or a schema.`;
  if (tableAccessRule(name).kind === 'free') return `${name.toUpperCase()} holds no record data: reading it needs no grant.`;
  return undefined;
}

/** The switch that lets an agent read `text`, spelled as the account's catalog spells it when it is a record type. */
export function tableGrantTarget(text: string, accountRecordTypes: readonly string[]): TableGrantTarget {
  const table = text.trim().toLowerCase();
  const rule = tableAccessRule(table);
  if (rule.kind === 'free') return { kind: 'free', table };
  if (rule.kind === 'family') return { kind: 'grant', table, recordType: rule.family.grantKey, family: rule.family, catalogType: false };
  const catalogSpelling = accountRecordTypes.find((type) => sameRecordType(type, table));
  return { kind: 'grant', table, recordType: catalogSpelling ?? table, catalogType: catalogSpelling !== undefined };
}

/**
 * The levels worth offering: a family or a table that is no record type is only ever read (through SuiteQL), so
 * Off and Read; a record type of the account also has the record tools, so every level.
 */
export function levelsForTable(target: Extract<TableGrantTarget, { kind: 'grant' }>): readonly AccessLevel[] {
  return target.catalogType ? accessLevels : ['none', 'read'];
}
