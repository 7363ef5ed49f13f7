/**
 * Query parameters: `:name` placeholders in a SuiteQL cell, filled in by the person before the run. NetSuite's REST
 * SuiteQL takes no bind variables, so each value is written into the query as a SuiteQL literal of its own, never
 * as raw text: a number stays a number, a date becomes `TO_DATE('2026-01-31', 'YYYY-MM-DD')`, anything else is a
 * string literal with its quotes doubled. Whatever a value holds, it cannot end its literal and add SQL.
 * A `:name` inside a string, a quoted identifier or a comment is not a parameter.
 */

export interface QueryParameter {
  name: string;
  /** UTF-16 offsets of every occurrence (`:name` included). */
  occurrences: Array<{ start: number; end: number }>;
}

/** The parameters of a query, in order of first appearance (names compared case-insensitively, as SuiteQL does). */
export function findParameters(query: string): QueryParameter[] {
  const found = new Map<string, QueryParameter>();
  let i = 0;
  while (i < query.length) {
    const char = query[i];
    const next = query[i + 1];
    if (char === "'" || ((char === 'q' || char === 'Q') && next === "'" && !isWordChar(query[i - 1]))) {
      i = char === "'" ? endOfString(query, i) : endOfQuoted(query, i + 1);
    } else if (char === '"') {
      const close = query.indexOf('"', i + 1);
      i = close < 0 ? query.length : close + 1;
    } else if (char === '-' && next === '-') {
      const close = query.indexOf('\n', i);
      i = close < 0 ? query.length : close + 1;
    } else if (char === '/' && next === '*') {
      const close = query.indexOf('*/', i + 2);
      i = close < 0 ? query.length : close + 2;
    } else if (char === ':' && query[i - 1] !== ':' && /[A-Za-z_]/.test(next ?? '')) {
      let end = i + 1;
      while (end < query.length && isWordChar(query[end])) end++;
      const name = query.slice(i + 1, end);
      const key = name.toLowerCase();
      const parameter = found.get(key) ?? { name, occurrences: [] };
      parameter.occurrences.push({ start: i, end });
      found.set(key, parameter);
      i = end;
    } else {
      i++;
    }
  }
  return [...found.values()];
}

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && /[A-Za-z0-9_$#]/.test(char);
}

/** Index after a '…' string starting at `start` ('' is a quote inside it). */
function endOfString(query: string, start: number): number {
  let i = start + 1;
  while (i < query.length) {
    if (query[i] === "'") {
      if (query[i + 1] === "'") i += 2;
      else return i + 1;
    } else i++;
  }
  return query.length;
}

/** Index after Oracle's alternative quoting q'[…]' whose opening quote is at `quote`. */
function endOfQuoted(query: string, quote: number): number {
  const open = query[quote + 1];
  const close = ({ '[': ']', '{': '}', '(': ')', '<': '>' } as Record<string, string>)[open] ?? open;
  const end = query.indexOf(`${close}'`, quote + 2);
  return end < 0 ? query.length : end + 2;
}

/** How a typed value is written into the query. */
export function parameterLiteral(value: string): string {
  const text = value.trim();
  if (/^-?\d+(\.\d+)?$/.test(text)) return text;
  if (/^\d{4}-\d{2}-\d{2}$/.test(text) && isCalendarDate(text)) return `TO_DATE('${text}', 'YYYY-MM-DD')`;
  // A value typed in quotes means "this text", quotes not included: '123' stays a string.
  const unquoted = /^'(.*)'$/s.exec(text)?.[1] ?? value;
  return `'${unquoted.replace(/'/g, "''")}'`;
}

/** A real day: JavaScript's Date would roll 2026-02-30 over to March. */
function isCalendarDate(text: string): boolean {
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** The query with every placeholder replaced by its value's literal; throws naming a parameter without a value. */
export function bindParameters(query: string, values: Readonly<Record<string, string>>): string {
  const byKey = new Map(Object.entries(values).map(([name, value]) => [name.toLowerCase(), value]));
  const replacements = findParameters(query).flatMap((parameter) => {
    const value = byKey.get(parameter.name.toLowerCase());
    if (value === undefined) throw new Error(`No value for the parameter :${parameter.name}.`);
    return parameter.occurrences.map((occurrence) => ({ ...occurrence, text: parameterLiteral(value) }));
  });
  let bound = query;
  for (const { start, end, text } of replacements.sort((a, b) => b.start - a.start)) bound = bound.slice(0, start) + text + bound.slice(end);
  return bound;
}
