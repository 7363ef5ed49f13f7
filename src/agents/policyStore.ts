/**
 * Where the agent policy lives. The VS Code layer passes `context.globalState` (a Memento) so the policy sits
 * outside the workspace; tests pass an in-memory map. The store parses on every read, so a tampered or
 * malformed value raises an error (and every decision denies) rather than being half-understood.
 */
import { parseAgentPolicy, type AgentPolicy } from './policyDocument';

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
  constructor(private readonly memento: KeyValueMemento) {}

  async read(): Promise<AgentPolicy> {
    return parseAgentPolicy(this.memento.get(agentPolicyStorageKey));
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
