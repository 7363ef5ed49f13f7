import { describe, expect, it } from 'vitest';
import { completeSuiteQL } from '../../src/suiteql/completion';
import { diagnoseSuiteQL } from '../../src/suiteql/diagnostics';
import { lexSuiteQL, parseSuiteQL } from '../../src/suiteql/parser';
import { SuiteQLSchema } from '../../src/suiteql/schema';
import { tablesReadWithDisplays } from '../../src/suiteql/displayReads';
import { tablesReadBy } from '../../src/suiteql/tables';
import { atMarker, completionCases, corpusQueries } from '../unit/suiteqlCorpusFiles';

const corpus = corpusQueries();
const schema = SuiteQLSchema.withStandardTables();

/** The standard tables, declared complete: any unknown-table or unknown-column report on the corpus is false. */
function strictSchema(): SuiteQLSchema {
  const strict = SuiteQLSchema.withStandardTables(true);
  for (const table of strict.tables()) table.columnsComplete = true;
  return strict;
}

describe('SuiteQL corpus', () => {
  it('holds at least 40 public-source queries, each naming its source', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(40);
    for (const query of corpus) expect(query.text, query.file).toMatch(/^-- Source: \S/);
  });

  it.each(corpus)('$file parses', ({ text }) => {
    expect(parseSuiteQL(text).problems).toEqual([]);
  });

  it.each(corpus)('$file has its tables resolved', ({ text }) => {
    const result = tablesReadBy(text);
    expect(result.ok ? result.tables.length : result.reason).toBeGreaterThan(0);
  });

  it('counts, for the agent policy, the tables its BUILTIN calls read (DF targets, setup tables), and refuses the two whose target is unknown', () => {
    const addedByDisplay: Record<string, string[] | string> = {};
    for (const { file, text } of corpus) {
      const named = tablesReadBy(text);
      const all = tablesReadWithDisplays(text);
      if (!named.ok) continue;
      if (!all.ok) addedByDisplay[file] = all.reason;
      else if (all.tables.length > named.tables.length) addedByDisplay[file] = all.tables.filter((table) => !named.tables.includes(table));
    }
    expect(addedByDisplay).toEqual({
      '02-customers-overdue.suiteql': ['employee', 'term'],
      '03-transaction-gl-impact.suiteql': ['account'],
      '05-custom-fields.suiteql': ['employee'],
      '07-custom-record-types.suiteql': ['employee'],
      '09-currency-rates.suiteql': ['currency'],
      '10-deleted-records.suiteql': ['entity'],
      // permlevel and a support case's status are ids of lists the standard tables do not describe.
      '13-employees-roles-permissions.suiteql': expect.stringMatching(/^BUILTIN.DF\(rp.permlevel\) .* rolepermissions.permlevel holds an internal id whose record type SuiteLens does not know/),
      // RELATIVE_RANGES reads the fiscal calendar; CONSOLIDATE consolidated rates, subsidiaries and periods; CURRENCY the currency.
      '16-relative-ranges.suiteql': ['accountingperiod'],
      '17-sales-order-tax.suiteql': ['entity'],
      '19-purchase-order-receipts.suiteql': ['entity'],
      '20-shipments-tracking.suiteql': ['entity', 'item', 'location'],
      '28-journal-entries-range.suiteql': ['account', 'accountingperiod'],
      '29-leads-for-salesrep.suiteql': ['entitystatus'],
      '30-leads-by-salesrep.suiteql': ['employee'],
      '32-rmas-by-customer.suiteql': ['entity'],
      '34-support-cases-open.suiteql': expect.stringMatching(/^BUILTIN.DF\(sc.status\) .* supportcase.status holds an internal id whose record type SuiteLens does not know/),
      '41-oracle-outer-join.suiteql': ['item'],
      '42-quoted-generated.suiteql': ['accountingperiod', 'consolidatedexchangerate', 'currency', 'subsidiary'],
      '43-vendor-bills-open.suiteql': ['entity'],
      '50-aging-buckets.suiteql': ['entity'],
      '51-inventory-by-location.suiteql': ['location'],
    });
  });

  it.each(corpus)('$file draws no diagnostics, even against a schema declared complete', ({ text }) => {
    expect(diagnoseSuiteQL(text, schema)).toEqual([]);
    expect(diagnoseSuiteQL(text, strictSchema())).toEqual([]);
  });
});

// Qualifiers that name a CTE or a derived table, whose columns the schema cannot know.
const expectedUnresolved = [
  '21-intercompany-detail.suiteql: i (CTE)',
  '21-intercompany-detail.suiteql: ms (CTE)',
  '22-journal-changes-after-approval.suiteql: j (CTE)',
  '22-journal-changes-after-approval.suiteql: notes (CTE)',
  '48-window-ranking.suiteql: ranked (derived table)',
];
const unresolvedKinds: Record<string, string> = { i: 'CTE', ms: 'CTE', j: 'CTE', notes: 'CTE', ranked: 'derived table' };

describe('SuiteQL completion at marked positions', () => {
  it.each(completionCases())('$query', ({ query, includes, excludes, empty }) => {
    const { text, offset } = atMarker(query);
    const labels = completeSuiteQL(text, offset, schema).map((item) => item.label);
    if (empty) expect(labels).toEqual([]);
    for (const label of includes) expect(labels).toContain(label);
    for (const label of excludes ?? []) expect(labels).not.toContain(label);
  });

  it('offers, right after every `alias.` in the corpus, the column the author wrote there', () => {
    let checked = 0;
    const misses: string[] = [];
    const unresolved = new Set<string>();
    for (const { file, text } of corpus) {
      const tokens = lexSuiteQL(text).filter((token) => token.channel === 0);
      for (let i = 1; i + 1 < tokens.length; i++) {
        if (tokens[i].text !== '.' || !/^\w+$/.test(tokens[i - 1].text ?? '') || !/^\w+$/.test(tokens[i + 1].text ?? '')) continue;
        const qualifier = (tokens[i - 1].text ?? '').toLowerCase();
        const column = (tokens[i + 1].text ?? '').toLowerCase();
        if (qualifier === 'builtin') continue;
        const labels = completeSuiteQL(text, tokens[i].stop + 1, schema).map((item) => item.label);
        // Columns of derived tables and CTEs are not offered (their shape is not in the schema); count those apart.
        if (labels.length === 0) {
          unresolved.add(`${file}: ${qualifier} (${unresolvedKinds[qualifier] ?? 'a table that should resolve'})`);
          continue;
        }
        checked++;
        if (!labels.includes(column)) misses.push(`${file}: ${qualifier}.${column}`);
      }
    }
    expect(misses).toEqual([]);
    expect(checked).toBeGreaterThan(200);
    expect([...unresolved].sort()).toEqual(expectedUnresolved);
  }, 120_000);
});
