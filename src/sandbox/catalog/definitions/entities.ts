/**
 * Entities: employees (the sales reps), customers (companies and individuals), contacts and vendors.
 * 2026.1 casing (`companyName`, `isInactive`, `addressBook`); SuiteQL columns as the analytics tables name them
 * (`balancesearch` is how SuiteQL exposes an entity's balance).
 */
import type { RecordTypeDefinition } from '../../model/recordTypes';
import { addressBookSublist } from './addressBook';
import { customerCustomFields } from './customFields';
import { checkbox, choice, date, email, entityTimestamps, externalId, inactive, internalId, money, options, phone, reference, text, url } from './fieldKit';

/** Fields every entity shares: its name parts, contact details and subsidiary. */
const entityBasics = () => [
  internalId(),
  externalId(),
  text('entityId', 'Name', { maxLength: 83 }),
  text('firstName', 'First Name', { maxLength: 32 }),
  text('lastName', 'Last Name', { maxLength: 32 }),
  email('email', 'Email', { maxLength: 254 }),
  phone('phone', 'Phone', { maxLength: 32 }),
  reference('subsidiary', 'Primary Subsidiary', 'subsidiary', { required: true }),
  inactive(),
  ...entityTimestamps(),
];

export const employeeDefinition: RecordTypeDefinition = {
  id: 'employee',
  label: 'Employee',
  family: 'entity',
  suiteqlTable: 'employee',
  nameField: 'entityId',
  uiPath: '/app/common/entity/employee.nl',
  fields: [
    ...entityBasics(),
    text('title', 'Job Title'),
    reference('department', 'Department', 'department'),
    reference('location', 'Location', 'location'),
    reference('supervisor', 'Supervisor', 'employee'),
    checkbox('isSalesRep', 'Sales Rep'),
    date('hireDate', 'Hire Date'),
  ],
  sublists: [],
};

export const emailPreferenceOptions = options([
  ['PDF', 'PDF'],
  ['HTML', 'HTML'],
  ['DEFAULT', 'Default'],
]);

export const customerDefinition: RecordTypeDefinition = {
  id: 'customer',
  label: 'Customer',
  family: 'entity',
  suiteqlTable: 'customer',
  nameField: 'entityId',
  uiPath: '/app/common/entity/custjob.nl',
  fields: [
    ...entityBasics(),
    checkbox('isPerson', 'Is Individual'),
    text('companyName', 'Company Name', { maxLength: 83 }),
    text('altPhone', 'Alt. Phone'),
    url('url', 'Web Address'),
    text('comments', 'Comments', { filterable: false }),
    reference('entityStatus', 'Status', 'customerStatus', { referenceRestExposed: false }),
    reference('currency', 'Currency', 'currency'),
    reference('terms', 'Terms', 'term'),
    reference('salesRep', 'Sales Rep', 'employee'),
    reference('parent', 'Child Of', 'customer'),
    money('creditLimit', 'Credit Limit'),
    money('balance', 'Balance', { readOnly: true, column: 'balancesearch' }),
    money('overdueBalance', 'Overdue Balance', { readOnly: true, column: 'overduebalancesearch' }),
    money('unbilledOrders', 'Unbilled Orders', { readOnly: true, column: 'unbilledorderssearch' }),
    choice('emailPreference', 'Email Preference', emailPreferenceOptions),
    date('startDate', 'Start Date'),
    ...customerCustomFields(),
  ],
  sublists: [addressBookSublist()],
};

export const contactDefinition: RecordTypeDefinition = {
  id: 'contact',
  label: 'Contact',
  family: 'entity',
  suiteqlTable: 'contact',
  nameField: 'entityId',
  uiPath: '/app/common/entity/contact.nl',
  fields: [
    ...entityBasics().map((field) => (field.id === 'firstName' ? { ...field, required: true } : field)),
    reference('company', 'Company', 'customer'),
    text('title', 'Job Title'),
    phone('mobilePhone', 'Mobile Phone'),
  ],
  sublists: [],
};

export const vendorDefinition: RecordTypeDefinition = {
  id: 'vendor',
  label: 'Vendor',
  family: 'entity',
  suiteqlTable: 'vendor',
  nameField: 'entityId',
  uiPath: '/app/common/entity/vendor.nl',
  fields: [
    ...entityBasics(),
    checkbox('isPerson', 'Is Individual'),
    text('companyName', 'Company Name', { maxLength: 83 }),
    text('legalName', 'Legal Name'),
    text('accountNumber', 'Account'),
    reference('currency', 'Currency', 'currency'),
    reference('terms', 'Terms', 'term'),
    money('creditLimit', 'Credit Limit'),
    money('balance', 'Balance', { readOnly: true, column: 'balancesearch' }),
    text('comments', 'Comments', { filterable: false }),
  ],
  sublists: [addressBookSublist()],
};
