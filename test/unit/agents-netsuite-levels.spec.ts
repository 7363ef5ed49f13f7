import { describe, expect, it } from 'vitest';
import { accessLevels, grantSentence, levelIncludes, levelNeededFor, netsuiteLevelNames } from '../../src/agents/accessLevel';
import { parseAgentPolicy } from '../../src/agents/policyDocument';

describe('agent access levels in NetSuite words', () => {
  it('orders None < View < Create < Edit < Full, as NetSuite role permissions do', () => {
    expect(accessLevels.map((level) => netsuiteLevelNames[level])).toEqual(['None', 'View', 'Create', 'Edit', 'Full']);
  });

  it('lets Create add records but not change them, Edit change but not delete, Full delete', () => {
    expect(levelIncludes('create', levelNeededFor.create)).toBe(true);
    expect(levelIncludes('create', levelNeededFor.update)).toBe(false);
    expect(levelIncludes('write', levelNeededFor.update)).toBe(true);
    expect(levelIncludes('write', levelNeededFor.delete)).toBe(false);
    expect(levelIncludes('full', levelNeededFor.delete)).toBe(true);
    expect(levelIncludes('read', levelNeededFor.create)).toBe(false);
  });

  it('says what each grant allows in one plain sentence', () => {
    expect(accessLevels.map((level) => grantSentence(level, 'customer records', 'Billing helper'))).toEqual([
      'None: Billing helper cannot see or change customer records.',
      'View: Billing helper can read customer records.',
      'Create: Billing helper can read customer records and create new ones.',
      'Edit: Billing helper can read, create and change customer records, but not delete them.',
      'Full: Billing helper can read, create, change and delete customer records.',
    ]);
  });

  it('reads a stored Create grant and policies written before it (read, write) unchanged', () => {
    const agents = [{ id: 'a1', name: 'Billing helper', kind: 'mcp' }];
    const grant = (level: string) => ({ agentId: 'a1', accountId: '1234567_SB1', recordType: 'customer', level });
    const policy = parseAgentPolicy({ schemaVersion: 1, agents, grants: [grant('create')] });
    expect(policy.grants[0].level).toBe('create');
    expect(parseAgentPolicy({ schemaVersion: 1, agents, grants: [grant('write')] }).grants[0].level).toBe('write');
    expect(() => parseAgentPolicy({ schemaVersion: 1, agents, grants: [grant('edit')] })).toThrow();
  });
});
