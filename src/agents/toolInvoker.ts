/**
 * Runs an agent's tool call through the guard: validate the arguments, decide with the policy, run against
 * NetSuite only when allowed, and write one activity-log entry for every call — allowed, denied or failed.
 * Shared by the VS Code language-model tools and the MCP server, so both are guarded identically.
 */
import { describeError } from '../netsuite/describeError';
import { redactText } from '../netsuite/secretRedaction';
import type { AgentAction } from './accessLevel';
import { accountEnvironment, accountLabel } from './accountEnvironment';
import type { AgentIdentity } from './agent';
import type { AuditLog } from './audit';
import type { AuditEntry } from './auditEntry';
import { decide, type DecisionContext, type MissingGrant, type PolicyDecision } from './policy';
import type { AgentPolicyStore } from './policyStore';
import { recordTypesToDescribe, type RecordTypeSchemas } from '../suiteql/displayReads';
import type { GuardedRead, SuiteQLReads } from '../suiteql/guardedRead';
import type { AgentTool, BoundToolCall, ToolContext } from './tools/agentTool';
import { findAgentTool } from './tools/agentTools';
import type { AgentNetSuiteOperations } from './tools/operations';
import { argumentsProblem, refusedArgumentsNote } from './toolArguments';
import { quoted } from './visibleText';

export interface AgentToolInvokerOptions {
  policyStore: AgentPolicyStore;
  operations: AgentNetSuiteOperations;
  auditLog: AuditLog;
  /**
   * Checks an agent's SuiteQL once per call: the tables it reads and the canonical text that alone may run
   * (a worker thread with a time limit in the extension, see suiteql/guardedRead.ts).
   */
  suiteqlReads: SuiteQLReads;
  /**
   * Asks the person before an allowed write runs (see WriteQuestion). Without it, writes to production are refused:
   * an agent's grant alone never changes a production account.
   */
  confirmWrite?: (question: WriteQuestion) => Promise<boolean>;
}

/**
 * The question before an agent's write. SuiteLens asks it itself, after the policy allowed the call and right before
 * it runs, so no client-side approval setting (VS Code's "Allow in this Session", Bypass Approvals, an MCP client's
 * auto-approve) can skip it. The adapter decides which accounts ask: production always does.
 */
export interface WriteQuestion {
  agentName: string;
  toolTitle: string;
  accountId: string;
  production: boolean;
  /** "Update customer 'Acme' (id 100) on 1234567 (production): phone 1 → 2" — the exact change. */
  effect: string;
  /** Why the policy allowed it: "allowed by 'customer: Edit'". */
  reason: string;
}

const writeActions: ReadonlySet<AgentAction> = new Set(['create', 'update', 'delete', 'transform']);
/** Calls whose effect a person is shown before they run: a call whose effect cannot be described does not run. */
const describedActions: ReadonlySet<AgentAction> = new Set(['suiteql', ...writeActions]);

/** The refusal of a call whose effect could not be worked out: nothing is asked with a vague text, nothing is sent. */
function undescribable(error: unknown): string {
  return redactText(`denied: the change could not be shown to the person, so nothing was sent (${describeError(error)})`);
}

/** The arguments' account, when it is a string: the log names it for a call refused before its arguments were bound. */
function accountArgumentOf(args: unknown): string {
  const account = (args as { account?: unknown } | null)?.account;
  return typeof account === 'string' ? account : '(no account)';
}

/** Thrown by `confirmWrite` when it would not ask at all; its message is the refusal the log gives. */
export class WriteNotAsked extends Error {
  override readonly name = 'WriteNotAsked';
}

/** A decision, and for an allowed SuiteQL call the call re-bound to the canonical text the policy checked. */
interface DecidedCall {
  decision: PolicyDecision;
  call: BoundToolCall;
}

/** What the agent gets back: the text to show it, and what was decided and logged. */
export interface AgentToolCallResult {
  ok: boolean;
  /** Summary, truncation notes and the compact JSON result — or the reason for a refusal. */
  text: string;
  data?: unknown;
  decision?: PolicyDecision;
  entry: AuditEntry;
}

/** What a confirmation dialog shows before the call runs. */
export interface AgentToolPreparation {
  allowed: boolean;
  reason: string;
  /** "Run SuiteQL on 1234567_SB1 (sandbox): SELECT …"; absent when the call would be refused. */
  effect?: string;
  /** For a refusal: the grants that would allow the call (for the person — "Grant What This Needed…"). */
  missing?: MissingGrant[];
}

/** Only a SuiteQL call is ever asked for its tables, and only with the text that was checked. */
function refuseUnchecked(): { ok: false; reason: string } {
  return { ok: false, reason: 'the query was not the one checked' };
}

export class AgentToolInvoker {
  constructor(private readonly options: AgentToolInvokerOptions) {}

  private async decideCall(agent: AgentIdentity, tool: AgentTool, call: BoundToolCall, args: unknown): Promise<DecidedCall> {
    let policy;
    try {
      policy = await this.options.policyStore.read();
    } catch (error) {
      return { decision: { allowed: false, reason: `denied: the agent policy could not be read (${describeError(error)})` }, call };
    }
    const request = call.policyRequest(agent.id);
    if (request.action !== 'suiteql') return { decision: decide(policy, request, { tablesReadBy: refuseUnchecked }), call };
    // The query is checked once; the policy decides on that check, and what runs is its canonical text, never the
    // agent's own bytes (suiteql/canonicalQuery.ts says why).
    const read = await this.options.suiteqlReads.check(request.query);
    const checked = read.ok ? { ...request, query: read.canonical } : request;
    const context: DecisionContext = { tablesReadBy: (query) => (read.ok && query !== read.canonical ? refuseUnchecked() : read) };
    if (read.ok) {
      // The catalog tells which transaction/item/entity types this account has (see suiteqlAccess.ts). Without it
      // the policy requires every documented type, which only ever refuses more.
      context.accountRecordTypes = await this.options.operations.listRecordTypes(call.accountId).catch(() => undefined);
      context.recordTypeSchemas = await this.displaySchemas(call.accountId, read, context.accountRecordTypes);
    }
    const decision = decide(policy, checked, context);
    if (!decision.allowed || !read.ok) return { decision, call };
    const canonicalCall = tool.bind({ ...(args as Record<string, unknown>), query: read.canonical });
    if ('error' in canonicalCall) return { decision: { allowed: false, reason: `denied: the checked query cannot be sent (${canonicalCall.error})` }, call };
    return { decision, call: canonicalCall };
  }

  /**
   * Catalog schemas that tell what the query's BUILTIN.DF columns point to where the standard tables cannot. A
   * schema that fails to load is left out: its columns stay unknown and the policy refuses the query.
   */
  private async displaySchemas(accountId: string, read: GuardedRead, accountRecordTypes: readonly string[] | undefined): Promise<RecordTypeSchemas> {
    if (!read.ok || !accountRecordTypes) return {};
    const wanted = recordTypesToDescribe(read.displayed, accountRecordTypes);
    const loaded = await Promise.all(
      wanted.map(async (recordType) => [recordType.toLowerCase(), await this.options.operations.describeRecordType(accountId, recordType).catch(() => undefined)] as const),
    );
    return Object.fromEntries(loaded.filter(([, schema]) => schema !== undefined));
  }

  private toolContext(accountId: string, signal?: AbortSignal): ToolContext {
    return { accountId, accountLabel: accountLabel(accountId), operations: this.options.operations, ...(signal ? { signal } : {}) };
  }

  /** Decides and describes a call without running or logging it — for the confirmation shown before `invoke`. */
  async prepare(agent: AgentIdentity, toolName: string, args: unknown, signal?: AbortSignal): Promise<AgentToolPreparation> {
    const tooBig = argumentsProblem(args);
    if (tooBig) return { allowed: false, reason: `denied: ${tooBig}` };
    const tool = findAgentTool(toolName);
    if (!tool) return { allowed: false, reason: `denied: there is no tool ${quoted(toolName)}` };
    const call = tool.bind(args);
    if ('error' in call) return { allowed: false, reason: `denied: ${call.error}` };
    const { decision, call: checked } = await this.decideCall(agent, tool, call, args);
    if (!decision.allowed) return { allowed: false, reason: decision.reason, ...(decision.missing ? { missing: decision.missing } : {}) };
    try {
      return { allowed: true, reason: decision.reason, effect: await checked.describeEffect(this.toolContext(call.accountId, signal)) };
    } catch (error) {
      // A change or a query the person would be asked about without seeing it is refused, never asked vaguely.
      if (describedActions.has(tool.action)) return { allowed: false, reason: undescribable(error) };
      return { allowed: true, reason: decision.reason, effect: `${tool.title} on ${accountLabel(call.accountId)} (details unavailable: ${redactText(describeError(error))})` };
    }
  }

  /**
   * The person's answer to an allowed write, asked right before it runs; a refusal reason when the write must not go
   * ahead. Fails closed: production without a way to ask, an answer that is not a yes, or an agent that gave up
   * waiting (its request aborted while the question was open) all refuse.
   */
  private async personDeclines(agent: AgentIdentity, tool: AgentTool, call: BoundToolCall, decision: PolicyDecision, signal?: AbortSignal): Promise<string | undefined> {
    if (!writeActions.has(tool.action)) return undefined;
    const production = accountEnvironment(call.accountId) === 'production';
    if (!this.options.confirmWrite) return production ? 'denied: a change on a production account needs the person to confirm it, and no one can be asked here' : undefined;
    let effect: string;
    try {
      effect = await call.describeEffect(this.toolContext(call.accountId, signal));
    } catch (error) {
      return undescribable(error);
    }
    let confirmed = false;
    try {
      confirmed = await this.options.confirmWrite({ agentName: agent.name, toolTitle: tool.title, accountId: call.accountId, production, effect, reason: decision.reason });
    } catch (error) {
      if (error instanceof WriteNotAsked) return `denied: ${error.message}`;
      confirmed = false;
    }
    if (signal?.aborted) return 'denied: the agent stopped waiting before the person answered; nothing was sent';
    return confirmed === true ? undefined : 'denied: the person declined this change';
  }

  /**
   * Runs one call and logs it. Never throws: whatever fails inside (a tool, the policy store, the log itself) is
   * logged and answered as a refusal or a failure, so no call can go unrecorded by making something throw.
   */
  async invoke(agent: AgentIdentity, toolName: string, args: unknown, signal?: AbortSignal): Promise<AgentToolCallResult> {
    // Arguments too big or too deep to read safely are refused before anything walks them, and never logged.
    const tooBig = argumentsProblem(args);
    if (tooBig) {
      const reason = `denied: ${tooBig}`;
      const action = findAgentTool(toolName)?.action ?? 'unknownTool';
      const entry = await this.options.auditLog.append({ agent, tool: toolName, arguments: refusedArgumentsNote(tooBig), accountId: accountArgumentOf(args), action, decision: 'denied', reason });
      return { ok: false, text: reason, entry };
    }
    let executed = false;
    try {
      return await this.invokeChecked(agent, toolName, args, () => (executed = true), signal);
    } catch (error) {
      // Something broke outside NetSuite's answer: log it as refused (nothing was sent) or failed (it may have been).
      const message = redactText(describeError(error));
      const reason = executed ? `allowed, but SuiteLens failed after sending it: ${message}` : `denied: SuiteLens could not check this call (${message})`;
      const entry = await this.options.auditLog.append({
        agent,
        tool: toolName,
        arguments: args,
        accountId: accountArgumentOf(args),
        action: findAgentTool(toolName)?.action ?? 'unknownTool',
        decision: executed ? 'allowed' : 'denied',
        reason,
        ...(executed ? { outcome: 'failed' as const, error: message } : {}),
      });
      return { ok: false, text: reason, entry };
    }
  }

  private async invokeChecked(agent: AgentIdentity, toolName: string, args: unknown, executing: () => void, signal?: AbortSignal): Promise<AgentToolCallResult> {
    const tool = findAgentTool(toolName);
    const base = { agent, tool: toolName, arguments: args };
    const accountArgument = accountArgumentOf(args);
    if (!tool) {
      const reason = `denied: there is no tool ${quoted(toolName)}`;
      const entry = await this.options.auditLog.append({ ...base, accountId: accountArgument, action: 'unknownTool', decision: 'denied', reason });
      return { ok: false, text: reason, entry };
    }
    const call = tool.bind(args);
    if ('error' in call) {
      const reason = `denied: ${call.error}`;
      const entry = await this.options.auditLog.append({ ...base, accountId: accountArgument, action: tool.action, decision: 'denied', reason });
      return { ok: false, text: reason, entry };
    }
    const { decision, call: checked } = await this.decideCall(agent, tool, call, args);
    if (!decision.allowed) {
      const entry = await this.options.auditLog.append({ ...base, ...call.subject, accountId: call.accountId, action: tool.action, decision: 'denied', reason: decision.reason });
      return { ok: false, text: decision.reason, decision, entry };
    }
    // An allowed SuiteQL call is logged with the canonical text, which is what ran.
    const logged = { ...base, ...checked.subject, accountId: call.accountId, action: tool.action };
    const declined = await this.personDeclines(agent, tool, checked, decision, signal);
    if (declined) {
      const entry = await this.options.auditLog.append({ ...logged, decision: 'denied', reason: declined });
      return { ok: false, text: declined, decision: { allowed: false, reason: declined }, entry };
    }
    executing();
    try {
      const outcome = await checked.execute(this.toolContext(call.accountId, signal));
      const entry = await this.options.auditLog.append({ ...logged, ...outcome.subject, decision: 'allowed', reason: decision.reason, outcome: 'succeeded' });
      // A bulk change: one sentence per record it changed, after the call's own.
      for (const record of outcome.records ?? []) await this.options.auditLog.append({ ...logged, arguments: { id: record.recordId }, ...record, decision: 'allowed', reason: decision.reason, outcome: 'succeeded' });
      const notes = outcome.truncated?.length ? `\n${outcome.truncated.join('\n')}` : '';
      const json = outcome.data === undefined ? '' : `\n${JSON.stringify(outcome.data)}`;
      return { ok: true, text: `${outcome.summary}${notes}${json}`, data: outcome.data, decision, entry };
    } catch (error) {
      // NetSuite's error text may quote what was sent: redacted like everything else an agent reads back.
      const message = redactText(describeError(error));
      const entry = await this.options.auditLog.append({ ...logged, decision: 'allowed', reason: decision.reason, outcome: 'failed', error: message });
      return { ok: false, text: `NetSuite refused or failed: ${message}`, decision, entry };
    }
  }
}
