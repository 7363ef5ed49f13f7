/**
 * Turning a validated body into the record as it will be saved, and the checks that need the store:
 * references that point at real records, unique entity ids and external ids, and the totals NetSuite derives
 * from the lines.
 */
import type { RecordTypeDefinition, StoredRecord } from '../model/recordTypes';
import { invalidParameter, NetSuiteHttpError, type ErrorDetail } from '../http/errors';
import type { StoreTransaction } from '../store/recordStore';
import type { ValidatedBody } from './bodyValidation';
import type { RecordServiceSettings } from './recordContext';
import { applySublistUpdate } from './sublistMerge';
import { hasNoData } from '../catalog';

export interface ReplaceOptions {
  /** Sublists whose lines the request replaces (`?replace=item,addressBook`). */
  sublists: Set<string>;
  /** Body fields to clear (`?replaceSelectedFields=true&replace=memo`). */
  fields: Set<string>;
}

/** Reads `replace` / `replaceSelectedFields`, rejecting names that are neither sublists nor (then) body fields. */
export function replaceOptions(url: URL, definition: RecordTypeDefinition): ReplaceOptions {
  const options: ReplaceOptions = { sublists: new Set(), fields: new Set() };
  const text = url.searchParams.get('replace');
  if (!text) return options;
  const selectedFields = url.searchParams.get('replaceSelectedFields')?.toLowerCase() === 'true';
  for (const name of text.split(',').map((part) => part.trim()).filter((part) => part !== '')) {
    const sublist = definition.sublists.find((candidate) => candidate.id.toLowerCase() === name.toLowerCase());
    const field = definition.fields.find((candidate) => candidate.id.toLowerCase() === name.toLowerCase());
    if (sublist) options.sublists.add(sublist.id);
    else if (selectedFields && field && !field.readOnly) options.fields.add(field.id);
    else {
      throw invalidParameter(`Invalid value for query parameter replace: '${name}' is not a ${selectedFields ? 'sublist or body field' : 'sublist'} of ${definition.id}.`, {
        'o:errorQueryParam': 'replace',
      });
    }
  }
  return options;
}

export function applyBody(record: StoredRecord, body: ValidatedBody, replace: ReplaceOptions): StoredRecord {
  const fields = { ...record.fields };
  for (const name of replace.fields) if (!(name in body.fields)) delete fields[name];
  for (const [name, value] of Object.entries(body.fields)) {
    if (value === null) delete fields[name];
    else fields[name] = value;
  }
  const sublists = { ...record.sublists };
  for (const sublistId of replace.sublists) if (!body.sublists.some((update) => update.sublist.id === sublistId)) sublists[sublistId] = [];
  for (const update of body.sublists) {
    sublists[update.sublist.id] = applySublistUpdate(sublists[update.sublist.id] ?? [], update.sublist, update.lines, replace.sublists.has(update.sublist.id));
  }
  const next: StoredRecord = { ...record, fields, sublists };
  if (body.externalId === null) delete next.externalId;
  else if (body.externalId !== undefined) next.externalId = body.externalId;
  return next;
}

const round2 = (value: number) => Math.round(value * 100) / 100;

/** Line amounts from quantity × rate, and the body totals from the lines, as NetSuite computes them. */
export function deriveAmounts(definition: RecordTypeDefinition, record: StoredRecord): void {
  let total = 0;
  let hasAmounts = false;
  for (const sublist of definition.sublists) {
    if (!sublist.fields.some((field) => field.id === 'amount')) continue;
    for (const line of record.sublists[sublist.id] ?? []) {
      if ((line.amount === undefined || line.amount === null) && typeof line.quantity === 'number' && typeof line.rate === 'number') {
        line.amount = round2(line.quantity * line.rate);
      }
      if (typeof line.amount === 'number') {
        total += line.amount;
        hasAmounts = true;
      }
    }
  }
  if (!hasAmounts) return;
  for (const fieldId of ['subtotal', 'total']) {
    if (definition.fields.some((field) => field.id === fieldId)) record.fields[fieldId] = round2(total);
  }
}

/** Every reference must point at an existing record of its type (NetSuite: "Invalid Field Value"). */
export async function assertReferencesExist(settings: RecordServiceSettings, tx: StoreTransaction, definition: RecordTypeDefinition, body: ValidatedBody): Promise<void> {
  const details: ErrorDetail[] = [];
  const check = async (referenceType: string | undefined, value: unknown, path: string, fieldId: string) => {
    if (!referenceType || value === null || value === undefined) return;
    const target = settings.findRecordType(referenceType);
    // A type the catalog lists without data (a customer's status) keeps no records to check against.
    if (!target || hasNoData(target.id)) return;
    const id = (value as { id: string }).id;
    if (!(await tx.get(target.id, id))) {
      details.push({
        detail: `Error while accessing a resource. You have entered an Invalid Field Value ${id} for the following field: ${fieldId}`,
        'o:errorCode': 'INVALID_CONTENT',
        'o:errorPath': path,
      });
    }
  };
  for (const field of definition.fields) {
    if (field.kind === 'reference' && field.id in body.fields) await check(field.referenceType, body.fields[field.id], field.id, field.id);
  }
  for (const update of body.sublists) {
    for (const [index, line] of update.lines.entries()) {
      for (const field of update.sublist.fields) {
        if (field.kind === 'reference' && field.id in line) await check(field.referenceType, line[field.id], `${update.sublist.id}.items[${index}].${field.id}`, field.id);
      }
    }
  }
  if (details.length > 0) throw new NetSuiteHttpError(400, details);
}

/** Entity ids are unique per record type, external ids per type too. */
export async function assertUnique(tx: StoreTransaction, definition: RecordTypeDefinition, record: StoredRecord): Promise<void> {
  const entityId = record.fields.entityId;
  if (definition.fields.some((field) => field.id === 'entityId') && typeof entityId === 'string' && entityId !== '') {
    if (await tx.entityIdTaken(definition.id, entityId, record.id)) {
      throw new NetSuiteHttpError(409, [
        {
          detail: `Error while accessing a resource. This entity already exists: another ${definition.id} has the ID '${entityId}'.`,
          'o:errorCode': 'DUP_ENTITY',
          'o:errorPath': 'entityId',
        },
      ]);
    }
  }
  if (record.externalId !== undefined) {
    const holder = await tx.findByExternalId(definition.id, record.externalId);
    if (holder && holder.id !== record.id) {
      throw new NetSuiteHttpError(409, [
        {
          detail: `Error while accessing a resource. A ${definition.id} record with the external ID '${record.externalId}' already exists.`,
          'o:errorCode': 'DUP_RCRD',
          'o:errorPath': 'externalId',
        },
      ]);
    }
  }
}
