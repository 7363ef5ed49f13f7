/**
 * "Open in NetSuite" links (netsuite-wire.md §7). The UI has its own `.nl` page per record type; where we do not
 * know a type's page we fall back to the family pages NetSuite redirects from (any transaction, any entity).
 */
import type { NetSuiteAccount } from './account';

/** REST record type (lower case) → UI page, from Oracle's APM SuiteApp record map. */
const uiPathByRecordType: Record<string, string> = {
  customer: '/app/common/entity/custjob.nl',
  vendor: '/app/common/entity/vendor.nl',
  employee: '/app/common/entity/employee.nl',
  contact: '/app/common/entity/contact.nl',
  partner: '/app/common/entity/partner.nl',
  othername: '/app/common/entity/othername.nl',
  salesorder: '/app/accounting/transactions/salesord.nl',
  invoice: '/app/accounting/transactions/custinvc.nl',
  cashsale: '/app/accounting/transactions/cashsale.nl',
  creditmemo: '/app/accounting/transactions/custcred.nl',
  customerpayment: '/app/accounting/transactions/custpymt.nl',
  customerdeposit: '/app/accounting/transactions/custdep.nl',
  customerrefund: '/app/accounting/transactions/custrfnd.nl',
  estimate: '/app/accounting/transactions/estimate.nl',
  opportunity: '/app/accounting/transactions/opprtnty.nl',
  purchaseorder: '/app/accounting/transactions/purchord.nl',
  vendorbill: '/app/accounting/transactions/vendbill.nl',
  vendorpayment: '/app/accounting/transactions/vendpymt.nl',
  vendorcredit: '/app/accounting/transactions/vendcred.nl',
  itemfulfillment: '/app/accounting/transactions/itemship.nl',
  itemreceipt: '/app/accounting/transactions/itemrcpt.nl',
  journalentry: '/app/accounting/transactions/journal.nl',
  returnauthorization: '/app/accounting/transactions/rtnauth.nl',
  workorder: '/app/accounting/transactions/workord.nl',
  transferorder: '/app/accounting/transactions/trnfrord.nl',
  check: '/app/accounting/transactions/check.nl',
  expensereport: '/app/accounting/transactions/exprept.nl',
  timebill: '/app/accounting/transactions/timebill.nl',
  inventoryadjustment: '/app/accounting/transactions/invadjst.nl',
  inventorytransfer: '/app/accounting/transactions/invtrnfr.nl',
  inventoryitem: '/app/common/item/item.nl',
  noninventorysaleitem: '/app/common/item/item.nl',
  noninventorypurchaseitem: '/app/common/item/item.nl',
  noninventoryresaleitem: '/app/common/item/item.nl',
  serviceitem: '/app/common/item/item.nl',
  assemblyitem: '/app/common/item/item.nl',
  kititem: '/app/common/item/item.nl',
  account: '/app/accounting/account/account.nl',
  accountingperiod: '/app/setup/period/fiscalperiod.nl',
  subsidiary: '/app/common/otherlists/subsidiarytype.nl',
  department: '/app/common/otherlists/departmenttype.nl',
  classification: '/app/common/otherlists/classtype.nl',
  location: '/app/common/otherlists/locationtype.nl',
  currency: '/app/common/multicurrency/currency.nl',
  supportcase: '/app/crm/support/supportcase.nl',
  task: '/app/crm/calendar/task.nl',
  calendarevent: '/app/crm/calendar/event.nl',
  phonecall: '/app/crm/calendar/call.nl',
  campaign: '/app/crm/marketing/campaign.nl',
  folder: '/app/common/media/mediaitemfolder.nl',
  role: '/app/setup/role.nl',
};

export type RecordFamilyHint = 'entity' | 'transaction' | 'item' | 'list' | 'custom';

export interface RecordLinkTarget {
  /** REST record type id in any case: `salesOrder`, `customrecord_project_milestone`. */
  recordType: string;
  /** Internal id of the record. */
  id: string;
  /** Family, when known (from the catalog), for the generic fallbacks. */
  family?: RecordFamilyHint;
  /** Custom record types: the numeric id of the custom record *type* (SuiteQL `customrecordtype.internalid`). */
  customRecordTypeInternalId?: string;
  /** Open the form in edit mode. */
  edit?: boolean;
}

/**
 * The UI URL of one record, or undefined when NetSuite has no page we can name for it (a custom record whose
 * numeric type id is unknown, or an unknown type of no known family).
 */
export function recordUiUrl(account: NetSuiteAccount, target: RecordLinkTarget): string | undefined {
  const type = target.recordType.toLowerCase();
  const params = new URLSearchParams();
  let path: string | undefined = uiPathByRecordType[type];
  if (type.startsWith('customrecord')) {
    if (!target.customRecordTypeInternalId) return undefined;
    path = '/app/common/custom/custrecordentry.nl';
    params.set('rectype', target.customRecordTypeInternalId);
  } else if (!path) {
    path = target.family ? familyFallbackPath[target.family] : undefined;
    if (!path) return undefined;
  }
  params.set('id', target.id);
  if (target.edit) params.set('e', 'T');
  return `${account.uiBaseUrl}${path}?${params.toString()}`;
}

const familyFallbackPath: Partial<Record<RecordFamilyHint, string>> = {
  transaction: '/app/accounting/transactions/transaction.nl',
  entity: '/app/common/entity/entity.nl',
  item: '/app/common/item/item.nl',
};
