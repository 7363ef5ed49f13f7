/**
 * Representations that save nothing (2026.1, src/sandbox/batch-wire.md), chosen by the request's `Accept`:
 * - `type=select-options` on `POST /{type}?fields=a,b` (a new record) or `PATCH /{type}/{id}?fields=…` (an existing
 *   one): the choices of each named field for this role, given the values in the body — here a reference field's
 *   choices follow the record's subsidiary when the referenced type has one, and a sales rep must be one;
 * - `type=create-form` on `POST /{type}` or `POST /{type}/{id}/!transform/{target}`: the record as NetSuite would
 *   start it (defaults, and for a transform the source's values), with the body on top, unsaved;
 * - `type=edit-form` on `PATCH /{type}/{id}`: the record with the body applied, unsaved.
 */
import type { FieldDefinition, RecordTypeDefinition, StoredRecord } from '../model/recordTypes';
import { invalidParameter, NetSuiteHttpError } from '../http/errors';
import type { SandboxReply, SandboxRequest } from '../http/router';
import { entityStatuses } from '../seed/entities';
import { applyBody, deriveAmounts, replaceOptions } from './applyBody';
import { validateBody } from './bodyValidation';
import { definitionFor, mustFindRecord, parseJsonBody, propertyNameMode, requirePermission, type RecordServiceSettings } from './recordContext';
import { referencesOf, serializeRecord } from './serialize';
import { billsWhatIsOpen, prefill } from './transform';
import { sourceFromEntity } from './entitySourcing';
import { applyCreateDefaults } from './writeHandlers';

export type Representation = 'select-options' | 'create-form' | 'edit-form';

const formMediaType = (type: Representation) => `application/vnd.oracle.resource+json; type=${type}; charset=UTF-8`;

/** The unsaved representation an `Accept` header asks for, if any. */
export function representationOf(request: SandboxRequest): Representation | undefined {
  const accept = String(request.headers.accept ?? '').toLowerCase();
  const match = /application\/vnd\.oracle\.resource\+json\s*;\s*type\s*=\s*(select-options|create-form|edit-form)\b/.exec(accept);
  return match?.[1] as Representation | undefined;
}

function draftOf(definition: RecordTypeDefinition): StoredRecord {
  const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  // No id is allocated: nothing is saved, and the form has no internal id until it is.
  return { type: definition.id, id: '', fields: {}, sublists: {}, createdDate: now, lastModifiedDate: now };
}

async function formReply(settings: RecordServiceSettings, request: SandboxRequest, definition: RecordTypeDefinition, record: StoredRecord, type: Representation): Promise<SandboxReply> {
  // Line amounts and totals as the saved record would have them: a form shows them before saving.
  deriveAmounts(definition, record);
  const displayNames = await settings.store.displayNames(referencesOf(record, definition, true));
  const json = serializeRecord(record, definition, { baseUrl: settings.baseUrl(), selfHref: request.url.href, expandSubResources: true, simpleEnumFormat: false, displayNames });
  if (!record.id) delete json.id;
  return { status: 200, mediaType: formMediaType(type), json };
}

/** `POST /{type}` as `create-form`: defaults plus the body, unsaved. */
export async function createForm(settings: RecordServiceSettings, request: SandboxRequest): Promise<SandboxReply> {
  const definition = definitionFor(settings, request.params.type);
  requirePermission(request.principal.role, definition, 'create', 'create');
  const body = validateBody(definition, parseJsonBody(request.body), propertyNameMode(settings, request.headers), settings.schemaCheck);
  const record = applyBody(draftOf(definition), body, replaceOptions(request.url, definition));
  await sourceFromEntity(settings.store, definition, record, body);
  applyCreateDefaults(definition, record);
  delete record.fields.tranId;
  return formReply(settings, request, definition, record, 'create-form');
}

/** `POST /{type}/{id}/!transform/{target}` as `create-form`: the target prefilled from the source, unsaved. */
export async function transformForm(settings: RecordServiceSettings, request: SandboxRequest): Promise<SandboxReply> {
  const sourceType = definitionFor(settings, request.params.type);
  const targetType = definitionFor(settings, request.params.target);
  requirePermission(request.principal.role, sourceType, 'view', 'view');
  requirePermission(request.principal.role, targetType, 'create', 'create');
  if (!(sourceType.transformTargets ?? []).some((target) => target.toLowerCase() === targetType.id.toLowerCase())) {
    throw invalidParameter(`You cannot transform a ${sourceType.id} into a ${targetType.id}.`);
  }
  const body = validateBody(targetType, parseJsonBody(request.body), propertyNameMode(settings, request.headers), settings.schemaCheck);
  const source = await mustFindRecord(settings.store, sourceType, request.params.id);
  const draft = draftOf(targetType);
  prefill(source, sourceType, draft, targetType);
  const open = await settings.store.transaction((tx) => billsWhatIsOpen(tx, source, sourceType, draft, targetType));
  if (!open) throw invalidParameter(`You can not initialize ${targetType.id.toLowerCase()}: invalid reference ${source.id}.`);
  const record = applyBody(draft, body, replaceOptions(request.url, targetType));
  applyCreateDefaults(targetType, record);
  delete record.fields.tranId;
  return formReply(settings, request, targetType, record, 'create-form');
}

/** `PATCH /{type}/{id}` as `edit-form`: the record with the body applied, unsaved. */
export async function editForm(settings: RecordServiceSettings, request: SandboxRequest): Promise<SandboxReply> {
  const definition = definitionFor(settings, request.params.type);
  requirePermission(request.principal.role, definition, 'edit', 'edit');
  const body = validateBody(definition, parseJsonBody(request.body), propertyNameMode(settings, request.headers), settings.schemaCheck);
  const existing = await mustFindRecord(settings.store, definition, request.params.id);
  const record = applyBody(existing, body, replaceOptions(request.url, definition));
  await sourceFromEntity(settings.store, definition, record, body);
  return formReply(settings, request, definition, record, 'edit-form');
}

/** Choices for each field in `?fields=`, for a new record (no id) or an existing one, with the body's values on top. */
export async function selectOptions(settings: RecordServiceSettings, request: SandboxRequest): Promise<SandboxReply> {
  const definition = definitionFor(settings, request.params.type);
  const existingId = request.params.id;
  requirePermission(request.principal.role, definition, existingId ? 'edit' : 'create', existingId ? 'edit' : 'create');
  const names = (request.url.searchParams.get('fields') ?? '').split(',').map((name) => name.trim()).filter(Boolean);
  if (names.length === 0) throw invalidParameter('A select-options request needs the fields query parameter: the fields whose options you want.', { 'o:errorQueryParam': 'fields' });
  const body = validateBody(definition, parseJsonBody(request.body), 'Ignore', settings.schemaCheck);
  const base = existingId ? await mustFindRecord(settings.store, definition, existingId) : draftOf(definition);
  const record = applyBody(base, body, replaceOptions(request.url, definition));
  const json: Record<string, unknown> = {};
  for (const name of names) {
    const field = definition.fields.find((candidate) => candidate.id.toLowerCase() === name.toLowerCase());
    if (!field || (field.kind !== 'reference' && !field.enumOptions)) {
      throw invalidParameter(`Field '${name}' of ${definition.id} has no select options.`, { 'o:errorQueryParam': 'fields' });
    }
    json[field.id] = { _selectOptions: await optionsOf(settings, field, record) };
  }
  return { status: 200, mediaType: formMediaType('select-options'), json };
}

async function optionsOf(settings: RecordServiceSettings, field: FieldDefinition, record: StoredRecord): Promise<Array<{ id: string; refName: string }>> {
  if (field.enumOptions) return field.enumOptions.map((option) => ({ id: option.id, refName: option.refName }));
  const targetType = field.referenceType ?? '';
  // The catalog lists customerStatus without data: its choices are the seed's statuses, whatever the role may read.
  if (targetType.toLowerCase() === 'customerstatus') return entityStatuses.map((status) => ({ ...status }));
  const target = settings.findRecordType(targetType);
  if (!target) throw new NetSuiteHttpError(400, [{ detail: `The sandbox has no choices for field '${field.id}'.`, 'o:errorCode': 'INVALID_PARAMETER' }]);
  const subsidiary = referenceId(record.fields.subsidiary);
  const followsSubsidiary = subsidiary !== undefined && target.fields.some((candidate) => candidate.id === 'subsidiary');
  const { ids } = await settings.store.listIds(target.id, undefined, 1000, 0);
  const candidates = (await Promise.all(ids.map((id) => settings.store.get(target.id, id)))).filter((candidate): candidate is StoredRecord => candidate !== undefined);
  return candidates
    .filter((candidate) => candidate.fields.isInactive !== true)
    .filter((candidate) => !followsSubsidiary || referenceId(candidate.fields.subsidiary) === subsidiary)
    .filter((candidate) => field.id !== 'salesRep' || candidate.fields.isSalesRep === true)
    .map((candidate) => ({ id: candidate.id, refName: String(candidate.fields[target.nameField] ?? candidate.id) }));
}

function referenceId(value: unknown): string | undefined {
  const id = typeof value === 'object' && value !== null ? (value as Record<string, unknown>).id : undefined;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
}
