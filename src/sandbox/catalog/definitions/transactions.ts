/**
 * Transactions: sales orders, invoices and vendor bills. All share SuiteQL's `transaction` table (told apart by
 * `type`: SalesOrd, CustInvc, VendBill) and `transactionline` for their lines. NetSuite keeps subsidiary and the
 * segments of the body on the main line of `transactionline`, not on `transaction` (hence `mainLineColumn`);
 * amounts surface as `foreigntotal` / `foreignamount` in the transaction's currency.
 */
import type { EnumOption, FieldDefinition, RecordTypeDefinition, SublistDefinition } from '../../model/recordTypes';
import {
  checkbox,
  choice,
  date,
  externalId,
  float,
  integer,
  internalId,
  lineFields,
  money,
  options,
  recordTimestamps,
  reference,
  text,
} from './fieldKit';

/** Body fields every transaction has; `entityType` is who the transaction is with (customer or vendor). */
function transactionBody(entityType: string, entityLabel: string, statusOptions: EnumOption[]): FieldDefinition[] {
  return [
    internalId(),
    externalId(),
    text('tranId', 'Document Number', { maxLength: 45 }),
    date('tranDate', 'Date'),
    reference('entity', entityLabel, entityType, { required: true }),
    reference('subsidiary', 'Subsidiary', 'subsidiary', { column: false, mainLineColumn: 'subsidiary' }),
    reference('currency', 'Currency', 'currency'),
    float('exchangeRate', 'Exchange Rate'),
    text('memo', 'Memo', { maxLength: 999 }),
    choice('status', 'Status', statusOptions, { readOnly: true }),
    reference('department', 'Department', 'department', { column: false, mainLineColumn: 'department' }),
    reference('location', 'Location', 'location', { column: false, mainLineColumn: 'location' }),
    reference('class', 'Class', 'classification', { column: false, mainLineColumn: 'class' }),
    money('subtotal', 'Subtotal', { readOnly: true, column: false }),
    money('total', 'Total', { readOnly: true, column: 'foreigntotal' }),
    ...recordTimestamps(),
  ];
}

/** Invoices and bills are owed: terms, a due date and what is left to pay. */
const payableFields = () => [
  reference('terms', 'Terms', 'term'),
  date('dueDate', 'Due Date'),
  money('amountPaid', 'Amount Paid', { readOnly: true, column: 'foreignamountpaid' }),
  money('amountRemaining', 'Amount Remaining', { readOnly: true, column: 'foreignamountremaining' }),
];

/** The line key NetSuite uses for transaction sublists (`"line": 1` updates that line, omitting it adds one). */
const lineNumber = () => integer('line', 'Line', { readOnly: true, column: 'id' });

const segmentLineFields = () => [
  reference('department', 'Department', 'department'),
  reference('location', 'Location', 'location'),
  reference('class', 'Class', 'classification'),
];

function itemSublist(extraFields: FieldDefinition[] = []): SublistDefinition {
  return {
    id: 'item',
    label: 'Items',
    lineKey: 'line',
    keyed: true,
    required: true,
    suiteqlTable: 'transactionline',
    fields: lineFields([
      lineNumber(),
      reference('item', 'Item', 'inventoryItem', { required: true }),
      text('description', 'Description', { column: 'memo' }),
      float('quantity', 'Quantity', { required: true }),
      money('rate', 'Rate'),
      money('amount', 'Amount', { column: 'foreignamount' }),
      ...segmentLineFields(),
      ...extraFields,
    ]),
  };
}

const expenseSublist = (): SublistDefinition => ({
  id: 'expense',
  label: 'Expenses',
  lineKey: 'line',
  keyed: true,
  suiteqlTable: 'transactionline',
  fields: lineFields([
    lineNumber(),
    reference('account', 'Account', 'account', { required: true, column: 'expenseaccount' }),
    money('amount', 'Amount', { required: true, column: 'foreignamount' }),
    text('memo', 'Memo'),
    ...segmentLineFields(),
  ]),
});

export const salesOrderStatusOptions = options([
  ['A', 'Pending Approval'],
  ['B', 'Pending Fulfillment'],
  ['C', 'Cancelled'],
  ['D', 'Partially Fulfilled'],
  ['E', 'Pending Billing/Partially Fulfilled'],
  ['F', 'Pending Billing'],
  ['G', 'Billed'],
  ['H', 'Closed'],
]);

export const orderSourceOptions = options([
  ['1', 'Web Store'],
  ['2', 'Phone'],
  ['3', 'EDI'],
  ['4', 'Sales Rep'],
]);

export const salesOrderDefinition: RecordTypeDefinition = {
  id: 'salesOrder',
  label: 'Sales Order',
  family: 'transaction',
  suiteqlTable: 'transaction',
  transactionTypeCode: 'SalesOrd',
  nameField: 'tranId',
  uiPath: '/app/accounting/transactions/salesord.nl',
  transformTargets: ['invoice'],
  fields: [
    ...transactionBody('customer', 'Customer', salesOrderStatusOptions),
    text('otherRefNum', 'PO #'),
    reference('salesRep', 'Sales Rep', 'employee', { column: 'employee' }),
    date('shipDate', 'Ship Date'),
    choice('custbody_order_source', 'Order Source', orderSourceOptions),
  ],
  sublists: [itemSublist([checkbox('isClosed', 'Closed')])],
};

export const openOrPaidOptions = options([
  ['A', 'Open'],
  ['B', 'Paid In Full'],
]);

export const invoiceDefinition: RecordTypeDefinition = {
  id: 'invoice',
  label: 'Invoice',
  family: 'transaction',
  suiteqlTable: 'transaction',
  transactionTypeCode: 'CustInvc',
  nameField: 'tranId',
  uiPath: '/app/accounting/transactions/custinvc.nl',
  fields: [
    ...transactionBody('customer', 'Customer', openOrPaidOptions),
    text('otherRefNum', 'PO #'),
    reference('salesRep', 'Sales Rep', 'employee', { column: 'employee' }),
    reference('createdFrom', 'Created From', 'salesOrder', { readOnly: true, column: false, mainLineColumn: 'createdfrom' }),
    ...payableFields(),
  ],
  sublists: [itemSublist()],
};

export const vendorBillDefinition: RecordTypeDefinition = {
  id: 'vendorBill',
  label: 'Bill',
  family: 'transaction',
  suiteqlTable: 'transaction',
  transactionTypeCode: 'VendBill',
  nameField: 'tranId',
  uiPath: '/app/accounting/transactions/vendbill.nl',
  fields: [...transactionBody('vendor', 'Vendor', openOrPaidOptions), ...payableFields()],
  sublists: [{ ...itemSublist(), required: false }, expenseSublist()],
};
