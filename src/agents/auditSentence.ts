/**
 * The activity log in plain English: "Billing helper read customer 'Acme Corp' (id 456) on 1234567_SB1 — allowed
 * by 'customer: View'" / "Billing helper tried to create an invoice on 1234567 (production) — denied: invoice not
 * granted".
 */
import type { AccountEnvironment } from './accountEnvironment';
import type { AuditEvent, RefusedRequestKind } from './auditEntry';
import { quoted, visibleText } from './visibleText';

/** `salesOrder` → `sales order`; custom ids (`customrecord_x`) stay as NetSuite spells them. */
export function humanRecordType(recordType: string): string {
  return recordType.includes('_') ? recordType : recordType.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

export function withArticle(noun: string): string {
  return `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;
}

export function accountPhrase(accountId: string, environment: AccountEnvironment): string {
  return environment === 'production' ? `${accountId} (production)` : accountId;
}

/**
 * A query on one line: ordinary layout (spaces, tabs, line feeds, CRLF) becomes one space, every other control or
 * invisible character is shown escaped (a lone CR or U+2028 ends a comment for one SQL reader and not another, so
 * the log must show it), then cut to `max` characters.
 */
function shorten(text: string, max: number): string {
  const oneLine = visibleText(text.replace(/(?:[ \t]|\r?\n)+/g, ' ').trim());
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}

/**
 * The event with every value an agent (or NetSuite's answer to it) supplied made visible: control and bidi
 * characters escaped, so a newline or U+202E in a tool name, account or record name cannot reshape the sentence.
 * The record name and an unknown tool's name stay as sent: the sentence quotes them with `quoted`, which escapes them
 * itself and also escapes the quote that would otherwise let them close their quotes and write our words.
 */
function visibleEvent(event: AuditEvent): AuditEvent {
  const shown = (text: string | undefined): string | undefined => (text === undefined ? undefined : visibleText(text));
  return {
    ...event,
    agent: { ...event.agent, name: visibleText(event.agent.name) },
    accountId: visibleText(event.accountId),
    tool: event.tool,
    reason: visibleText(event.reason),
    recordType: shown(event.recordType),
    recordId: shown(event.recordId),
    recordName: event.recordName,
    targetType: shown(event.targetType),
    targetId: shown(event.targetId),
    error: shown(event.error),
    changedFields: event.changedFields?.map(visibleText),
  };
}

/** `customer 'Acme Corp' (id 456)`, `customer (id 456)`, or `a customer` when there is no record yet. */
function recordPhrase(recordType: string | undefined, id: string | undefined, name: string | undefined): string {
  const type = humanRecordType(recordType ?? 'record');
  if (!id) return name ? `${withArticle(type)} ${quoted(name)}` : withArticle(type);
  return name ? `${type} ${quoted(name)} (id ${id})` : `${type} (id ${id})`;
}

/** The deed, in the past tense when it happened and as an infinitive after "tried to". */
function deed(event: AuditEvent): { done: string; attempt: string } {
  const record = recordPhrase(event.recordType, event.recordId, event.recordName);
  switch (event.action) {
    case 'refusedRequest':
      return { done: 'sent a request the MCP endpoint refused', attempt: 'reach the MCP endpoint' };
    case 'unknownTool':
      return { done: `called the unknown tool ${quoted(event.tool)}`, attempt: `call the unknown tool ${quoted(event.tool)}` };
    case 'listRecordTypes':
      return { done: 'listed the record types', attempt: 'list the record types' };
    case 'describeRecordType': {
      const what = `the ${humanRecordType(event.recordType ?? 'record')} record type`;
      return { done: `described ${what}`, attempt: `describe ${what}` };
    }
    case 'read':
      return { done: `read ${record}`, attempt: `read ${record}` };
    case 'search': {
      const what = `${humanRecordType(event.recordType ?? 'record')} records${event.query ? ` matching "${shorten(event.query, 80)}"` : ''}`;
      return { done: `searched ${what}`, attempt: `search ${what}` };
    }
    case 'suiteql': {
      const what = `SuiteQL "${shorten(event.query ?? '', 120)}"`;
      return { done: `ran ${what}`, attempt: `run ${what}` };
    }
    case 'create':
      return { done: `created ${record}`, attempt: `create ${record}` };
    case 'update': {
      const fields = event.changedFields?.length ? `${event.changedFields.join(', ')} on ` : '';
      return { done: `updated ${fields}${record}`, attempt: `update ${fields}${record}` };
    }
    case 'delete':
      return { done: `deleted ${record}`, attempt: `delete ${record}` };
    case 'transform': {
      const target = humanRecordType(event.targetType ?? 'record');
      const into = event.targetId ? `${target} (id ${event.targetId})` : withArticle(target);
      return { done: `transformed ${record} into ${into}`, attempt: `transform ${record} into ${into}` };
    }
  }
}

const refusedWhat: Record<RefusedRequestKind, string> = {
  missingKey: 'without an agent key',
  wrongKey: 'with a wrong key',
  foreignOrigin: 'from a web page',
  foreignHost: 'with a foreign Host header',
};

function windowPhrase(seconds: number): string {
  if (seconds === 60) return ' in the last minute';
  return seconds % 60 === 0 ? ` in the last ${seconds / 60} minutes` : ` in the last ${seconds} seconds`;
}

/** "12 requests with a wrong key in the last minute were refused at the MCP endpoint — denied: …" */
function refusedSentence(event: AuditEvent): string {
  const refused = event.refused ?? { kind: 'wrongKey', count: 1, windowSeconds: 0 };
  const requests = refused.count === 1 ? '1 request' : `${refused.count} requests`;
  const when = refused.windowSeconds > 0 ? windowPhrase(refused.windowSeconds) : '';
  return `${requests} ${refusedWhat[refused.kind]}${when} ${refused.count === 1 ? 'was' : 'were'} refused at the MCP endpoint — ${event.reason}`;
}

export function auditSentence(agentEvent: AuditEvent, environment: AccountEnvironment): string {
  const event = visibleEvent(agentEvent);
  if (event.action === 'refusedRequest') return refusedSentence(event);
  const where = `on ${accountPhrase(event.accountId, environment)}`;
  const { done, attempt } = deed(event);
  if (event.decision === 'denied') return `${event.agent.name} tried to ${attempt} ${where} — ${event.reason}`;
  if (event.outcome === 'failed') return `${event.agent.name} tried to ${attempt} ${where} — ${event.reason}, but it failed: ${event.error ?? 'unknown error'}`;
  return `${event.agent.name} ${done} ${where} — ${event.reason}`;
}
