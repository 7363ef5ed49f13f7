/**
 * Where a query NetSuite refused went wrong, for a diagnostic on the cell after the run. NetSuite's SuiteQL errors
 * (netsuite-wire.md §3.4) name the identifier they stumbled on — `Unknown identifier 'subsidiary'. Available
 * identifiers are: {transaction=transaction}`, `Invalid search type: transactoin.`, `Record 'customer' was not
 * found.` — but give no position; the name is found in the query text. The catch-all "Invalid or unsupported
 * search" names nothing: then SuiteLens's own reading of the query (queryDiagnosis.ts) says where, else the
 * diagnostic sits on the first line.
 */
import { diagnoseRefusedQuery, isGenericQueryError } from './queryDiagnosis';

export interface RunErrorLocation {
  /** UTF-16 offsets into the query of what the error is about. */
  readonly start: number;
  readonly end: number;
  /** NetSuite's detail without its boilerplate prefix. */
  readonly message: string;
  /** When NetSuite named an unknown column and its table is plain from the detail: both, lower-case. */
  readonly table?: string;
  readonly column?: string;
}

const boilerplate = /^Invalid search query\. Detailed unprocessed description follows\.\s*(?:Search error occurred:\s*)?/i;

/** The identifier NetSuite's detail names and its span in the query, when it names one that the query holds. */
export function namedInRunError(query: string, detail: string): { start: number; end: number; name: string; kind: 'identifier' | 'table' } | undefined {
  const identifier = /Unknown identifier '([^']+)'/.exec(detail)?.[1];
  const table = /Invalid search type: ([\w.]+?)\.?(?:\s|$)/.exec(detail)?.[1] ?? /Record '([^']+)' was not found/.exec(detail)?.[1];
  const named = identifier ?? table;
  if (!named) return undefined;
  // `t.foreigntotl` may be written with other spacing or quoting; then the column name alone is looked for.
  const candidates = named.includes('.') ? [named, named.slice(named.lastIndexOf('.') + 1)] : [named];
  for (const candidate of candidates) {
    const escaped = candidate.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const match = new RegExp(`(?<![\\w$#])${escaped}(?![\\w$#])`, 'i').exec(query);
    if (match) return { start: match.index, end: match.index + match[0].length, name: named, kind: identifier ? 'identifier' : 'table' };
  }
  return undefined;
}

/** Where to put NetSuite's error in the query, and what to say there. */
export function locateRunError(query: string, detail: string): RunErrorLocation {
  const lines = detail.split('\n');
  const message = [lines[0].replace(boilerplate, ''), ...lines.slice(1)].filter((line) => line.trim() !== '').join(' ');
  const named = namedInRunError(query, lines[0]);
  if (named) return { start: named.start, end: named.end, message, ...(named.kind === 'identifier' ? unknownColumnOf(named.name, lines[0]) : {}) };
  const local = isGenericQueryError(lines[0]) ? diagnoseRefusedQuery(query) : undefined;
  if (local) {
    const word = /^[\w$#.]+|^'[^']*'?|^\S/.exec(query.slice(local.position))?.[0] ?? '';
    return { start: local.position, end: local.position + Math.max(word.length, 1), message };
  }
  const first = /\S/.exec(query)?.index ?? 0;
  const lineEnd = query.indexOf('\n', first);
  return { start: first, end: lineEnd < 0 ? query.length : lineEnd, message };
}

/**
 * The table and column of `Unknown identifier 'x'`: `c.x` is looked up in NetSuite's map of aliases
 * (`{c=customer, t=transaction}`); a bare `x` belongs to the one table when the map has only one.
 */
function unknownColumnOf(identifier: string, detail: string): { table?: string; column?: string } {
  const map = /Available identifiers are: \{([^}]*)\}/.exec(detail)?.[1];
  if (map === undefined) return {};
  const aliases = new Map<string, string>();
  for (const pair of map.split(',')) {
    const [alias, table] = pair.split('=').map((part) => part.trim().toLowerCase());
    if (alias && table) aliases.set(alias, table);
  }
  const dot = identifier.lastIndexOf('.');
  const column = identifier.slice(dot + 1).toLowerCase();
  const table = dot >= 0 ? aliases.get(identifier.slice(0, dot).toLowerCase()) : aliases.size === 1 ? [...aliases.values()][0] : undefined;
  return table ? { table, column } : {};
}
