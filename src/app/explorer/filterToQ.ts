/**
 * The per-type filter box → NetSuite's `q=` (netsuite-wire.md §1.3). A user types either plain text ("acme"),
 * which we search for in the type's name fields, or a `q` expression of their own (`email START_WITH barbara`),
 * which we pass through. Pure, so the rules are unit-tested.
 */
import { recordNameFields } from '../../netsuite/recordNames';
import { recordTypeLabel } from '../../netsuite/recordTypeLabels';

/** Every operator NetSuite documents for `q` (the docs' table, §1.3). */
export const qOperators = [
  'EMPTY', 'EMPTY_NOT', 'IS', 'IS_NOT', 'ANY_OF', 'ANY_OF_NOT', 'BETWEEN', 'BETWEEN_NOT', 'EQUAL', 'EQUAL_NOT',
  'GREATER', 'GREATER_NOT', 'GREATER_OR_EQUAL', 'GREATER_OR_EQUAL_NOT', 'LESS', 'LESS_NOT', 'LESS_OR_EQUAL',
  'LESS_OR_EQUAL_NOT', 'WITHIN', 'WITHIN_NOT', 'CONTAIN', 'CONTAIN_NOT', 'START_WITH', 'START_WITH_NOT', 'END_WITH',
  'END_WITH_NOT', 'AFTER', 'AFTER_NOT', 'BEFORE', 'BEFORE_NOT', 'ON', 'ON_NOT', 'ON_OR_AFTER', 'ON_OR_AFTER_NOT',
  'ON_OR_BEFORE', 'ON_OR_BEFORE_NOT',
] as const;

const operatorSet = new Set<string>(qOperators);

export interface FilterContext {
  /** The type's `x-ns-filterable` field names (from its JSON schema); empty when unknown. */
  filterable: readonly string[];
  recordType: string;
  /** The type's JSON-schema `properties`, for each field's type (which operators it takes); optional. */
  properties?: Readonly<Record<string, unknown>>;
}

export type QFieldType = 'String' | 'Number' | 'Boolean' | 'Date' | 'Select';

/** Operators per field type: the docs' table (netsuite-wire.md §1.3), each with its `_NOT`, plus EMPTY for any. */
const operatorsByType: Record<QFieldType, readonly string[]> = {
  String: ['CONTAIN', 'IS', 'START_WITH', 'END_WITH'],
  Number: ['ANY_OF', 'BETWEEN', 'EQUAL', 'GREATER', 'GREATER_OR_EQUAL', 'LESS', 'LESS_OR_EQUAL', 'WITHIN'],
  Boolean: ['IS'],
  Date: ['AFTER', 'BEFORE', 'ON', 'ON_OR_AFTER', 'ON_OR_BEFORE'],
  // The table has no row for list/record references; NetSuite filters them by internal id.
  Select: ['ANY_OF', 'EQUAL', 'IS'],
};

export function operatorsFor(type: QFieldType): string[] {
  return [...operatorsByType[type].flatMap((name) => [name, `${name}_NOT`]), 'EMPTY', 'EMPTY_NOT'];
}

/** A field's `q` type from its JSON-schema property (`type`/`format`, or a `$ref` for a reference). */
export function qFieldTypeOf(property: unknown): QFieldType | undefined {
  if (typeof property !== 'object' || property === null) return undefined;
  const { type, format } = property as { type?: unknown; format?: unknown };
  if ('$ref' in property || type === 'object') return 'Select';
  if (type === 'integer' || type === 'number') return 'Number';
  if (type === 'boolean') return 'Boolean';
  if (type === 'string') return format === 'date' || format === 'date-time' ? 'Date' : 'String';
  return undefined;
}

export type FilterResult = { kind: 'none' } | { kind: 'q'; q: string; raw: boolean } | { kind: 'error'; message: string };

/** `"a \"b\" c"`: NetSuite's `q` strings are double-quoted with backslash escapes. */
export function quoteQValue(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** The name fields of a type that NetSuite lets `q` filter on, in `recordNameFields` order (src/netsuite/recordNames.ts). */
export function filterableNameFields(filterable: readonly string[]): string[] {
  const byLowerCase = new Map(filterable.map((field) => [field.toLowerCase(), field]));
  return recordNameFields.flatMap((candidate) => {
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

/** Operators people carry over from SQL or other tools, which `q` spells differently or lacks. */
const nearMissOperators = new Set(['CONTAINS', 'EQUALS', 'EQ', 'NE', 'GT', 'GTE', 'LT', 'LTE', 'LIKE', 'IN', 'NOT', 'STARTSWITH', 'ENDSWITH', 'ISNOT', 'ANYOF']);

/**
 * Whether `<word> <operator>` at the start of the text was meant as an expression: an operator written in capitals
 * or with an underscore, or a known or near-miss operator after a field the type lets us filter on. "acme is great"
 * and "IBM CORP" stay text.
 */
function meantAsExpression(field: string, operator: string, context: FilterContext): boolean {
  const upper = operator.toUpperCase();
  const isField = field.toLowerCase() === 'id' || context.filterable.some((name) => name.toLowerCase() === field.toLowerCase());
  if (operator.includes('_')) return true;
  if (operator === upper && (operatorSet.has(upper) || nearMissOperators.has(upper))) return true;
  return isField && (operatorSet.has(upper) || nearMissOperators.has(upper) || (operator === upper && upper.length > 1));
}

function listOf(names: readonly string[], max = 12): string {
  return names.length > max ? `${names.slice(0, max).join(', ')}, … (${names.length - max} more)` : names.join(', ');
}

/**
 * The `field OPERATOR` pairs of an expression: quoted strings and `[…]` lists are blanked, then each condition
 * between AND/OR/parentheses is read from its first two words.
 */
function conditionsOf(text: string): { field: string; operator: string }[] {
  const blanked = text.replace(/"(?:[^"\\]|\\.)*"?/g, ' "" ').replace(/\[[^\]]*\]?/g, ' [] ');
  return blanked
    .split(/[()]|\s(?:AND|OR)\s/i)
    .map((part) => /^\s*([A-Za-z_][A-Za-z0-9_]*)\s+([A-Za-z_]+)\b/.exec(part))
    .flatMap((match) => (match ? [{ field: match[1], operator: match[2] }] : []));
}

/** Why one condition cannot be sent, naming what would work; undefined when it is fine. */
function conditionProblem(field: string, operator: string, context: FilterContext): string | undefined {
  const fieldName = field.toLowerCase() === 'id' ? 'id' : context.filterable.find((name) => name.toLowerCase() === field.toLowerCase());
  if (context.filterable.length > 0 && !fieldName) {
    return `"${field}" is not a field NetSuite lets you filter ${recordTypeLabel(context.recordType)} records by. Filterable fields: ${listOf(['id', ...context.filterable.filter((name) => name !== 'id')])}.`;
  }
  const property = fieldName === 'id' ? { type: 'integer' } : fieldName ? context.properties?.[fieldName] : undefined;
  const type = qFieldTypeOf(property);
  const valid = type ? operatorsFor(type) : [...qOperators];
  if (!valid.includes(operator.toUpperCase())) {
    const known = operatorSet.has(operator.toUpperCase());
    const what = type ? `${fieldName ?? field} is a ${type} field; its operators are` : 'the operators are';
    return `"${operator}" is not ${known ? `an operator for ${fieldName ?? field}` : 'a q operator'}: ${what} ${listOf(valid, 40)}.`;
  }
  return undefined;
}

/**
 * Plain text becomes `<nameField> CONTAIN "<text>"` for each filterable name field, joined with OR (a customer
 * may be a company, found by `companyName`, or a person, found by `entityId`); a raw expression passes through once
 * every condition names a filterable field and an operator that field's type takes. Text that starts like an
 * expression (`email CONTAINS x`, `foo IS 3`) but is not a valid one is refused, naming what is valid — silently
 * searching for it as a name would answer a different question.
 */
export function filterToQ(input: string, context: FilterContext): FilterResult {
  const text = input.trim();
  if (!text) return { kind: 'none' };
  const first = /^\s*\(*\s*([A-Za-z_][A-Za-z0-9_]*)\s+([A-Za-z_]+)\b/.exec(text);
  if (first && meantAsExpression(first[1], first[2], context)) {
    for (const condition of conditionsOf(text)) {
      const problem = conditionProblem(condition.field, condition.operator, context);
      if (problem) return { kind: 'error', message: problem };
    }
    return { kind: 'q', q: text, raw: true };
  }
  const fields = filterableNameFields(context.filterable);
  if (fields.length === 0) {
    return {
      kind: 'error',
      message: `NetSuite lists no name field of ${recordTypeLabel(context.recordType)} records as filterable; type a q expression instead, e.g. id ANY_OF [1, 2] or <field> CONTAIN "text".`,
    };
  }
  const value = quoteQValue(text);
  return { kind: 'q', q: fields.map((field) => `${field} CONTAIN ${value}`).join(' OR '), raw: false };
}
