/**
 * `POST /{type}/{id}/!transform/{target}` (netsuite-wire.md §1.7): a new target record pre-filled from the source
 * — the body fields and sublist lines both types share, plus `createdFrom` — then the request body on top, then
 * the same checks as any create. Answers 204 with the new record's Location.
 */
import type { RecordTypeDefinition, StoredRecord } from '../model/recordTypes';
import { NetSuiteHttpError } from '../http/errors';
import type { SandboxReply, SandboxRequest } from '../http/router';
import { applyBody, replaceOptions } from './applyBody';
import { validateBody } from './bodyValidation';
import { definitionFor, mustFindRecord, parseJsonBody, propertyNameMode, requirePermission, writeHeaders, type RecordServiceSettings } from './recordContext';
import type { StoreTransaction } from '../store/recordStore';
import { billOpenQuantities, unbilledQuantities } from './orderBilling';
import { applyCreateDefaults, newRecord, saveRecord } from './writeHandlers';

/** Fields a transformed record never inherits: its own identity and document number. */
const notInherited = new Set(['id', 'externalid', 'tranid', 'trandate', 'createddate', 'datecreated', 'lastmodifieddate', 'status']);

export function prefill(source: StoredRecord, sourceType: RecordTypeDefinition, target: StoredRecord, targetType: RecordTypeDefinition): void {
  for (const field of targetType.fields) {
    if (field.readOnly || notInherited.has(field.id.toLowerCase())) continue;
    const sourceField = sourceType.fields.find((candidate) => candidate.id === field.id && candidate.kind === field.kind);
    if (sourceField && source.fields[field.id] !== undefined) target.fields[field.id] = structuredClone(source.fields[field.id]);
  }
  if (targetType.fields.some((field) => field.id === 'createdFrom')) target.fields.createdFrom = { id: source.id };
  for (const sublist of targetType.sublists) {
    const sourceSublist = sourceType.sublists.find((candidate) => candidate.id === sublist.id);
    if (!sourceSublist) continue;
    const fieldIds = new Set(sublist.fields.map((field) => field.id));
    target.sublists[sublist.id] = (source.sublists[sublist.id] ?? []).map((line) =>
      Object.fromEntries(Object.entries(line).filter(([name]) => fieldIds.has(name)).map(([name, value]) => [name, structuredClone(value)])),
    );
  }
}

/**
 * An invoice from a sales order bills only what earlier invoices left open (orderBilling.ts); false when nothing is.
 * Other transforms start from the whole source.
 */
export async function billsWhatIsOpen(tx: Pick<StoreTransaction, 'referencingRecords'>, source: StoredRecord, sourceType: RecordTypeDefinition, draft: StoredRecord, targetType: RecordTypeDefinition): Promise<boolean> {
  if (sourceType.id !== 'salesOrder' || targetType.id !== 'invoice') return true;
  const invoices = await tx.referencingRecords(targetType.id, 'createdFrom', source.id);
  return billOpenQuantities(draft, unbilledQuantities(source, invoices));
}

export async function transformRecord(settings: RecordServiceSettings, request: SandboxRequest): Promise<SandboxReply> {
  const sourceType = definitionFor(settings, request.params.type);
  const targetType = definitionFor(settings, request.params.target);
  requirePermission(request.principal.role, sourceType, 'view', 'view');
  requirePermission(request.principal.role, targetType, 'create', 'create');
  const allowed = (sourceType.transformTargets ?? []).some((target) => target.toLowerCase() === targetType.id.toLowerCase());
  if (!allowed) {
    throw new NetSuiteHttpError(400, [
      {
        detail: `Error while accessing a resource. You cannot transform a ${sourceType.id} into a ${targetType.id}. Allowed targets: ${(sourceType.transformTargets ?? []).join(', ') || 'none'}.`,
        'o:errorCode': 'INVALID_PARAMETER',
        'o:errorUrl': request.url.pathname,
      },
    ]);
  }
  const body = validateBody(targetType, parseJsonBody(request.body), propertyNameMode(settings, request.headers), settings.schemaCheck);
  const replace = replaceOptions(request.url, targetType);
  const record = await settings.store.transaction(async (tx) => {
    const source = await mustFindRecord(tx, sourceType, request.params.id);
    const draft = newRecord(settings, targetType);
    prefill(source, sourceType, draft, targetType);
    // An order billed in full: NetSuite refuses to initialise another invoice from it.
    if (!(await billsWhatIsOpen(tx, source, sourceType, draft, targetType))) throw notInitializable(request, targetType, source);
    const record = applyBody(draft, body, replace);
    applyCreateDefaults(targetType, record);
    await saveRecord(settings, tx, targetType, record, body, true);
    return record;
  });
  return { status: 204, headers: writeHeaders(settings, targetType, record.id, body.warnings) };
}

/**
 * NetSuite's answer when the source cannot start the target (an order already fully billed): `INVALID_INITIALIZE_REF`,
 * "You can not initialize invoice: invalid reference 7281." (the SOAP error NetSuite/netsuite's specs record; SuiteScript's
 * `record.transform` throws the same code). The REST wrapping follows the sandbox's other record errors.
 */
function notInitializable(request: SandboxRequest, targetType: RecordTypeDefinition, source: StoredRecord): NetSuiteHttpError {
  return new NetSuiteHttpError(400, [
    {
      detail: `Error while accessing a resource. You can not initialize ${targetType.id.toLowerCase()}: invalid reference ${source.id}.`,
      'o:errorCode': 'INVALID_INITIALIZE_REF',
      'o:errorUrl': request.url.pathname,
    },
  ]);
}
