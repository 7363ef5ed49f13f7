/**
 * The stored agent policy: agents and their grants, as plain JSON so the VS Code layer can keep it in globalState
 * (outside the workspace, where an agent editing files cannot widen its own access). Versioned so a later SuiteLens
 * can migrate it and an older one refuses a shape it does not understand instead of misreading it.
 */
import { Ajv, type ValidateFunction } from 'ajv';
import type { AccessLevel } from './accessLevel';
import type { AgentIdentity } from './agent';

export const agentPolicySchemaVersion = 1;

/** One switch a person flips: this agent may do `level` to `recordType` records on `accountId`. */
export interface Grant {
  agentId: string;
  accountId: string;
  /** REST record type id (`customer`, `salesOrder`), a SuiteQL family table (`transaction`), or `*` for any type. */
  recordType: string;
  level: AccessLevel;
}

export interface AgentPolicy {
  schemaVersion: typeof agentPolicySchemaVersion;
  agents: AgentIdentity[];
  grants: Grant[];
}

export const wildcardRecordType = '*';

export function emptyAgentPolicy(): AgentPolicy {
  return { schemaVersion: agentPolicySchemaVersion, agents: [], grants: [] };
}

const nonEmptyString = { type: 'string', minLength: 1 } as const;

const agentPolicySchema = {
  type: 'object',
  required: ['schemaVersion', 'agents', 'grants'],
  additionalProperties: false,
  properties: {
    schemaVersion: { const: agentPolicySchemaVersion },
    agents: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'name', 'kind'],
        additionalProperties: false,
        properties: { id: nonEmptyString, name: nonEmptyString, kind: { enum: ['vscode-chat', 'mcp'] } },
      },
    },
    grants: {
      type: 'array',
      items: {
        type: 'object',
        required: ['agentId', 'accountId', 'recordType', 'level'],
        additionalProperties: false,
        properties: {
          agentId: nonEmptyString,
          accountId: nonEmptyString,
          recordType: nonEmptyString,
          level: { enum: ['none', 'read', 'create', 'write', 'full'] },
        },
      },
    },
  },
} as const;

// Compiled on the first read, not at activation: ajv loads on first use (scripts/lazyLibraries.mjs).
let compiledPolicyCheck: ValidateFunction<AgentPolicy> | undefined;
function validateAgentPolicy(value: unknown): value is AgentPolicy {
  compiledPolicyCheck ??= new Ajv({ allErrors: true }).compile<AgentPolicy>(agentPolicySchema);
  return compiledPolicyCheck(value);
}

export class AgentPolicyFormatError extends Error {
  override readonly name = 'AgentPolicyFormatError';
}

/** Reads a stored policy, refusing anything malformed: a policy we cannot read must deny, never guess. */
export function parseAgentPolicy(stored: unknown): AgentPolicy {
  if (stored === undefined) return emptyAgentPolicy();
  const version = typeof stored === 'object' && stored !== null ? (stored as { schemaVersion?: unknown }).schemaVersion : undefined;
  if (typeof version === 'number' && version > agentPolicySchemaVersion) {
    throw new AgentPolicyFormatError(
      `The agent policy was saved by a newer SuiteLens (schema version ${version}; this one reads ${agentPolicySchemaVersion}). Update SuiteLens.`,
    );
  }
  if (!validateAgentPolicy(stored)) {
    const problems = (compiledPolicyCheck?.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? 'is invalid'}`);
    throw new AgentPolicyFormatError(`The stored agent policy is malformed: ${problems.join('; ')}`);
  }
  const duplicateAgent = stored.agents.find((agent, index) => stored.agents.findIndex((other) => other.id === agent.id) !== index);
  if (duplicateAgent) throw new AgentPolicyFormatError(`The stored agent policy lists agent '${duplicateAgent.id}' twice.`);
  return stored;
}
