/**
 * What a role may see through SuiteQL: a table the role may view no record type of does not exist for it
 * (NetSuite's `Record 'x' was not found.`); a table fed by several record types shows only the rows of the types
 * the role may view, so the narrow role's `SELECT * FROM transaction` never leaks a vendor bill.
 */
import type { PermissionLevel, SandboxRole } from '../model/seams';
import { recordNotFoundError } from './errors';
import type { SuiteQLTable } from './tables';

function canView(level: PermissionLevel | undefined): boolean {
  return level !== undefined && level !== 'none';
}

function levelFor(role: SandboxRole, recordType: string, table: SuiteQLTable): PermissionLevel | undefined {
  const permissions = role.permissions;
  return permissions[recordType] ?? permissions[table.name] ?? permissions['*'];
}

function quoteList(values: string[]): string {
  return values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ');
}

/**
 * The FROM source for `table` under `role`: the table itself, or a sub-query keeping only the visible record
 * types' rows. Throws NetSuite's not-found error when nothing is visible.
 */
export function tableSourceForRole(table: SuiteQLTable, role: SandboxRole, tablesByName: Map<string, SuiteQLTable>): string {
  if (table.guardedBy.length === 0) return table.name;
  const visible = table.guardedBy.filter((type) => canView(levelFor(role, type, table)));
  if (visible.length === 0) throw recordNotFoundError(table.name);
  if (visible.length === table.guardedBy.length) return table.name;

  if (table.discriminator) {
    const values = visible.map((type) => table.discriminator!.valueByRecordType[type]).filter((v): v is string => v !== undefined);
    return `(SELECT * FROM ${table.name} WHERE ${table.discriminator.column} IN (${quoteList(values)}))`;
  }
  const parent = table.parent ? tablesByName.get(table.parent.table) : undefined;
  if (table.parent && parent?.discriminator) {
    const values = visible.map((type) => parent.discriminator!.valueByRecordType[type]).filter((v): v is string => v !== undefined);
    return `(SELECT * FROM ${table.name} WHERE ${table.parent.column} IN (SELECT id FROM ${parent.name} WHERE ${parent.discriminator.column} IN (${quoteList(values)})))`;
  }
  // Several record types without a way to tell their rows apart: show the table only to roles that see them all.
  throw recordNotFoundError(table.name);
}
