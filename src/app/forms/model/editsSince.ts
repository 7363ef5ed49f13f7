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
  const values = structuredClone(created);
  for (const field of model.fields) {
    if (field.readOnly || same(sent[field.id], body[field.id])) continue;
    if (current[field.id] === undefined) delete values[field.id];
    else values[field.id] = current[field.id];
  }
  for (const sublist of model.sublists) {
    const sentLines = itemsOf(sent[sublist.id]);
    const bodyLines = itemsOf(body[sublist.id]);
    if (same(sentLines, bodyLines)) continue;
    const madeLines = (created[sublist.id] as { items?: LineValues[] } | undefined)?.items ?? [];
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

function itemsOf(value: unknown): NetSuiteRecord[] {
  const items = (value as { items?: unknown } | undefined)?.items;
  return Array.isArray(items) ? (items as NetSuiteRecord[]) : [];
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
