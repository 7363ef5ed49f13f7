import { describe, expect, it } from 'vitest';
import { decide } from '../../src/agents/policy';
import { agentPolicyStorageKey, InMemoryMemento, MementoAgentPolicyStore } from '../../src/agents/policyStore';
import { emptyAgentPolicy, parseAgentPolicy } from '../../src/agents/policyDocument';
import { grantsOf, withAgent, withGrant, withoutAgent, withoutGrant } from '../../src/agents/policyEdits';
import { tablesReadBy } from '../../src/suiteql/tables';

const agent = { id: 'billing-helper', name: 'Billing helper', kind: 'mcp' as const };
const readCustomer = { agentId: agent.id, accountId: '1234567_SB1', action: 'read' as const, recordType: 'customer' };

describe('agent policy store', () => {
  it('starts empty, so a new agent can do nothing', async () => {
    const store = new MementoAgentPolicyStore(new InMemoryMemento());
    const policy = withAgent(await store.read(), agent);
    expect(decide(policy, readCustomer, { tablesReadBy })).toEqual({
      allowed: false,
      reason: 'denied: customer not granted',
      missing: [{ recordType: 'customer', level: 'read', neededFor: 'read customer' }],
    });
  });

  it('lists the agents it always names on the first read, with no grants, and keeps every grant already stored', async () => {
    const chat = { id: 'vscode-chat', name: 'VS Code chat', kind: 'vscode-chat' as const };
    const memento = new InMemoryMemento();
    await new MementoAgentPolicyStore(memento).write(withGrant(withAgent(emptyAgentPolicy(), agent), { agentId: agent.id, accountId: '1234567_SB1', recordType: 'customer', level: 'read' }));
    const store = new MementoAgentPolicyStore(memento, [chat]);
    const policy = await store.read();
    expect(policy.agents).toEqual([agent, chat]);
    expect(grantsOf(policy, chat.id, '1234567_SB1')).toEqual([]);
    expect(decide(policy, readCustomer, { tablesReadBy }).allowed).toBe(true);
    // Written back once, so a plain store (and the next read) sees the same policy.
    expect(parseAgentPolicy(memento.get(agentPolicyStorageKey)).agents).toEqual([agent, chat]);
    expect((await store.read()).agents).toEqual([agent, chat]);
  });

  it('round-trips a policy as plain JSON with its schema version', async () => {
    const memento = new InMemoryMemento();
    const store = new MementoAgentPolicyStore(memento);
    const policy = withGrant(withAgent(emptyAgentPolicy(), agent), { agentId: agent.id, accountId: '1234567-sb1', recordType: 'customer', level: 'read' });
    await store.write(policy);
    const stored = memento.get(agentPolicyStorageKey);
    expect(JSON.parse(JSON.stringify(stored))).toEqual({
      schemaVersion: 1,
      agents: [agent],
      grants: [{ agentId: agent.id, accountId: '1234567_SB1', recordType: 'customer', level: 'read' }],
    });
    expect(decide(await store.read(), readCustomer, { tablesReadBy }).allowed).toBe(true);
  });

  it('refuses a policy from a newer SuiteLens and a malformed one, with the reason', async () => {
    expect(() => parseAgentPolicy({ schemaVersion: 2, agents: [], grants: [] })).toThrow(/newer SuiteLens \(schema version 2; this one reads 1\)/);
    expect(() => parseAgentPolicy({ schemaVersion: 1, agents: [], grants: [{ agentId: 'a', accountId: 'x', recordType: 'customer', level: 'admin' }] })).toThrow(
      /malformed: \/grants\/0\/level must be equal to one of the allowed values/,
    );
    expect(() => parseAgentPolicy({ schemaVersion: 1, agents: [agent, agent], grants: [] })).toThrow(/lists agent 'billing-helper' twice/);
    const memento = new InMemoryMemento();
    await memento.update(agentPolicyStorageKey, { schemaVersion: 1, agents: [agent], grants: 'everything' });
    await expect(new MementoAgentPolicyStore(memento).read()).rejects.toThrow(/\/grants must be array/);
  });

  it('edits one switch at a time; removing an agent removes its grants', () => {
    let policy = withAgent(emptyAgentPolicy(), agent);
    policy = withGrant(policy, { agentId: agent.id, accountId: '1234567_SB1', recordType: 'customer', level: 'read' });
    policy = withGrant(policy, { agentId: agent.id, accountId: '1234567_SB1', recordType: 'Customer', level: 'write' });
    expect(grantsOf(policy, agent.id, '1234567_SB1')).toEqual([{ agentId: agent.id, accountId: '1234567_SB1', recordType: 'Customer', level: 'write' }]);
    expect(grantsOf(withoutGrant(policy, agent.id, '1234567_SB1', 'customer'), agent.id, '1234567_SB1')).toEqual([]);
    const removed = withoutAgent(policy, agent.id);
    expect(removed.grants).toEqual([]);
    expect(decide(withAgent(removed, agent), readCustomer, { tablesReadBy }).allowed).toBe(false);
    expect(() => withGrant(emptyAgentPolicy(), { agentId: 'ghost', accountId: '1', recordType: '*', level: 'full' })).toThrow(/unknown agent 'ghost'/);
  });
});
