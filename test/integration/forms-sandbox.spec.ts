import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NetSuiteClient } from '../../src/netsuite/client';
import { isNetSuiteError } from '../../src/netsuite/errors';
import { placeErrors } from '../../src/vscode/forms/model/fieldErrors';
import { buildFormModel, type FormModel } from '../../src/vscode/forms/model/formModel';
import { validateWrite } from '../../src/vscode/forms/model/formValidation';
import { createPlan, formValuesOf, patchPlan } from '../../src/vscode/forms/model/formValues';
import { searchReferences } from '../../src/vscode/forms/referenceSearch';
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
