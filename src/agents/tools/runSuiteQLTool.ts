/** Runs one page of a SuiteQL query. The policy has already checked every table the query reads. */
import { defineAgentTool } from './agentTool';
import { pageNote } from './compactResult';
import { accountProperty, inputObject, offsetProblem, pagingProperties } from './schemaParts';

/** One answer stays below this many characters of rows, so a wide `SELECT *` cannot flood the agent's context. */
const maxRowCharacters = 60_000;
/** NetSuite's REST SuiteQL ceiling (netsuite-wire.md §3.3). */
const netSuiteRowCeiling = 100_000;

export const runSuiteQLTool = defineAgentTool<{ account: string; query: string; limit: number; offset: number }>({
  name: 'suitelens_run_suiteql',
  title: 'Run a SuiteQL query',
  description:
    'Runs a read-only SuiteQL SELECT and returns one page of rows (column names lower-case, values as strings, NULL ' +
    'columns omitted). Allowed only when every table the query reads is granted, including the table a ' +
    'BUILTIN.DF(column) takes its names from. What runs is the query as SuiteLens prints it from its tokens ' +
    '(comments dropped, one space between tokens); anything it cannot print unambiguously is refused with the reason. ' +
    'Page with limit/offset.',
  action: 'suiteql',
  readOnly: true,
  destructive: false,
  inputSchema: inputObject(['account', 'query'], {
    account: accountProperty,
    query: { type: 'string', minLength: 1, maxLength: 100_000, description: 'One SuiteQL SELECT statement.' },
    ...pagingProperties(50, 200),
  }),
  check: offsetProblem,
  policyRequest: (input, agentId) => ({ agentId, accountId: input.account, action: 'suiteql', query: input.query }),
  subject: (input) => ({ query: input.query }),
  // The confirmation shows the exact text that will run, never a shortened one: for an allowed call the invoker has
  // re-bound the query to the canonical text the guard checked (toolInvoker.ts).
  describeEffect: async (input, context) => `Run SuiteQL on ${context.accountLabel}: ${input.query}`,
  async execute(input, context) {
    const page = await context.operations.runSuiteQL(context.accountId, input.query, { limit: input.limit, offset: input.offset }, context.signal);
    const truncated = pageNote('rows', input.offset, page.rows.length, page.totalResults, page.hasMore);
    let rows = page.rows;
    let characters = 0;
    const fitting = rows.findIndex((row) => (characters += JSON.stringify(row).length) > maxRowCharacters);
    if (fitting >= 0) {
      rows = rows.slice(0, Math.max(1, fitting));
      truncated.push(
        `Only ${rows.length} of the ${page.rows.length} rows of this page fit in one answer (${maxRowCharacters.toLocaleString('en-US')} characters); ` +
          `select fewer columns or call again with a smaller limit.`,
      );
    }
    if (page.totalResults >= netSuiteRowCeiling) {
      truncated.push(`NetSuite returns at most ${netSuiteRowCeiling.toLocaleString('en-US')} rows per query; narrow the WHERE clause to see the rest.`);
    }
    const nextOffset = page.hasMore ? input.offset + page.rows.length : undefined;
    return {
      summary: `${page.totalResults} rows in total; ${rows.length} returned from offset ${input.offset}.`,
      data: { rows, offset: input.offset, totalResults: page.totalResults, hasMore: page.hasMore, ...(nextOffset !== undefined ? { nextOffset } : {}) },
      truncated,
    };
  },
});
