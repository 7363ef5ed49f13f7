/**
 * The SuiteQL analytics tables behind GL, period and setup queries, consistent with the records:
 * - `transactionaccountingline`: the GL impact of each posting transaction, derived from its lines on every write,
 *   so each transaction's debits equal its credits (an invoice debits Accounts Receivable and credits Sales per
 *   line; a bill debits Inventory Asset or the expense account per line and credits Accounts Payable);
 * - `accountingperiod`: fiscal years, quarters and months 2020–2030, so every transaction date has its period, and
 *   `transaction.postingperiod` / `posting` point into it;
 * - `accounttype`, `currencyrate`, `role`, `rolepermissions`: fixed setup rows matching the seeded lists and roles.
 * Column names follow NetSuite's Records Catalog; the amounts logic is the ordinary double entry of these
 * transaction types, kept deliberately simple (no tax, discounts or COGS lines).
 */
import type { RecordTypeDefinition, StoredRecord } from '../model/recordTypes';
import type { SandboxRole } from '../model/seams';
import { accountTypeOptions } from '../catalog/definitions/lists';
import { seedAccountIds, seedCurrencies } from '../seed/lists';
import type { SuiteQLCellValue } from './rows';
import type { SuiteQLColumn, SuiteQLTable } from './tables';

const firstYear = 2020;
const lastYear = 2030;
const accountsReceivable = 2;
const accountsPayable = 5;
const monthNames = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** Periods that ended before this are closed, as a live account's earlier years would be. */
const closedBefore = '2024-01-01';

/** The month period holding an ISO date, or null outside 2020–2030. */
export function postingPeriodOf(isoDate: unknown): number | null {
  if (typeof isoDate !== 'string') return null;
  const match = /^(\d{4})-(\d{2})/.exec(isoDate);
  if (!match) return null;
  const year = Number(match[1]);
  if (year < firstYear || year > lastYear) return null;
  return (year - firstYear) * 12 + Number(match[2]);
}

const quarterId = (year: number, quarter: number) => 1000 + (year - firstYear) * 4 + quarter;
const yearId = (year: number) => 2000 + (year - firstYear);
const isoDay = (year: number, month: number, day: number) => new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);

function periodRows(): Record<string, SuiteQLCellValue>[] {
  const rows: Record<string, SuiteQLCellValue>[] = [];
  const flags = (kind: 'year' | 'quarter' | 'month', enddate: string) => ({
    isyear: kind === 'year' ? 'T' : 'F',
    isquarter: kind === 'quarter' ? 'T' : 'F',
    isposting: kind === 'month' ? 'T' : 'F',
    isadjust: 'F',
    isinactive: 'F',
    closed: enddate < closedBefore ? 'T' : 'F',
    alllocked: enddate < closedBefore ? 'T' : 'F',
    arlocked: enddate < closedBefore ? 'T' : 'F',
    aplocked: enddate < closedBefore ? 'T' : 'F',
  });
  for (let year = firstYear; year <= lastYear; year += 1) {
    const yearEnd = isoDay(year, 12, 31);
    rows.push({ id: yearId(year), periodname: `FY ${year}`, startdate: isoDay(year, 1, 1), enddate: yearEnd, parent: null, ...flags('year', yearEnd) });
    for (let quarter = 1; quarter <= 4; quarter += 1) {
      const end = isoDay(year, quarter * 3 + 1, 0);
      rows.push({ id: quarterId(year, quarter), periodname: `Q${quarter} ${year}`, startdate: isoDay(year, quarter * 3 - 2, 1), enddate: end, parent: yearId(year), ...flags('quarter', end) });
    }
    for (let month = 1; month <= 12; month += 1) {
      const end = isoDay(year, month + 1, 0);
      rows.push({
        id: (year - firstYear) * 12 + month,
        periodname: `${monthNames[month - 1]} ${year}`,
        startdate: isoDay(year, month, 1),
        enddate: end,
        parent: quarterId(year, Math.ceil(month / 3)),
        ...flags('month', end),
      });
    }
  }
  return rows;
}

function money(value: number): number {
  return Math.round(value * 100) / 100;
}

function lineAmount(line: Record<string, unknown>): number {
  const amount = Number(line.amount);
  if (Number.isFinite(amount) && line.amount !== undefined && line.amount !== null) return amount;
  const quantity = Number(line.quantity ?? 0);
  const rate = Number(line.rate ?? 0);
  return Number.isFinite(quantity * rate) ? quantity * rate : 0;
}

function referenceId(value: unknown): number | null {
  const id = typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : value;
  const numeric = Number(id);
  return id !== undefined && id !== null && Number.isFinite(numeric) ? numeric : null;
}

/** Which side each line goes to, per posting transaction type; undefined for non-posting types (sales orders). */
const glRules: Record<string, { lineAccount: (sublist: string, line: Record<string, unknown>) => number | null; lineSide: 'debit' | 'credit'; mainAccount: number }> = {
  CustInvc: { lineAccount: () => Number(seedAccountIds.income), lineSide: 'credit', mainAccount: accountsReceivable },
  VendBill: {
    lineAccount: (sublist, line) => (sublist === 'expense' ? referenceId(line.account) : Number(seedAccountIds.inventoryAsset)),
    lineSide: 'debit',
    mainAccount: accountsPayable,
  },
};

export function isPostingType(definition: RecordTypeDefinition): boolean {
  return definition.transactionTypeCode !== undefined && definition.transactionTypeCode in glRules;
}

/** The GL lines of one transaction, balanced: the main line takes the sum of the other lines' rounded amounts. */
export function accountingLinesOf(definition: RecordTypeDefinition, record: StoredRecord): Record<string, SuiteQLCellValue>[] {
  const rule = definition.transactionTypeCode ? glRules[definition.transactionTypeCode] : undefined;
  if (!rule) return [];
  const rate = Number(record.fields.exchangeRate ?? 1) || 1;
  const transaction = Number(record.id);
  const rows: Record<string, SuiteQLCellValue>[] = [];
  let total = 0;
  for (const sublist of definition.sublists) {
    (record.sublists[sublist.id] ?? []).forEach((line, index) => {
      const account = rule.lineAccount(sublist.id, line);
      const amount = money(lineAmount(line) * rate);
      if (account === null || amount === 0) return;
      total = money(total + amount);
      rows.push(glRow(transaction, Number(line[sublist.lineKey] ?? index + 1), account, rule.lineSide, amount));
    });
  }
  if (rows.length === 0) return [];
  rows.push(glRow(transaction, 0, rule.mainAccount, rule.lineSide === 'debit' ? 'credit' : 'debit', total));
  return rows;
}

function glRow(transaction: number, transactionline: number, account: number, side: 'debit' | 'credit', amount: number): Record<string, SuiteQLCellValue> {
  const debit = side === 'debit' ? amount : null;
  const credit = side === 'credit' ? amount : null;
  const signed = side === 'debit' ? amount : -amount;
  return { transaction, transactionline, accountingbook: 1, account, debit, credit, amount: signed, netamount: signed, posting: 'T', amountunpaid: null, exchangerate: 1 };
}

const accountTypeFacts: Record<string, { balancesheet: boolean; left: boolean }> = {
  Bank: { balancesheet: true, left: true },
  AcctRec: { balancesheet: true, left: true },
  OthCurrAsset: { balancesheet: true, left: true },
  FixedAsset: { balancesheet: true, left: true },
  AcctPay: { balancesheet: true, left: false },
  CredCard: { balancesheet: true, left: false },
  OthCurrLiab: { balancesheet: true, left: false },
  LongTermLiab: { balancesheet: true, left: false },
  Equity: { balancesheet: true, left: false },
  Income: { balancesheet: false, left: false },
  COGS: { balancesheet: false, left: true },
  Expense: { balancesheet: false, left: true },
  OthIncome: { balancesheet: false, left: false },
  OthExpense: { balancesheet: false, left: true },
};

function accountTypeRows(): Record<string, SuiteQLCellValue>[] {
  return accountTypeOptions.map((option) => ({
    id: option.id,
    longname: option.refName,
    balancesheet: accountTypeFacts[option.id]?.balancesheet ? 'T' : 'F',
    left: accountTypeFacts[option.id]?.left ? 'T' : 'F',
  }));
}

/** Month-end rates 2023–2026 of each seeded currency against the base (USD), wobbling around the seeded rate. */
function currencyRateRows(): Record<string, SuiteQLCellValue>[] {
  const rows: Record<string, SuiteQLCellValue>[] = [];
  let id = 1;
  for (const currency of seedCurrencies.filter((candidate) => candidate.id !== '1')) {
    for (let year = 2023; year <= 2026; year += 1) {
      for (let month = 1; month <= 12; month += 1) {
        const wobble = 1 + 0.02 * Math.sin((year * 12 + month) / 3);
        rows.push({ id: id++, basecurrency: 1, transactioncurrency: Number(currency.id), exchangerate: Number((currency.exchangeRate * wobble).toFixed(6)), effectivedate: isoDay(year, month, 1) });
      }
    }
  }
  return rows;
}

const levelNumbers: Record<string, number> = { none: 0, view: 1, create: 2, edit: 3, full: 4 };

function roleRows(roles: readonly SandboxRole[]): Record<string, SuiteQLCellValue>[] {
  return roles.map((role) => ({
    id: Number(role.id),
    name: role.name,
    scriptid: role.id === '3' ? 'administrator' : `customrole${role.id}`,
    isinactive: 'F',
    centertype: 'BASIC',
    issalesrole: 'F',
    issupportrole: 'F',
  }));
}

function rolePermissionRows(roles: readonly SandboxRole[]): Record<string, SuiteQLCellValue>[] {
  return roles.flatMap((role) =>
    Object.entries(role.permissions)
      .filter(([key, level]) => key !== '*' && level !== 'none')
      .map(([key, level]) => ({ role: Number(role.id), permkey: `LIST_${key.toUpperCase()}`, name: key, permlevel: levelNumbers[level] })),
  );
}

const column = (name: string, type: SuiteQLColumn['type'], extra: Partial<SuiteQLColumn> = {}): SuiteQLColumn => ({ name, type, ...extra });
const flag = (name: string) => column(name, 'text', { boolean: true });

/**
 * The tables above, given the transaction record types (they feed the GL lines and guard who sees them) and the
 * account table's display column (for BUILTIN.DF on `account`).
 */
export function accountingTables(transactionTypes: readonly RecordTypeDefinition[], accountDisplayColumn: string, roles: readonly SandboxRole[]): SuiteQLTable[] {
  const posting = transactionTypes.filter(isPostingType);
  const periodReference = { table: 'accountingperiod', displayColumn: 'periodname' };
  return [
    {
      name: 'transactionaccountingline',
      columns: [
        column('transaction', 'integer', { references: { table: 'transaction', displayColumn: 'tranid' } }),
        column('transactionline', 'integer'),
        column('accountingbook', 'integer'),
        column('account', 'integer', { references: { table: 'account', displayColumn: accountDisplayColumn } }),
        column('debit', 'numeric'),
        column('credit', 'numeric'),
        column('amount', 'numeric'),
        column('netamount', 'numeric'),
        flag('posting'),
        column('amountunpaid', 'numeric'),
        column('exchangerate', 'numeric'),
      ],
      primaryKey: [],
      displayColumn: 'transaction',
      feeds: posting.map((definition) => ({ recordType: definition.id, kind: 'derived' as const, fixedValues: {}, derive: (record: StoredRecord) => accountingLinesOf(definition, record) })),
      guardedBy: posting.map((definition) => definition.id.toLowerCase()),
      parent: { table: 'transaction', column: 'transaction' },
    },
    {
      name: 'accountingperiod',
      columns: [
        column('id', 'integer'),
        column('periodname', 'text'),
        column('startdate', 'date'),
        column('enddate', 'date'),
        column('parent', 'integer', { references: periodReference }),
        ...['isyear', 'isquarter', 'isposting', 'isadjust', 'isinactive', 'closed', 'alllocked', 'arlocked', 'aplocked'].map(flag),
      ],
      primaryKey: ['id'],
      displayColumn: 'periodname',
      feeds: [],
      guardedBy: [],
      fixedRows: periodRows(),
    },
    {
      name: 'accounttype',
      columns: [column('id', 'text'), column('longname', 'text'), flag('balancesheet'), flag('left')],
      primaryKey: ['id'],
      displayColumn: 'longname',
      feeds: [],
      guardedBy: [],
      fixedRows: accountTypeRows(),
    },
    {
      name: 'currencyrate',
      columns: [
        column('id', 'integer'),
        column('basecurrency', 'integer', { references: { table: 'currency', displayColumn: 'name' } }),
        column('transactioncurrency', 'integer', { references: { table: 'currency', displayColumn: 'name' } }),
        column('exchangerate', 'numeric'),
        column('effectivedate', 'date'),
      ],
      primaryKey: ['id'],
      displayColumn: 'id',
      feeds: [],
      guardedBy: [],
      fixedRows: currencyRateRows(),
    },
    {
      name: 'role',
      columns: [column('id', 'integer'), column('name', 'text'), column('scriptid', 'text'), flag('isinactive'), column('centertype', 'text'), flag('issalesrole'), flag('issupportrole')],
      primaryKey: ['id'],
      displayColumn: 'name',
      feeds: [],
      guardedBy: [],
      fixedRows: roleRows(roles),
    },
    {
      name: 'rolepermissions',
      columns: [column('role', 'integer', { references: { table: 'role', displayColumn: 'name' } }), column('permkey', 'text'), column('name', 'text'), column('permlevel', 'integer')],
      primaryKey: [],
      displayColumn: 'name',
      feeds: [],
      guardedBy: [],
      fixedRows: rolePermissionRows(roles),
    },
  ];
}

/** Columns that posting transactions add to `transaction`: their period and whether they post. */
export function transactionPostingValues(definition: RecordTypeDefinition, record: StoredRecord): Record<string, SuiteQLCellValue> {
  const posts = isPostingType(definition);
  return { postingperiod: posts ? postingPeriodOf(record.fields.tranDate) : null, posting: posts ? 'T' : 'F' };
}

export const transactionPostingColumns: SuiteQLColumn[] = [
  column('postingperiod', 'integer', { references: { table: 'accountingperiod', displayColumn: 'periodname' } }),
  flag('posting'),
];
