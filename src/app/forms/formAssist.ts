/**
 * What makes a record form behave like NetSuite's own, asked of NetSuite without saving anything (src/netsuite/
 * recordForms.ts): a new record's defaults (create-form), the choices of its reference fields given what is entered
 * (selectOptions), the fields the customer fills when it is chosen (sourcing, seen as a create-form or edit-form with
 * the customer set), and the invoice a sales order would become (create-form on `!transform`). An account without
 * these operations refuses them (406/415, or 400/404/405 on some accounts); every function then answers "nothing",
 * and the form keeps today's behaviour: an empty new record, a search per reference, no sourcing, a direct transform.
 * No `vscode` import: the integration spec runs it against the sandbox.
 */
import type { NetSuiteClient } from '../../netsuite/client';
import { isNetSuiteError } from '../../netsuite/errors';
import type { Logger } from '../../netsuite/log';
import type { NetSuiteRecord } from '../../netsuite/records';
import { sameValue, type FieldValue, type FormModel, type FormValues } from '../../protocol/formModel';
import { formValuesOf } from './model/formValues';

type Client = Pick<NetSuiteClient, 'forms' | 'records'>;

/**
 * A drop-down longer than this is no help (a customer list of thousands): the field keeps its search, as NetSuite's
 * own form turns a long list into a search popup (its "Maximum Entries in Dropdowns" preference) **[I]** for the number.
 */
const maxChoices = 50;

/** Refusals that mean "this account does not offer the operation here": fall back instead of failing the form. */
async function unlessRefused<T>(work: () => Promise<T | undefined>, logger?: Logger, what = 'A form request'): Promise<T | undefined> {
  try {
    return await work();
  } catch (error) {
    if (isNetSuiteError(error) && error.status !== undefined && [400, 404, 405, 406, 415].includes(error.status)) {
      logger?.debug(`${what} was refused (${error.status}); the form goes on without it`);
      return undefined;
    }
    throw error;
  }
}

/** The new record as NetSuite starts it (dates, statuses, default lines); undefined when the account cannot say. */
export async function createDefaults(client: Client, model: FormModel, logger?: Logger): Promise<FormValues | undefined> {
  const record = await unlessRefused(() => client.forms.createForm(model.recordType), logger, 'create-form');
  return record ? formValuesOf(record, model) : undefined;
}

/** The invoice (or other target) NetSuite would create from `sourceId`, prefilled, unsaved; undefined to fall back. */
export async function transformPreview(client: Client, sourceType: string, sourceId: string, targetType: string, logger?: Logger): Promise<NetSuiteRecord | undefined> {
  return unlessRefused(() => client.forms.transformForm(sourceType, sourceId, targetType), logger, 'create-form on !transform');
}

/** The body values choices may depend on, as a request body: editable fields with a value (references by id). */
function dependencyBody(model: FormModel, values: FormValues): NetSuiteRecord {
  const body: NetSuiteRecord = {};
  for (const field of model.fields) {
    const value = values[field.id] as FieldValue | undefined;
    if (field.readOnly || value === undefined || value === null || value === '') continue;
    body[field.id] = typeof value === 'object' ? { id: value.id } : value;
  }
  return body;
}

/**
 * NetSuite's choices for the form's editable reference body fields, given `values`: one request for all of them, and
 * when the account refuses that (a field without choices fails the whole request), one per field. Fields with no
 * answer, or too many choices for a drop-down, are left out and keep their search.
 */
export async function referenceChoices(client: Client, model: FormModel, values: FormValues, recordId?: string, logger?: Logger): Promise<{ id: string; choices: { id: string; refName: string }[] }[]> {
  // The customer keeps its search: it is chosen first, before anything narrows its list, and it sources the rest; so
  // does a reference to the record's own type (a customer's parent), a list as long as the records themselves.
  const fieldIds = model.fields
    .filter((field) => field.kind === 'reference' && !field.readOnly && field.referenceType !== undefined && field.id !== 'entity')
    .filter((field) => field.referenceType?.toLowerCase() !== model.recordType.toLowerCase())
    .map((field) => field.id);
  if (fieldIds.length === 0) return [];
  const body = dependencyBody(model, values);
  const ask = (ids: string[]) => unlessRefused(() => client.forms.selectOptions(model.recordType, ids, body, recordId === undefined ? {} : { id: recordId }), logger, 'selectOptions');
  let answer = await ask(fieldIds);
  if (!answer) {
    const single = await Promise.all(fieldIds.map((id) => ask([id]).catch(() => undefined)));
    answer = Object.assign({}, ...single.filter((one) => one !== undefined));
  }
  const found = answer ?? {};
  return fieldIds.flatMap((id) => {
    const list = found[id] ?? Object.entries(found).find(([key]) => key.toLowerCase() === id.toLowerCase())?.[1];
    return list && list.length <= maxChoices ? [{ id, choices: list }] : [];
  });
}

/**
 * The fields NetSuite fills from the customer just chosen (subsidiary, currency, terms…): the create-form (new
 * record) or edit-form (existing record) with the customer set, compared with `baseline` (the form as it started,
 * before any customer), so every field the customer changed is taken — also when another customer was chosen first.
 * Without those operations, the customer's own subsidiary and currency are read from it.
 */
export async function sourcedFromEntity(client: Client, model: FormModel, values: FormValues, baseline: FormValues, recordId?: string, logger?: Logger): Promise<FormValues> {
  const entity = values.entity as FieldValue | undefined;
  if (typeof entity !== 'object' || entity === null) return {};
  const changes = { entity: { id: entity.id } };
  const answer = await unlessRefused(
    () => (recordId === undefined ? client.forms.createForm(model.recordType, changes) : client.forms.editForm(model.recordType, recordId, changes)),
    logger,
    'sourcing from the customer',
  );
  const sourced: FormValues = {};
  if (answer) {
    const after = formValuesOf(answer, model);
    for (const field of model.fields) {
      if (field.readOnly || field.id === 'entity' || after[field.id] === undefined) continue;
      if (!sameValue(after[field.id], baseline[field.id])) sourced[field.id] = after[field.id];
    }
    return sourced;
  }
  const entityType = model.fields.find((field) => field.id === 'entity')?.referenceType;
  if (!entityType || entityType === 'nsResource') return {};
  const record = await unlessRefused(() => client.records.get(entityType, entity.id), logger, `reading ${entityType} ${entity.id}`);
  for (const id of ['subsidiary', 'currency']) {
    const field = model.fields.find((candidate) => candidate.id === id && !candidate.readOnly);
    const value = record?.[id] as { id?: unknown; refName?: unknown } | undefined;
    if (field && value && value.id !== undefined) sourced[id] = { id: String(value.id), ...(typeof value.refName === 'string' ? { refName: value.refName } : {}) };
  }
  return sourced;
}
