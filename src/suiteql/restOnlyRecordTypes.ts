/**
 * REST record types that SuiteQL has no table for: every transaction is a row of `transaction` (its kind in
 * `transaction.type`) and every item a row of `item` (its kind in `item.itemtype`). A real account's metadata catalog
 * lists them (`salesorder`, `inventoryitem`), so offering the catalog's names after FROM would offer tables that
 * NetSuite refuses. Completion leaves them out and the diagnostics say which table and type id to use instead.
 *
 * Which REST records are transactions and items: the REST API Browser's record list (src/netsuite/restRecordTypes.ts)
 * read against NetSuite's transaction and item type lists (typeCodes.ts, sources there); SuiteQL's own schema (the
 * Records Catalog) describes transactions as the one `transaction` record and items as `item`. The type id is given
 * only where typeCodes.ts lists one; a few kinds (intercompany journals, bin transfers) have none written down.
 * Item records that are also their own SuiteQL tables in public queries (`shipitem`, `salestaxitem`, `payrollitem`)
 * are not listed.
 */
import { itemTypeCodes, transactionTypeCodes, type TypeCode } from './typeCodes';

export interface SuiteQLHome {
  /** The SuiteQL table the records are rows of. */
  table: 'transaction' | 'item';
  /** The column telling the kinds apart. */
  column: 'type' | 'itemtype';
  /** The record kind's id in that column (`SalesOrd`), when known. */
  code?: string;
  /** NetSuite's name for that kind (`Sales Order`), with the id. */
  label?: string;
}

const transactions: Readonly<Record<string, string | undefined>> = {
  salesorder: 'SalesOrd',
  invoice: 'CustInvc',
  customerpayment: 'CustPymt',
  creditmemo: 'CustCred',
  cashsale: 'CashSale',
  cashrefund: 'CashRfnd',
  customerdeposit: 'CustDep',
  customerrefund: 'CustRfnd',
  depositapplication: 'DepAppl',
  charge: undefined,
  estimate: 'Estimate',
  opportunity: 'Opprtnty',
  returnauthorization: 'RtnAuth',
  purchaseorder: 'PurchOrd',
  purchaserequisition: 'PurchReq',
  purchasecontract: 'PurchCon',
  blanketpurchaseorder: 'BlankOrd',
  vendorbill: 'VendBill',
  vendorcredit: 'VendCred',
  vendorpayment: 'VendPymt',
  vendorreturnauthorization: 'VendAuth',
  vendorprepayment: 'VPrep',
  vendorprepaymentapplication: 'VPrepApp',
  itemfulfillment: 'ItemShip',
  itemreceipt: 'ItemRcpt',
  inventoryadjustment: 'InvAdjst',
  inventorycount: 'InvCount',
  inventorytransfer: 'InvTrnfr',
  inventorycostrevaluation: undefined,
  transferorder: 'TrnfrOrd',
  intercompanytransferorder: 'TrnfrOrd',
  assemblybuild: 'Build',
  assemblyunbuild: 'Unbuild',
  workorder: 'WorkOrd',
  workorderclose: 'WOClose',
  workordercompletion: 'WOCompl',
  workorderissue: 'WOIssue',
  journalentry: 'Journal',
  intercompanyjournalentry: undefined,
  advintercompanyjournalentry: undefined,
  statisticaljournalentry: undefined,
  periodendjournal: 'PEJrnl',
  check: 'Check',
  deposit: 'Deposit',
  creditcardcharge: 'CardChrg',
  creditcardrefund: 'CardRfnd',
  expensereport: 'ExpRept',
  bintransfer: undefined,
  binworksheet: undefined,
  fulfillmentrequest: undefined,
  paycheck: undefined,
  paycheckjournal: undefined,
};

const items: Readonly<Record<string, string | undefined>> = {
  inventoryitem: 'InvtPart',
  lotnumberedinventoryitem: 'InvtPart',
  serializedinventoryitem: 'InvtPart',
  assemblyitem: 'Assembly',
  lotnumberedassemblyitem: 'Assembly',
  serializedassemblyitem: 'Assembly',
  kititem: 'Kit',
  itemgroup: 'Group',
  noninventorysaleitem: 'NonInvtPart',
  noninventoryresaleitem: 'NonInvtPart',
  noninventorypurchaseitem: 'NonInvtPart',
  servicesaleitem: 'Service',
  serviceresaleitem: 'Service',
  servicepurchaseitem: 'Service',
  otherchargesaleitem: 'OthCharge',
  otherchargeresaleitem: 'OthCharge',
  otherchargepurchaseitem: 'OthCharge',
  discountitem: 'Discount',
  markupitem: 'Markup',
  paymentitem: 'Payment',
  subtotalitem: 'Subtotal',
  descriptionitem: 'Description',
  downloaditem: undefined,
  giftcertificateitem: undefined,
};

/** Where SuiteQL keeps the records of REST type `recordType`, when it has no table of that name. */
export function suiteQLHomeOf(recordType: string): SuiteQLHome | undefined {
  const name = recordType.toLowerCase();
  if (Object.hasOwn(transactions, name)) return home('transaction', 'type', transactions[name], transactionTypeCodes);
  if (Object.hasOwn(items, name)) return home('item', 'itemtype', items[name], itemTypeCodes);
  return undefined;
}

function home(table: SuiteQLHome['table'], column: SuiteQLHome['column'], code: string | undefined, codes: readonly TypeCode[]): SuiteQLHome {
  return { table, column, code, label: codes.find((known) => known.code === code)?.label };
}

/** `FROM transaction WHERE type = 'SalesOrd'`: what to write instead of `FROM salesorder`. */
export function suiteQLHomeHint(home: SuiteQLHome): string {
  return home.code ? `FROM ${home.table} WHERE ${home.column} = '${home.code}'` : `FROM ${home.table}`;
}
