/**
 * Where SuiteQL keeps a record type's display name, so a page of records gets its labels from ONE query
 * (`SELECT id, entityid FROM customer WHERE id IN (…)`) instead of one GET per row. REST type names and SuiteQL
 * tables differ for transactions and items (one `transaction` / `item` table each, told apart by `type` /
 * `itemtype`); everything else is a table of the type's own name with a `name` column, custom records included.
 */

export interface SuiteQLNameSource {
  table: string;
  /** Column holding the display name. */
  nameColumn: string;
  /** For shared tables: the condition selecting this type's rows (`type = 'SalesOrd'`). */
  typeCondition?: string;
}

const entityTypes = ['customer', 'vendor', 'employee', 'contact', 'partner'];

/** REST transaction type → SuiteQL `transaction.type` code. */
const transactionTypeCodes: Record<string, string> = {
  salesorder: 'SalesOrd',
  invoice: 'CustInvc',
  vendorbill: 'VendBill',
  cashsale: 'CashSale',
  creditmemo: 'CustCred',
  customerpayment: 'CustPymt',
  customerdeposit: 'CustDep',
  customerrefund: 'CustRfnd',
  estimate: 'Estimate',
  opportunity: 'Opprtnty',
  purchaseorder: 'PurchOrd',
  vendorpayment: 'VendPymt',
  vendorcredit: 'VendCred',
  itemfulfillment: 'ItemShip',
  itemreceipt: 'ItemRcpt',
  journalentry: 'Journal',
  returnauthorization: 'RtnAuth',
  workorder: 'WorkOrd',
  transferorder: 'TrnfrOrd',
  check: 'Check',
  expensereport: 'ExpRept',
  inventoryadjustment: 'InvAdjst',
  inventorytransfer: 'InvTrnfr',
};

/** REST item type → SuiteQL `item.itemtype` code. */
const itemTypeCodes: Record<string, string> = {
  inventoryitem: 'InvtPart',
  noninventorysaleitem: 'NonInvtPart',
  noninventorypurchaseitem: 'NonInvtPart',
  noninventoryresaleitem: 'NonInvtPart',
  serviceitem: 'Service',
  assemblyitem: 'Assembly',
  kititem: 'Kit',
  otherchargeitem: 'OthCharge',
  discountitem: 'Discount',
};

export function suiteQLNameSource(recordType: string): SuiteQLNameSource {
  const type = recordType.toLowerCase();
  if (entityTypes.includes(type)) return { table: type, nameColumn: 'entityid' };
  const transactionCode = transactionTypeCodes[type];
  if (transactionCode) return { table: 'transaction', nameColumn: 'tranid', typeCondition: `type = '${transactionCode}'` };
  const itemCode = itemTypeCodes[type];
  if (itemCode) return { table: 'item', nameColumn: 'itemid', typeCondition: `itemtype = '${itemCode}'` };
  if (type === 'account') return { table: 'account', nameColumn: 'accountsearchdisplayname' };
  return { table: type, nameColumn: 'name' };
}

/**
 * The one query naming a page of records. Ids come from NetSuite's own list answer; anything that is not a plain
 * internal id is dropped rather than quoted, so nothing a server says can change the query's shape.
 */
export function recordNamesQuery(recordType: string, ids: readonly string[]): string | undefined {
  const numericIds = [...new Set(ids.filter((id) => /^\d+$/.test(id)))];
  if (numericIds.length === 0) return undefined;
  const source = suiteQLNameSource(recordType);
  return `SELECT id, ${source.nameColumn} AS name FROM ${source.table} WHERE id IN (${numericIds.join(', ')})`;
}

export interface RecordSortOrder {
  /** The SuiteQL column. */
  column: string;
  direction: 'asc' | 'desc';
}

export interface RecordListOptions {
  /** A SuiteQL condition (the user's filter, see `qToSuiteQL`). */
  where?: string;
  /** Sort by this column, then by id; without it, by id ascending (numbers, not text). */
  sort?: RecordSortOrder;
}

function conditionsOf(recordType: string, where: string | undefined): string[] {
  const typeCondition = suiteQLNameSource(recordType).typeCondition;
  return [typeCondition, where ? `(${where})` : undefined].filter((condition): condition is string => Boolean(condition));
}

/**
 * One page of a type's records, ordered by NetSuite: the REST list has no order control (netsuite-wire.md §1.3), so
 * the tree lists by SuiteQL, which also names the rows and carries the sorted column's value in the same query.
 * Empty values sort last either way, so "balance, highest first" starts with balances.
 */
export function recordListQuery(recordType: string, options: RecordListOptions = {}): string {
  const source = suiteQLNameSource(recordType);
  const sort = options.sort;
  const columns = [`id`, `${source.nameColumn} AS name`, ...(sort ? [`${sort.column} AS sortvalue`] : [])];
  const conditions = conditionsOf(recordType, options.where);
  const where = conditions.length ? ` WHERE ${conditions.join(' AND ')}` : '';
  const order = sort ? `${sort.column} ${sort.direction.toUpperCase()} NULLS LAST, id` : 'id';
  return `SELECT ${columns.join(', ')} FROM ${source.table}${where} ORDER BY ${order}`;
}

export interface TypeNotebookOptions extends RecordListOptions {
  /** The filter's `q` when it has no SuiteQL form: written into the query as a comment, so nothing is silently lost. */
  untranslatedQ?: string;
}

/** What "Query in notebook" opens for a type: its rows as the tree lists them (filter and sort), else newest first. */
export function typeNotebookQuery(recordType: string, options: TypeNotebookOptions = {}): string {
  const source = suiteQLNameSource(recordType);
  const conditions = conditionsOf(recordType, options.where);
  const note = options.untranslatedQ ? `-- The explorer's filter has no SuiteQL form here; its NetSuite q was: ${options.untranslatedQ.replace(/[\r\n]+/g, ' ')}\n` : '';
  const where = conditions.length ? `\nWHERE ${conditions.join('\n  AND ')}` : '';
  const order = options.sort ? `${options.sort.column} ${options.sort.direction.toUpperCase()} NULLS LAST, id` : 'id DESC';
  return `${note}SELECT *\nFROM ${source.table}${where}\nORDER BY ${order}`;
}
