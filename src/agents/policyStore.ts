/**
 * Where the agent policy lives. The VS Code layer passes `context.globalState` (a Memento) so the policy sits
 * outside the workspace; tests pass an in-memory map. The store parses on every read, so a tampered or
 * malformed value raises an error (and every decision denies) rather than being half-understood.
 */
import type { AgentIdentity } from './agent';
import { parseAgentPolicy, type AgentPolicy } from './policyDocument';
import { findAgent, withAgent } from './policyEdits';

export interface AgentPolicyStore {
  read(): Promise<AgentPolicy>;
  write(policy: AgentPolicy): Promise<void>;
}

/** The part of VS Code's `Memento` the store needs; `context.globalState` satisfies it. */
export interface KeyValueMemento {
  get(key: string): unknown;
  update(key: string, value: unknown): PromiseLike<void>;
}

export const agentPolicyStorageKey = 'suitelens.agentPolicy';

export class MementoAgentPolicyStore implements AgentPolicyStore {
  /**
   * `listed`: agents the policy always names, with no grants of their own (VS Code chat, so the access view shows it).
   * They are added by the first read that misses them, not at activation: reading parses the stored policy with
   * ajv, a library loaded on first use, and a window that never touches agents should not pay for it.
   */
  constructor(
    private readonly memento: KeyValueMemento,
    private readonly listed: readonly AgentIdentity[] = [],
  ) {}

  async read(): Promise<AgentPolicy> {
    const policy = parseAgentPolicy(this.memento.get(agentPolicyStorageKey));
    const missing = this.listed.filter((agent) => !findAgent(policy, agent.id));
    if (missing.length === 0) return policy;
    const withListed = missing.reduce(withAgent, policy);
    await this.write(withListed);
    return withListed;
  }

  async write(policy: AgentPolicy): Promise<void> {
    // Parse before storing: the store never holds a policy it would refuse to read back.
    await this.memento.update(agentPolicyStorageKey, parseAgentPolicy(structuredClone(policy)));
  }
}

export class InMemoryMemento implements KeyValueMemento {
  private readonly values = new Map<string, unknown>();

  get(key: string): unknown {
    return structuredClone(this.values.get(key));
  }

  async update(key: string, value: unknown): Promise<void> {
    this.values.set(key, structuredClone(value));
  }
}
