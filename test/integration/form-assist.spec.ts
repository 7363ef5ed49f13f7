/**
 * The record form's NetSuite-like behaviour (src/app/forms/formAssist.ts and the transform save in
 * saveRecordForm.ts) over real HTTP against the sandbox: a new record starts with create-form defaults, reference
 * fields get selectOptions choices that follow the customer chosen, choosing a customer sources its subsidiary and
 * currency, and an invoice previewed from a sales order is created only when the form is saved — with what the
 * person changed on it. An account without these operations (a 405 here) leaves the form as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NetSuiteClient } from '../../src/netsuite/client';
import { NetSuiteError } from '../../src/netsuite/errors';
import type { FormValues } from '../../src/protocol/formModel';
import { createDefaults, referenceChoices, sourcedFromEntity, transformPreview } from '../../src/app/forms/formAssist';
import { buildFormModel, type FormModel } from '../../src/app/forms/model/formModel';
import { formValuesOf } from '../../src/app/forms/model/formValues';
import { searchReferences } from '../../src/app/forms/referenceSearch';
import { loadRecord, saveRecordForm } from '../../src/app/forms/saveRecordForm';
import { setUpClient, type ClientSetup } from './client-sandbox';

let setup: ClientSetup;
let client: NetSuiteClient;
const modelOf = async (type: string): Promise<FormModel> => buildFormModel(type, await client.metadata.schema(type), (name) => client.metadata.schema(name));
const rows = async (sql: string) => (await client.queryPage(sql, 0, { pageSize: 1000 })).rows.map((row) => row.raw as Record<string, string>);
const count = async (type: string) => (await rows(`SELECT COUNT(*) AS n FROM transaction WHERE type = '${type}'`))[0].n;

beforeAll(async () => {
  setup = await setUpClient();
  client = setup.client();
}, 120_000);
afterAll(() => setup?.stop());

describe('a new sales order form', () => {
  it('starts with NetSuite\u2019s defaults (today\u2019s date), and an account refusing create-form starts it empty', async () => {
    const model = await modelOf('salesOrder');
    const defaults = await createDefaults(client, model);
    expect(defaults?.tranDate).toBe(new Date().toISOString().slice(0, 10));
    const refusing = { ...client, forms: { ...client.forms, createForm: async () => Promise.reject(new NetSuiteError({ kind: 'invalid', status: 405, message: 'Method not allowed', advice: '' })) } } as unknown as NetSuiteClient;
    expect(await createDefaults(refusing, model)).toBeUndefined();
  });

  it('offers the sales reps of the chosen customer\u2019s subsidiary, and fills subsidiary and currency from the customer', async () => {
    const model = await modelOf('salesOrder');
    const customers = await rows(`SELECT id, subsidiary, currency FROM customer WHERE subsidiary IS NOT NULL AND currency IS NOT NULL ORDER BY id`);
    const first = customers[0];
    const other = customers.find((row) => row.subsidiary !== first.subsidiary)!;
    const baseline = (await createDefaults(client, model)) ?? {};
    const repsOf = async (subsidiary: string) => (await rows(`SELECT id FROM employee WHERE issalesrep = 'T' AND isinactive = 'F' AND subsidiary = ${subsidiary} ORDER BY id`)).map((row) => row.id);

    let values: FormValues = { ...baseline, entity: { id: first.id } };
    values = { ...values, ...(await sourcedFromEntity(client, model, values, baseline)) };
    expect(values.subsidiary).toMatchObject({ id: String(first.subsidiary) });
    expect(values.currency).toMatchObject({ id: String(first.currency) });
    const choices = await referenceChoices(client, model, values);
    expect(choices.find((field) => field.id === 'salesRep')?.choices.map((choice) => choice.id)).toEqual(await repsOf(first.subsidiary));
    expect(choices.find((field) => field.id === 'entity')).toBeUndefined();

    values = { ...values, entity: { id: other.id } };
    values = { ...values, ...(await sourcedFromEntity(client, model, values, baseline)) };
    expect(values.subsidiary).toMatchObject({ id: String(other.subsidiary) });
    const after = await referenceChoices(client, model, values);
    expect(after.find((field) => field.id === 'salesRep')?.choices.map((choice) => choice.id)).toEqual(await repsOf(other.subsidiary));
  });
});

describe('choices when NetSuite refuses part of the question', () => {
  it('asks field by field when one field has no choices, so the others still get theirs', async () => {
    const model = await modelOf('salesOrder');
    const [customer] = await rows(`SELECT id, subsidiary FROM customer WHERE subsidiary IS NOT NULL ORDER BY id`);
    const values: FormValues = { entity: { id: customer.id }, subsidiary: { id: String(customer.subsidiary) } };
    const whole = await referenceChoices(client, model, values);
    const reps = whole.find((field) => field.id === 'salesRep')?.choices;
    expect(reps?.length).toBeGreaterThan(0);
    // A custom reference field NetSuite answers 400 for ("has no select options"): one such field fails the whole request.
    const withUnknown: FormModel = { ...model, fields: [...model.fields, { ...model.fields.find((field) => field.id === 'salesRep')!, id: 'custbody_nochoices', title: 'No choices', referenceType: 'customrecord_nochoices' }] };
    await expect(client.forms.selectOptions('salesOrder', ['salesRep', 'custbody_nochoices'], { entity: { id: customer.id } })).rejects.toMatchObject({ status: 400 });
    const fallback = await referenceChoices(client, withUnknown, values);
    expect(fallback.find((field) => field.id === 'salesRep')?.choices).toEqual(reps);
    expect(fallback.find((field) => field.id === 'custbody_nochoices')).toBeUndefined();
    expect(fallback.map((field) => field.id).sort()).toEqual(whole.map((field) => field.id).sort());
  });

  it('fails loudly on an error that is not a refusal, so the form keeps the choices it had', async () => {
    const model = await modelOf('salesOrder');
    setup.sandbox.configure({ faults: { seed: 1, rate500: 1, rate429: 0, resetBeforeCommitRate: 0, resetAfterCommitRate: 0 } });
    try {
      await expect(referenceChoices(client, model, {})).rejects.toMatchObject({ status: 500 });
    } finally {
      setup.sandbox.configure({ faults: { seed: 1, rate500: 0, rate429: 0, resetBeforeCommitRate: 0, resetAfterCommitRate: 0 } });
    }
  });
});

describe('an invoice previewed from a sales order', () => {
  it('saves nothing until the form is saved, then creates the invoice from the order with the person\u2019s change', async () => {
    const model = await modelOf('invoice');
    const [customer] = await rows(`SELECT id FROM customer ORDER BY id`);
    const items = (await rows(`SELECT id FROM item ORDER BY id`)).slice(0, 2);
    const order = await client.records.create('salesOrder', { entity: { id: customer.id }, item: { items: items.map((item) => ({ item: { id: item.id }, quantity: 2, rate: 5 })) } });
    const invoices = await count('CustInvc');

    const preview = await transformPreview(client, 'salesOrder', order.id, 'invoice');
    expect(preview?.createdFrom).toMatchObject({ id: order.id });
    expect(preview?.total).toBe(20);
    const original = formValuesOf(preview!, model);
    const current = { ...structuredClone(original), memo: 'Billed from the preview' };
    expect(await count('CustInvc')).toBe(invoices);

    const outcome = await saveRecordForm({
      client,
      account: { label: 'Sandbox', readOnly: false },
      form: { recordType: 'invoice', model, original, current, transformFrom: { recordType: 'salesOrder', id: order.id } },
      keys: {},
      dialogs: { confirmWrite: async () => true, chooseOnConflict: async () => 'keepEditing' },
    });
    expect(outcome.status).toBe('saved');
    const createdId = outcome.status === 'saved' ? outcome.createdId! : '';
    const invoice = await client.records.get('invoice', createdId);
    expect(invoice.createdFrom).toMatchObject({ id: order.id });
    expect(invoice.memo).toBe('Billed from the preview');
    expect(invoice.total).toBe(20);
    expect(await count('CustInvc')).toBe(String(Number(invoices) + 1));
    expect(((await client.records.get('salesOrder', order.id)).status as { refName: string }).refName).toBe('Billed');
  });
});

describe('items on a transaction form', () => {
  it('are named by display name and SKU on loaded lines, and found by either in the picker', async () => {
    const model = await modelOf('salesOrder');
    const [item] = await rows(`SELECT id, itemid, displayname FROM item WHERE displayname IS NOT NULL ORDER BY id`);
    const [customer] = await rows(`SELECT id FROM customer ORDER BY id`);
    const order = await client.records.create('salesOrder', { entity: { id: customer.id }, item: { items: [{ item: { id: item.id }, quantity: 1, rate: 3 }] } });
    const loaded = await loadRecord(client, 'salesOrder', order.id, model);
    expect((loaded.current.item as unknown as { items: Array<{ item: { refName: string } }> }).items[0].item.refName).toBe(`${item.displayname} (${item.itemid})`);
    expect(loaded.original).toEqual(loaded.current);
    const byDisplayName = await searchReferences(client, 'inventoryItem', item.displayname.split(' ')[1]);
    expect(byDisplayName.find((candidate) => candidate.id === String(item.id))?.refName).toBe(`${item.displayname} (${item.itemid})`);
  });
});
