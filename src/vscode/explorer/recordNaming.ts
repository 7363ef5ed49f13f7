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

/** What "Query in notebook" opens for a type: its rows, newest ids first. */
export function typeNotebookQuery(recordType: string): string {
  const source = suiteQLNameSource(recordType);
  const where = source.typeCondition ? `\nWHERE ${source.typeCondition}` : '';
  return `SELECT *\nFROM ${source.table}${where}\nORDER BY id DESC`;
}
