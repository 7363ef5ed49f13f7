/**
 * The shape every agent tool shares, so the language-model tools and the MCP server expose one set of tools with
 * one input schema, one policy check, one confirmation text and one audit subject each.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import type { AgentAction } from '../accessLevel';
import { canonicalAccountId } from '../accountEnvironment';
import { quoted } from '../visibleText';
import type { AuditEvent } from '../auditEntry';
import type { PolicyRequest } from '../policy';
import type { AgentNetSuiteOperations } from './operations';

/** The record a call is about, as the activity log names it. */
export type AuditSubject = Pick<AuditEvent, 'recordType' | 'recordId' | 'recordName' | 'targetType' | 'targetId' | 'query' | 'changedFields'>;

export interface ToolContext {
  accountId: string;
  /** `1234567_SB1 (sandbox)` — every effect names the account and its environment. */
  accountLabel: string;
  operations: AgentNetSuiteOperations;
  signal?: AbortSignal;
}

export interface ToolOutcome {
  /** One line for the agent: what happened and what was left out. */
  summary: string;
  /** The compact result. */
  data?: unknown;
  /** What the result leaves out ("rows 51–1,204 not returned; call again with offset 50"). */
  truncated?: string[];
  /** What became known while running (the record's name, a new id). */
  subject?: AuditSubject;
  /** For a call that changed many records: each one, so the activity log says one sentence per record changed. */
  records?: AuditSubject[];
}

/** A validated call of one tool, ready to decide, describe and run. */
export interface BoundToolCall {
  accountId: string;
  policyRequest(agentId: string): PolicyRequest;
  subject: AuditSubject;
  describeEffect(context: ToolContext): Promise<string>;
  execute(context: ToolContext): Promise<ToolOutcome>;
}

export interface AgentTool {
  name: string;
  title: string;
  description: string;
  action: AgentAction;
  /** MCP annotations: the tool changes nothing / may destroy data. */
  readOnly: boolean;
  destructive: boolean;
  inputSchema: Record<string, unknown>;
  /** Validates the arguments; `error` says precisely what is wrong. */
  bind(args: unknown): BoundToolCall | { error: string };
}

export interface AgentToolSpec<Input extends { account: string }> extends Omit<AgentTool, 'bind'> {
  policyRequest(input: Input, agentId: string): PolicyRequest;
  subject(input: Input): AuditSubject;
  /** Extra checks JSON Schema cannot say (e.g. offset a multiple of limit); returns a message when violated. */
  check?(input: Input): string | undefined;
  describeEffect(input: Input, context: ToolContext): Promise<string>;
  execute(input: Input, context: ToolContext): Promise<ToolOutcome>;
}

// One compiler for every tool schema; defaults (page sizes) are filled in as the arguments are validated. Made on
// the first call, not when the tools are defined at activation: ajv is a library loaded on first use
// (scripts/lazyLibraries.mjs).
let compiler: Ajv | undefined;
const ajv = (): Ajv => (compiler ??= new Ajv({ allErrors: true, useDefaults: true, strict: true }));

function describeSchemaError(error: ErrorObject): string {
  const path = error.instancePath.slice(1).replace(/\//g, '.');
  // Paths and property names are the agent's own keys: quoted so they cannot close their quotes in the log.
  const inside = path ? ` in ${quoted(path)}` : '';
  if (error.keyword === 'additionalProperties') return `unknown property ${quoted(String(error.params.additionalProperty))}${inside}`;
  if (error.keyword === 'required') return `missing ${quoted(String(error.params.missingProperty))}${inside}`;
  return `${path ? quoted(path) : 'the arguments'} ${error.message ?? 'is invalid'}`;
}

export function defineAgentTool<Input extends { account: string }>(spec: AgentToolSpec<Input>): AgentTool {
  let compiled: ValidateFunction<Input> | undefined;
  const validate = (input: unknown): input is Input => (compiled ??= ajv().compile<Input>(spec.inputSchema))(input);
  const { policyRequest, subject, check, describeEffect, execute, ...description } = spec;
  return {
    ...description,
    bind(args: unknown): BoundToolCall | { error: string } {
      const input: unknown = structuredClone(args ?? {});
      if (!validate(input)) return { error: `Invalid arguments for ${spec.name}: ${(compiled?.errors ?? []).map(describeSchemaError).join('; ')}.` };
      // One spelling of the account from here on, so grants, confirmations and the log all name it alike.
      input.account = canonicalAccountId(input.account);
      const problem = check?.(input);
      if (problem) return { error: `Invalid arguments for ${spec.name}: ${problem}.` };
      return {
        accountId: input.account,
        policyRequest: (agentId) => policyRequest(input, agentId),
        subject: subject(input),
        describeEffect: (context) => describeEffect(input, context),
        execute: (context) => execute(input, context),
      };
    },
  };
}

type RecordAction = 'describeRecordType' | 'read' | 'search' | 'create' | 'update' | 'delete';

/** The policy request of a tool that acts on one record type. */
export function recordRequest(action: RecordAction) {
  return (input: { account: string; recordType: string }, agentId: string): PolicyRequest => ({
    agentId,
    accountId: input.account,
    action,
    recordType: input.recordType,
  });
}
