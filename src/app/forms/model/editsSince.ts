/**
 * A new record's form saved again after a lost answer, with edits made since the first try: NetSuite made the
 * record from the body sent then, so the edits made since must not vanish. They are laid over the record as
 * NetSuite made it, so they show as unsaved edits of it and the next save PATCHes them. Pure.
 */
import type { NetSuiteRecord } from '../../../netsuite/records';
import type { FormModel, FormValues, LineValues } from '../../../protocol/formModel';
import { createdLines } from './formValues';

/**
 * `created` (the record NetSuite made from the create body `sent`) with every body field and line cell where the
 * create body now (`body`, from the form's values `current`) differs from `sent` set as in `current`. Lines pair by
 * position, as a create's lines are made in the order sent; lines beyond the record's are new, and the record's
 * lines beyond the form's are left out (the next save removes them).
 */
export function withEditsSince(created: FormValues, sent: NetSuiteRecord, body: NetSuiteRecord, current: FormValues, model: FormModel): FormValues {
  const values = withFieldEditsSince(created, sent, body, current, model);
  for (const sublist of model.sublists) {
    const sentLines = itemsOf(sent[sublist.id]);
    const bodyLines = itemsOf(body[sublist.id]);
    if (same(sentLines, bodyLines)) continue;
    const madeLines = linesIn(created, sublist.id);
    const formLines = createdLines(current, sublist);
    values[sublist.id] = {
      items: formLines.map((formLine, index) => {
        if (index >= madeLines.length) return structuredClone(formLine);
        const line = structuredClone(madeLines[index]);
        const wasSent = sentLines[index] ?? {};
        for (const column of new Set([...Object.keys(wasSent), ...Object.keys(bodyLines[index] ?? {})])) {
          if (same(wasSent[column], bodyLines[index]?.[column])) continue;
          if (formLine[column] === undefined) delete line[column];
          else line[column] = formLine[column];
        }
        return line;
      }),
    };
  }
  return values;
}

/**
 * The same for a transform's record (an invoice from its order): its body carried only the changes made to the
 * preview, lines by the preview's line keys, and the record's lines follow the preview's. So a sublist whose change
 * differs gets, on each line, the cells the form changed from the preview or the earlier body set; lines without a
 * preview key are new, and preview lines the form removed are left out.
 */
export function withTransformEditsSince(created: FormValues, sent: NetSuiteRecord, body: NetSuiteRecord, current: FormValues, preview: FormValues, model: FormModel): FormValues {
  const values = withFieldEditsSince(created, sent, body, current, model);
  for (const sublist of model.sublists) {
    if (same(itemsOf(sent[sublist.id]), itemsOf(body[sublist.id]))) continue;
    const key = sublist.columns.find((column) => column.id === 'line' || column.id === 'internalId')?.id;
    const previewLines = linesIn(preview, sublist.id);
    const madeLines = linesIn(created, sublist.id);
    const editable = sublist.columns.filter((column) => !column.readOnly);
    values[sublist.id] = {
      items: linesIn(current, sublist.id).map((formLine) => {
        const index = key && formLine[key] !== undefined ? previewLines.findIndex((line) => String(line[key]) === String(formLine[key])) : -1;
        if (index < 0 || index >= madeLines.length) return Object.fromEntries(Object.entries(formLine).filter(([column]) => column !== key));
        const line = structuredClone(madeLines[index]);
        // The cells the form changed from the preview, and those the earlier body set (the form may have set them back).
        const sentLine = itemsOf(sent[sublist.id]).find((item) => key && String(item[key] as string | number) === String(formLine[key]));
        for (const column of editable) {
          if (same(plain(previewLines[index][column.id]), plain(formLine[column.id])) && !(sentLine && column.id in sentLine)) continue;
          if (formLine[column.id] === undefined) delete line[column.id];
          else line[column.id] = formLine[column.id];
        }
        return line;
      }),
    };
  }
  return values;
}

function withFieldEditsSince(created: FormValues, sent: NetSuiteRecord, body: NetSuiteRecord, current: FormValues, model: FormModel): FormValues {
  const values = structuredClone(created);
  for (const field of model.fields) {
    if (field.readOnly || same(sent[field.id], body[field.id])) continue;
    if (current[field.id] === undefined) delete values[field.id];
    else values[field.id] = current[field.id];
  }
  return values;
}

// A reference compares by id (the form's carries a name, NetSuite's wire value does not).
function plain(value: unknown): unknown {
  return typeof value === 'object' && value !== null && 'id' in value ? String((value as { id: unknown }).id) : value;
}

function linesIn(values: FormValues, sublistId: string): LineValues[] {
  return (values[sublistId] as { items?: LineValues[] } | undefined)?.items ?? [];
}

function itemsOf(value: unknown): NetSuiteRecord[] {
  const items = (value as { items?: unknown } | undefined)?.items;
  return Array.isArray(items) ? (items as NetSuiteRecord[]) : [];
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
