/**
 * NetSuite's unsaved representations (2026.1, src/sandbox/batch-wire.md), for forms that behave like NetSuite's own:
 * - selectOptions: the role's choices for fields, given the values already entered (they may depend on them), even
 *   where the role cannot read the referenced record type;
 * - create-form: a new record (or a transform's target, e.g. the invoice of a sales order) prefilled with NetSuite's
 *   defaults, without saving; edit-form: a record with changes applied, without saving.
 * An account that does not know these media types refuses them; each call then resolves `undefined`, so the caller
 * keeps its own behaviour (schema-only forms, typed ids).
 */
import { NetSuiteError } from './errors';
import type { HttpMethod, NetSuiteHttpClient } from './http';
import type { NetSuiteRecord } from './records';

const mediaType = (type: string) => `application/vnd.oracle.resource+json; type=${type}`;

export interface SelectOption {
  id: string;
  refName: string;
}

export interface FormOptions {
  signal?: AbortSignal;
}

export class RecordForms {
  constructor(private readonly http: NetSuiteHttpClient) {}

  /**
   * The choices of each of `fields` on a new record (no `id`) or record `id`, given `values` (the fields the
   * choices depend on). Keys are the field ids as NetSuite spells them in its answer.
   */
  async selectOptions(recordType: string, fields: string[], values: NetSuiteRecord = {}, options: FormOptions & { id?: string } = {}): Promise<Record<string, SelectOption[]> | undefined> {
    if (fields.length === 0) return {};
    const path = options.id === undefined ? typePath(recordType) : `${typePath(recordType)}/${encodeURIComponent(options.id)}`;
    const body = await this.unsaved(options.id === undefined ? 'POST' : 'PATCH', path, 'select-options', values, options.signal, { fields: fields.join(',') });
    if (body === undefined) return undefined;
    const choices: Record<string, SelectOption[]> = {};
    for (const [field, value] of Object.entries(body)) {
      const list = asObject(value)._selectOptions;
      if (!Array.isArray(list)) continue;
      choices[field] = list.map(asObject).filter((option) => option.id !== undefined).map((option) => ({ id: String(option.id), refName: String(option.refName ?? option.id) }));
    }
    return choices;
  }

  /** A new `recordType` as NetSuite starts it, with `values` on top; nothing is saved. */
  createForm(recordType: string, values: NetSuiteRecord = {}, options: FormOptions = {}): Promise<NetSuiteRecord | undefined> {
    return this.unsaved('POST', typePath(recordType), 'create-form', values, options.signal);
  }

  /** The `targetType` record that transforming `recordType` `id` would create (an invoice from an order); nothing is saved. */
  transformForm(recordType: string, id: string, targetType: string, values: NetSuiteRecord = {}, options: FormOptions = {}): Promise<NetSuiteRecord | undefined> {
    return this.unsaved('POST', `${typePath(recordType)}/${encodeURIComponent(id)}/!transform/${typePath(targetType).slice('record/v1/'.length)}`, 'create-form', values, options.signal);
  }

  /** Record `id` with `changes` applied as NetSuite would save it; nothing is saved. */
  editForm(recordType: string, id: string, changes: NetSuiteRecord, options: FormOptions = {}): Promise<NetSuiteRecord | undefined> {
    return this.unsaved('PATCH', `${typePath(recordType)}/${encodeURIComponent(id)}`, 'edit-form', changes, options.signal);
  }

  private async unsaved(method: HttpMethod, path: string, type: string, body: NetSuiteRecord, signal: AbortSignal | undefined, query?: Record<string, string>): Promise<NetSuiteRecord | undefined> {
    try {
      // Nothing is written, so repeating after a lost answer is harmless.
      const response = await this.http.request({ method, path, query, headers: { accept: mediaType(type) }, body, safety: 'idempotent', signal });
      return asObject(response.body) as NetSuiteRecord;
    } catch (error) {
      if (error instanceof NetSuiteError && notSupported(error)) return undefined;
      throw error;
    }
  }
}

// How an account without these operations refuses the media type: 406/415, or a 400 about the Accept header.
function notSupported(error: NetSuiteError): boolean {
  if (error.status === 406 || error.status === 415) return true;
  return error.status === 400 && error.details.some((detail) => detail.errorHeader?.toLowerCase() === 'accept');
}

function typePath(recordType: string): string {
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(recordType)) {
    throw new NetSuiteError({ kind: 'invalid', message: `Invalid request: "${recordType}" is not a record type id`, advice: 'Correct the value and try again.' });
  }
  return `record/v1/${recordType}`;
}

function asObject(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
