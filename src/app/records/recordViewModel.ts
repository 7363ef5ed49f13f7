/**
 * A record as a NetSuite user reads it: the record form's layout (the same schema-driven model, src/app/forms/model/
 * formModel.ts: body fields, custom fields, sublists) with every value turned into text — labels instead of field
 * ids, references and list values by their names, dates and times in the person's locale, amounts with two decimals.
 * Pure (no `vscode`): the host passes the locale, and the unit spec a fixed one.
 */
import type { NetSuiteClient } from '../../netsuite/client';
import type { NetSuiteRecord } from '../../netsuite/records';
import { recordNameOf } from '../../netsuite/recordNames';
import { recordTitle, recordTypeLabel } from '../../netsuite/recordTypeLabels';
import type { FieldModel, FormModel } from '../../protocol/formModel';
import type { RecordView, ViewField, ViewGroup, ViewSublist } from '../../protocol/recordViewMessages';
import { buildFormModel } from '../forms/model/formModel';

export interface RecordViewInput {
  model: FormModel;
  /** The record as `GET …/<type>/<id>?expandSubResources=true` returns it. */
  record: NetSuiteRecord;
  id: string;
  accountLabel: string;
  /** BCP 47 tag of the person's display language (`vscode.env.language`), e.g. `en-US`, `de`. */
  locale: string;
  /** For date-times; the machine's zone when absent (what NetSuite's own UI does with the user's preference). */
  timeZone?: string;
}

export function buildRecordView(input: RecordViewInput): RecordView {
  const { model, record, id } = input;
  const format = valueFormatter(input.locale, input.timeZone);
  const typeLabel = recordTypeLabel(model.recordType);
  const name = recordNameOf(record);
  const shown = (fields: FieldModel[]): ViewField[] =>
    fields.flatMap((field) => {
      const text = format(field, record[field.id]);
      return text === undefined ? [] : [{ id: field.id, label: field.title, text }];
    });
  const groups: ViewGroup[] = [
    { title: 'Main', fields: shown(model.fields.filter((field) => !field.custom)) },
    { title: 'Custom fields', fields: shown(model.fields.filter((field) => field.custom)) },
  ].filter((group) => group.fields.length > 0);
  const sublists = model.sublists.map((sublist): ViewSublist => {
    const items = (record[sublist.id] as { items?: unknown } | undefined)?.items;
    const lines = (Array.isArray(items) ? items : []).filter((line): line is Record<string, unknown> => typeof line === 'object' && line !== null);
    const cells = lines.map((line) => sublist.columns.map((column) => format(column, line[column.id])));
    // A column no line fills says nothing; NetSuite's own sublists hide such columns too.
    const filled = sublist.columns.map((_, index) => cells.some((row) => row[index] !== undefined));
    return {
      id: sublist.id,
      title: sublist.title,
      columns: sublist.columns.filter((_, index) => filled[index]).map((column) => ({ id: column.id, label: column.title })),
      rows: cells.map((row) => row.filter((_, index) => filled[index]).map((text) => text ?? '')),
    };
  });
  return {
    heading: recordTitle(model.recordType, id, name),
    subheading: `${typeLabel} · internal id ${id} · ${input.accountLabel}`,
    groups,
    sublists,
  };
}

/** A field's value as text, or undefined when it has none (not shown, as an empty field tells nothing in a view). */
function valueFormatter(locale: string, timeZone?: string): (field: FieldModel, value: unknown) => string | undefined {
  const amount = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 6 });
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const moment = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', ...(timeZone ? { timeZone } : {}) });
  return (field, value) => {
    if (value === undefined || value === null || value === '') return undefined;
    if (typeof value === 'object') {
      const reference = value as { id?: unknown; refName?: unknown };
      if (typeof reference.refName === 'string' && reference.refName) return reference.refName;
      return typeof reference.id === 'string' || typeof reference.id === 'number' ? String(reference.id) : undefined;
    }
    if (typeof value === 'boolean') return value ? 'Yes' : 'No';
    if (typeof value === 'number' && (field.kind === 'number' || field.kind === 'integer')) return (field.money ? amount : number).format(value);
    const text = String(value);
    // A date is a calendar day: read and shown in UTC so no zone moves it to the day before.
    if (field.kind === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(text)) return day.format(new Date(`${text}T00:00:00Z`));
    if (field.kind === 'datetime' && !Number.isNaN(Date.parse(text))) return moment.format(new Date(text));
    return text;
  };
}

/** Reads a record and its type's form model from NetSuite and makes the view; `record` is kept for Copy JSON. */
export async function loadRecordView(
  client: Pick<NetSuiteClient, 'records' | 'metadata'>,
  target: { recordType: string; id: string },
  shownAs: { accountLabel: string; locale: string; timeZone?: string },
): Promise<{ view: RecordView; record: NetSuiteRecord; name?: string }> {
  const [model, record] = await Promise.all([
    client.metadata.schema(target.recordType).then((schema) => buildFormModel(target.recordType, schema, (name) => client.metadata.schema(name))),
    client.records.get(target.recordType, target.id, { expandSubResources: true }),
  ]);
  return { view: buildRecordView({ model, record, id: target.id, ...shownAs }), record, name: recordNameOf(record) };
}
