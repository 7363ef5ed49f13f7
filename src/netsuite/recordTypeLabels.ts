/**
 * What people call a record type: NetSuite's own label ("Sales Order") for a REST record type id (`salesorder`).
 * The metadata catalog lists ids only (netsuite-wire.md §2: `items[].name`, no title), so the standard types' labels
 * are written down here, as NetSuite's Records Browser names them (e.g. `classification` is "Class", `term` is
 * "Term"). A type not listed (a custom record, a rare type) keeps its id, which is what NetSuite shows for it too
 * until its own name is known. Pure.
 */

const labels: ReadonlyMap<string, string> = new Map(Object.entries({
  account: 'Account',
  accountingperiod: 'Accounting Period',
  assemblyitem: 'Assembly Item',
  billingaccount: 'Billing Account',
  calendarevent: 'Event',
  campaign: 'Campaign',
  cashrefund: 'Cash Refund',
  cashsale: 'Cash Sale',
  charge: 'Charge',
  check: 'Check',
  classification: 'Class',
  contact: 'Contact',
  creditmemo: 'Credit Memo',
  currency: 'Currency',
  customer: 'Customer',
  customerdeposit: 'Customer Deposit',
  customerpayment: 'Customer Payment',
  customerrefund: 'Customer Refund',
  department: 'Department',
  discountitem: 'Discount Item',
  employee: 'Employee',
  estimate: 'Estimate',
  expensereport: 'Expense Report',
  inventoryadjustment: 'Inventory Adjustment',
  inventoryitem: 'Inventory Item',
  inventorytransfer: 'Inventory Transfer',
  invoice: 'Invoice',
  itemfulfillment: 'Item Fulfillment',
  itemreceipt: 'Item Receipt',
  journalentry: 'Journal Entry',
  kititem: 'Kit Item',
  lead: 'Lead',
  location: 'Location',
  noninventorypurchaseitem: 'Non-Inventory Item for Purchase',
  noninventoryresaleitem: 'Non-Inventory Item for Resale',
  noninventorysaleitem: 'Non-Inventory Item for Sale',
  opportunity: 'Opportunity',
  otherchargeitem: 'Other Charge Item',
  partner: 'Partner',
  phonecall: 'Phone Call',
  pricelevel: 'Price Level',
  project: 'Project',
  projecttask: 'Project Task',
  prospect: 'Prospect',
  purchaseorder: 'Purchase Order',
  returnauthorization: 'Return Authorization',
  salesorder: 'Sales Order',
  serviceitem: 'Service Item',
  subsidiary: 'Subsidiary',
  supportcase: 'Case',
  task: 'Task',
  term: 'Term',
  timebill: 'Time Entry',
  transferorder: 'Transfer Order',
  vendor: 'Vendor',
  vendorbill: 'Vendor Bill',
  vendorcredit: 'Vendor Credit',
  vendorpayment: 'Vendor Payment',
  workorder: 'Work Order',
}));

/** "Sales Order" for `salesorder` / `salesOrder`; the id itself when NetSuite's label is not known here. */
export function recordTypeLabel(recordType: string): string {
  return labels.get(recordType.toLowerCase()) ?? recordType;
}

/** A record as people name it: its own name ("SO1001"), or its type's label and id ("Customer 222") without one. */
export function recordTitle(recordType: string, id: string, name?: string): string {
  return name && name !== id ? name : `${recordTypeLabel(recordType)} ${id}`;
}
