/**
 * SuiteLens's own reading of a query NetSuite refused with its catch-all "Invalid or unsupported search", which it
 * gives alike for a typo, an unterminated string, two statements, a bind variable and a DELETE (netsuite-wire.md §3)
 * and which says neither where nor why. The local parser can say both. Display only: what runs is the user's text.
 */
import { codeTokens, quickTokens, type LightToken } from './lightTokens';
import { parseSuiteQL } from './parser';

export interface QueryDiagnosis {
  /** What SuiteLens saw, with line and column, e.g. `line 1, column 16: 'customer' is not valid at this position.` */
  message: string;
  /** UTF-16 offset into the query of what it points at. */
  position: number;
}

/** NetSuite's generic refusal of a query (and its variants quoting it). */
export function isGenericQueryError(detail: string | undefined): boolean {
  return detail !== undefined && /Invalid or unsupported search/i.test(detail);
}

function lineAndColumn(query: string, offset: number): string {
  const before = query.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - (before.lastIndexOf('\n') + 1) + 1;
  return `line ${line}, column ${column}`;
}

function at(query: string, token: LightToken | number, what: string): QueryDiagnosis {
  const position = typeof token === 'number' ? token : token.start;
  return { position, message: `${lineAndColumn(query, position)}: ${what}` };
}

/** The first thing wrong with the query that SuiteLens can name, or undefined when it sees nothing wrong. */
export function diagnoseRefusedQuery(query: string): QueryDiagnosis | undefined {
  const tokens = codeTokens(quickTokens(query));
  const first = tokens[0];
  if (!first) return { position: 0, message: 'the query is empty.' };
  if (first.kind === 'word' && first.upper !== 'SELECT' && first.upper !== 'WITH') {
    return at(query, first, `SuiteQL runs only SELECT queries; this one starts with ${first.upper}.`);
  }
  const unterminated = tokens.find((token) => token.kind === 'string' && (token.end - token.start < 2 || !query.slice(token.start, token.end).endsWith("'")));
  if (unterminated) return at(query, unterminated, 'the string that starts here is never closed (a missing \').');
  const bind = tokens.findIndex((token, index) => token.upper === '?' || (token.upper === ':' && tokens[index + 1]?.kind === 'word' && tokens[index + 1].start === token.end));
  if (bind >= 0) {
    const name = tokens[bind].upper === '?' ? '?' : `:${query.slice(tokens[bind + 1].start, tokens[bind + 1].end)}`;
    return at(query, tokens[bind], `${name} is a bind variable; SuiteQL over REST takes no parameters, so write the value into the query.`);
  }
  const separator = tokens.findIndex((token) => token.upper === ';');
  if (separator >= 0 && tokens.slice(separator + 1).some((token) => token.upper !== ';')) {
    return at(query, tokens[separator], 'a second statement starts after this ";"; NetSuite runs one query at a time.');
  }
  let problem;
  try {
    problem = parseSuiteQL(query).problems[0];
  } catch {
    return undefined;
  }
  if (!problem) return undefined;
  if (problem.unreadable) return { position: 0, message: `${problem.message}, so it could not look for the mistake.` };
  const saw = query.slice(problem.start, problem.end);
  const message = problem.message === 'Statement is incomplete' ? 'the query ends too early (a missing closing parenthesis or clause?).' : saw ? `it saw "${saw}" where it did not expect it.` : `${problem.message}.`;
  return at(query, problem.start, message);
}

/** The line added to NetSuite's generic error in the cell, marked as SuiteLens's own reading. */
export function describeRefusedQuery(query: string): { note: string; position?: number } {
  const diagnosis = diagnoseRefusedQuery(query);
  if (!diagnosis) {
    return { note: "SuiteLens's own check (not NetSuite's): no syntax error found; NetSuite may not support a function, join or construct this query uses." };
  }
  return { note: `SuiteLens's own check (not NetSuite's): ${diagnosis.message}`, position: diagnosis.position };
}
