/**
 * The per-type filter box → NetSuite's `q=` (netsuite-wire.md §1.3). A user types either plain text ("acme"),
 * which we search for in the type's name fields, or a `q` expression of their own (`email START_WITH barbara`),
 * which we pass through. Pure, so the rules are unit-tested.
 */

/** Every operator NetSuite documents for `q` (the docs' table, §1.3). */
export const qOperators = [
  'EMPTY', 'EMPTY_NOT', 'IS', 'IS_NOT', 'ANY_OF', 'ANY_OF_NOT', 'BETWEEN', 'BETWEEN_NOT', 'EQUAL', 'EQUAL_NOT',
  'GREATER', 'GREATER_NOT', 'GREATER_OR_EQUAL', 'GREATER_OR_EQUAL_NOT', 'LESS', 'LESS_NOT', 'LESS_OR_EQUAL',
  'LESS_OR_EQUAL_NOT', 'WITHIN', 'WITHIN_NOT', 'CONTAIN', 'CONTAIN_NOT', 'START_WITH', 'START_WITH_NOT', 'END_WITH',
  'END_WITH_NOT', 'AFTER', 'AFTER_NOT', 'BEFORE', 'BEFORE_NOT', 'ON', 'ON_NOT', 'ON_OR_AFTER', 'ON_OR_AFTER_NOT',
  'ON_OR_BEFORE', 'ON_OR_BEFORE_NOT',
] as const;

const operatorSet = new Set<string>(qOperators);

/**
 * Fields that hold a record's display name, most telling first: a company's name, an entity's id (a person's name),
 * a transaction's document number, an item's name, and the `name` of lists and custom records.
 */
export const nameFieldCandidates = ['companyName', 'entityId', 'tranId', 'itemId', 'accountSearchDisplayName', 'name', 'title'] as const;

export interface FilterContext {
  /** The type's `x-ns-filterable` field names (from its JSON schema); empty when unknown. */
  filterable: readonly string[];
  recordType: string;
}

export type FilterResult = { kind: 'none' } | { kind: 'q'; q: string; raw: boolean } | { kind: 'error'; message: string };

/** `"a \"b\" c"`: NetSuite's `q` strings are double-quoted with backslash escapes. */
export function quoteQValue(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** The name fields of a type that NetSuite lets `q` filter on, in `nameFieldCandidates` order. */
export function filterableNameFields(filterable: readonly string[]): string[] {
  const byLowerCase = new Map(filterable.map((field) => [field.toLowerCase(), field]));
  return nameFieldCandidates.flatMap((candidate) => {
    const field = byLowerCase.get(candidate.toLowerCase());
    return field ? [field] : [];
  });
}

/**
 * Whether the text is already a `q` expression: it starts with a field name (one the type lets us filter on, when
 * we know them) followed by a documented operator. "acme is great" stays plain text unless `acme` is a field.
 */
export function isRawQ(text: string, filterable: readonly string[]): boolean {
  const match = /^\s*\(*\s*([A-Za-z_][A-Za-z0-9_]*)\s+([A-Za-z_]+)\b/.exec(text);
  if (!match || !operatorSet.has(match[2].toUpperCase())) return false;
  if (filterable.length === 0) return true;
  const field = match[1].toLowerCase();
  return field === 'id' || filterable.some((name) => name.toLowerCase() === field);
}

/**
 * Plain text becomes `<nameField> CONTAIN "<text>"` for each filterable name field, joined with OR (a customer
 * may be a company, found by `companyName`, or a person, found by `entityId`); a raw expression passes through.
 */
export function filterToQ(input: string, context: FilterContext): FilterResult {
  const text = input.trim();
  if (!text) return { kind: 'none' };
  if (isRawQ(text, context.filterable)) return { kind: 'q', q: text, raw: true };
  const fields = filterableNameFields(context.filterable);
  if (fields.length === 0) {
    return {
      kind: 'error',
      message: `NetSuite lists no name field of ${context.recordType} as filterable; type a q expression instead, e.g. id ANY_OF [1, 2] or <field> CONTAIN "text".`,
    };
  }
  const value = quoteQValue(text);
  return { kind: 'q', q: fields.map((field) => `${field} CONTAIN ${value}`).join(' OR '), raw: false };
}
