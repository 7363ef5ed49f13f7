/**
 * The demo account's setup lists — small, fixed and hand-written, because everything else points at them:
 * a US parent with UK, German and Canadian subsidiaries, their currencies, payment terms, the three segments and
 * a compact chart of accounts.
 */
import type { StoredRecord } from '../model/recordTypes';
import { DAY_MS, ref, SEED_EPOCH, storedRecord } from './storedRecords';

const setupDates = { created: SEED_EPOCH - 5 * 365 * DAY_MS, modified: SEED_EPOCH - 400 * DAY_MS };
const list = (type: string, id: number, fields: Record<string, unknown>) => storedRecord(type, id, fields, setupDates);

export interface SeedSubsidiary {
  id: string;
  name: string;
  country: string;
  currencyId: string;
  locationId: string;
}

export const seedCurrencies = [
  { id: '1', name: 'USA', symbol: 'USD', displaySymbol: '$', exchangeRate: 1, precision: 2 },
  { id: '2', name: 'British pound', symbol: 'GBP', displaySymbol: '£', exchangeRate: 1.27, precision: 2 },
  { id: '3', name: 'Euro', symbol: 'EUR', displaySymbol: '€', exchangeRate: 1.09, precision: 2 },
  { id: '4', name: 'Canadian Dollar', symbol: 'CAD', displaySymbol: 'CA$', exchangeRate: 0.74, precision: 2 },
  { id: '5', name: 'Yen', symbol: 'JPY', displaySymbol: '¥', exchangeRate: 0.0067, precision: 0 },
] as const;

export const seedSubsidiaries: readonly SeedSubsidiary[] = [
  { id: '1', name: 'Honeycomb Holdings Inc.', country: 'US', currencyId: '1', locationId: '1' },
  { id: '2', name: 'Honeycomb Mfg. UK', country: 'GB', currencyId: '2', locationId: '2' },
  { id: '3', name: 'Honeycomb GmbH', country: 'DE', currencyId: '3', locationId: '3' },
  { id: '4', name: 'Honeycomb Canada Ltd', country: 'CA', currencyId: '4', locationId: '4' },
];

export const seedTerms = [
  { id: '1', name: 'Net 15', days: 15 },
  { id: '2', name: 'Net 30', days: 30 },
  { id: '3', name: 'Net 60', days: 60 },
  { id: '4', name: 'Due on receipt', days: 0 },
  { id: '5', name: '1% 10 Net 30', days: 30, discountPercent: 1, discountDays: 10 },
] as const;

const departments = [
  { id: '1', name: 'Sales' },
  { id: '2', name: 'Marketing' },
  { id: '3', name: 'Operations' },
  { id: '4', name: 'Finance' },
  { id: '5', name: 'Research & Development' },
  { id: '6', name: 'Inside Sales', parent: '1' },
];
const locations = [
  { id: '1', name: 'San Francisco', subsidiary: '1' },
  { id: '2', name: 'London', subsidiary: '2' },
  { id: '3', name: 'Berlin', subsidiary: '3' },
  { id: '4', name: 'Toronto', subsidiary: '4' },
];
const classes = [
  { id: '1', name: 'Hardware' },
  { id: '2', name: 'Software' },
  { id: '3', name: 'Services' },
];

export const seedClassIds = classes.map((classification) => classification.id);

/** Chart of accounts: [id, number, name, SuiteQL account type]. */
const accounts = [
  ['1', '1000', 'Checking', 'Bank'],
  ['2', '1100', 'Accounts Receivable', 'AcctRec'],
  ['3', '1200', 'Inventory Asset', 'OthCurrAsset'],
  ['4', '1500', 'Furniture & Equipment', 'FixedAsset'],
  ['5', '2000', 'Accounts Payable', 'AcctPay'],
  ['6', '2100', 'Company Credit Card', 'CredCard'],
  ['7', '3000', 'Retained Earnings', 'Equity'],
  ['8', '4000', 'Sales', 'Income'],
  ['9', '4100', 'Service Revenue', 'Income'],
  ['10', '5000', 'Cost of Goods Sold', 'COGS'],
  ['11', '6000', 'Advertising', 'Expense'],
  ['12', '6100', 'Office Supplies', 'Expense'],
  ['13', '6200', 'Rent', 'Expense'],
  ['14', '6300', 'Travel & Entertainment', 'Expense'],
  ['15', '6400', 'Software Subscriptions', 'Expense'],
  ['16', '6500', 'Utilities', 'Expense'],
  ['17', '7000', 'Interest Income', 'OthIncome'],
] as const;

export const seedAccountIds = { income: '8', cogs: '10', inventoryAsset: '3' } as const;
export const seedExpenseAccountIds = accounts.filter(([, , , type]) => type === 'Expense').map(([id]) => id);

function hierarchicalName(entries: { id: string; name: string; parent?: string }[], entry: { name: string; parent?: string }): string {
  const parent = entry.parent ? entries.find((candidate) => candidate.id === entry.parent) : undefined;
  return parent ? `${hierarchicalName(entries, parent)} : ${entry.name}` : entry.name;
}

export function seedListRecords(): StoredRecord[] {
  const parentName = seedSubsidiaries[0].name;
  return [
    ...seedCurrencies.map((currency) =>
      list('currency', Number(currency.id), {
        name: currency.name,
        symbol: currency.symbol,
        displaySymbol: currency.displaySymbol,
        exchangeRate: currency.exchangeRate,
        isBaseCurrency: currency.id === '1',
        currencyPrecision: currency.precision,
        isInactive: false,
      }),
    ),
    ...seedSubsidiaries.map((subsidiary) =>
      list('subsidiary', Number(subsidiary.id), {
        name: subsidiary.name,
        fullName: subsidiary.id === '1' ? parentName : `${parentName} : ${subsidiary.name}`,
        legalName: subsidiary.name,
        ...(subsidiary.id === '1' ? {} : { parent: ref('1') }),
        currency: ref(subsidiary.currencyId),
        country: subsidiary.country,
        isInactive: false,
      }),
    ),
    ...seedTerms.map((term) =>
      list('term', Number(term.id), {
        name: term.name,
        daysUntilNetDue: term.days,
        ...('discountPercent' in term ? { discountPercent: term.discountPercent, daysUntilExpiry: term.discountDays } : {}),
        isInactive: false,
      }),
    ),
    ...departments.map((department) =>
      list('department', Number(department.id), {
        name: department.name,
        fullName: hierarchicalName(departments, department),
        ...(department.parent ? { parent: ref(department.parent) } : {}),
        isInactive: false,
      }),
    ),
    ...locations.map((location) =>
      list('location', Number(location.id), { name: location.name, fullName: location.name, subsidiary: ref(location.subsidiary), isInactive: false }),
    ),
    ...classes.map((classification) =>
      list('classification', Number(classification.id), { name: classification.name, fullName: classification.name, isInactive: false }),
    ),
    ...accounts.map(([id, number, name, type]) =>
      list('account', Number(id), {
        acctNumber: number,
        acctName: name,
        accountSearchDisplayName: `${number} ${name}`,
        acctType: ref(type),
        currency: ref('1'),
        subsidiary: ref('1'),
        isInactive: false,
      }),
    ),
  ];
}
