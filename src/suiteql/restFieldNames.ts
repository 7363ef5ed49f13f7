/**
 * Where REST record field names and SuiteQL column names differ. The metadata catalog describes REST records, so a
 * table filled from it would offer `balance` on `customer`, which SuiteQL refuses with "Unknown identifier
 * 'balance'": SuiteQL names that column `balancesearch`. The schema maps such fields to their SuiteQL column when
 * it reads the catalog (schema.ts), so completion offers only the name SuiteQL accepts and diagnostics can say
 * which one to write.
 *
 * Sources (public): the REST-only customer fields `balance`, `consolBalance` are named in SuitePortal's "SuiteQL
 * gotchas" guide (cli.suiteportal.io/docs/guides/suiteql-gotchas); the `*search` columns are what public SuiteQL
 * queries read (Tim Dietrich's SuiteQL library: `Customer.BalanceSearch`, `OverdueBalanceSearch`,
 * `UnbilledOrdersSearch`) and what warehouse schemas of real accounts' `customer` table list
 * (`consolbalancesearch`, `consoldaysoverduesearch`, `consoldepositbalancesearch`, …). The demo sandbox maps the
 * same fields (src/sandbox/catalog/definitions/entities.ts).
 */

/** REST field (lower-case) → SuiteQL column, per SuiteQL table. */
const suiteQLColumnByRestField: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  customer: {
    balance: 'balancesearch',
    overduebalance: 'overduebalancesearch',
    unbilledorders: 'unbilledorderssearch',
    depositbalance: 'depositbalancesearch',
    daysoverdue: 'daysoverduesearch',
    consolbalance: 'consolbalancesearch',
    consoloverduebalance: 'consoloverduebalancesearch',
    consolunbilledorders: 'consolunbilledorderssearch',
    consoldepositbalance: 'consoldepositbalancesearch',
    consoldaysoverdue: 'consoldaysoverduesearch',
  },
};

/** The SuiteQL column a REST field of `table` is read as, when the names differ; undefined when they do not. */
export function suiteQLColumnForRestField(table: string, restField: string): string | undefined {
  return suiteQLColumnByRestField[table.toLowerCase()]?.[restField.toLowerCase()];
}

/** The REST field a SuiteQL column of `table` is written as over REST, when the names differ. */
export function restFieldForSuiteQLColumn(table: string, column: string): string | undefined {
  const byRest = suiteQLColumnByRestField[table.toLowerCase()];
  if (!byRest) return undefined;
  const wanted = column.toLowerCase();
  return Object.keys(byRest).find((restField) => byRest[restField] === wanted);
}
