/**
 * Access levels a person grants an agent on one record type, and the level each agent action needs.
 * Levels are ordered: a higher level includes everything below it.
 */
export type AccessLevel = 'none' | 'read' | 'write' | 'full';

export const accessLevels: readonly AccessLevel[] = ['none', 'read', 'write', 'full'];

/** What an agent tool does to NetSuite, as the policy sees it. */
export type AgentAction =
  | 'listRecordTypes'
  | 'describeRecordType'
  | 'read'
  | 'search'
  | 'suiteql'
  | 'create'
  | 'update'
  | 'delete'
  | 'transform';

/** `write` is create + update; only `full` may delete — deleting is the one change a person cannot undo. */
export const levelNeededFor: Record<Exclude<AgentAction, 'transform' | 'listRecordTypes'>, AccessLevel> = {
  describeRecordType: 'read',
  read: 'read',
  search: 'read',
  suiteql: 'read',
  create: 'write',
  update: 'write',
  delete: 'full',
};

export function levelIncludes(granted: AccessLevel, needed: AccessLevel): boolean {
  return accessLevels.indexOf(granted) >= accessLevels.indexOf(needed);
}
