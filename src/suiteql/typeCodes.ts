/**
 * The short type ids SuiteQL keeps in its shared tables' type columns (`transaction.type = 'SalesOrd'`,
 * `item.itemtype = 'InvtPart'`, `entity.type = 'CustJob'`), offered inside the quotes after `type =`. People know
 * the label ("Invoice"), SuiteQL wants the id (`CustInvc`), and a wrong id is not an error, just no rows.
 *
 * Sources (public):
 * - transaction types: the "Transaction Types" reference of netsuite-docs.pages.dev (reference/transaction-types),
 *   which lists each value with NetSuite's display text; the common ones agree with SuitePortal's SuiteQL guide and
 *   netsuitediagnostics.com ("SELECT DISTINCT transaction.type" → ItemRcpt, CardChrg, PurchOrd, SalesOrd, …).
 * - item types: netsuitediagnostics.com/posts/suiteql-items ("SELECT DISTINCT itemtype FROM Item" → OthCharge,
 *   Discount, Group, Assembly, NonInvtPart, InvtPart) plus Kit, Service, Description, Markup, Payment, Subtotal,
 *   the other ids of NetSuite's item type list.
 * - entity types: the ids the `entity` table gives each kind of entity (CustJob for customers and jobs), as the
 *   demo sandbox mirrors them (src/sandbox/suiteql/tables.ts).
 */

export interface TypeCode {
  /** What SuiteQL stores and compares (`CustInvc`). */
  readonly code: string;
  /** What NetSuite shows (`Invoice`). */
  readonly label: string;
}

const codes = (pairs: readonly (readonly [string, string])[]): readonly TypeCode[] => pairs.map(([code, label]) => ({ code, label }));

export const transactionTypeCodes = codes([
  ['SalesOrd', 'Sales Order'],
  ['CustInvc', 'Invoice'],
  ['CustPymt', 'Payment'],
  ['CustCred', 'Credit Memo'],
  ['CashSale', 'Cash Sale'],
  ['CashRfnd', 'Cash Refund'],
  ['CustDep', 'Customer Deposit'],
  ['CustRfnd', 'Customer Refund'],
  ['DepAppl', 'Deposit Application'],
  ['CustChrg', 'Statement Charge'],
  ['FinChrg', 'Finance Charge'],
  ['Estimate', 'Quotation / Estimate'],
  ['Opprtnty', 'Opportunity'],
  ['RtnAuth', 'Return Authorization'],
  ['PurchOrd', 'Purchase Order'],
  ['PurchReq', 'Requisition'],
  ['PurchCon', 'Purchase Contract'],
  ['BlankOrd', 'Blanket Purchase Order'],
  ['Rfq', 'Request For Quote'],
  ['VendRfq', 'Vendor Request For Quote'],
  ['VendBill', 'Bill'],
  ['VendCred', 'Bill Credit'],
  ['VendPymt', 'Bill Payment'],
  ['VendAuth', 'Vendor Return Authorization'],
  ['VPrep', 'Vendor Prepayment'],
  ['VPrepApp', 'Vendor Prepayment Application'],
  ['ItemShip', 'Item Fulfillment'],
  ['ItemRcpt', 'Item Receipt'],
  ['InvAdjst', 'Inventory Adjustment'],
  ['InvCount', 'Inventory Count'],
  ['InvDistr', 'Inventory Distribution'],
  ['InvTrnfr', 'Inventory Transfer'],
  ['InvWksht', 'Inventory Worksheet'],
  ['TrnfrOrd', 'Transfer Order'],
  ['Build', 'Assembly Build'],
  ['Unbuild', 'Assembly Unbuild'],
  ['WorkOrd', 'Work Order'],
  ['WOClose', 'Work Order Close'],
  ['WOCompl', 'Work Order Completion'],
  ['WOIssue', 'Work Order Issue'],
  ['Journal', 'Journal'],
  ['PEJrnl', 'Period End Journal'],
  ['SysJrnl', 'System Journal'],
  ['FxReval', 'Currency Revaluation'],
  ['Check', 'Check / Cheque'],
  ['Deposit', 'Deposit'],
  ['Transfer', 'Transfer'],
  ['CardChrg', 'Credit Card'],
  ['CardRfnd', 'CCard Refund'],
  ['ExpRept', 'Expense Report'],
  ['Commissn', 'Commission'],
  ['TaxPymt', 'Sales Tax Payment'],
]);

export const itemTypeCodes = codes([
  ['InvtPart', 'Inventory Item'],
  ['NonInvtPart', 'Non-inventory Item'],
  ['Assembly', 'Assembly'],
  ['Kit', 'Kit/Package'],
  ['Group', 'Item Group'],
  ['Service', 'Service'],
  ['OthCharge', 'Other Charge'],
  ['Discount', 'Discount'],
  ['Markup', 'Markup'],
  ['Payment', 'Payment'],
  ['Subtotal', 'Subtotal'],
  ['Description', 'Description'],
]);

export const entityTypeCodes = codes([
  ['CustJob', 'Customer (or job)'],
  ['Vendor', 'Vendor'],
  ['Employee', 'Employee'],
  ['Contact', 'Contact'],
  ['Partner', 'Partner'],
]);

/** `table.column` → the ids it holds. */
const codesByColumn: Readonly<Record<string, readonly TypeCode[]>> = {
  'transaction.type': transactionTypeCodes,
  'nexttransactionlink.previoustype': transactionTypeCodes,
  'nexttransactionlink.nexttype': transactionTypeCodes,
  'item.itemtype': itemTypeCodes,
  'entity.type': entityTypeCodes,
};

/** The type ids `table.column` holds, or undefined when it is not such a column. */
export function typeCodesOf(table: string, column: string): readonly TypeCode[] | undefined {
  return codesByColumn[`${table.toLowerCase()}.${column.toLowerCase()}`];
}

/** True when some table keeps type ids in a column of this name (a cheap test before any parsing). */
export function isTypeCodeColumn(column: string): boolean {
  const suffix = `.${column.toLowerCase()}`;
  return Object.keys(codesByColumn).some((key) => key.endsWith(suffix));
}
