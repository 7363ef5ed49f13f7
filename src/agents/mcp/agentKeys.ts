/**
 * Each MCP agent's own key. Keys are random 256-bit secrets kept in the SecretStore (VS Code SecretStorage), never
 * in settings or the workspace; the raw key is kept so "copy client configuration" can show it again. A caller is
 * matched by comparing SHA-256 digests with `timingSafeEqual`, so the time a check takes says nothing about how
 * much of a key was right. Revoking deletes the key: the next request with it gets 401.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { SecretStore } from '../../netsuite/auth/types';
import type { AgentIdentity } from '../agent';

export function agentKeySecretName(agentId: string): string {
  return `suitelens:agent:${agentId}:mcpKey`;
}

/** `slk_` marks the string as a SuiteLens key wherever it turns up (and lets secret scanners spot it). */
const keyPrefix = 'slk_';

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

export class AgentKeyStore {
  constructor(private readonly secrets: SecretStore) {}

  /** Creates (or replaces, revoking the old one) the key of an MCP agent and returns it. */
  async issue(agent: AgentIdentity): Promise<string> {
    if (agent.kind !== 'mcp') throw new Error(`Agent '${agent.name}' acts through VS Code chat and has no MCP key.`);
    const key = `${keyPrefix}${randomBytes(32).toString('base64url')}`;
    await this.secrets.store(agentKeySecretName(agent.id), key);
    return key;
  }

  async keyOf(agentId: string): Promise<string | undefined> {
    return this.secrets.get(agentKeySecretName(agentId));
  }

  async revoke(agentId: string): Promise<void> {
    await this.secrets.delete(agentKeySecretName(agentId));
  }

  /** The MCP agent holding `presentedKey`, or undefined. Checks every agent so a miss takes as long as a hit. */
  async authenticate(presentedKey: string, agents: readonly AgentIdentity[]): Promise<AgentIdentity | undefined> {
    const presented = digest(presentedKey);
    let match: AgentIdentity | undefined;
    for (const agent of agents) {
      if (agent.kind !== 'mcp') continue;
      const stored = await this.keyOf(agent.id);
      if (stored !== undefined && timingSafeEqual(presented, digest(stored)) && match === undefined) match = agent;
    }
    return match;
  }
}
