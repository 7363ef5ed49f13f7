/**
 * The explorer's model: what each node's children are, fetched from NetSuite once and cached until the user
 * refreshes that node. It owns paging ("Load more…"), the type and record filters, and turns failures into error
 * nodes that carry NetSuite's detail and advice. No `vscode` import: the TreeDataProvider is a thin adapter over
 * it, and the model itself is tested against the sandbox over real HTTP.
 */
import type { NetSuiteClient } from '../../netsuite/client';
import { isNetSuiteError } from '../../netsuite/errors';
import { silentLogger, type Logger } from '../../netsuite/log';
import { catalogNameOfRef, type RecordTypeSchema } from '../../netsuite/metadata';
import type { NetSuiteRecord } from '../../netsuite/records';
import { recordTypeLabel } from '../../netsuite/recordTypeLabels';
import { describeProfile, type AccountProfile } from '../accounts/accountProfile';
import type { AccountState } from '../accounts/accountState';
import { ExplorerAccountView, explorerViewKey } from './explorerAccountView';
import type {
  AccountNode,
  ExplorerNode,
  LineNode,
  MessageNode,
  MessageSeverity,
  RecordLocation,
  RecordNode,
  RecordTypeNode,
  SublistNode,
  TypeGroupNode,
} from './explorerNodes';
import { filterToQ } from './filterToQ';
import { qToSuiteQL } from './qToSuiteQL';
import { formatColumnValue, sortableColumns, type SortColumn } from './recordColumns';
import { lineLabel, recordEntries, sublistElementSchemaName, type RecordEntry } from './recordFields';
import { recordListQuery, recordNamesQuery, suiteQLNameSource, typeNotebookQuery } from './recordNaming';
import { groupRecordTypes, isCustomRecordType } from './recordTypeGroups';

/** What the model needs from the account registry. */
export interface ExplorerAccounts {
  list(): AccountProfile[];
  scope(accountId: string): Promise<{ client: NetSuiteClient }>;
  /** Where the explorer keeps what it holds for the account (ExplorerAccountView). */
  state(accountId: string): Pick<AccountState, 'get'>;
}

export interface ExplorerModelOptions {
  accounts: ExplorerAccounts;
  /** Records per page (the `suitelens.explorer.pageSize` setting), 1–1000. */
  pageSize: () => number;
  logger?: Logger;
}

export interface RecordFilter {
  /** What the user typed. */
  text: string;
  /** The `q` expression sent to NetSuite. */
  q: string;
  /** The same condition in SuiteQL, when it has one (see `qToSuiteQL`): the list is then fetched by SuiteQL. */
  sql?: string;
}

/** The field a type's list is sorted by, chosen with "Sort By…"; it lasts for the session. */
export interface RecordSort extends SortColumn {
  direction: 'asc' | 'desc';
}

/** A record found by the record picker. */
export interface FoundRecord {
  id: string;
  name?: string;
}

interface RecordListState {
  /** How pages are fetched: SuiteQL (ordered by NetSuite), or the REST list when SuiteQL cannot serve this list. */
  source: 'suiteql' | 'rest';
  records: RecordNode[];
  nextOffset: number;
  pageSize: number;
  hasMore: boolean;
  totalResults: number;
  loadingMore?: Promise<void>;
  error?: MessageNode;
}

type ChildState = { loading: Promise<void>; children?: undefined } | { loading?: undefined; children: ExplorerNode[] };

export type ChangeListener = (node: ExplorerNode | undefined) => void;

export interface RevealedRecord {
  /** The record's row under its type, to select. */
  node: RecordNode;
  /** Filters cleared so the record could show, in words ("the customer filter \"acme\""); empty when none. */
  clearedFilters: string[];
}

export class ExplorerModel {
  /** The account rows as last listed; each account's own state is in its ExplorerAccountView. */
  private accountNodes: AccountNode[] = [];
  private readonly states = new WeakMap<ExplorerNode, ChildState>();
  private readonly lists = new WeakMap<RecordTypeNode, RecordListState>();
  private readonly records = new WeakMap<RecordNode, NetSuiteRecord>();
  private readonly listeners = new Set<ChangeListener>();
  private readonly logger: Logger;
  private serial = 0;

  constructor(private readonly options: ExplorerModelOptions) {
    this.logger = options.logger ?? silentLogger;
  }

  /** Called with the node whose children changed (undefined: the account list). */
  onDidChange(listener: ChangeListener): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** The account nodes, reusing the node (and its loaded children) of every account still registered. */
  roots(): AccountNode[] {
    this.accountNodes = this.options.accounts.list().map((profile) => {
      const view = this.view(profile.accountId);
      const node: AccountNode = (view.node ??= { kind: 'account', id: `account:${profile.accountId}`, accountId: profile.accountId, parent: undefined, label: '', description: '' });
      node.label = profile.label;
      node.description = this.accountDescription(profile);
      return node;
    });
    return this.accountNodes;
  }

  /** What the explorer keeps for an account, in the account's state. */
  private view(accountId: string): ExplorerAccountView {
    return this.options.accounts.state(accountId).get(explorerViewKey, () => new ExplorerAccountView());
  }

  /** The children if they are loaded, without loading anything. */
  peekChildren(node: ExplorerNode): ExplorerNode[] | undefined {
    return this.readyChildren(node);
  }

  /**
   * The children, loading them first when needed. Never rejects: failures become an error node. A load announces
   * no change: whoever asked has the answer (the tree decides whether it showed a placeholder to replace).
   */
  async children(node: ExplorerNode): Promise<ExplorerNode[]> {
    const ready = this.readyChildren(node);
    if (ready) return ready;
    let loading = this.states.get(node)?.loading;
    if (!loading) {
      loading = this.load(node).then(
        (children) => {
          if (children) this.states.set(node, { children });
          else this.states.delete(node);
        },
        (error: unknown) => {
          this.states.set(node, { children: [this.errorNode(node, error)] });
        },
      );
      this.states.set(node, { loading });
    }
    await loading;
    return this.readyChildren(node) ?? [];
  }

  /** A placeholder shown while `node`'s children load. */
  loadingNode(node: ExplorerNode): MessageNode {
    return this.message(node, 'loading', 'Loading…');
  }

  /** Forgets what was loaded under `node`; its children are fetched again when next shown. */
  refresh(node: ExplorerNode | undefined): void {
    if (!node) {
      for (const account of this.accountNodes) this.forgetAccount(account);
    } else if (node.kind === 'account') {
      this.forgetAccount(node);
    } else if (node.kind === 'typeGroup') {
      const account = this.view(node.accountId).node;
      this.forgetAccount(account ?? node);
      node = account;
    } else {
      this.states.delete(node);
      if (node.kind === 'recordType') this.lists.delete(node);
    }
    this.fire(node);
  }

  /**
   * A record was changed elsewhere (a form saved it): its rows under its type show what NetSuite has now. Its fields
   * are fetched again when next shown, and its row is announced so an expanded record refreshes at once.
   */
  recordChanged(accountId: string, recordType: string, id: string): void {
    const wanted = recordType.toLowerCase();
    for (const typeNode of this.view(accountId).typeNodes.values()) {
      if (typeNode.recordType.toLowerCase() !== wanted) continue;
      for (const record of this.lists.get(typeNode)?.records ?? []) {
        if (record.recordId !== id) continue;
        this.states.delete(record);
        this.records.delete(record);
        this.fire(record);
      }
    }
  }

  /** Fetches the next page of a type's records. */
  async loadMore(node: RecordTypeNode): Promise<void> {
    const list = this.lists.get(node);
    if (!list || !list.hasMore) return;
    // One change event when the page is in: a second one while VS Code is still re-reading the node is lost.
    list.loadingMore ??= this.fetchPage(node, list)
      .catch((error: unknown) => {
        list.error = this.errorNode(node, error);
      })
      .finally(() => {
        list.loadingMore = undefined;
        this.fire(node);
      });
    await list.loadingMore;
  }

  typeFilter(accountId: string): string | undefined {
    return this.view(accountId).typeFilter;
  }

  /** Narrows the account's record types to names containing `text` (empty clears it). */
  setTypeFilter(accountId: string, text: string): void {
    this.view(accountId).typeFilter = text.trim() || undefined;
    // The whole tree: the account row's own description names the filter, and VS Code redraws a row's own
    // description only when its parent (here the root) is refreshed.
    this.fire(undefined);
  }

  recordFilter(node: RecordTypeNode): RecordFilter | undefined {
    return this.view(node.accountId).recordFilters.get(node.id);
  }

  /**
   * Filters a type's records: plain text searches the type's filterable name fields, a `q` expression passes
   * through (see `filterToQ`). Throws a plain sentence when the text cannot become a filter.
   */
  async setRecordFilter(node: RecordTypeNode, text: string): Promise<RecordFilter | undefined> {
    let filter: RecordFilter | undefined;
    if (text.trim()) {
      const { client } = await this.options.accounts.scope(node.accountId);
      const schema = await client.metadata.schema(node.recordType).catch(() => undefined);
      const result = filterToQ(text, { filterable: schema?.['x-ns-filterable'] ?? [], recordType: node.recordType, properties: schema?.properties });
      if (result.kind === 'error') throw new Error(result.message);
      if (result.kind === 'q') filter = { text: text.trim(), q: result.q, sql: qToSuiteQL(result.q, node.recordType) };
    }
    const filters = this.view(node.accountId).recordFilters;
    if (filter) filters.set(node.id, filter);
    else filters.delete(node.id);
    this.states.delete(node);
    this.lists.delete(node);
    // The parent, so VS Code also redraws the type's own row (its filter description and menu context).
    this.fire(node.parent);
    return filter;
  }

  /** What people call a type: NetSuite's label, a custom record's own name, else its script id. */
  typeLabel(accountId: string, recordType: string): string {
    return this.view(accountId).customTypeLabels?.get(recordType.toLowerCase()) ?? recordTypeLabel(recordType);
  }

  /** The account's record type ids, from the metadata catalog (cached). */
  async recordTypeNames(accountId: string): Promise<string[]> {
    const { client } = await this.options.accounts.scope(accountId);
    return client.metadata.recordTypes();
  }

  recordSort(node: RecordTypeNode): RecordSort | undefined {
    return this.view(node.accountId).recordSorts.get(node.id);
  }

  /** The columns "Sort By…" offers for a type, by label (the type's schema is read only when SuiteLens has no table description). */
  async sortColumns(node: RecordTypeNode): Promise<SortColumn[]> {
    const known = sortableColumns(node.recordType, undefined);
    if (known.length) return known;
    const { client } = await this.options.accounts.scope(node.accountId);
    return sortableColumns(node.recordType, await client.metadata.schema(node.recordType).catch(() => undefined));
  }

  /** Sorts a type's list by a column (undefined: back to internal id order) and lists it again from the first page. */
  setRecordSort(node: RecordTypeNode, sort: RecordSort | undefined): void {
    const sorts = this.view(node.accountId).recordSorts;
    if (sort) sorts.set(node.id, sort);
    else sorts.delete(node.id);
    this.states.delete(node);
    this.lists.delete(node);
    this.fire(node.parent);
  }

  /** The SuiteQL "Query in Notebook" opens for a type: the rows the tree shows, with its filter and sort. */
  notebookQuery(node: RecordTypeNode): string {
    const view = this.view(node.accountId);
    const filter = view.recordFilters.get(node.id);
    const sort = view.recordSorts.get(node.id);
    return typeNotebookQuery(node.recordType, { where: filter?.sql, untranslatedQ: filter && !filter.sql ? filter.q : undefined, sort });
  }

  /**
   * Records of a type whose name, or internal id, matches what the user typed (the record picker), by their name
   * column (entity id, document number, item name, …) and a company's name: at most `limit`, by name.
   */
  async searchRecords(accountId: string, recordType: string, text: string, limit = 50): Promise<FoundRecord[]> {
    const { client } = await this.options.accounts.scope(accountId);
    const source = suiteQLNameSource(recordType);
    const wanted = text.trim().toLowerCase();
    const nameColumns = [source.nameColumn, ...(['customer', 'vendor', 'partner'].includes(recordType.toLowerCase()) ? ['companyname'] : [])];
    const like = `'%${wanted.replace(/'/g, "''")}%'`;
    const matches = wanted ? [...nameColumns.map((column) => `LOWER(${column}) LIKE ${like}`), ...(/^\d{1,18}$/.test(wanted) ? [`id = ${wanted}`] : [])].join(' OR ') : undefined;
    const query = recordListQuery(recordType, { where: matches, sort: { column: source.nameColumn, direction: 'asc' } });
    const page = await client.queryPage(query, 0, { pageSize: Math.min(1000, Math.max(1, limit)) });
    return page.rows.flatMap((row) => (row.raw.id === undefined ? [] : [{ id: String(row.raw.id), name: row.raw.name ? String(row.raw.name) : undefined }]));
  }

  /** The record as NetSuite last sent it for this node (sublists expanded), fetching it when not loaded yet. */
  async recordJson(node: RecordNode): Promise<NetSuiteRecord> {
    const loaded = this.records.get(node);
    if (loaded) return loaded;
    const { client } = await this.options.accounts.scope(node.accountId);
    return client.records.get(node.recordType, node.recordId, { expandSubResources: true });
  }

  /** The client of a node's account (for commands: open in NetSuite, notebooks). */
  async client(node: ExplorerNode): Promise<NetSuiteClient> {
    return (await this.options.accounts.scope(node.accountId)).client;
  }

  /**
   * Makes a record's row exist under its account → type group → type, loading what is missing, and returns it for
   * the tree to select. A record in a loaded page is that row. Otherwise it is put at the top of the type's loaded
   * list as its own row (named like every other row) instead of paging through NetSuite's list, which has no
   * order control: a record just created can be on the last of many pages. Later pages skip it (`fetchPage` never
   * adds a known id), so it never shows twice.
   *
   * A filter that hides the record is cleared, and named in the result so the caller can say so. Of the two
   * choices (clear it, or refuse and explain) clearing is the less surprising: the user asked to see this record —
   * they just created it, or followed a reference to it — and a tree that does not show it reads as a failed
   * reveal; keeping the filter and slipping a non-matching row into the filtered list would make the filter look
   * broken instead. A record already in the loaded filtered rows is simply selected and the filter kept.
   * Throws a plain sentence (NetSuite's detail for a record that does not exist) when it cannot be shown.
   */
  async revealRecord(location: RecordLocation): Promise<RevealedRecord> {
    const account = this.roots().find((node) => node.accountId === location.accountId);
    if (!account) throw new Error(`The NetSuite account ${location.accountId} is not in the explorer.`);
    await this.loaded(account);
    const view = this.view(account.accountId);
    const recordType = view.recordTypes?.find((type) => type.toLowerCase() === location.recordType.toLowerCase());
    if (!recordType) throw new Error(`${account.label} has no record type "${location.recordType}" in its metadata catalog.`);
    const clearedFilters: string[] = [];
    let changed: ExplorerNode | undefined = undefined;
    let announce = false;

    const typeFilter = view.typeFilter;
    const group = this.groupNode(account, isCustomRecordType(recordType) ? 'custom' : 'standard');
    if (typeFilter && !groupRecordTypes([recordType], typeFilter, (type) => this.typeLabel(account.accountId, type))[group.group].length) {
      view.typeFilter = undefined;
      clearedFilters.push(`the record type filter "${typeFilter}"`);
      announce = true; // the root: the account row's description named the filter
    }
    const typeNode = this.typeNode(group, recordType);
    let list = await this.loadedList(typeNode);
    let node = list.records.find((record) => record.recordId === location.id);
    const recordFilter = view.recordFilters.get(typeNode.id);
    if (!node && recordFilter) {
      view.recordFilters.delete(typeNode.id);
      this.states.delete(typeNode);
      this.lists.delete(typeNode);
      clearedFilters.push(`the ${recordTypeLabel(recordType)} filter "${recordFilter.text}"`);
      if (!announce) changed = group; // the type row's own description and menu context change
      announce = true;
      list = await this.loadedList(typeNode);
      node = list.records.find((record) => record.recordId === location.id);
    }
    if (!node) {
      node = this.recordRow(typeNode, location.id, await this.existingRecordName(typeNode, location.id));
      list.records.unshift(node);
      if (!announce) changed = typeNode;
      announce = true;
    }
    if (announce) this.fire(changed);
    return { node, clearedFilters };
  }

  private accountDescription(profile: AccountProfile): string {
    const described = describeProfile(profile);
    const withoutLabel = described.startsWith(`${profile.label} · `) ? described.slice(profile.label.length + 3) : described;
    const filter = this.view(profile.accountId).typeFilter;
    return filter ? `${withoutLabel} · types: "${filter}"` : withoutLabel;
  }

  private readyChildren(node: ExplorerNode): ExplorerNode[] | undefined {
    const state = this.states.get(node);
    if (state?.loading) return undefined;
    return this.peekChildrenNoLoad(node);
  }

  private peekChildrenNoLoad(node: ExplorerNode): ExplorerNode[] | undefined {
    if (node.kind === 'account' || node.kind === 'typeGroup') {
      const types = this.view(node.accountId).recordTypes;
      if (types) return node.kind === 'account' ? this.groupsOf(node, types) : this.typesOf(node, types);
    }
    if (node.kind === 'recordType') {
      const list = this.lists.get(node);
      if (list) return this.listChildren(node, list);
    }
    return this.states.get(node)?.children;
  }

  /** Loads into the caches; returns children to store, or undefined when they are derived from a cache. */
  private async load(node: ExplorerNode): Promise<ExplorerNode[] | undefined> {
    switch (node.kind) {
      case 'account':
      case 'typeGroup': {
        const { client } = await this.options.accounts.scope(node.accountId);
        const view = this.view(node.accountId);
        const refresh = view.catalogRefresh;
        view.catalogRefresh = false;
        const types = await client.metadata.recordTypes({ refresh });
        if (refresh || !view.customTypeLabels) view.customTypeLabels = await this.loadCustomTypeLabels(client, types);
        view.recordTypes = types;
        return undefined;
      }
      case 'recordType': {
        const list: RecordListState = { source: 'suiteql', records: [], nextOffset: 0, pageSize: this.pageSize(), hasMore: false, totalResults: 0 };
        await this.fetchPage(node, list);
        this.lists.set(node, list);
        return undefined;
      }
      case 'record':
        return this.loadRecord(node);
      case 'sublist':
        return this.sublistChildren(node);
      case 'line':
        return this.lineChildren(node);
      case 'field':
      case 'loadMore':
      case 'message':
      default:
        return [];
    }
  }

  private forgetAccount(node: ExplorerNode): void {
    const view = this.view(node.accountId);
    view.recordTypes = undefined;
    view.catalogRefresh = true;
    this.states.delete(node);
    for (const typeNode of view.typeNodes.values()) {
      this.lists.delete(typeNode);
      this.states.delete(typeNode);
    }
    view.typeNodes.clear();
    for (const group of view.groupNodes.values()) this.states.delete(group);
    view.groupNodes.clear();
  }

  private groupsOf(account: ExplorerNode, types: string[]): ExplorerNode[] {
    const filter = this.view(account.accountId).typeFilter ?? '';
    const groups = groupRecordTypes(types, filter, (type) => this.typeLabel(account.accountId, type));
    if (types.length === 0) return [this.message(account, 'empty', 'NetSuite lists no record types this role can see')];
    if (groups.standard.length + groups.custom.length === 0) return [this.message(account, 'empty', `No record type matches "${filter}"`)];
    const nodes: ExplorerNode[] = [];
    if (groups.standard.length) nodes.push(this.groupNode(account, 'standard'));
    if (groups.custom.length) nodes.push(this.groupNode(account, 'custom'));
    return nodes;
  }

  private typesOf(group: TypeGroupNode, types: string[]): ExplorerNode[] {
    const groups = groupRecordTypes(types, this.view(group.accountId).typeFilter ?? '', (type) => this.typeLabel(group.accountId, type));
    return groups[group.group].map((recordType) => this.typeNode(group, recordType));
  }

  private groupNode(account: ExplorerNode, group: 'standard' | 'custom'): TypeGroupNode {
    const id = `${account.id}/${group}`;
    const nodes = this.view(account.accountId).groupNodes;
    let node = nodes.get(id);
    if (!node) {
      node = { kind: 'typeGroup', id, accountId: account.accountId, parent: account, group };
      nodes.set(id, node);
    }
    return node;
  }

  private typeNode(group: TypeGroupNode, recordType: string): RecordTypeNode {
    const id = `${group.id}/${recordType}`;
    const nodes = this.view(group.accountId).typeNodes;
    let node = nodes.get(id);
    if (!node) {
      node = { kind: 'recordType', id, accountId: group.accountId, parent: group, recordType };
      nodes.set(id, node);
    }
    return node;
  }

  private listChildren(node: RecordTypeNode, list: RecordListState): ExplorerNode[] {
    const children: ExplorerNode[] = [...list.records];
    if (list.records.length === 0 && !list.error) {
      const filter = this.view(node.accountId).recordFilters.get(node.id);
      const label = recordTypeLabel(node.recordType);
      children.push(this.message(node, 'empty', filter ? `No ${label} record matches ${filter.q}` : `No ${label} records`));
    }
    if (list.error) children.push(list.error);
    if (list.hasMore && !list.loadingMore) children.push({ kind: 'loadMore', id: this.transientId(node, 'more'), accountId: node.accountId, parent: node, loaded: list.records.length, total: list.totalResults });
    return children;
  }

  /**
   * One page of a type's records. By SuiteQL when it can (ordered by NetSuite: internal ids as numbers, or the chosen
   * sort column, with the rows' names and sorted values in the same query); otherwise — a role without SuiteQL, a
   * type without a SuiteQL table, a filter with no SuiteQL form — a page of ids from the REST list (`GET
   * /{type}?limit&offset&q`, which has no order control, so each page is put in id order) named by ONE SuiteQL query.
   */
  private async fetchPage(node: RecordTypeNode, list: RecordListState): Promise<void> {
    const { client } = await this.options.accounts.scope(node.accountId);
    const view = this.view(node.accountId);
    const filter = view.recordFilters.get(node.id);
    const sort = view.recordSorts.get(node.id);
    if (filter && !filter.sql) list.source = 'rest';
    if (list.source === 'suiteql') {
      try {
        const query = recordListQuery(node.recordType, { where: filter?.sql, sort });
        const page = await client.queryPage(query, list.nextOffset, { pageSize: list.pageSize });
        const rows = page.rows.flatMap((row) => (row.raw.id === undefined ? [] : [{ id: String(row.raw.id), name: row.raw.name ? String(row.raw.name) : undefined, sortValue: row.raw.sortvalue }]));
        this.addRows(node, list, rows, sort);
        list.hasMore = page.hasMore && page.rows.length > 0;
        list.totalResults = page.totalResults;
        return;
      } catch (error) {
        if (list.nextOffset > 0 || sort) throw error; // mid-list, or a sort only SuiteQL can do: say what failed
        this.logger.warn(`Could not list ${node.recordType} with SuiteQL; using the REST list`, error);
        list.source = 'rest';
      }
    }
    if (sort) throw new Error(`The filter "${filter?.text ?? ''}" has no SuiteQL form, and only SuiteQL can sort by ${sort.label}: clear the filter or the sort.`);
    const page = await client.records.list(node.recordType, { limit: list.pageSize, offset: list.nextOffset, q: filter?.q });
    const ids = page.items.map((item) => item.id).sort(compareIds);
    const names = await this.recordNames(client, node.recordType, ids);
    this.addRows(node, list, ids.map((id) => ({ id, name: names.get(id) })), undefined);
    list.hasMore = page.hasMore && page.items.length > 0;
    list.totalResults = page.totalResults;
  }

  private addRows(node: RecordTypeNode, list: RecordListState, rows: { id: string; name?: string; sortValue?: unknown }[], sort: RecordSort | undefined): void {
    const known = new Set(list.records.map((record) => record.recordId));
    for (const row of rows) {
      if (known.has(row.id)) continue; // a record created meanwhile can shift a page; never show one twice
      const sorted = sort ? { label: sort.label, text: formatColumnValue(row.sortValue, sort.type) } : undefined;
      list.records.push(this.recordRow(node, row.id, row.name, sorted));
    }
    list.error = undefined;
    list.nextOffset += list.pageSize;
  }

  /** A record's row under its type; its id is the type's id plus the record id, whichever way it got there. */
  private recordRow(node: RecordTypeNode, id: string, name: string | undefined, sorted?: { label: string; text: string }): RecordNode {
    return { kind: 'record', id: `${node.id}/${id}`, accountId: node.accountId, parent: node, recordType: node.recordType, recordId: id, name, sorted };
  }

  /** A node's children loaded, or the error that kept them from loading, thrown. */
  private async loaded(node: ExplorerNode): Promise<ExplorerNode[]> {
    const children = await this.children(node);
    const error = children.find((child): child is MessageNode => child.kind === 'message' && child.severity === 'error');
    if (error && children.every((child) => child.kind === 'message')) throw new Error(error.advice ? `${error.text} ${error.advice}` : error.text);
    return children;
  }

  private async loadedList(node: RecordTypeNode): Promise<RecordListState> {
    await this.loaded(node);
    const list = this.lists.get(node);
    if (!list) throw new Error(`The ${recordTypeLabel(node.recordType)} records could not be listed.`);
    return list;
  }

  /**
   * The name of a record outside the loaded pages, by the same SuiteQL path as a page's names. No name can mean
   * no such record (or a role without SuiteQL): one GET tells, and throws NetSuite's own "not found" detail.
   */
  private async existingRecordName(node: RecordTypeNode, id: string): Promise<string | undefined> {
    const { client } = await this.options.accounts.scope(node.accountId);
    const name = (await this.recordNames(client, node.recordType, [id])).get(id);
    if (name === undefined) await client.records.get(node.recordType, id);
    return name;
  }

  /** Names for a page of ids; on failure (a role without SuiteQL, an unknown table) the rows show their ids. */
  private async recordNames(client: NetSuiteClient, recordType: string, ids: string[]): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    const query = recordNamesQuery(recordType, ids);
    if (!query) return names;
    try {
      const page = await client.queryPage(query, 0, { pageSize: 1000 });
      for (const row of page.rows) {
        const id = row.raw.id;
        const name = row.raw.name;
        if (id !== undefined && name) names.set(String(id), String(name));
      }
    } catch (error) {
      this.logger.warn(`Could not look up ${recordType} names with SuiteQL; showing ids`, error);
    }
    return names;
  }

  /**
   * The catalog lists custom record types by script id only; SuiteQL's customrecordtype table has their names. One
   * query per catalog load, and only when there are custom types; without it (no SuiteQL) the script ids show.
   */
  private async loadCustomTypeLabels(client: NetSuiteClient, types: readonly string[]): Promise<Map<string, string>> {
    const labels = new Map<string, string>();
    if (!types.some((type) => /^customrecord/i.test(type))) return labels;
    try {
      const page = await client.queryPage('SELECT scriptid, name FROM customrecordtype', 0, { pageSize: 1000 });
      for (const row of page.rows) {
        if (row.raw.scriptid && row.raw.name) labels.set(String(row.raw.scriptid).toLowerCase(), String(row.raw.name));
      }
    } catch (error) {
      this.logger.debug('No custom record type names from SuiteQL; showing script ids', error);
    }
    return labels;
  }

  private async loadRecord(node: RecordNode): Promise<ExplorerNode[]> {
    const { client } = await this.options.accounts.scope(node.accountId);
    const [record, schema] = await Promise.all([
      client.records.get(node.recordType, node.recordId, { expandSubResources: true }),
      client.metadata.schema(node.recordType).catch((error: unknown) => {
        this.logger.debug(`No schema for ${node.recordType}; showing field ids`, error);
        return undefined;
      }),
    ]);
    this.records.set(node, record);
    const children = this.entryNodes(node, recordEntries(record, schema));
    return children.length ? children : [this.message(node, 'empty', 'NetSuite returned no fields')];
  }

  private async sublistChildren(node: SublistNode): Promise<ExplorerNode[]> {
    if (node.lines.length === 0) return [this.message(node, 'empty', 'No lines')];
    return node.lines.map((line, index): LineNode => ({ kind: 'line', id: `${node.id}/${index}`, accountId: node.accountId, parent: node, label: lineLabel(line, index), line, schemaRef: node.schemaRef }));
  }

  private async lineChildren(node: LineNode): Promise<ExplorerNode[]> {
    const schema = await this.lineSchema(node);
    return this.entryNodes(node, recordEntries(node.line, schema));
  }

  /** A sublist's collection schema names its line schema (`salesOrder-itemCollection` → `…-itemElement`). */
  private async lineSchema(node: LineNode): Promise<RecordTypeSchema | undefined> {
    const collectionName = node.schemaRef ? catalogNameOfRef(node.schemaRef) : undefined;
    if (!collectionName) return undefined;
    try {
      const { client } = await this.options.accounts.scope(node.accountId);
      const elementName = sublistElementSchemaName(await client.metadata.schema(collectionName));
      return elementName ? await client.metadata.schema(elementName) : undefined;
    } catch (error) {
      this.logger.debug(`No line schema for ${collectionName}; showing field ids`, error);
      return undefined;
    }
  }

  private entryNodes(parent: ExplorerNode, entries: RecordEntry[]): ExplorerNode[] {
    return entries.map((entry): ExplorerNode => {
      const id = `${parent.id}/${entry.field}`;
      const base = { id, accountId: parent.accountId, parent };
      if (entry.kind === 'reference') {
        return { ...base, kind: 'record', recordType: entry.target.recordType, recordId: entry.target.id, name: entry.value, fieldTitle: entry.title };
      }
      if (entry.kind === 'sublist') {
        return { ...base, kind: 'sublist', field: entry.field, title: entry.title, lines: entry.lines, totalResults: entry.totalResults, schemaRef: entry.schemaRef };
      }
      return { ...base, kind: 'field', field: entry.field, title: entry.title, value: entry.value, valueType: entry.type };
    });
  }

  private errorNode(parent: ExplorerNode, error: unknown): MessageNode {
    if (isNetSuiteError(error)) {
      const text = error.detail ?? error.message;
      return { ...this.message(parent, 'error', text), advice: error.advice, errorKind: error.kind, detail: error.message };
    }
    const text = error instanceof Error ? error.message : String(error);
    return { ...this.message(parent, 'error', text), errorKind: 'other', detail: text };
  }

  private message(parent: ExplorerNode, severity: MessageSeverity, text: string): MessageNode {
    return { kind: 'message', id: this.transientId(parent, severity), accountId: parent.accountId, parent, severity, text };
  }

  /**
   * Placeholder rows (loading, empty, error, Load more) are rebuilt on every read. VS Code refuses a second element
   * with an id it still holds ("already registered") and then shows the parent empty, so each gets a fresh id.
   */
  private transientId(parent: ExplorerNode, kind: string): string {
    this.serial += 1;
    return `${parent.id}/#${kind}-${this.serial}`;
  }

  private pageSize(): number {
    const size = Math.floor(this.options.pageSize());
    return Number.isFinite(size) ? Math.min(1000, Math.max(1, size)) : 100;
  }

  private fire(node: ExplorerNode | undefined): void {
    for (const listener of this.listeners) listener(node);
  }
}

/** Internal ids in number order (`62` before `109`); anything that is not a number after them, as text. */
export function compareIds(a: string, b: string): number {
  const numeric = /^\d+$/;
  if (numeric.test(a) && numeric.test(b)) return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
  if (numeric.test(a) !== numeric.test(b)) return numeric.test(a) ? -1 : 1;
  return a.localeCompare(b);
}
