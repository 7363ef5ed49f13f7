/**
 * Compiles a parsed `q` expression into a WHERE fragment over `ns_record`, checking every field and operator
 * against the record type: only filterable body fields, only the operators NetSuite allows for the field's type
 * (netsuite-wire.md §1.3), numbers that are numbers and dates in the user's format. String matching is
 * case-insensitive, as N/query's is.
 */
import type { FieldDefinition, RecordTypeDefinition } from '../../model/recordTypes';
import type { SqlFilter } from '../../store/recordStore';
import { systemFieldOf } from '../systemFields';
import type { Condition, QueryExpression } from './parser';
import { parseUserDate } from './userDates';

export class QueryMeaningError extends Error {}

type FieldClass = 'string' | 'number' | 'boolean' | 'date' | 'select';

const operatorsByClass: Record<FieldClass, string[]> = {
  string: ['CONTAIN', 'IS', 'START_WITH', 'END_WITH'],
  number: ['ANY_OF', 'BETWEEN', 'EQUAL', 'GREATER', 'GREATER_OR_EQUAL', 'LESS', 'LESS_OR_EQUAL', 'WITHIN'],
  boolean: ['IS'],
  date: ['AFTER', 'BEFORE', 'ON', 'ON_OR_AFTER', 'ON_OR_BEFORE'],
  select: ['ANY_OF', 'IS', 'EQUAL'],
};

/** How NetSuite names field types in its documentation, for error messages. */
const classLabels: Record<FieldClass, string> = { string: 'String', number: 'Number', boolean: 'Boolean', date: 'Date', select: 'Select' };

function classOf(field: FieldDefinition): FieldClass {
  if (field.id.toLowerCase() === 'id') return 'number';
  switch (field.kind) {
    case 'integer':
    case 'float':
    case 'currency':
    case 'percent':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'date':
    case 'datetime':
      return 'date';
    case 'enum':
    case 'reference':
      return 'select';
    case 'email':
    case 'phone':
    case 'string':
    case 'url':
    default:
      return 'string';
  }
}

function allowedOperators(fieldClass: FieldClass): string[] {
  const base = operatorsByClass[fieldClass];
  return [...base.flatMap((name) => [name, `${name}_NOT`]), 'EMPTY', 'EMPTY_NOT'];
}

class SqlBuilder {
  readonly params: unknown[] = [];

  /** Placeholders start at $2: $1 is the record type. */
  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length + 1}`;
  }
}

function likePattern(value: string, prefix: string, suffix: string): string {
  return `${prefix}${value.toLowerCase().replace(/[\\%_]/g, (character) => `\\${character}`)}${suffix}`;
}

/** The SQL text expression of a field's stored value. */
function valueExpression(field: FieldDefinition, builder: SqlBuilder): string {
  const system = systemFieldOf(field.id);
  if (system === 'id') return 'id::text';
  if (system === 'externalId') return 'external_id';
  if (system) return `(doc->>'${system}')`;
  const name = builder.param(field.id);
  if (field.kind === 'enum' || field.kind === 'reference') return `coalesce(doc->'fields'->${name}->>'id', doc->'fields'->>${name})`;
  return `(doc->'fields'->>${name})`;
}

function numberValue(text: string, field: FieldDefinition): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) throw new QueryMeaningError(`Invalid number '${text}' for field '${field.id}'.`);
  return value;
}

function booleanValue(text: string, field: FieldDefinition): boolean {
  const lower = text.toLowerCase();
  if (lower === 'true' || lower === 't') return true;
  if (lower === 'false' || lower === 'f') return false;
  throw new QueryMeaningError(`Invalid boolean '${text}' for field '${field.id}': use true or false.`);
}

/**
 * A user-format date → the [start, end) instants it names (a whole day, or one minute when a time is given). An
 * ISO-8601 date-time with a zone (`2026-03-15T00:00:00Z`), as integrations send, names that instant (one second).
 */
function dateRange(text: string, dateFormat: string, isoDatetimes: boolean): [string, string] {
  const instant = isoDatetimes ? isoInstant(text) : undefined;
  if (instant) return [instant.toISOString(), new Date(instant.getTime() + 1000).toISOString()];
  const parsed = parseUserDate(text, dateFormat);
  if (!parsed) throw new UnparseableDateError(text);
  const start = new Date(`${parsed.date}T00:00:00Z`);
  if (parsed.minutes !== undefined) start.setUTCMinutes(parsed.minutes);
  const end = new Date(start);
  if (parsed.minutes !== undefined) end.setUTCMinutes(end.getUTCMinutes() + 1);
  else end.setUTCDate(end.getUTCDate() + 1);
  return [start.toISOString(), end.toISOString()];
}

const isoDatetimePattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:?\d{2})$/;

function isoInstant(text: string): Date | undefined {
  const trimmed = text.trim();
  if (!isoDatetimePattern.test(trimmed)) return undefined;
  const instant = new Date(trimmed);
  return Number.isNaN(instant.getTime()) ? undefined : instant;
}

export class UnparseableDateError extends Error {
  constructor(readonly text: string) {
    super(`Unparseable date: "${text}"`);
  }
}

function expectValues(condition: Condition, count: number | 'many'): void {
  const n = condition.values.length;
  if (count === 'many' ? n < 1 : n !== count) {
    const wanted = count === 'many' ? 'at least one value' : count === 2 ? 'two values, e.g. [1, 42]' : 'one value';
    throw new QueryMeaningError(`Operator ${condition.operator} on field '${condition.field}' expects ${wanted}.`);
  }
}

function positive(condition: Condition, field: FieldDefinition, fieldClass: FieldClass, builder: SqlBuilder, dateFormat: string, isoDatetimes: boolean): string {
  const base = condition.operator.replace(/_NOT$/, '');
  const expression = valueExpression(field, builder);
  if (base === 'EMPTY') return `(${expression} IS NULL OR ${expression} = '')`;
  switch (fieldClass) {
    case 'string': {
      expectValues(condition, 1);
      const value = condition.values[0];
      if (base === 'IS') return `lower(${expression}) = lower(${builder.param(value)})`;
      const [prefix, suffix] = base === 'CONTAIN' ? ['%', '%'] : base === 'START_WITH' ? ['', '%'] : ['%', ''];
      return `lower(${expression}) LIKE ${builder.param(likePattern(value, prefix, suffix))}`;
    }
    case 'number': {
      const numeric = `(${expression})::numeric`;
      if (base === 'ANY_OF') {
        expectValues(condition, 'many');
        return `${numeric} = ANY(${builder.param(condition.values.map((v) => numberValue(v, field)))}::numeric[])`;
      }
      if (base === 'BETWEEN' || base === 'WITHIN') {
        expectValues(condition, 2);
        const [low, high] = condition.values.map((v) => numberValue(v, field));
        return `${numeric} BETWEEN ${builder.param(low)}::numeric AND ${builder.param(high)}::numeric`;
      }
      expectValues(condition, 1);
      const comparison = { EQUAL: '=', GREATER: '>', GREATER_OR_EQUAL: '>=', LESS: '<', LESS_OR_EQUAL: '<=' }[base] ?? '=';
      return `${numeric} ${comparison} ${builder.param(numberValue(condition.values[0], field))}::numeric`;
    }
    case 'boolean':
      expectValues(condition, 1);
      return `coalesce((${expression})::boolean, false) = ${builder.param(booleanValue(condition.values[0], field))}::boolean`;
    case 'date': {
      expectValues(condition, 1);
      const [startInstant, endInstant] = dateRange(condition.values[0], dateFormat, isoDatetimes);
      // Only parameters the SQL uses may be bound: Postgres refuses unused ones.
      const start = () => `${builder.param(startInstant)}::timestamptz`;
      const end = () => `${builder.param(endInstant)}::timestamptz`;
      const instant = `(${expression})::timestamptz`;
      if (base === 'ON') return `(${instant} >= ${start()} AND ${instant} < ${end()})`;
      if (base === 'AFTER') return `${instant} >= ${end()}`;
      if (base === 'ON_OR_AFTER') return `${instant} >= ${start()}`;
      if (base === 'BEFORE') return `${instant} < ${start()}`;
      return `${instant} < ${end()}`;
    }
    case 'select':
      expectValues(condition, 'many');
      return `${expression} = ANY(${builder.param(condition.values)}::text[])`;
  }
}

function findFilterableField(definition: RecordTypeDefinition, name: string): FieldDefinition {
  const wanted = name.toLowerCase();
  const field = definition.fields.find((candidate) => candidate.id.toLowerCase() === wanted);
  if (!field) throw new QueryMeaningError(`Unknown field '${name}' on record type '${definition.id}'.`);
  if (!field.filterable && wanted !== 'id') throw new QueryMeaningError(`Field '${field.id}' on record type '${definition.id}' cannot be used in a filter.`);
  return field;
}

function compile(expression: QueryExpression, definition: RecordTypeDefinition, builder: SqlBuilder, dateFormat: string, isoDatetimes: boolean): string {
  if (expression.kind !== 'condition') {
    const joiner = expression.kind === 'and' ? ' AND ' : ' OR ';
    return `(${expression.operands.map((operand) => compile(operand, definition, builder, dateFormat, isoDatetimes)).join(joiner)})`;
  }
  const field = findFilterableField(definition, expression.field);
  const fieldClass = classOf(field);
  const allowed = allowedOperators(fieldClass);
  if (!allowed.includes(expression.operator)) {
    throw new QueryMeaningError(
      `Operator '${expression.operator}' cannot be used with field '${field.id}' of type ${classLabels[fieldClass]}. Use one of: ${allowed.join(', ')}.`,
    );
  }
  const condition = positive(expression, field, fieldClass, builder, dateFormat, isoDatetimes);
  return expression.operator.endsWith('_NOT') ? `(NOT coalesce(${condition}, false))` : `coalesce(${condition}, false)`;
}

export function compileQuery(expression: QueryExpression, definition: RecordTypeDefinition, dateFormat: string, isoDatetimes = true): SqlFilter {
  const builder = new SqlBuilder();
  const sql = compile(expression, definition, builder, dateFormat, isoDatetimes);
  return { sql, params: builder.params };
}
