/**
 * The explorer rows' `contextValue`s, which package.json menus match with `viewItem == …` / `viewItem =~ /…/`.
 * Pure (no `vscode` import) so a unit test can check them against the manifest's `when` clauses.
 */
import type { RecordNode } from './explorerNodes';

/**
 * Record rows and references add `:<record type>` (`suitelens.record:salesorder`, `suitelens.record.reference:customer`)
 * so a menu can offer what NetSuite offers for that type only (Create Invoice on sales orders); menus for every
 * record match `/^suitelens\.record(\.reference)?:/`.
 */
export const explorerContext = {
  account: 'suitelens.account',
  typeGroup: 'suitelens.typeGroup',
  recordType: 'suitelens.recordType',
  recordTypeFiltered: 'suitelens.recordType.filtered',
  record: 'suitelens.record',
  reference: 'suitelens.record.reference',
  field: 'suitelens.field',
  sublist: 'suitelens.sublist',
  line: 'suitelens.line',
  loadMore: 'suitelens.loadMore',
  loading: 'suitelens.message.loading',
  empty: 'suitelens.message.empty',
  error: 'suitelens.message.error',
} as const;

/** `suitelens.record:salesorder` / `suitelens.record.reference:customer` (see `explorerContext`). */
export function recordContextValue(node: RecordNode): string {
  return `${node.fieldTitle ? explorerContext.reference : explorerContext.record}:${node.recordType.toLowerCase()}`;
}
