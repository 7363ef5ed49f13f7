/**
 * What the agent tools need from NetSuite. The extension backs it with the client core (`src/netsuite/`), the
 * tests with the sandbox; the tools never see a token. Every method acts on one account; errors are thrown as the
 * client core's typed errors and their message is shown to the agent.
 */

import type { NetSuiteRecord } from '../../netsuite/records';

export type { NetSuiteRecord };

export interface RecordIdPage {
  ids: string[];
  totalResults: number;
  hasMore: boolean;
}

export interface SuiteQLRowPage {
  /** Rows as NetSuite returns them: lower-case column names, string values, NULL columns omitted. */
  rows: Record<string, unknown>[];
  totalResults: number;
  hasMore: boolean;
}

/** Paging as NetSuite does it: `offset` is a multiple of `limit`, `limit` ≤ 1000. */
export interface PageRequest {
  limit: number;
  offset: number;
}

export interface AgentNetSuiteOperations {
  /** Record type ids from the metadata catalog (`customer`, `salesorder`, `customrecord_x`). */
  listRecordTypes(accountId: string, signal?: AbortSignal): Promise<string[]>;
  /** The record type's JSON Schema (`Accept: application/schema+json`). */
  describeRecordType(accountId: string, recordType: string, signal?: AbortSignal): Promise<Record<string, unknown>>;
  getRecord(accountId: string, recordType: string, id: string, signal?: AbortSignal): Promise<NetSuiteRecord>;
  /** Collection GET with an optional `q` filter: ids only, as NetSuite answers. */
  listRecords(accountId: string, recordType: string, page: PageRequest & { q?: string }, signal?: AbortSignal): Promise<RecordIdPage>;
  runSuiteQL(accountId: string, query: string, page: PageRequest, signal?: AbortSignal): Promise<SuiteQLRowPage>;
  /** POST; resolves with the new id from the `Location` header. */
  createRecord(accountId: string, recordType: string, fields: NetSuiteRecord, signal?: AbortSignal): Promise<{ id: string }>;
  /** PATCH: only the given fields change. */
  updateRecord(accountId: string, recordType: string, id: string, fields: NetSuiteRecord, signal?: AbortSignal): Promise<void>;
  deleteRecord(accountId: string, recordType: string, id: string, signal?: AbortSignal): Promise<void>;
  /** PATCH many records of one type in NetSuite batches; one outcome per update, in order. Absent: one PATCH each. */
  bulkUpdateRecords?(
    accountId: string,
    recordType: string,
    updates: Array<{ id: string; fields: NetSuiteRecord }>,
    signal?: AbortSignal,
  ): Promise<Array<{ id: string; status: 'succeeded' | 'failed' | 'unknown'; error?: string }>>;
  /** `POST /{type}/{id}/!transform/{targetType}`; resolves with the new target record's id. */
  transformRecord(
    accountId: string,
    recordType: string,
    id: string,
    targetType: string,
    fields: NetSuiteRecord | undefined,
    signal?: AbortSignal,
  ): Promise<{ id: string }>;
}
