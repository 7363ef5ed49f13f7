/**
 * What the explorer keeps for one account: its row, its record types and their names, its filters and sorts, and
 * the type rows already made. Held in the account's state (accounts/accountState.ts), so it goes when the account
 * does, instead of in maps keyed by account id that the explorer would have to remember to clean (issue 18).
 */
import { accountStateKey } from '../accounts/accountState';
import type { RecordFilter, RecordSort } from './explorerModel';
import type { AccountNode, RecordTypeNode, TypeGroupNode } from './explorerNodes';

export class ExplorerAccountView {
  /** The account's row, kept so that its loaded children stay when the tree asks for the roots again. */
  node?: AccountNode;
  /** Record type ids from the metadata catalog, once loaded. */
  recordTypes?: string[];
  /** Custom record types' names (`customrecord_x` → "Project Milestone"), from SuiteQL's customrecordtype. */
  customTypeLabels?: Map<string, string>;
  /** Read the catalog again, not from its cache, on the next load: the user refreshed the account. */
  catalogRefresh = false;
  /** The record type filter typed for this account. */
  typeFilter?: string;
  /** By record type row id. */
  readonly recordFilters = new Map<string, RecordFilter>();
  readonly recordSorts = new Map<string, RecordSort>();
  /** Rows made so far, by id, so a row keeps its identity (and its loaded children) across redraws. */
  readonly groupNodes = new Map<string, TypeGroupNode>();
  readonly typeNodes = new Map<string, RecordTypeNode>();
}

export const explorerViewKey = accountStateKey<ExplorerAccountView>('explorer.view');
