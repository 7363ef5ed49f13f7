import { describe, expect, it } from 'vitest';
import type { RecordTypeSchema } from '../../src/netsuite/metadata';
import { placeErrors, locateErrorPath, pathOfPointer } from '../../src/app/forms/model/fieldErrors';
import { buildFormModel, type FormModel } from '../../src/app/forms/model/formModel';
import { validateWrite } from '../../src/app/forms/model/formValidation';
import { createPlan, describeChanges, formValuesOf, patchPlan, type FormValues, type LineValues } from '../../src/app/forms/model/formValues';
import { FormInit, isFormToHost, SaveRequest, SearchRequest } from '../../src/protocol/formMessages';

const catalog = (name: string) => `/services/rest/record/v1/metadata-catalog/${name}`;

// Shaped like NetSuite's schemas (netsuite-wire.md §2.2): $refs to catalog URLs, enums as {id: {enum}}.
const schemas: Record<string, RecordTypeSchema> = {
  salesOrder: {
    type: 'object',
    properties: {
      links: { type: 'array', readOnly: true },
      id: { title: 'Internal ID', type: 'string', readOnly: true },
      memo: { title: 'Memo', type: 'string', maxLength: 10 },
      tranDate: { title: 'Date', type: 'string', format: 'date' },
      createdDate: { title: 'Date Created', type: 'string', format: 'date-time', readOnly: true },
      entity: { $ref: catalog('customer'), title: 'Customer' },
      exchangeRate: { title: 'Exchange Rate', type: 'number', format: 'float' },
      isTaxable: { title: 'Taxable', type: 'boolean' },
      custbody_score: { title: 'Score', type: 'integer', format: 'int64', 'x-ns-custom-field': true },
      status: { type: 'object', title: 'Status', readOnly: true, properties: { id: { type: 'string', enum: ['A', 'B'] }, refName: { type: 'string' } } },
      source: { type: 'object', title: 'Source', properties: { id: { type: 'string', enum: ['1', '2'] }, refName: { type: 'string' } } },
      item: { $ref: catalog('salesOrder-itemCollection'), title: 'Items' },
    },
  },
  'salesOrder-itemCollection': { type: 'object', properties: { totalResults: { type: 'integer', readOnly: true }, items: { type: 'array', items: { $ref: catalog('salesOrder-itemElement') } } } },
  'salesOrder-itemElement': {
    type: 'object',
    properties: {
      links: { type: 'array', readOnly: true },
      line: { title: 'Line', type: 'integer', readOnly: true },
      item: { $ref: catalog('inventoryItem'), title: 'Item' },
      quantity: { title: 'Quantity', type: 'number' },
    },
  },
};

async function model(): Promise<FormModel> {
  return buildFormModel('salesOrder', schemas.salesOrder, async (name) => schemas[name]);
}

describe('schema → form model', () => {
  it('gives each NetSuite property shape its control, read-only and custom fields marked, sublists with their columns', async () => {
    const m = await model();
    const kinds = Object.fromEntries(m.fields.map((f) => [f.id, f.kind]));
    expect(kinds).toEqual({
      id: 'text', memo: 'text', tranDate: 'date', createdDate: 'datetime', entity: 'reference', exchangeRate: 'number',
      isTaxable: 'checkbox', custbody_score: 'integer', status: 'enum', source: 'enum',
    });
    expect(m.fields.find((f) => f.id === 'entity')?.referenceType).toBe('customer');
    expect(m.fields.find((f) => f.id === 'source')?.options).toEqual(['1', '2']);
    expect(m.fields.filter((f) => f.readOnly).map((f) => f.id)).toEqual(['id', 'createdDate', 'status']);
    expect(m.fields.filter((f) => f.custom).map((f) => f.id)).toEqual(['custbody_score']);
    expect(m.sublists).toHaveLength(1);
    expect(m.sublists[0]).toMatchObject({ id: 'item', title: 'Items' });
    expect(m.sublists[0].columns.map((c) => [c.id, c.kind, c.readOnly])).toEqual([['line', 'integer', true], ['item', 'reference', false], ['quantity', 'number', false]]);
  });
});

const record = {
  links: [{ rel: 'self', href: 'x' }],
  id: '7',
  memo: 'first',
  entity: { links: [], id: '210', refName: 'Juniper' },
  status: { id: 'A', refName: 'Pending' },
  item: { links: [], items: [{ links: [], line: 1, item: { id: '48', refName: 'ADA' }, quantity: 15 }, { line: 2, item: { id: '62' }, quantity: 4 }], totalResults: 2 },
};

describe('diff → PATCH body', () => {
  it('sends only the field the user changed, never read-only fields or untouched references', async () => {
    const m = await model();
    const original = formValuesOf(record, m);
    const edited = { ...structuredClone(original), memo: 'second', status: { id: 'B' } };
    expect(patchPlan(original, edited, m)).toEqual({ body: { memo: 'second' }, replace: [] });
  });

  it('clears an emptied field with null and sends a picked reference as {id}', async () => {
    const m = await model();
    const original = formValuesOf(record, m);
    const edited = structuredClone(original);
    delete edited.memo;
    edited.entity = { id: '300', refName: 'Other' };
    expect(patchPlan(original, edited, m).body).toEqual({ memo: null, entity: { id: '300' } });
  });

  it('a removed line needs replace: the kept lines go by key only, the new line without one', async () => {
    const m = await model();
    const original = formValuesOf(record, m);
    const edited = structuredClone(original);
    const items = (edited.item as { items: Record<string, unknown>[] }).items;
    items.splice(0, 1);
    items.push({ item: { id: '70' }, quantity: 1 });
    const plan = patchPlan(original, edited, m);
    expect(plan.body).toEqual({ item: { items: [{ line: 2 }, { item: { id: '70' }, quantity: 1 }] } });
    expect(plan.replace).toEqual(['item']);
  });

  it('an edited cell goes alone on its line, without replace; a cleared cell as null', async () => {
    const m = await model();
    const original = formValuesOf(record, m);
    const edited = structuredClone(original);
    const items = (edited.item as { items: Record<string, unknown>[] }).items;
    items[1].quantity = 5;
    delete items[0].quantity;
    expect(patchPlan(original, edited, m)).toMatchObject({ body: { item: { items: [{ line: 1, quantity: null }, { line: 2, quantity: 5 }] } }, replace: [] });
  });

  it('a sublist without line keys changed in NetSuite meanwhile is a conflict, not a silent whole replace', async () => {
    const keyless: Record<string, RecordTypeSchema> = {
      thing: { type: 'object', properties: { memo: { title: 'Memo', type: 'string' }, note: { $ref: catalog('thing-noteCollection'), title: 'Notes' } } },
      'thing-noteCollection': { type: 'object', properties: { items: { type: 'array', items: { $ref: catalog('thing-noteElement') } } } },
      'thing-noteElement': { type: 'object', properties: { text: { title: 'Text', type: 'string' } } },
    };
    const m = await buildFormModel('thing', keyless.thing, async (name) => keyless[name]);
    const original = { memo: 'a', note: { items: [{ text: 'one' }] } };
    const edited = { memo: 'a', note: { items: [{ text: 'one (mine)' }] } };
    const latest = { memo: 'a', note: { items: [{ text: 'one' }, { text: 'theirs' }] } };
    expect(patchPlan(original, edited, m, latest).conflicts).toEqual(['Notes has no line ids, so your change replaces all its lines, and they were changed in NetSuite since this form opened']);
    // Unchanged there: it goes whole, as before.
    expect(patchPlan(original, edited, m, original)).toEqual({ body: { note: { items: [{ text: 'one (mine)' }] } }, replace: ['note'], lineChanges: [expect.objectContaining({ whole: true })] });
  });

  it('an edit to a line NetSuite no longer has is a conflict, neither sent nor listed as sent', async () => {
    const m = await model();
    const original = formValuesOf(record, m);
    const edited = structuredClone(original);
    (edited.item as { items: LineValues[] }).items[1].quantity = 99;
    const latest: FormValues = { ...original, item: { items: [(original.item as { items: LineValues[] }).items[0]] } };
    const plan = patchPlan(original, edited, m, latest);
    expect(plan.conflicts).toEqual(['Items line 2 was deleted in NetSuite since this form opened, so your change to it (Quantity 4 → 99) cannot be saved']);
    expect(plan.body).toEqual({});
    expect(describeChanges(plan, original, m, edited)).toEqual([]);
  });

  it('a create sends filled editable fields and lines without read-only keys', async () => {
    const m = await model();
    const plan = createPlan({ memo: 'x', id: '9', entity: { id: '210', refName: 'J' }, item: { items: [{ item: { id: '48' }, quantity: 2 }, {}] } }, m);
    expect(plan.body).toEqual({ memo: 'x', entity: { id: '210' }, item: { items: [{ item: { id: '48' }, quantity: 2 }] } });
  });

  it('describes a change as field, old → new for the production confirmation', async () => {
    const m = await model();
    const original = formValuesOf(record, m);
    const plan = patchPlan(original, { ...original, memo: 'second', entity: { id: '300', refName: 'Other' } }, m);
    expect(describeChanges(plan, original, m)).toEqual([
      { field: 'Memo', before: 'first', after: 'second' },
      { field: 'Customer', before: 'Juniper (210)', after: '300' },
    ]);
    // With the edited values, a picked reference is named, not just numbered.
    expect(describeChanges(plan, original, m, { entity: { id: '300', refName: 'Other' } })[1].after).toBe('Other (300)');
  });
});

describe('errors → fields', () => {
  it('maps o:errorPath onto the body field or the sublist cell, the rest to the top with NetSuite detail', async () => {
    const m = await model();
    expect(locateErrorPath('item.items[0].item')).toEqual({ sublist: 'item', line: 0, field: 'item' });
    expect(locateErrorPath('memo')).toEqual({ field: 'memo' });
    expect(pathOfPointer('/item/items/1/quantity')).toBe('item.items[1].quantity');
    const placed = placeErrors(
      [
        { detail: 'Invalid Field Value 9999 for the following field: item', errorPath: 'item.items[0].item' },
        { detail: 'bad memo', errorPath: 'memo' },
        { detail: 'no such field', errorPath: 'nosuch' },
        { detail: 'Please enter value(s) for: Customer' },
      ],
      m,
      'fallback',
    );
    expect(placed.fields).toEqual([
      { path: 'item.items[0].item', message: 'Invalid Field Value 9999 for the following field: item' },
      { path: 'memo', message: 'bad memo' },
    ]);
    expect(placed.general).toEqual(['no such field', 'Please enter value(s) for: Customer']);
  });

  it('schema validation names the field before anything is sent', async () => {
    const m = await model();
    expect(validateWrite(m, { memo: 'ok', exchangeRate: 1.5, item: { items: [{ quantity: 2 }] } })).toEqual([]);
    const errors = validateWrite(m, { memo: 'far too long a memo', custbody_score: 'abc', tranDate: '31/12/2025', source: { id: '9' }, item: { items: [{ quantity: 'two' }] } });
    expect(errors.map((e) => e.path).sort()).toEqual(['custbody_score', 'item.items[0].quantity', 'memo', 'source', 'tranDate']);
    expect(errors.find((e) => e.path === 'memo')?.message).toBe('Memo can be at most 10 characters.');
  });
});

describe('form message guards', () => {
  it('accept the declared messages and refuse anything else', () => {
    expect(isFormToHost(SaveRequest.create({ values: { memo: 'x', entity: { id: '1' }, item: { items: [{ quantity: 1 }] } } }))).toBe(true);
    expect(isFormToHost(SearchRequest.create({ requestId: 'a', referenceType: 'customer', text: 'ju' }))).toBe(true);
    expect(isFormToHost({ type: 'save', values: { memo: { nested: { deep: 1 } } } })).toBe(false);
    expect(isFormToHost({ type: 'save', values: [] })).toBe(false);
    expect(isFormToHost({ type: 'search', requestId: 'a', referenceType: 'customer' })).toBe(false);
    expect(isFormToHost({ type: 'runScript', code: 'x' })).toBe(false);
    expect(FormInit.is({ type: 'init', model: { recordType: 'x', fields: [{ id: 'a' }], sublists: [] }, values: {}, mode: 'edit', heading: 'h', transforms: [] })).toBe(false);
  });
});

describe('text length as NetSuite counts it', () => {
  it('counts UTF-8 bytes, so a name in Japanese or with an emoji is refused before NetSuite refuses it', async () => {
    const { netSuiteTextLength } = await import('../../src/app/forms/model/formValidation');
    expect(netSuiteTextLength('Acme')).toBe(4);
    expect(netSuiteTextLength('株式会社')).toBe(12);
    expect(netSuiteTextLength('Café 🚀')).toBe(10);
  });

  it('marks a memo within 10 characters but over 10 bytes, saying how NetSuite counts', async () => {
    const m = await model();
    expect(validateWrite(m, { memo: '株式会社' })).toEqual([
      { path: 'memo', message: 'Memo can be at most 10 characters as NetSuite counts them: letters beyond English take 2 to 4 each, so this text counts 12.' },
    ]);
    expect(validateWrite(m, { memo: 'abcdefghij' })).toEqual([]);
  });
});

describe('required-field marks', () => {
  it('marks the fields NetSuite will not save a sales order without (customer, item and quantity of a line), and a schema\u2019s own required list', async () => {
    const model = await buildFormModel('salesOrder', schemas.salesOrder, async (name) => schemas[name]);
    expect(model.fields.filter((f) => f.required).map((f) => f.id)).toEqual(['entity']);
    expect(model.sublists[0].columns.filter((c) => c.required).map((c) => c.id)).toEqual(['item', 'quantity']);
    const custom = await buildFormModel('customrecord_x', { ...schemas.salesOrder, required: ['memo'] }, async (name) => schemas[name]);
    expect(custom.fields.filter((f) => f.required).map((f) => f.id)).toEqual(['memo']);
  });
});
