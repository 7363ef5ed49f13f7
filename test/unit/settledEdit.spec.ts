import { describe, expect, it } from 'vitest';
import type { FormModel } from '../../src/app/forms/model/formModel';
import { patchPlan, type FormValues } from '../../src/app/forms/model/formValues';
import { sentChange, withSettledEdit } from '../../src/app/forms/model/settledEdit';

const column = (id: string, readOnly = false) => ({ id, title: id, kind: 'text' as const, readOnly, custom: false });
const model: FormModel = {
  recordType: 'salesOrder',
  fields: [column('memo'), column('entity')],
  sublists: [
    { id: 'item', title: 'Items', columns: [column('line', true), column('item'), column('quantity'), column('amount')] },
    { id: 'note', title: 'Notes', columns: [column('text')] },
  ],
};

const widget = { id: '7', refName: 'Widget (W-1)' };
const original: FormValues = { memo: 'old', entity: { id: '3', refName: 'Acme' }, item: { items: [{ line: 1, item: widget, quantity: 1, amount: 10 }] } };
/** The form when its save lost its answer: memo changed and a line added. */
const edited: FormValues = { ...original, memo: 'mine', item: { items: [{ line: 1, item: widget, quantity: 1, amount: 10 }, { item: widget, quantity: 6 }] } };
const pending = patchPlan(original, edited, model);
/** NetSuite after the pending job ran: the new line has line id 2 and an amount it computed. */
const latest: FormValues = { memo: 'mine', entity: { id: '3', refName: 'Acme' }, item: { items: [{ line: 1, item: { id: '7', refName: 'Widget' }, quantity: 1, amount: 10 }, { line: 2, item: { id: '7', refName: 'Widget' }, quantity: 6, amount: 60 }] } };

describe('an earlier PATCH laid over the form once its job settled', () => {
  it('reads the change back from the text the form keeps with its key', () => {
    expect(sentChange(JSON.stringify([pending.body, pending.replace]))).toEqual({ body: pending.body, replace: [] });
    expect(sentChange('not json')).toBeUndefined();
    expect(sentChange(JSON.stringify({ memo: 'x' }))).toBeUndefined();
  });

  it('with one more edit, sends only that edit: the new line is ours and NetSuite has it once', () => {
    const later = { ...structuredClone(edited), memo: 'later' };
    const settled = withSettledEdit(original, later, pending, latest, model);
    expect(patchPlan(settled.original, latest, model).body).toEqual({});
    expect(patchPlan(settled.original, settled.current, model, latest).body).toEqual({ memo: 'later' });
    expect((settled.current.item as { items: unknown[] }).items[1]).toEqual({ line: 2, item: widget, quantity: 6, amount: 60 });
  });

  it('with the form reverted, sends the revert: the memo set back and the line NetSuite added removed', () => {
    const settled = withSettledEdit(original, original, pending, latest, model);
    const plan = patchPlan(settled.original, settled.current, model, latest);
    expect(plan.body).toEqual({ memo: 'old', item: { items: [{ line: 1 }] } });
    expect(plan.replace).toEqual(['item']);
  });

  it('a new line changed since the lost save is replaced by the form line, not added beside it', () => {
    const later = structuredClone(edited);
    (later.item as { items: Record<string, unknown>[] }).items[1].quantity = 7;
    const settled = withSettledEdit(original, later, pending, latest, model);
    const plan = patchPlan(settled.original, settled.current, model, latest);
    expect(plan.body.item).toEqual({ items: [{ line: 1 }, { item: { id: '7' }, quantity: 7 }] });
    expect(plan.replace).toEqual(['item']);
  });

  it('applies edited cells, removed lines and whole sublists without line ids as sent', () => {
    const withNotes: FormValues = { ...original, note: { items: [{ text: 'a' }] }, item: { items: [{ line: 1, item: widget, quantity: 1 }, { line: 2, item: widget, quantity: 2 }] } };
    const sent = { body: { entity: { id: '4' }, note: { items: [{ text: 'b' }] }, item: { items: [{ line: 1, quantity: 5 }] } }, replace: ['note', 'item'] };
    const now: FormValues = { entity: { id: '4', refName: 'Beta' }, note: { items: [{ text: 'b' }] }, item: { items: [{ line: 1, item: widget, quantity: 5 }] } };
    const settled = withSettledEdit(withNotes, withNotes, sent, now, model);
    expect(settled.original).toEqual({ memo: 'old', entity: { id: '4', refName: 'Beta' }, note: { items: [{ text: 'b' }] }, item: { items: [{ line: 1, item: widget, quantity: 5 }] } });
  });
});
