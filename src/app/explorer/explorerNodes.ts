/**
 * The explorer's nodes: plain data, each knowing its parent and carrying a stable `id` (its path), so VS Code keeps
 * expansion and selection across refreshes and `getParent` is a field read. No `vscode` import: the model that
 * builds them is tested against the sandbox in plain Node.
 */
import type { NetSuiteErrorKind } from '../../netsuite/errors';
import type { NetSuiteRecord } from '../../netsuite/records';

interface NodeBase {
  /** Unique in the tree: the parent's id plus this node's own key. */
  readonly id: string;
  readonly accountId: string;
  readonly parent: ExplorerNode | undefined;
}

export interface AccountNode extends NodeBase {
  readonly kind: 'account';
  readonly parent: undefined;
  label: string;
  description: string;
}

export interface TypeGroupNode extends NodeBase {
  readonly kind: 'typeGroup';
  readonly group: 'standard' | 'custom';
}

export interface RecordTypeNode extends NodeBase {
  readonly kind: 'recordType';
  readonly recordType: string;
}

export interface RecordNode extends NodeBase {
  readonly kind: 'record';
  readonly recordType: string;
  readonly recordId: string;
  /** The record's display name when known (from the page's SuiteQL name query or the reference's refName). */
  readonly name?: string;
  /** Set when this node is a reference field of another record: the field's title ("Sales Rep"). */
  readonly fieldTitle?: string;
  /** The value of the column its type's list is sorted by ("Balance", "126,861.90"), when sorted by one. */
  readonly sorted?: { readonly label: string; readonly text: string };
}

export interface FieldNode extends NodeBase {
  readonly kind: 'field';
  readonly field: string;
  readonly title: string;
  readonly value: string;
  readonly valueType: string;
}

export interface SublistNode extends NodeBase {
  readonly kind: 'sublist';
  readonly field: string;
  readonly title: string;
  readonly lines: readonly NetSuiteRecord[];
  readonly totalResults: number;
  /** `$ref` of the sublist's collection schema, for the line fields' titles. */
  readonly schemaRef?: string;
}

export interface LineNode extends NodeBase {
  readonly kind: 'line';
  readonly label: string;
  readonly line: NetSuiteRecord;
  readonly schemaRef?: string;
}

export interface LoadMoreNode extends NodeBase {
  readonly kind: 'loadMore';
  readonly loaded: number;
  readonly total: number;
}

export type MessageSeverity = 'loading' | 'empty' | 'error';

export interface MessageNode extends NodeBase {
  readonly kind: 'message';
  readonly severity: MessageSeverity;
  readonly text: string;
  /** Errors: what the user can do (NetSuite's missing permission, sign in again, …). */
  readonly advice?: string;
  readonly errorKind?: NetSuiteErrorKind | 'other';
  /** Errors: the full message, for the tooltip and "show details". */
  readonly detail?: string;
}

export type ExplorerNode = AccountNode | TypeGroupNode | RecordTypeNode | RecordNode | FieldNode | SublistNode | LineNode | LoadMoreNode | MessageNode;

/** A record as features name it to each other (`suitelens.explorer.revealRecord`'s argument). */
export interface RecordLocation {
  accountId: string;
  recordType: string;
  id: string;
}

/**
 * A command argument as a record: `{accountId, recordType, id}` (a number id too) or an explorer record node,
 * whose own `id` is its tree path and whose record id is `recordId`. Undefined when anything is missing.
 */
export function recordLocationOf(argument: unknown): RecordLocation | undefined {
  if (typeof argument !== 'object' || argument === null) return undefined;
  const given = argument as Record<string, unknown>;
  const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined);
  const accountId = text(given.accountId);
  const recordType = text(given.recordType);
  const id = text(given.recordId) ?? text(given.id);
  return accountId && recordType && id ? { accountId, recordType, id } : undefined;
}

