/**
 * SuiteQL errors in NetSuite's real wording (netsuite-wire.md §3.4). The server maps a `SuiteQLQueryError` to
 * 400 INVALID_PARAMETER with `o:errorQueryParam` set to `queryParam`.
 */

const prefix = 'Invalid search query. Detailed unprocessed description follows.';

export class SuiteQLQueryError extends Error {
  constructor(
    /** The `detail` NetSuite puts in `o:errorDetails`. */
    readonly detail: string,
    /** The query parameter the error is about: the query text itself, or the page `offset`. */
    readonly queryParam: 'q' | 'offset' = 'q',
  ) {
    super(detail);
    this.name = 'SuiteQLQueryError';
  }
}

export function unknownTableError(name: string): SuiteQLQueryError {
  return new SuiteQLQueryError(`${prefix} Invalid search type: ${name}.`);
}

/** `identifiers` maps each FROM alias to its table, printed as Java prints a map: `{c=customer, t=transaction}`. */
export function unknownIdentifierError(identifier: string, identifiers: Map<string, string>): SuiteQLQueryError {
  const available = [...identifiers].map(([alias, table]) => `${alias}=${table}`).join(', ');
  return new SuiteQLQueryError(`${prefix} Search error occurred: Unknown identifier '${identifier}'. Available identifiers are: {${available}}.`);
}

/** What NetSuite answers when the role may not see a table (or the feature behind it is off). */
export function recordNotFoundError(table: string): SuiteQLQueryError {
  return new SuiteQLQueryError(`${prefix} Search error occurred: Record '${table}' was not found.`);
}

export function unsupportedSearchError(): SuiteQLQueryError {
  return new SuiteQLQueryError(`${prefix} Search error occurred: Invalid or unsupported search.`);
}

export function offsetBeyondCapError(offset: number, cap: number): SuiteQLQueryError {
  return new SuiteQLQueryError(
    `Invalid value for parameter offset: ${offset}. A SuiteQL query returns at most ${cap} results; page through larger sets with a keyset condition (WHERE id > <last id> ORDER BY id).`,
    'offset',
  );
}
