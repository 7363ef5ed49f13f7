/**
 * The `BUILTIN.*` functions an agent's query may call (NetSuite help, "SuiteQL Supported Built-in Functions"), each
 * with its argument rule and what it reads besides its arguments. One declaration serves the construct check
 * (guardedConstructs.ts: arguments) and the tables read (displayedColumns.ts → the agent policy), so a function
 * cannot be let through without saying what it reads; any BUILTIN not listed here is refused.
 */

/**
 * What a call reads that the query does not name:
 * - `display`: the display text of the row its first argument points to (DF; HIERARCHY's path of names; MNFILTER,
 *   whose `'DF'` mode matches a multi-select on those names: a yes/no oracle on them). displayReads.ts finds the table.
 * - `tables`: setup tables NetSuite reads to compute the value (exchange rates, accounting periods), which need a
 *   grant like any table the query names.
 * - `nothing`: only its arguments (CF is the field's raw stored value).
 */
export type BuiltinReads = { kind: 'display' } | { kind: 'tables'; tables: readonly string[]; what: string } | { kind: 'nothing' };

export interface BuiltinRule {
  min: number;
  max: number;
  /** Arguments that must be plain string literals: NetSuite reads them as fixed options, never as SQL. */
  literal: readonly number[];
  reads: BuiltinReads;
}

// Table names are SuiteQL's (standardTables.ts; consolidatedexchangerate: NetSuite Records Catalog and the REST
// record "Consolidated Exchange Rate", record id consolidatedexchangerate).
export const agentBuiltins: Readonly<Record<string, BuiltinRule>> = {
  DF: { min: 1, max: 1, literal: [], reads: { kind: 'display' } },
  HIERARCHY: { min: 2, max: 2, literal: [1], reads: { kind: 'display' } },
  MNFILTER: { min: 5, max: 5, literal: [1, 2, 3], reads: { kind: 'display' } },
  CF: { min: 1, max: 1, literal: [], reads: { kind: 'nothing' } },
  // Formats an amount in the currency of the record: the currency's symbol and format.
  CURRENCY: { min: 1, max: 1, literal: [], reads: { kind: 'tables', tables: ['currency'], what: 'the currency format' } },
  CURRENCY_CONVERT: { min: 1, max: 3, literal: [], reads: { kind: 'tables', tables: ['currencyrate', 'currency'], what: 'exchange rates' } },
  CONSOLIDATE: {
    min: 7,
    max: 7,
    literal: [1, 2, 3, 6],
    reads: { kind: 'tables', tables: ['consolidatedexchangerate', 'subsidiary', 'accountingperiod'], what: 'consolidated exchange rates' },
  },
  PERIOD: { min: 4, max: 4, literal: [0, 1, 2, 3], reads: { kind: 'tables', tables: ['accountingperiod'], what: 'accounting periods' } },
  // Fiscal ranges (LFY, TFQ…) come from the accounting periods and fiscal calendar; which codes do is not documented.
  RELATIVE_RANGES: { min: 2, max: 3, literal: [0, 1, 2], reads: { kind: 'tables', tables: ['accountingperiod'], what: 'the fiscal calendar' } },
};

/** The rule for `BUILTIN.<name>` (any case); undefined for a function agents may not call. */
export function agentBuiltin(name: string): BuiltinRule | undefined {
  const upper = name.toUpperCase();
  return Object.hasOwn(agentBuiltins, upper) ? agentBuiltins[upper] : undefined;
}
