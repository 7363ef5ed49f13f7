import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NetSuiteClient } from '../../src/netsuite/client';
import { isNetSuiteError } from '../../src/netsuite/errors';
import { placeErrors } from '../../src/app/forms/model/fieldErrors';
import { createDefaults } from '../../src/app/forms/formAssist';
import { buildFormModel, type FormModel } from '../../src/app/forms/model/formModel';
import { validateWrite } from '../../src/app/forms/model/formValidation';
import { createPlan, formValuesOf, patchPlan, type FieldChange, type FormValues } from '../../src/app/forms/model/formValues';
import { searchReferences } from '../../src/app/forms/referenceSearch';
import { saveRecordForm, type ConflictChoice, type SavedForm } from '../../src/app/forms/saveRecordForm';
import { setUpClient, type ClientSetup } from './client-sandbox';

let setup: ClientSetup;
let client: NetSuiteClient;
const modelOf = async (type: string): Promise<FormModel> => buildFormModel(type, await client.metadata.schema(type), (name) => client.metadata.schema(name));

beforeAll(async () => {
  setup = await setUpClient();
  client = setup.client();
}, 120_000);
afterAll(() => setup?.stop());

describe('record forms against the sandbox', () => {
  it('builds the sales order form from the served schema, items sublist included', async () => {
    const model = await modelOf('salesOrder');
    expect(model.fields.find((f) => f.id === 'entity')).toMatchObject({ kind: 'reference', referenceType: 'customer' });
    expect(model.fields.find((f) => f.id === 'total')?.readOnly).toBe(true);
    expect(model.fields.find((f) => f.id === 'custbody_order_source')).toMatchObject({ kind: 'enum', custom: true });
    const items = model.sublists.find((s) => s.id === 'item');
    expect(items?.columns.map((c) => c.id)).toEqual(expect.arrayContaining(['line', 'item', 'quantity', 'rate']));
  });

  it('opens a new record of a type the catalog lists without data: the fields every record has, NetSuite\u2019s create-form defaults', async () => {
    const model = await modelOf('assemblyBuild');
    expect(model.fields.map((f) => f.id)).toEqual(expect.arrayContaining(['id', 'externalId']));
    expect(model.fields.find((f) => f.id === 'id')?.readOnly).toBe(true);
    expect(model.sublists).toEqual([]);
    expect(await createDefaults(client, model)).toBeDefined();
  });

  it('an edited line and a removed line PATCH with replace=item, and NetSuite keeps exactly the remaining lines', async () => {
    const model = await modelOf('salesOrder');
    const { items } = await client.records.list('salesOrder', { limit: 5 });
    const id = items[0].id;
    const original = formValuesOf(await client.records.get('salesOrder', id, { expandSubResources: true }), model);
    const lines = (original.item as { items: Record<string, unknown>[] }).items;
    expect(lines.length).toBeGreaterThanOrEqual(2);
    const edited = structuredClone(original);
    const editedLines = (edited.item as { items: Record<string, unknown>[] }).items;
    editedLines.splice(1);
    editedLines[0].quantity = 99;
    const plan = patchPlan(original, edited, model);
    expect(plan.replace).toEqual(['item']);
    expect(Object.keys(plan.body)).toEqual(['item']);
    await client.records.patch('salesOrder', id, plan.body, { replace: plan.replace });
    const after = formValuesOf(await client.records.get('salesOrder', id, { expandSubResources: true }), model);
    const afterLines = (after.item as { items: Record<string, unknown>[] }).items;
    expect(afterLines).toHaveLength(1);
    expect(afterLines[0]).toMatchObject({ line: lines[0].line, quantity: 99 });
    expect(after.memo).toEqual(original.memo);
  });

  it('a NetSuite refusal lands on the sublist cell its o:errorPath names', async () => {
    const model = await modelOf('salesOrder');
    const plan = createPlan({ entity: { id: '210' }, subsidiary: { id: '1' }, item: { items: [{ item: { id: '99999' }, quantity: 1 }] } }, model);
    expect(validateWrite(model, plan.body)).toEqual([]);
    const error = await client.records.create('salesOrder', plan.body).catch((e: unknown) => e);
    expect(isNetSuiteError(error)).toBe(true);
    const placed = placeErrors(isNetSuiteError(error) ? error.details : [], model, 'fallback');
    expect(placed.fields).toEqual([{ path: 'item.items[0].item', message: expect.stringContaining('Invalid Field Value 99999') }]);
    expect(placed.general).toEqual([]);
  });

  it('the reference picker finds customers by name with one SuiteQL query, quotes in the text staying text', async () => {
    const found = await searchReferences(client, 'customer', 'juniper');
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((c) => /juniper/i.test(c.refName))).toBe(true);
    expect(await searchReferences(client, 'customer', "x' OR 1=1 --")).toEqual([]);
    const items = await searchReferences(client, 'inventoryItem', 'ada');
    expect(items.length).toBeGreaterThan(0);
  });
});

type FormLine = Record<string, unknown>;
const linesIn = (values: FormValues): FormLine[] => (values.item as { items: FormLine[] }).items;

/** A fresh order with two lines, opened in a form: its model and the values the form starts from. */
async function openOrder(memo: string): Promise<{ id: string; model: FormModel; original: FormValues }> {
  const model = await modelOf('salesOrder');
  const customer = (await client.queryPage('SELECT id FROM customer ORDER BY id', 0, { pageSize: 1 })).rows[0].raw.id;
  const item = (await client.queryPage('SELECT id FROM item ORDER BY id', 0, { pageSize: 1 })).rows[0].raw.id;
  const { id } = await client.records.create('salesOrder', {
    entity: { id: customer },
    memo,
    item: { items: [{ item: { id: item }, quantity: 1, rate: 10, description: 'first line' }, { item: { id: item }, quantity: 2, rate: 20, description: 'second line' }] },
  });
  return { id, model, original: await read(id, model) };
}

async function read(id: string, model: FormModel): Promise<FormValues> {
  return formValuesOf(await client.records.get('salesOrder', id, { expandSubResources: true }), model);
}

/** Someone else adds a line in NetSuite while the form is open (straight to the sandbox, not through the form). */
async function lineAddedElsewhere(id: string): Promise<void> {
  const item = (await client.queryPage('SELECT id FROM item ORDER BY id', 0, { pageSize: 1 })).rows[0].raw.id;
  await client.records.patch('salesOrder', id, { item: { items: [{ item: { id: item }, quantity: 3, rate: 30, description: 'added elsewhere' }] } });
}

/**
 * The form's Save as the editor runs it (saveRecordForm), with scripted answers to its questions. It records every
 * question and the PATCHes the sandbox received, which is what a user's edit turned into on the wire.
 */
async function saveForm(form: SavedForm, answers: { conflict?: ConflictChoice; confirm?: boolean } = {}) {
  const questions: string[] = [];
  const confirmed: FieldChange[][] = [];
  const since = setup.sandbox.requestLog.lastSeq;
  const outcome = await saveRecordForm({
    client,
    account: { label: 'Sandbox', readOnly: false },
    form,
    keys: {},
    dialogs: {
      confirmWrite: async (what, changes) => {
        confirmed.push([...changes]);
        return answers.confirm ?? true;
      },
      chooseOnConflict: async (question, detail) => {
        questions.push(`${question}\n${detail}`);
        return answers.conflict ?? 'keepEditing';
      },
    },
  });
  const patches = setup.sandbox.requestLog.list({ since, method: 'PATCH' }).map((entry) => ({ body: entry.body, replace: entry.query.replace }));
  return { outcome, questions, confirmed, patches };
}

describe('Overwrite after a concurrent change keeps the other person’s work', () => {
  it('an edited line goes alone, by its line id and without replace: the line added elsewhere is still there', async () => {
    const { id, model, original } = await openOrder('Overwrite Keeps Line SO');
    await lineAddedElsewhere(id);
    const edited = structuredClone(original);
    linesIn(edited)[0].quantity = 5;
    edited.memo = 'Overwrite Keeps Line SO (mine)';
    const { outcome, questions, confirmed, patches } = await saveForm({ recordType: 'salesOrder', model, recordId: id, original, current: edited }, { conflict: 'overwrite' });
    expect(outcome.status).toBe('saved');
    expect(questions).toHaveLength(1);
    expect(questions[0]).toContain('was changed in NetSuite since this form opened.');
    expect(questions[0]).toContain('Memo: Overwrite Keeps Line SO → Overwrite Keeps Line SO (mine)\nItems line 1 Quantity: 1 → 5');
    // The confirmation lists exactly what goes.
    expect(confirmed).toEqual([
      [
        { field: 'Memo', before: 'Overwrite Keeps Line SO', after: 'Overwrite Keeps Line SO (mine)' },
        { field: 'Items line 1 Quantity', before: '1', after: '5' },
      ],
    ]);
    expect(patches).toEqual([{ body: { memo: 'Overwrite Keeps Line SO (mine)', item: { items: [{ line: linesIn(original)[0].line, quantity: 5 }] } }, replace: undefined }]);
    const after = linesIn(await read(id, model));
    expect(after.map((line) => [line.description, line.quantity])).toEqual([
      ['first line', 5],
      ['second line', 2],
      ['added elsewhere', 3],
    ]);
  });

  it('a removed line goes with replace naming every line NetSuite has now, so the line added elsewhere stays', async () => {
    const { id, model, original } = await openOrder('Overwrite Remove Line SO');
    await lineAddedElsewhere(id);
    const edited = structuredClone(original);
    linesIn(edited).splice(1, 1);
    const { outcome, confirmed, patches } = await saveForm({ recordType: 'salesOrder', model, recordId: id, original, current: edited }, { conflict: 'overwrite' });
    expect(outcome.status).toBe('saved');
    expect(confirmed).toEqual([[{ field: 'Items', before: 'line 2', after: 'removed; the other 2 lines in NetSuite kept by line id' }]]);
    expect(patches.map((patch) => patch.replace)).toEqual(['item']);
    expect(linesIn(await read(id, model)).map((line) => line.description)).toEqual(['first line', 'added elsewhere']);
  });

  it('an edit to a line deleted in NetSuite meanwhile is refused by name, and nothing is sent or lost', async () => {
    const { id, model } = await openOrder('Edit Deleted Line SO');
    await lineAddedElsewhere(id);
    const original = await read(id, model);
    const [first, , third] = linesIn(original);
    // Someone else deletes line 2; this form edits line 2 and removes line 3.
    await client.records.patch('salesOrder', id, { item: { items: [{ line: first.line }, { line: third.line }] } }, { replace: ['item'] });
    const edited = structuredClone(original);
    linesIn(edited)[1].quantity = 99;
    linesIn(edited).splice(2, 1);
    const { outcome, confirmed, patches } = await saveForm({ recordType: 'salesOrder', model, recordId: id, original, current: edited }, { conflict: 'overwrite' });
    expect(outcome).toMatchObject({ status: 'notSaved', reason: expect.stringContaining('Items line 2 was deleted in NetSuite since this form opened, so your change to it (Quantity 2 → 99) cannot be saved') });
    expect(outcome.status === 'notSaved' && outcome.reason).toContain('Nothing was sent; your edits are kept.');
    expect(confirmed).toEqual([]);
    expect(patches).toEqual([]);
    expect(linesIn(await read(id, model)).map((line) => [line.line, line.quantity])).toEqual([[first.line, 1], [third.line, 3]]);
  });

  it('Reload sends nothing and shows the record as NetSuite has it; Keep Editing sends nothing and keeps the edits', async () => {
    const { id, model, original } = await openOrder('Conflict Reload SO');
    await lineAddedElsewhere(id);
    const edited = structuredClone(original);
    edited.memo = 'Conflict Reload SO (mine)';
    const kept = await saveForm({ recordType: 'salesOrder', model, recordId: id, original, current: edited }, { conflict: 'keepEditing' });
    expect(kept.outcome).toEqual({ status: 'cancelled' });
    expect(kept.patches).toEqual([]);
    const reloaded = await saveForm({ recordType: 'salesOrder', model, recordId: id, original, current: edited }, { conflict: 'reload' });
    expect(reloaded.patches).toEqual([]);
    expect(reloaded.outcome).toMatchObject({ status: 'reloaded', notice: 'Reloaded the record as it is now in NetSuite.' });
    const shown = reloaded.outcome.status === 'reloaded' ? reloaded.outcome.record.current : {};
    expect(shown.memo).toBe('Conflict Reload SO');
    expect(linesIn(shown).map((line) => line.description)).toEqual(['first line', 'second line', 'added elsewhere']);
  });
});

describe('cleared values are sent as cleared', () => {
  it('a cleared line cell goes as null on its line and is empty afterwards; a cleared body field too', async () => {
    const { id, model, original } = await openOrder('Clear Cell SO');
    const edited = structuredClone(original);
    linesIn(edited)[0].description = '';
    delete edited.memo;
    const { outcome, patches } = await saveForm({ recordType: 'salesOrder', model, recordId: id, original, current: edited });
    expect(patches.map((patch) => patch.body)).toEqual([{ memo: null, item: { items: [{ line: linesIn(original)[0].line, description: null }] } }]);
    expect(outcome).toMatchObject({ status: 'saved', notice: 'Saved: Memo, Items.' });
    const after = await read(id, model);
    expect(linesIn(after)[0].description).toBeUndefined();
    expect(linesIn(after)[1].description).toBe('second line');
    expect(after.memo).toBeUndefined();
  });

  it('a cell NetSuite fills itself (a line amount from quantity × rate) is named as not cleared instead of "Saved"', async () => {
    const { id, model, original } = await openOrder('Clear Amount SO');
    const edited = structuredClone(original);
    delete linesIn(edited)[0].amount;
    const { outcome, patches } = await saveForm({ recordType: 'salesOrder', model, recordId: id, original, current: edited });
    expect(patches.map((patch) => patch.body)).toEqual([{ item: { items: [{ line: linesIn(original)[0].line, amount: null }] } }]);
    expect(linesIn(await read(id, model))[0].amount).toBe(10);
    expect(outcome).toMatchObject({ status: 'saved', notice: expect.stringContaining('NetSuite did not clear Items line 1 Amount: it fills that field itself') });
  });
});
