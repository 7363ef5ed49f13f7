/**
 * Create (POST), update (PATCH), upsert (PUT `eid:`) and delete: 204 with an absolute Location
 * (netsuite-wire.md §1.5). Each write is one store transaction covering the document and the SuiteQL rows, so a
 * fault can never leave half a write behind. A synchronous write ignores `X-NetSuite-Idempotency-Key`, as NetSuite
 * does; the key counts only on async submissions (http/asyncJobs.ts).
 */
import type { RecordTypeDefinition, StoredRecord } from '../model/recordTypes';
import type { SandboxReply, SandboxRequest } from '../http/router';
import { NetSuiteHttpError } from '../http/errors';
import type { StoreTransaction } from '../store/recordStore';
import { applyBody, assertReferencesExist, assertUnique, deriveAmounts, replaceOptions } from './applyBody';
import { validateBody, type ValidatedBody } from './bodyValidation';
import { definitionFor, findRecord, mustFindRecord, parseJsonBody, propertyNameMode, requirePermission, writeHeaders, type RecordServiceSettings } from './recordContext';
import { sourceFromEntity } from './entitySourcing';
import { refreshOrderStatus } from './orderBilling';
import { assertRequiredFields } from './requiredFields';

function nowIso(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Values NetSuite fills in when a record is created without them. */
export function applyCreateDefaults(definition: RecordTypeDefinition, record: StoredRecord): void {
  const has = (id: string) => definition.fields.some((field) => field.id === id);
  if (has('tranDate') && record.fields.tranDate === undefined) record.fields.tranDate = record.createdDate.slice(0, 10);
  if (has('tranId') && record.fields.tranId === undefined) record.fields.tranId = record.id;
  if (has('entityId') && (record.fields.entityId === undefined || record.fields.entityId === '')) {
    const name = defaultEntityId(record.fields);
    if (name) record.fields.entityId = name;
  }
  const status = definition.fields.find((field) => field.id === 'status' && field.kind === 'enum');
  if (status?.enumOptions?.[0] && record.fields.status === undefined) record.fields.status = { id: status.enumOptions[0].id };
}

/**
 * An entity created without an id gets its name as its id — what NetSuite does when auto-generated numbering is off
 * (the account default): the company name, else the person's name. A taken name then fails as DUP_ENTITY on
 * `entityId`, as it does in NetSuite.
 */
function defaultEntityId(fields: StoredRecord['fields']): string | undefined {
  const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
  const person = [text(fields.firstName), text(fields.middleName), text(fields.lastName)].filter(Boolean).join(' ');
  const company = text(fields.companyName);
  return (fields.isPerson === true ? person || company : company || person) || undefined;
}

/** Checks and stores a record as it will be saved; shared by create, update, upsert and transform. */
export async function saveRecord(
  settings: RecordServiceSettings,
  tx: StoreTransaction,
  definition: RecordTypeDefinition,
  record: StoredRecord,
  body: ValidatedBody,
  isNew: boolean,
): Promise<void> {
  await assertReferencesExist(settings, tx, definition, body);
  deriveAmounts(definition, record);
  assertRequiredFields(definition, record);
  await assertUnique(tx, definition, record);
  if (isNew) await tx.insert(record);
  else await tx.update(record);
  await afterInvoiceChange(tx, definition, record);
}

/** An invoice created from an order moves the order's status (orderBilling.ts). */
async function afterInvoiceChange(tx: StoreTransaction, definition: RecordTypeDefinition, invoice: StoredRecord): Promise<void> {
  const orderId = (invoice.fields.createdFrom as { id?: string } | undefined)?.id;
  if (definition.id === 'invoice' && orderId) await refreshOrderStatus(tx, String(orderId));
}

export function newRecord(settings: RecordServiceSettings, definition: RecordTypeDefinition): StoredRecord {
  const now = nowIso();
  return { type: definition.id, id: settings.store.allocateId(definition), fields: {}, sublists: {}, createdDate: now, lastModifiedDate: now };
}

export async function createRecord(settings: RecordServiceSettings, request: SandboxRequest): Promise<SandboxReply> {
  const definition = definitionFor(settings, request.params.type);
  requirePermission(request.principal.role, definition, 'create', 'create');
  const body = validateBody(definition, parseJsonBody(request.body), propertyNameMode(settings, request.headers), settings.schemaCheck);
  const replace = replaceOptions(request.url, definition);
  const record = await settings.store.transaction(async (tx) => {
    const record = applyBody(newRecord(settings, definition), body, replace);
    await sourceFromEntity(tx, definition, record, body);
    applyCreateDefaults(definition, record);
    await saveRecord(settings, tx, definition, record, body, true);
    return record;
  });
  return { status: 204, headers: writeHeaders(settings, definition, record.id, body.warnings) };
}

export async function updateRecord(settings: RecordServiceSettings, request: SandboxRequest): Promise<SandboxReply> {
  const definition = definitionFor(settings, request.params.type);
  requirePermission(request.principal.role, definition, 'edit', 'edit');
  const body = validateBody(definition, parseJsonBody(request.body), propertyNameMode(settings, request.headers), settings.schemaCheck);
  const replace = replaceOptions(request.url, definition);
  const record = await settings.store.transaction(async (tx) => {
    const existing = await mustFindRecord(tx, definition, request.params.id);
    const record = { ...applyBody(existing, body, replace), lastModifiedDate: nowIso() };
    await saveRecord(settings, tx, definition, record, body, false);
    return record;
  });
  return { status: 204, headers: writeHeaders(settings, definition, record.id, body.warnings) };
}

/** PUT `/{type}/eid:{externalId}`: creates the record with that external id, or updates the one that has it. */
export async function upsertRecord(settings: RecordServiceSettings, request: SandboxRequest): Promise<SandboxReply> {
  const definition = definitionFor(settings, request.params.type);
  const idParam = request.params.id;
  if (!idParam.toLowerCase().startsWith('eid:') || idParam.length <= 4) {
    throw new NetSuiteHttpError(400, [
      {
        detail: `PUT (upsert) needs an external id in the path: /${definition.id}/eid:<externalId>. '${idParam}' is not one.`,
        'o:errorCode': 'INVALID_PARAMETER',
        'o:errorUrl': request.url.pathname,
      },
    ]);
  }
  const externalId = idParam.slice(4);
  const body = validateBody(definition, parseJsonBody(request.body), propertyNameMode(settings, request.headers), settings.schemaCheck);
  const replace = replaceOptions(request.url, definition);
  const exists = (await findRecord(settings.store, definition, idParam)) !== undefined;
  requirePermission(request.principal.role, definition, exists ? 'edit' : 'create', exists ? 'edit' : 'create');
  const record = await settings.store.transaction(async (tx) => {
    const existing = await tx.findByExternalId(definition.id, externalId);
    const base = existing ?? { ...newRecord(settings, definition), externalId };
    const record = { ...applyBody(base, { ...body, externalId }, replace), lastModifiedDate: nowIso() };
    if (!existing) applyCreateDefaults(definition, record);
    await saveRecord(settings, tx, definition, record, body, !existing);
    return record;
  });
  return { status: 204, headers: writeHeaders(settings, definition, record.id, body.warnings) };
}

export async function deleteRecord(settings: RecordServiceSettings, request: SandboxRequest): Promise<SandboxReply> {
  const definition = definitionFor(settings, request.params.type);
  requirePermission(request.principal.role, definition, 'full', 'delete');
  await settings.store.transaction(async (tx) => {
    const record = await mustFindRecord(tx, definition, request.params.id);
    // NetSuite keeps referential integrity: a customer with orders, an order with an invoice, cannot be deleted.
    if (await tx.firstReferenceTo(record)) throw dependentRecordsError(request);
    await tx.delete(record);
    await afterInvoiceChange(tx, definition, record);
  });
  return { status: 204 };
}

/**
 * NetSuite's refusal to delete a record others reference. The code and sentence are SuiteScript's
 * (`THIS_RECORD_CANNOT_BE_DELETED_BECAUSE_IT_HAS_DEPENDENT_RECORDS`, "This record cannot be deleted because it has
 * dependent records.", as scripts in public repositories test for it); that REST carries the same code in
 * `o:errorCode` is our inference, as for its other record errors.
 */
function dependentRecordsError(request: SandboxRequest): NetSuiteHttpError {
  return new NetSuiteHttpError(400, [
    {
      detail: 'Error while accessing a resource. This record cannot be deleted because it has dependent records.',
      'o:errorCode': 'THIS_RECORD_CANNOT_BE_DELETED_BECAUSE_IT_HAS_DEPENDENT_RECORDS',
      'o:errorUrl': request.url.pathname,
    },
  ]);
}
