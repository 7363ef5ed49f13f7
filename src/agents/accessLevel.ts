/**
 * Access levels a person grants an agent on one record type, and the level each agent action needs.
 * Levels are ordered: a higher level includes everything below it. They follow NetSuite's own permission levels
 * (None, View, Create, Edit, Full — "Permission levels", NetSuite Help, Roles and Permissions), so an administrator
 * reads an agent's grant the way they read a role's. The stored words (`read`, `write`) predate the NetSuite names and
 * stay, so policy files written earlier keep their meaning: `read` is View, `write` is Edit.
 */
export type AccessLevel = 'none' | 'read' | 'create' | 'write' | 'full';

export const accessLevels: readonly AccessLevel[] = ['none', 'read', 'create', 'write', 'full'];

/** NetSuite's name for each level, as the Agent Access view and its pickers show it. */
export const netsuiteLevelNames: Record<AccessLevel, string> = { none: 'None', read: 'View', create: 'Create', write: 'Edit', full: 'Full' };

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

/**
 * As in NetSuite: Create adds new records without changing existing ones, Edit also changes them, and only Full
 * deletes — deleting is the one change a person cannot undo.
 */
export const levelNeededFor: Record<Exclude<AgentAction, 'transform' | 'listRecordTypes'>, AccessLevel> = {
  describeRecordType: 'read',
  read: 'read',
  search: 'read',
  suiteql: 'read',
  create: 'create',
  update: 'write',
  delete: 'full',
};

export function levelIncludes(granted: AccessLevel, needed: AccessLevel): boolean {
  return accessLevels.indexOf(granted) >= accessLevels.indexOf(needed);
}

/** "read customer records" — what a level lets an agent do with `what`, as a verb phrase. */
export function permissionPhrase(level: AccessLevel, what: string): string {
  return {
    none: `do nothing with ${what}`,
    read: `read ${what}`,
    create: `read ${what} and create new ones`,
    write: `read, create and change ${what}`,
    full: `read, create, change and delete ${what}`,
  }[level];
}

/**
 * One plain sentence per grant: "View: the agent can read customer records." For a subject only SuiteQL reads
 * (a family or a table), the sentence says so.
 */
export function grantSentence(level: AccessLevel, what: string, agentName = 'the agent'): string {
  const name = netsuiteLevelNames[level];
  if (level === 'none') return `${name}: ${agentName} cannot see or change ${what}.`;
  return `${name}: ${agentName} can ${permissionPhrase(level, what)}${level === 'write' ? ', but not delete them' : ''}.`;
}
