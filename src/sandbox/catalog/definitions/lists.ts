/**
 * Setup lists every other record points at: subsidiaries, currencies, terms, the three segments (department,
 * location, class) and the chart of accounts. Field ids follow the 2026.1 REST API browser; SuiteQL columns the
 * analytics tables of the same names.
 */
import type { RecordTypeDefinition } from '../../model/recordTypes';
import { checkbox, choice, externalId, float, inactive, integer, internalId, options, percent, reference, text, datetime } from './fieldKit';

const lastModified = () => datetime('lastModifiedDate', 'Last Modified Date', { readOnly: true });

export const subsidiaryDefinition: RecordTypeDefinition = {
  id: 'subsidiary',
  label: 'Subsidiary',
  family: 'list',
  suiteqlTable: 'subsidiary',
  nameField: 'name',
  uiPath: '/app/common/otherlists/subsidiarytype.nl',
  fields: [
    internalId(),
    externalId(),
    text('name', 'Name', { required: true, maxLength: 83 }),
    text('fullName', 'Full Name', { readOnly: true }),
    text('legalName', 'Legal Name'),
    reference('parent', 'Subsidiary Of', 'subsidiary'),
    reference('currency', 'Currency', 'currency', { required: true }),
    text('country', 'Country', { maxLength: 2 }),
    text('email', 'Email'),
    inactive(),
    lastModified(),
  ],
  sublists: [],
};

export const currencyDefinition: RecordTypeDefinition = {
  id: 'currency',
  label: 'Currency',
  family: 'list',
  suiteqlTable: 'currency',
  nameField: 'name',
  uiPath: '/app/common/multicurrency/currency.nl',
  fields: [
    internalId(),
    externalId(),
    text('name', 'Name', { required: true }),
    text('symbol', 'ISO Code', { required: true, maxLength: 3 }),
    text('displaySymbol', 'Symbol'),
    float('exchangeRate', 'Default Exchange Rate', { required: true }),
    checkbox('isBaseCurrency', 'Is Base Currency', { readOnly: true }),
    integer('currencyPrecision', 'Currency Precision'),
    inactive(),
    lastModified(),
  ],
  sublists: [],
};

export const termDefinition: RecordTypeDefinition = {
  id: 'term',
  label: 'Term',
  family: 'list',
  suiteqlTable: 'term',
  nameField: 'name',
  fields: [
    internalId(),
    externalId(),
    text('name', 'Terms', { required: true }),
    integer('daysUntilNetDue', 'Days Till Net Due'),
    integer('daysUntilExpiry', 'Days Till Discount Expires'),
    percent('discountPercent', '% Discount'),
    inactive(),
  ],
  sublists: [],
};

/** Department, location and class share one shape: a hierarchical named segment limited to subsidiaries. */
function segmentDefinition(id: string, label: string, uiPath: string): RecordTypeDefinition {
  return {
    id,
    label,
    family: 'list',
    suiteqlTable: id,
    nameField: 'name',
    uiPath,
    fields: [
      internalId(),
      externalId(),
      text('name', 'Name', { required: true, maxLength: 31 }),
      text('fullName', 'Full Name', { readOnly: true }),
      reference('parent', `${label} Of`, id),
      reference('subsidiary', 'Subsidiary', 'subsidiary'),
      inactive(),
      lastModified(),
    ],
    sublists: [],
  };
}

export const departmentDefinition = segmentDefinition('department', 'Department', '/app/common/otherlists/departmenttype.nl');
export const locationDefinition = segmentDefinition('location', 'Location', '/app/common/otherlists/locationtype.nl');
export const classificationDefinition = segmentDefinition('classification', 'Class', '/app/common/otherlists/classtype.nl');

/** SuiteQL `account.accttype` codes with the labels NetSuite shows for them. */
export const accountTypeOptions = options([
  ['Bank', 'Bank'],
  ['AcctRec', 'Accounts Receivable'],
  ['OthCurrAsset', 'Other Current Asset'],
  ['FixedAsset', 'Fixed Asset'],
  ['AcctPay', 'Accounts Payable'],
  ['CredCard', 'Credit Card'],
  ['OthCurrLiab', 'Other Current Liability'],
  ['LongTermLiab', 'Long Term Liability'],
  ['Equity', 'Equity'],
  ['Income', 'Income'],
  ['COGS', 'Cost of Goods Sold'],
  ['Expense', 'Expense'],
  ['OthIncome', 'Other Income'],
  ['OthExpense', 'Other Expense'],
]);

export const accountDefinition: RecordTypeDefinition = {
  id: 'account',
  label: 'Account',
  family: 'list',
  suiteqlTable: 'account',
  nameField: 'accountSearchDisplayName',
  uiPath: '/app/accounting/account/account.nl',
  fields: [
    internalId(),
    externalId(),
    text('acctNumber', 'Number', { maxLength: 60 }),
    // SuiteQL calls the bare name `accountsearchdisplaynamecopy` and "number name" `accountsearchdisplayname`.
    text('acctName', 'Name', { required: true, column: 'accountsearchdisplaynamecopy', maxLength: 60 }),
    text('accountSearchDisplayName', 'Display Name', { readOnly: true, column: 'accountsearchdisplayname' }),
    choice('acctType', 'Type', accountTypeOptions, { required: true, column: 'accttype' }),
    text('description', 'Description'),
    reference('currency', 'Currency', 'currency'),
    reference('parent', 'Subaccount Of', 'account'),
    reference('subsidiary', 'Subsidiary', 'subsidiary'),
    inactive(),
    lastModified(),
  ],
  sublists: [],
};
