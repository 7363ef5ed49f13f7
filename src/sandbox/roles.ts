/**
 * The demo account's roles. The administrator-like role may do anything; the narrow one is what a cautious
 * integration gets: it may read customers, contacts and items, create and edit customers, and nothing else —
 * enough to show 403 INSUFFICIENT_PERMISSION on vendors, transactions and deletes.
 */
import type { PermissionLevel, SandboxRole } from './model/seams';

export const administratorRole: SandboxRole = {
  id: '3',
  name: 'Administrator',
  permissions: { '*': 'full' },
};

export const narrowRole: SandboxRole = {
  id: '1001',
  name: 'SuiteLens Narrow Role',
  permissions: {
    customer: 'edit',
    contact: 'view',
    inventoryitem: 'view',
    item: 'view',
    subsidiary: 'view',
    currency: 'view',
    term: 'view',
    '*': 'none',
  },
};

const levelOrder: PermissionLevel[] = ['none', 'view', 'create', 'edit', 'full'];

/** The level a role holds on a record type (REST name or SuiteQL table, matched case-insensitively). */
export function permissionLevel(role: SandboxRole, recordType: string): PermissionLevel {
  const wanted = recordType.toLowerCase();
  for (const [key, level] of Object.entries(role.permissions)) {
    if (key.toLowerCase() === wanted) return level;
  }
  return role.permissions['*'] ?? 'none';
}

export function hasPermission(role: SandboxRole, recordType: string, needed: PermissionLevel): boolean {
  return levelOrder.indexOf(permissionLevel(role, recordType)) >= levelOrder.indexOf(needed);
}

/** Administrator-only endpoints (governanceLimits) check for the administrator role itself, as NetSuite does. */
export function isAdministrator(role: SandboxRole): boolean {
  return role.permissions['*'] === 'full';
}
