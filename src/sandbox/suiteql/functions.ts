/**
 * Oracle functions SuiteQL accepts, rewritten to their Postgres equivalents. Functions whose Oracle semantics
 * Postgres lacks (TRUNC on dates, ADD_MONTHS, Oracle's SUBSTR/INSTR positions) call the `suiteql_*` helpers that
 * `compatSql.ts` installs; everything not listed passes through under its own name (COALESCE, UPPER, ROUND, …).
 */
import { unsupportedSearchError } from './errors';

/** Oracle format elements that carry a time of day: their presence makes TO_DATE keep the time. */
const timeFormatElements = /HH|MI|SS|AM|PM/i;

function requireArgs(args: string[], min: number, max: number): void {
  if (args.length < min || args.length > max) throw unsupportedSearchError();
}

function isStringLiteral(text: string): boolean {
  return text.startsWith("'");
}

type Rewrite = (args: string[]) => string;

const rewrites: Record<string, Rewrite> = {
  NVL: (args) => {
    requireArgs(args, 2, 2);
    return `coalesce(${args.join(', ')})`;
  },
  NVL2: (args) => {
    requireArgs(args, 3, 3);
    return `(CASE WHEN (${args[0]}) IS NOT NULL THEN ${args[1]} ELSE ${args[2]} END)`;
  },
  // DECODE treats two NULLs as equal, unlike `=`.
  DECODE: (args) => {
    if (args.length < 3) throw unsupportedSearchError();
    const [subject, ...pairs] = args;
    const whens: string[] = [];
    for (let i = 0; i + 1 < pairs.length; i += 2) whens.push(`WHEN (${subject}) IS NOT DISTINCT FROM (${pairs[i]}) THEN ${pairs[i + 1]}`);
    const otherwise = pairs.length % 2 === 1 ? ` ELSE ${pairs[pairs.length - 1]}` : '';
    return `(CASE ${whens.join(' ')}${otherwise} END)`;
  },
  TO_CHAR: (args) => {
    requireArgs(args, 1, 2);
    return args.length === 1 ? `((${args[0]})::text)` : `to_char(${args[0]}, ${args[1]})`;
  },
  TO_DATE: (args) => {
    requireArgs(args, 1, 3);
    if (args.length === 1) return `((${args[0]})::timestamp)`;
    // Oracle DATEs carry a time; Postgres' to_date drops it, so formats with a time go through to_timestamp.
    if (isStringLiteral(args[1]) && !timeFormatElements.test(args[1])) return `(to_date(${args[0]}, ${args[1]})::timestamp)`;
    return `(to_timestamp(${args[0]}, ${args[1]})::timestamp)`;
  },
  TO_TIMESTAMP: (args) => {
    requireArgs(args, 1, 2);
    return args.length === 1 ? `((${args[0]})::timestamp)` : `(to_timestamp(${args[0]}, ${args[1]})::timestamp)`;
  },
  TO_NUMBER: (args) => {
    requireArgs(args, 1, 2);
    return args.length === 1 ? `((${args[0]})::numeric)` : `to_number(${args[0]}, ${args[1]})`;
  },
  TRUNC: (args) => {
    requireArgs(args, 1, 2);
    return `suiteql_trunc(${args.join(', ')})`;
  },
  ADD_MONTHS: (args) => {
    requireArgs(args, 2, 2);
    return `suiteql_add_months(${args[0]}, (${args[1]})::integer)`;
  },
  LAST_DAY: (args) => {
    requireArgs(args, 1, 1);
    return `suiteql_last_day(${args[0]})`;
  },
  MONTHS_BETWEEN: (args) => {
    requireArgs(args, 2, 2);
    return `suiteql_months_between(${args[0]}, ${args[1]})`;
  },
  SUBSTR: (args) => {
    requireArgs(args, 2, 3);
    return `suiteql_substr((${args[0]})::text, ${args.slice(1).map((a) => `(${a})::integer`).join(', ')})`;
  },
  INSTR: (args) => {
    requireArgs(args, 2, 4);
    return `suiteql_instr((${args[0]})::text, (${args[1]})::text${args.slice(2).map((a) => `, (${a})::integer`).join('')})`;
  },
  LENGTH: (args) => {
    requireArgs(args, 1, 1);
    return `length((${args[0]})::text)`;
  },
  REGEXP_LIKE: (args) => {
    requireArgs(args, 2, 3);
    const operator = args[2] === "'i'" ? '~*' : '~';
    return `((${args[0]})::text ${operator} ${args[1]})`;
  },
  // Oracle replaces every match by default; Postgres only the first unless flagged.
  REGEXP_REPLACE: (args) => {
    requireArgs(args, 2, 3);
    return `regexp_replace((${args[0]})::text, ${args[1]}, ${args[2] ?? "''"}, 'g')`;
  },
  REGEXP_SUBSTR: (args) => {
    requireArgs(args, 2, 2);
    return `substring((${args[0]})::text from ${args[1]})`;
  },
  // BUILTIN.CF gives the criteria value: the raw stored value, where BUILTIN.DF gives the display text.
  'BUILTIN.CF': (args) => {
    requireArgs(args, 1, 1);
    return `(${args[0]})`;
  },
  // Oracle's LISTAGG(x, sep) without WITHIN GROUP (accepted by SuiteQL): the values in no particular order.
  LISTAGG: (args) => {
    requireArgs(args, 1, 2);
    return `string_agg((${args[0]})::text, ${args[1] ?? "''"})`;
  },
  'BUILTIN_RESULT.TYPE_STRING': (args) => `((${args[0]})::text)`,
  'BUILTIN_RESULT.TYPE_INTEGER': (args) => `((${args[0]})::bigint)`,
  'BUILTIN_RESULT.TYPE_FLOAT': (args) => `((${args[0]})::numeric)`,
  'BUILTIN_RESULT.TYPE_CURRENCY': (args) => `((${args[0]})::numeric)`,
  'BUILTIN_RESULT.TYPE_PERCENT': (args) => `((${args[0]})::numeric)`,
  'BUILTIN_RESULT.TYPE_DATE': (args) => `((${args[0]})::date)`,
  'BUILTIN_RESULT.TYPE_DATETIME': (args) => `((${args[0]})::timestamp)`,
  'BUILTIN_RESULT.TYPE_BOOLEAN': (args) => `(${args[0]})`,
};

/**
 * The Postgres text for a call of `name` (upper-case, `BUILTIN.CF` for qualified names) with already translated
 * arguments; undefined when the function passes through unchanged.
 */
export function translateFunctionCall(name: string, args: string[]): string | undefined {
  const rewrite = rewrites[name];
  if (rewrite) return rewrite(args);
  // NetSuite runs only the functions it lists; so does the sandbox, which also keeps Postgres' own functions
  // (query_to_xml, pg_sleep, set_config, …) out of reach. BUILTIN.CONSOLIDATE and friends need NetSuite's ledger.
  if (!passThroughFunctions.has(name)) throw unsupportedSearchError();
  return undefined;
}

/** Oracle functions SuiteQL supports whose Postgres namesakes behave alike. */
const passThroughFunctions = new Set([
  'COUNT', 'SUM', 'AVG', 'MIN', 'MAX', 'STDDEV', 'VARIANCE',
  'ROW_NUMBER', 'RANK', 'DENSE_RANK', 'LAG', 'LEAD', 'FIRST_VALUE', 'LAST_VALUE', 'NTILE', 'PERCENT_RANK', 'CUME_DIST',
  'COALESCE', 'NULLIF', 'GREATEST', 'LEAST', 'CAST', 'EXTRACT',
  'CONCAT', 'CHR', 'ASCII', 'LOWER', 'UPPER', 'INITCAP', 'LPAD', 'RPAD', 'TRIM', 'LTRIM', 'RTRIM', 'REPLACE', 'TRANSLATE', 'REVERSE',
  'ROUND', 'CEIL', 'FLOOR', 'ABS', 'MOD', 'POWER', 'SQRT', 'EXP', 'LN', 'LOG', 'SIGN',
]);

/** Keywords that may stand before a parenthesis without being a function call: `IN (…)`, `OVER (…)`, `AND (…)`. */
export const keywordsBeforeParentheses = new Set([
  'ROLLUP', 'CUBE', 'IN', 'EXISTS', 'OVER', 'AND', 'OR', 'NOT', 'CASE', 'WHEN', 'THEN', 'ELSE', 'AS', 'ON', 'ANY', 'ALL', 'SOME', 'IS', 'LIKE',
  'BETWEEN', 'DISTINCT', 'FROM', 'BY', 'ESCAPE', 'PARTITION', 'ROWS', 'RANGE', 'PRECEDING', 'FOLLOWING',
]);

/** Oracle words that stand alone (no parentheses) and their Postgres spelling. */
export const bareWordRewrites: Record<string, string> = {
  SYSDATE: 'localtimestamp(0)',
  SYSTIMESTAMP: 'current_timestamp',
};

/** Oracle type names in CAST(x AS type) and their Postgres equivalents. */
export const typeNameRewrites: Record<string, string> = {
  VARCHAR2: 'varchar',
  NVARCHAR2: 'varchar',
  NCHAR: 'char',
  NUMBER: 'numeric',
  CLOB: 'text',
  NCLOB: 'text',
  DATE: 'timestamp',
};
