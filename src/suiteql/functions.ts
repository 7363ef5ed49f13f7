/**
 * Functions SuiteQL accepts: the Oracle set NetSuite documents (ns-help section_158513731864) and NetSuite's own
 * `BUILTIN.*` functions, each with the signature completion shows and a line on what it is for.
 */
export interface SuiteQLFunction {
  /** As written in a query: `NVL`, `BUILTIN.DF`. */
  readonly name: string;
  readonly signature: string;
  readonly description: string;
}

const fn = (name: string, parameters: string, description: string): SuiteQLFunction => ({ name, signature: `${name}(${parameters})`, description });

export const suiteQLFunctions: readonly SuiteQLFunction[] = [
  // NetSuite built-ins
  fn('BUILTIN.DF', 'field', 'Display value of a field: the name of a referenced record or list value instead of its internal id.'),
  fn('BUILTIN.CF', 'field', 'Criteria value of a field, as used in saved-search criteria (e.g. status codes like SalesOrd:B).'),
  fn('BUILTIN.CONSOLIDATE', "amount, 'LEDGER' | 'INCOME', 'DEFAULT', 'DEFAULT', targetSubsidiary, period, 'DEFAULT'", 'Amount consolidated to a parent subsidiary at the right exchange rate.'),
  fn('BUILTIN.CURRENCY', 'amount', 'Formats an amount in the currency of the record.'),
  fn('BUILTIN.CURRENCY_CONVERT', 'amount, targetCurrency, date', 'Converts an amount to another currency at the rate of a date.'),
  fn('BUILTIN.HIERARCHY', "field, 'DISPLAY_JOINED' | 'IDENTIFIER_JOINED'", 'Full hierarchy path of a record in a hierarchy (parent : child).'),
  fn('BUILTIN.MNFILTER', "field, operator, qualifier, negation, value", 'Multi-select field filter, as saved searches use it.'),
  fn('BUILTIN.NAMED_GROUP', "field, 'group'", 'Tests membership in a named group such as the current user.'),
  fn('BUILTIN.PERIOD', "'LP' | 'TP' | …, 'START' | 'END', 'NOT_LAST' | 'ALL', 'BETWEEN' | …", 'Relative accounting period (last period, this period, …).'),
  fn('BUILTIN.RELATIVE_RANGES', "'DAGO30' | 'TM' | 'LFY' | …, 'START' | 'END'", 'Start or end date of a relative date range (30 days ago, this month, last fiscal year, …).'),
  // Null handling and conditionals
  fn('NVL', 'expression, replacement', 'The replacement when the expression is null.'),
  fn('NVL2', 'expression, valueIfNotNull, valueIfNull', 'One value when the expression is not null, another when it is.'),
  fn('COALESCE', 'expression, …', 'The first argument that is not null.'),
  fn('NULLIF', 'expression1, expression2', 'Null when both are equal, else the first.'),
  fn('DECODE', 'expression, search, result, …, default', 'Compares the expression with each search value and returns the matching result.'),
  // Conversion
  fn('TO_CHAR', "value, 'format'", "Converts a number or date to text, e.g. TO_CHAR(trandate, 'YYYY-MM-DD')."),
  fn('TO_DATE', "text, 'format'", "Converts text to a date: SuiteQL has no date literals, use TO_DATE('2024-01-31', 'YYYY-MM-DD')."),
  fn('TO_NUMBER', 'text', 'Converts text to a number.'),
  fn('TO_TIMESTAMP', "text, 'format'", 'Converts text to a timestamp.'),
  fn('CAST', 'expression AS type', 'Converts a value to another type.'),
  // Dates
  fn('TRUNC', "date | number, 'format' | places", 'Truncates a date (to the day, month, …) or a number.'),
  fn('ADD_MONTHS', 'date, months', 'The date a number of months later.'),
  fn('LAST_DAY', 'date', 'The last day of the month of the date.'),
  fn('MONTHS_BETWEEN', 'date1, date2', 'Months between two dates.'),
  fn('NEXT_DAY', "date, 'weekday'", 'The first given weekday after the date.'),
  fn('EXTRACT', 'YEAR | MONTH | DAY FROM date', 'One part of a date.'),
  // Text
  fn('SUBSTR', 'text, start, length', 'Part of a text.'),
  fn('INSTR', 'text, search', 'Position of a text within another (0 when absent).'),
  fn('LENGTH', 'text', 'Number of characters.'),
  fn('UPPER', 'text', 'Upper-case text.'),
  fn('LOWER', 'text', 'Lower-case text.'),
  fn('INITCAP', 'text', 'Capitalises each word.'),
  fn('TRIM', 'text', 'Removes leading and trailing spaces.'),
  fn('LTRIM', 'text', 'Removes leading spaces.'),
  fn('RTRIM', 'text', 'Removes trailing spaces.'),
  fn('LPAD', 'text, length, pad', 'Pads on the left to a length.'),
  fn('RPAD', 'text, length, pad', 'Pads on the right to a length.'),
  fn('REPLACE', 'text, search, replacement', 'Replaces every occurrence.'),
  fn('CONCAT', 'text1, text2', 'Joins two texts (|| joins any number).'),
  fn('REGEXP_LIKE', 'text, pattern', 'True when the text matches the regular expression.'),
  fn('REGEXP_SUBSTR', 'text, pattern', 'The part of the text matching the regular expression.'),
  fn('REGEXP_REPLACE', 'text, pattern, replacement', 'Replaces matches of the regular expression.'),
  fn('REGEXP_INSTR', 'text, pattern', 'Position of the first match of the regular expression.'),
  // Numbers
  fn('ROUND', 'number, places', 'Rounds a number (or a date).'),
  fn('ABS', 'number', 'Absolute value.'),
  fn('CEIL', 'number', 'Smallest integer not below the number.'),
  fn('FLOOR', 'number', 'Largest integer not above the number.'),
  fn('MOD', 'number, divisor', 'Remainder of a division.'),
  fn('POWER', 'number, exponent', 'Number raised to a power.'),
  fn('SIGN', 'number', '-1, 0 or 1.'),
  // Aggregates and analytics
  fn('COUNT', '* | expression', 'Number of rows, or of non-null values.'),
  fn('SUM', 'expression', 'Sum of the values.'),
  fn('AVG', 'expression', 'Average of the values.'),
  fn('MIN', 'expression', 'Smallest value.'),
  fn('MAX', 'expression', 'Largest value.'),
  fn('MEDIAN', 'expression', 'Median of the values.'),
  fn('STDDEV', 'expression', 'Standard deviation.'),
  fn('LISTAGG', "expression, 'separator'", 'Joins the values of a group into one text.'),
  fn('ROW_NUMBER', '', 'Row number within a window: ROW_NUMBER() OVER (ORDER BY …).'),
  fn('RANK', '', 'Rank within a window, with gaps.'),
  fn('DENSE_RANK', '', 'Rank within a window, without gaps.'),
  fn('LAG', 'expression, offset, default', 'Value from an earlier row of the window.'),
  fn('LEAD', 'expression, offset, default', 'Value from a later row of the window.'),
  fn('FIRST_VALUE', 'expression', 'First value of the window.'),
  fn('LAST_VALUE', 'expression', 'Last value of the window.'),
  fn('ROLLUP', 'expression, …', 'GROUP BY ROLLUP(…) adds subtotal and total rows.'),
];

/** Functions SuiteQL has that take no parentheses. */
export const suiteQLPseudoColumns: readonly SuiteQLFunction[] = [
  { name: 'SYSDATE', signature: 'SYSDATE', description: 'Current date and time.' },
  { name: 'CURRENT_DATE', signature: 'CURRENT_DATE', description: 'Current date in the session time zone.' },
  { name: 'ROWNUM', signature: 'ROWNUM', description: 'Row number as rows are returned; ROWNUM <= n limits the result (SuiteQL has no LIMIT).' },
];

export function findFunction(name: string): SuiteQLFunction | undefined {
  const upper = name.toUpperCase();
  return suiteQLFunctions.find((candidate) => candidate.name === upper) ?? suiteQLPseudoColumns.find((candidate) => candidate.name === upper);
}

/** Keywords worth offering in SuiteQL; the Trino grammar knows many SuiteQL does not have (UNNEST, LATERAL, …). */
export const suiteQLKeywords: ReadonlySet<string> = new Set(
  (
    'SELECT DISTINCT TOP FROM WHERE AND OR NOT IN IS NULL LIKE BETWEEN EXISTS AS JOIN INNER LEFT RIGHT FULL OUTER CROSS ON ' +
    'GROUP BY HAVING ORDER ASC DESC NULLS FIRST LAST UNION ALL INTERSECT MINUS EXCEPT CASE WHEN THEN ELSE END FETCH NEXT ROWS ' +
    'ONLY ROW OVER PARTITION WITH ESCAPE TRUE FALSE ANY SOME INTERVAL'
  ).split(' '),
);

/**
 * Functions an agent's query may call (the agent guard refuses any other, naming it): the non-BUILTIN functions
 * above and the further Oracle functions NetSuite lists as supported in SuiteQL (NetSuite help, "SuiteQL Supported
 * and Unsupported Functions"). None of them runs SQL held in a string or reaches outside the query, unlike
 * DBMS_XMLGEN.GETXML, XMLQUERY, SYS_CONTEXT or the URI types, which are not here. BUILTIN.* functions are checked
 * with their argument rules in guardedConstructs.ts.
 */
export const agentFunctionNames: ReadonlySet<string> = new Set([
  ...suiteQLFunctions.filter((candidate) => !candidate.name.includes('.')).map((candidate) => candidate.name),
  ...(
    'ACOS ASCII ASIN ATAN ATAN2 BITAND CHR COS COSH CORR COVAR_POP COVAR_SAMP CUME_DIST EXP GREATEST LEAST LN LOG ' +
    'NANVL NTILE NUMTODSINTERVAL NUMTOYMINTERVAL PERCENT_RANK PERCENTILE_CONT PERCENTILE_DISC RATIO_TO_REPORT ' +
    'REGEXP_COUNT REMAINDER SIN SINH SOUNDEX SQRT STDDEV_POP STDDEV_SAMP TAN TANH TRANSLATE VAR_POP VAR_SAMP VARIANCE ' +
    'WIDTH_BUCKET'
  ).split(' '),
]);
