/** One line of the agent activity log: who tried what, where, what the policy said and how it went. */
import type { AgentAction } from './accessLevel';
import type { AccountEnvironment } from './accountEnvironment';
import type { AgentIdentity } from './agent';

export type AuditDecision = 'allowed' | 'denied';

/** Why the MCP endpoint refused a request before it knew the agent. */
export type RefusedRequestKind = 'missingKey' | 'wrongKey' | 'foreignOrigin' | 'foreignHost';

export interface AuditEvent {
  agent: AgentIdentity;
  accountId: string;
  /** The MCP / LM tool name (`suitelens_get_record`). */
  tool: string;
  /**
   * `unknownTool` when an agent called a tool name SuiteLens does not have; `refusedRequest` for requests the MCP
   * endpoint refused before knowing the agent (see `refused`).
   */
  action: AgentAction | 'unknownTool' | 'refusedRequest';
  recordType?: string;
  recordId?: string;
  /** The record's display name when known (after a read, or from the fields sent on create). */
  recordName?: string;
  /** Transform target, and the id of the record it created. */
  targetType?: string;
  targetId?: string;
  query?: string;
  /** Fields an update changed, for "updated email on customer 'Acme'". */
  changedFields?: string[];
  /** The tool arguments as the agent sent them; redacted before they are written. */
  arguments: unknown;
  decision: AuditDecision;
  reason: string;
  /** Set for allowed calls once NetSuite answered. */
  outcome?: 'succeeded' | 'failed';
  error?: string;
  /**
   * For `refusedRequest`: what was refused and how many times; `windowSeconds` 0 for the first refusal of a window
   * (logged at once), else the length of the window the count covers.
   */
  refused?: { kind: RefusedRequestKind; count: number; windowSeconds: number };
}

export interface AuditEntry extends AuditEvent {
  /** ISO-8601 time the call finished. */
  time: string;
  environment: AccountEnvironment;
  /** The entry as one plain-English sentence. */
  sentence: string;
}

export interface AuditFilter {
  agentId?: string;
  accountId?: string;
  decision?: AuditDecision;
  /** Only the newest `limit` matching entries. */
  limit?: number;
}
