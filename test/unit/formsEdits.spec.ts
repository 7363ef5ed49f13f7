import { describe, expect, it } from 'vitest';
import { FormEdited, FormValuesSet, isFormToHost, isHostToForm } from '../../src/protocol/formMessages';
import { applyStep, continuesStep, editLabel, typingPauseMs, type FormEditStep } from '../../src/app/forms/model/formEdits';
import type { FormModel } from '../../src/app/forms/model/formModel';
import type { FormValues } from '../../src/app/forms/model/formValues';

const model: FormModel = {
  recordType: 'salesOrder',
  fields: [
    { id: 'phone', title: 'Phone', kind: 'text', readOnly: false, custom: false },
    { id: 'isPerson', title: 'Is Individual', kind: 'checkbox', readOnly: false, custom: false },
  ],
  sublists: [{ id: 'item', title: 'Items', columns: [{ id: 'quantity', title: 'Quantity', kind: 'number', readOnly: false, custom: false }] }],
};

function step(action: FormEditStep['change']['action'], path: string, lastAt: number): FormEditStep {
  return { label: 'x', change: { action, path }, before: {}, after: {}, lastAt };
}

describe('record form undo steps', () => {
  it('names each step after the field, cell or line it changed, for Edit → Undo', () => {
    expect(editLabel(model, { action: 'type', path: 'phone' })).toBe('Edit Phone');
    expect(editLabel(model, { action: 'set', path: 'isPerson' })).toBe('Edit Is Individual');
    expect(editLabel(model, { action: 'type', path: 'item.items[1].quantity' })).toBe('Edit Items line 2 Quantity');
    expect(editLabel(model, { action: 'addLine', path: 'item' })).toBe('Add Items line');
    expect(editLabel(model, { action: 'removeLine', path: 'item.items[0]' })).toBe('Remove Items line 1');
    expect(editLabel(model, { action: 'type', path: 'custentity_unknown' })).toBe('Edit custentity_unknown');
  });

  it('folds keystrokes in one field into one step until another field is typed in or the typing pauses', () => {
    const open = step('type', 'phone', 10_000);
    expect(continuesStep(open, { action: 'type', path: 'phone' }, 10_000 + typingPauseMs - 1)).toBe(true);
    expect(continuesStep(open, { action: 'type', path: 'phone' }, 10_000 + typingPauseMs)).toBe(false);
    expect(continuesStep(open, { action: 'type', path: 'email' }, 10_001)).toBe(false);
    expect(continuesStep(undefined, { action: 'type', path: 'phone' }, 10_001)).toBe(false);
  });

  it('makes every choice and line change a step of its own', () => {
    expect(continuesStep(step('set', 'isPerson', 0), { action: 'set', path: 'isPerson' }, 1)).toBe(false);
    expect(continuesStep(step('type', 'phone', 0), { action: 'set', path: 'phone' }, 1)).toBe(false);
    expect(continuesStep(step('addLine', 'item', 0), { action: 'addLine', path: 'item' }, 1)).toBe(false);
  });

  it('undo and redo move only what the step changed, keeping what a save reloaded for the rest', () => {
    const before: FormValues = { phone: '555 0100', item: { items: [{ quantity: 1 }] } };
    const after: FormValues = { phone: '555 0199', item: { items: [{ quantity: 1 }] } };
    // Saved meanwhile: NetSuite's reload brought a new email and line keys.
    const current: FormValues = { phone: '555 0199', email: 'new@example.com', item: { items: [{ quantity: 1, line: 1 }] } };
    const undone = applyStep(current, after, before);
    expect(undone).toEqual({ phone: '555 0100', email: 'new@example.com', item: { items: [{ quantity: 1, line: 1 }] } });
    expect(applyStep(undone, before, after)).toEqual(current);
  });

  it('undoing a field typed into an empty one removes it again, and a sublist step restores its lines', () => {
    const before: FormValues = { item: { items: [{ quantity: 1 }] } };
    const after: FormValues = { fax: '1', item: { items: [{ quantity: 1 }, {}] } };
    const undone = applyStep(after, after, before);
    expect(undone).toEqual(before);
    expect('fax' in undone).toBe(false);
    (undone.item as { items: unknown[] }).items.push({});
    expect(before.item).toEqual({ items: [{ quantity: 1 }] });
  });

  it('the edit and setValues messages are declared with guards that refuse malformed payloads', () => {
    expect(isFormToHost(FormEdited.create({ action: 'type', path: 'phone', values: { phone: '1' } }))).toBe(true);
    expect(isFormToHost({ type: 'edit', action: 'paste', path: 'phone', values: {} })).toBe(false);
    expect(isFormToHost({ type: 'edit', action: 'type', values: {} })).toBe(false);
    expect(isFormToHost({ type: 'dirty', dirty: true, values: {} })).toBe(false);
    expect(isHostToForm(FormValuesSet.create({ values: { phone: '1', item: { items: [{ quantity: 2 }] } } }))).toBe(true);
    expect(isHostToForm({ type: 'setValues', values: { phone: { nested: { deep: 1 } } } })).toBe(false);
  });
});
