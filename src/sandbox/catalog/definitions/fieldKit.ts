/**
 * Terse builders for field definitions, so each record type reads like NetSuite's own field table.
 * Body fields are filterable (`x-ns-filterable`) by default and map to the SuiteQL column that NetSuite names by
 * lower-casing the REST id (`companyName` → `companyname`); pass `column: false` for REST-only fields.
 */
import type { EnumOption, FieldDefinition, FieldKind } from '../../model/recordTypes';

export interface FieldOptions {
  column?: string | false;
  required?: boolean;
  readOnly?: boolean;
  filterable?: boolean;
  maxLength?: number;
  description?: string;
  mainLineColumn?: string;
  referenceRestExposed?: boolean;
}

/** Script ids of custom fields, which NetSuite marks `x-ns-custom-field: true`. */
const customFieldId = /^cust(?:entity|body|col|record|item|event)_/;

function build(id: string, label: string, kind: FieldKind, options: FieldOptions, extra: Partial<FieldDefinition> = {}): FieldDefinition {
  const { column, filterable, ...rest } = options;
  const definition: FieldDefinition = { id, label, kind, ...extra, ...rest, filterable: filterable ?? true };
  if (column !== false) definition.column = column ?? id.toLowerCase();
  if (customFieldId.test(id)) definition.custom = true;
  return definition;
}

export const text = (id: string, label: string, options: FieldOptions = {}) => build(id, label, 'string', options);
export const email = (id: string, label: string, options: FieldOptions = {}) => build(id, label, 'email', options);
export const phone = (id: string, label: string, options: FieldOptions = {}) => build(id, label, 'phone', options);
export const url = (id: string, label: string, options: FieldOptions = {}) => build(id, label, 'url', options);
export const integer = (id: string, label: string, options: FieldOptions = {}) => build(id, label, 'integer', options);
export const float = (id: string, label: string, options: FieldOptions = {}) => build(id, label, 'float', options);
export const money = (id: string, label: string, options: FieldOptions = {}) => build(id, label, 'currency', options);
export const percent = (id: string, label: string, options: FieldOptions = {}) => build(id, label, 'percent', options);
export const checkbox = (id: string, label: string, options: FieldOptions = {}) => build(id, label, 'boolean', options);
export const date = (id: string, label: string, options: FieldOptions = {}) => build(id, label, 'date', options);
export const datetime = (id: string, label: string, options: FieldOptions = {}) => build(id, label, 'datetime', options);

export const reference = (id: string, label: string, referenceType: string, options: FieldOptions = {}) =>
  build(id, label, 'reference', options, { referenceType });

export const choice = (id: string, label: string, enumOptions: EnumOption[], options: FieldOptions = {}) =>
  build(id, label, 'enum', options, { enumOptions });

/** `[['PDF', 'PDF'], …]` → enum options; keeps long option lists on one line each. */
export const options = (pairs: ReadonlyArray<readonly [string, string]>): EnumOption[] => pairs.map(([id, refName]) => ({ id, refName }));

/** The internal id every record carries: a read-only string, `id` in SuiteQL. */
export const internalId = () => text('id', 'Internal ID', { readOnly: true });
export const externalId = () => text('externalId', 'External ID');
export const inactive = () => checkbox('isInactive', 'Inactive');

/** Entities (customer, vendor, employee, contact) say `dateCreated`; transactions and items say `createdDate`. */
export const entityTimestamps = () => [
  datetime('dateCreated', 'Date Created', { readOnly: true }),
  datetime('lastModifiedDate', 'Last Modified Date', { readOnly: true }),
];
export const recordTimestamps = () => [
  datetime('createdDate', 'Date Created', { readOnly: true }),
  datetime('lastModifiedDate', 'Last Modified Date', { readOnly: true }),
];

/** Sublist line fields are not filterable: `q` only reaches body fields (netsuite-wire.md §1.3). */
export const lineFields = (fields: FieldDefinition[]): FieldDefinition[] => fields.map((field) => ({ ...field, filterable: false }));
