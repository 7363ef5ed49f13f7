/**
 * Which grants a SuiteQL table needs. SuiteQL tables mostly share their names with REST record types (`customer`,
 * `vendor`, `customrecord_x`), so a table needs read on the record type of the same name. Three tables are
 * different: `transaction`, `item` and `entity` each hold the rows of many record types (sales orders, invoices,
 * bills… all live in `transaction`). The rule for those, chosen to fail closed:
 *
 *   a family table (and its line/link tables, e.g. `transactionline`) may be read when the agent holds read on the
 *   family itself (`transaction: read`), or read on EVERY member record type the account exposes
 *   (known member types ∩ the account's metadata catalog, plus its custom transaction types).
 *
 * Reading `transaction` with only `invoice: read` is refused because the same query would return sales orders and
 * bills. When the catalog is not known, every member type NetSuite documents is required. An account exposing no
 * member type at all needs the explicit family grant (an empty "every" must not allow). `DUAL` reads no record
 * data and needs no grant. A table read only through `BUILTIN.DF(column)` — the names of the rows the column
 * points to — follows the same rules as a table the query names (see suiteql/displayReads.ts).
 */

import type { TablesReadResult } from '../suiteql/tables';

export type { TablesReadResult };
/** `tablesReadBy` from the SuiteQL language service: the tables a query names and the columns it displays. */
export type SuiteQLTableReader = (query: string) => TablesReadResult;

export interface RecordFamily {
  /** The record type id a person grants to cover the whole family (`transaction`). */
  grantKey: string;
  /** Plural noun for reasons: "every transaction type". */
  noun: string;
  memberTypes: readonly string[];
  /** Custom record types that belong to the family (`customtransaction_*`). */
  customMemberPrefix?: string;
}

// REST record type ids NetSuite documents for each family (2026.1 REST API browser).
const transactionFamily: RecordFamily = {
  grantKey: 'transaction',
  noun: 'transaction',
  customMemberPrefix: 'customtransaction_',
  memberTypes: [
    'advInterCompanyJournalEntry', 'assemblyBuild', 'assemblyUnbuild', 'binTransfer', 'binWorksheet', 'cashRefund',
    'cashSale', 'check', 'creditCardCharge', 'creditCardRefund', 'creditMemo', 'customerDeposit', 'customerPayment',
    'customerRefund', 'deposit', 'depositApplication', 'estimate', 'expenseReport', 'fulfillmentRequest',
    'interCompanyJournalEntry', 'interCompanyTransferOrder', 'inventoryAdjustment', 'inventoryCostRevaluation',
    'inventoryCount', 'inventoryTransfer', 'invoice', 'itemFulfillment', 'itemReceipt', 'journalEntry', 'opportunity',
    'periodEndJournal', 'purchaseOrder', 'purchaseRequisition', 'returnAuthorization', 'salesOrder',
    'statisticalJournalEntry', 'transferOrder', 'vendorBill', 'vendorCredit', 'vendorPayment', 'vendorPrepayment',
    'vendorPrepaymentApplication', 'vendorReturnAuthorization', 'workOrder', 'workOrderClose', 'workOrderCompletion',
    'workOrderIssue',
  ],
};

const itemFamily: RecordFamily = {
  grantKey: 'item',
  noun: 'item',
  memberTypes: [
    'assemblyItem', 'descriptionItem', 'discountItem', 'giftCertificateItem', 'inventoryItem', 'itemGroup', 'kitItem',
    'lotNumberedAssemblyItem', 'lotNumberedInventoryItem', 'markupItem', 'nonInventoryPurchaseItem',
    'nonInventoryResaleItem', 'nonInventorySaleItem', 'otherChargePurchaseItem', 'otherChargeResaleItem',
    'otherChargeSaleItem', 'paymentItem', 'serializedAssemblyItem', 'serializedInventoryItem', 'servicePurchaseItem',
    'serviceResaleItem', 'serviceSaleItem', 'shipItem', 'subtotalItem',
  ],
};

const entityFamily: RecordFamily = {
  grantKey: 'entity',
  noun: 'entity',
  memberTypes: ['contact', 'customer', 'employee', 'job', 'partner', 'vendor'],
};

/** The three families, in the order the access view lists them. */
export const recordFamilies: readonly RecordFamily[] = [transactionFamily, itemFamily, entityFamily];

const familyTables: Record<string, RecordFamily> = {
  transaction: transactionFamily,
  transactionline: transactionFamily,
  transactionaccountingline: transactionFamily,
  nexttransactionlink: transactionFamily,
  previoustransactionlink: transactionFamily,
  nexttransactionlinelink: transactionFamily,
  previoustransactionlinelink: transactionFamily,
  transactionshipment: transactionFamily,
  item: itemFamily,
  aggregateitemlocation: itemFamily,
  inventoryitemlocations: itemFamily,
  itemlocationconfiguration: itemFamily,
  entity: entityFamily,
};

/** Tables that hold no record data. */
const dataFreeTables = new Set(['dual']);

export type TableAccessRule =
  | { kind: 'free' }
  | { kind: 'recordType'; recordType: string }
  | { kind: 'family'; family: RecordFamily };

export function tableAccessRule(table: string): TableAccessRule {
  // Identifiers are case-insensitive in SuiteQL; a quoted "CUSTOMER" names the same table as customer.
  const name = table.replace(/^"|"$/g, '').toLowerCase();
  if (dataFreeTables.has(name)) return { kind: 'free' };
  const family = familyTables[name];
  return family ? { kind: 'family', family } : { kind: 'recordType', recordType: name };
}

/**
 * The member types of a family that an account exposes. Without the account's catalog every documented member is
 * required (stricter, never looser).
 */
export function familyMembersOnAccount(family: RecordFamily, accountRecordTypes: readonly string[] | undefined): string[] {
  if (!accountRecordTypes) return [...family.memberTypes];
  const exposed = new Map(accountRecordTypes.map((type) => [type.toLowerCase(), type]));
  const documented = family.memberTypes.filter((type) => exposed.has(type.toLowerCase()));
  const custom = family.customMemberPrefix
    ? accountRecordTypes.filter((type) => type.toLowerCase().startsWith(family.customMemberPrefix as string))
    : [];
  return [...documented, ...custom];
}
