/**
 * Which grants a SuiteQL table needs. SuiteQL tables mostly share their names with REST record types (`customer`,
 * `vendor`, `customrecord_x`), so a table needs read on the record type of the same name. Three tables are
 * different: `transaction`, `item` and `entity` each hold the rows of many record types (sales orders, invoices,
 * bills… all live in `transaction`). The rule for those, chosen to fail closed:
 *
 *   a family table (and its line/link tables, e.g. `transactionline`) may be read only when the agent holds read on
 *   the family itself (`transaction: read`) — or, in principle, read on EVERY member type. Every family also holds
 *   rows of types with no REST record type (Statement Charges, Paychecks, Other Names…: `membersWithoutRecordType`),
 *   which no record-type switch can grant, so in practice the family grant is required.
 *
 *   an explicit `none` on any member type (`invoice: none`, `othername: none`, `customtransaction_x: none`) ALWAYS
 *   wins: the family table is then refused even under `transaction: read` or the wildcard, because the query would
 *   return the rows that switch keeps away. This holds for a table a query names and for a table it reads through
 *   `BUILTIN.DF`.
 *
 * Reading `transaction` with only `invoice: read` is refused because the same query would return sales orders and
 * bills. `DUAL` reads no record data and needs no grant. A table read only through `BUILTIN.DF(column)` — the names
 * of the rows the column points to — follows the same rules as a table the query names (see suiteql/displayReads.ts).
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
  /**
   * Members NetSuite keeps in the family's tables that have no REST record type, so no catalog lists them and no
   * record-type switch can grant them (a Statement Charge, a Paycheck, an Other Name). Their presence means that read
   * on every REST member type never covers the family table: only the family grant does ("when in doubt, require the
   * family grant"). An explicit `none` naming one of them (by `switchName` or `typeCode`) still switches it off.
   */
  membersWithoutRecordType: readonly FamilyMemberWithoutRecordType[];
  /** Custom record types that belong to the family (`customtransaction_*`). */
  customMemberPrefix?: string;
}

export interface FamilyMemberWithoutRecordType {
  /** What NetSuite calls it in the UI: "Statement Charge". */
  label: string;
  /** The value of the family table's `type` / `itemtype` column for these rows (`CustChrg`). */
  typeCode: string;
  /** The SuiteQL table / record id a person would name in "Grant SuiteQL Table…", when there is one. */
  switchName?: string;
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
  // Transaction types whose rows sit in `transaction` without a REST record type. Type codes are NetSuite's internal
  // values of `transaction.type` (NetSuite Help, "Transaction Types" / the Records Catalog's transaction type list;
  // mirrored at netsuite-docs.pages.dev/reference/transaction-types). Not exhaustive by construction: NetSuite adds
  // types, which is why the family grant is required.
  membersWithoutRecordType: [
    { label: 'Statement Charge', typeCode: 'CustChrg', switchName: 'customercharge' },
    { label: 'Paycheck', typeCode: 'Paycheck', switchName: 'paycheck' },
    { label: 'Paycheck Journal', typeCode: 'PChkJrnl', switchName: 'paycheckjournal' },
    { label: 'Currency Revaluation', typeCode: 'FxReval' },
    { label: 'GL Impact Adjustment', typeCode: 'GLImpactAdj' },
    { label: 'Blanket Purchase Order', typeCode: 'BlankOrd', switchName: 'blanketpurchaseorder' },
    { label: 'Commission', typeCode: 'Commissn' },
    { label: 'Finance Charge', typeCode: 'FinChrg' },
    { label: 'Inventory Distribution', typeCode: 'InvDistr' },
    { label: 'Inventory Worksheet', typeCode: 'InvWksht', switchName: 'inventoryworksheet' },
    { label: 'Purchase Contract', typeCode: 'PurchCon', switchName: 'purchasecontract' },
    { label: 'Request For Quote', typeCode: 'Rfq', switchName: 'requestforquote' },
    { label: 'Vendor Request For Quote', typeCode: 'VendRfq', switchName: 'vendorrequestforquote' },
    { label: 'Sales Tax Payment', typeCode: 'TaxPymt' },
    { label: 'Tax Liability Cheque', typeCode: 'TaxLiab' },
    { label: 'Payroll Liability Payment', typeCode: 'LiabPymt' },
    { label: 'Payroll Adjustment', typeCode: 'YTDAdjst' },
    { label: 'System Journal', typeCode: 'SysJrnl' },
    { label: 'Transfer (funds)', typeCode: 'Transfer' },
    { label: 'Deprecated Custom Transaction', typeCode: 'DeprCust' },
    { label: 'Revenue Arrangement', typeCode: 'RevArrng', switchName: 'revenuearrangement' },
    { label: 'Revenue Commitment', typeCode: 'RevComm', switchName: 'revenuecommitment' },
    { label: 'Revenue Commitment Reversal', typeCode: 'RevCommRv', switchName: 'revenuecommitmentreversal' },
    { label: 'Revenue Contract', typeCode: 'RevContr' },
    { label: 'Ownership Transfer', typeCode: 'OwnTrnsf' },
    { label: 'Tegata Payable', typeCode: 'TegPybl' },
    { label: 'Tegata Receivable', typeCode: 'TegRcvbl' },
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
  // `item.itemtype` values with no REST record type (NetSuite Help, "Item Types"; Records Catalog, Item).
  membersWithoutRecordType: [
    { label: 'Download Item', typeCode: 'DwnLdItem', switchName: 'downloaditem' },
    { label: 'Sales Tax Item', typeCode: 'TaxItem', switchName: 'salestaxitem' },
    { label: 'Tax Group', typeCode: 'TaxGroup', switchName: 'taxgroup' },
  ],
};

// The `entity` table holds one row per customer, project, vendor, employee, partner and contact, and also Other
// Names, Groups and Generic Resources (`entity.type` values OtherName, Group, GenericRsrc; NetSuite Records Catalog,
// Entity). Project tasks (`projecttask`) and customer-subsidiary relationships are records of their own, not entities.
const entityFamily: RecordFamily = {
  grantKey: 'entity',
  noun: 'entity',
  memberTypes: ['contact', 'customer', 'employee', 'job', 'partner', 'vendor'],
  membersWithoutRecordType: [
    { label: 'Other Name', typeCode: 'OtherName', switchName: 'othername' },
    { label: 'Group', typeCode: 'Group', switchName: 'entitygroup' },
    { label: 'Generic Resource', typeCode: 'GenericRsrc', switchName: 'genericresource' },
  ],
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
 * Tables granted by their own name that still hold one row per member record of a family. NetSuite names them
 * after what they hold, so the name says it:
 * - after one member type (`invoiceitemshippingaddress`, `customersubsidiaryrelationship`, `inventoryitemprice`,
 *   `othernameaddressbookentityaddress`): that member's rows — the longest member name the table starts with;
 * - else after the family (`transactionhistory`, `nexttransactionaccountinglinelink`, `entityaddress`,
 *   `itemprice`): rows of every member.
 * The table keeps its own grant (the wildcard may give it), but an explicit `none` on a member whose rows it holds
 * refuses it like the family table itself, or the wildcard would hand over the rows that switch keeps away. A
 * lookup the name catches (`transactionstatus`, `customercategory`) is refused only while such a switch is off.
 */
export function switchedOffRowsOf<T extends { recordType: string; level: string }>(grants: readonly T[], table: string): { family: RecordFamily; grant: T } | undefined {
  const name = table.replace(/^"|"$/g, '').toLowerCase();
  if (familyTables[name] || dataFreeTables.has(name)) return undefined;
  const member = longestMemberPrefix(name);
  if (member) {
    const grant = grants.find((each) => each.level === 'none' && member.names.includes(each.recordType.toLowerCase()));
    return grant ? { family: member.family, grant } : undefined;
  }
  for (const family of recordFamilies) {
    const grant = name.includes(family.grantKey) ? memberSwitchedOff(grants, family) : undefined;
    if (grant) return { family, grant };
  }
  return undefined;
}

/**
 * Tables whose rows are about records of any type, with the type in a column: `systemnote` (every field change of
 * any record, old and new values), `note` (user notes on any record), `message` (email attached to any record) and
 * `recentrecord` (NetSuite's analytics table list, data/analyticsTables.json). No name says whose rows they hold, and
 * the guard cannot filter rows: an explicit `none` on any record type refuses them, or the wildcard would hand over
 * that type's history and notes.
 */
const everyTypeTables: ReadonlySet<string> = new Set(['systemnote', 'note', 'message', 'recentrecord']);

/** The explicit `none` that closes a table of `everyTypeTables`, if any. */
export function everyTypeRowsSwitchedOff<T extends { recordType: string; level: string }>(grants: readonly T[], table: string): T | undefined {
  if (!everyTypeTables.has(table.replace(/^"|"$/g, '').toLowerCase())) return undefined;
  return grants.find((each) => each.level === 'none' && each.recordType !== '*');
}

/** The member type a table's name begins with (and goes on past), with every name its switch may go by. */
function longestMemberPrefix(table: string): { family: RecordFamily; names: string[] } | undefined {
  let best: { family: RecordFamily; names: string[]; length: number } | undefined;
  for (const family of recordFamilies) {
    const members = [
      ...family.memberTypes.map((type) => [type.toLowerCase()]),
      ...family.membersWithoutRecordType.flatMap((member) => (member.switchName ? [[member.switchName, member.typeCode.toLowerCase()]] : [])),
    ];
    for (const names of members) {
      const prefix = names[0];
      if (table.length > prefix.length && table.startsWith(prefix) && prefix.length > (best?.length ?? 0)) best = { family, names, length: prefix.length };
    }
  }
  return best;
}

/** Every name a person may use for a member of the family in a switch: REST ids, the others' names and type codes. */
export function isFamilyMemberName(family: RecordFamily, recordType: string): boolean {
  const name = recordType.toLowerCase();
  if (family.memberTypes.some((member) => member.toLowerCase() === name)) return true;
  if (family.customMemberPrefix && name.startsWith(family.customMemberPrefix)) return true;
  return family.membersWithoutRecordType.some((member) => member.typeCode.toLowerCase() === name || member.switchName === name);
}

/** An explicit `none` on a member of the family: it wins over the family grant and the wildcard alike. */
export function memberSwitchedOff<T extends { recordType: string; level: string }>(grants: readonly T[], family: RecordFamily): T | undefined {
  return grants.find((grant) => grant.level === 'none' && isFamilyMemberName(family, grant.recordType));
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
