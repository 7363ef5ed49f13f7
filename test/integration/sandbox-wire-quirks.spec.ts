/**
 * NetSuite's missing-mandatory-field refusal carries no `o:errorPath` (real captures, issue 13): the form must still
 * show it, at the top, naming the fields by their labels — and keep what the person typed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NetSuiteClient } from '../../src/netsuite/client';
import { placeErrors } from '../../src/app/forms/model/fieldErrors';
import { buildFormModel } from '../../src/app/forms/model/formModel';
import { createPlan } from '../../src/app/forms/model/formValues';
import { rejection, setUpClient, type ClientSetup } from './client-sandbox';

let setup: ClientSetup;
let client: NetSuiteClient;

beforeAll(async () => {
  setup = await setUpClient();
  client = setup.client();
}, 120_000);
afterAll(() => setup?.stop());

describe('a missing mandatory field', () => {
  it('reaches the form as a message at the top that names the field, with nothing typed lost', async () => {
    const model = await buildFormModel('customer', await client.metadata.schema('customer'), (name) => client.metadata.schema(name));
    const typed = { companyName: 'Typed But Incomplete Co', email: 'typed@example.com' };
    const plan = createPlan(typed, model);
    const error = await rejection(client.records.create('customer', plan.body));
    expect(error.errorPath).toBeUndefined();
    const placed = placeErrors(error.details, model, 'fallback');
    expect(placed.fields).toEqual([]);
    expect(placed.general).toEqual(['Error while accessing a resource. Please enter value(s) for: Primary Subsidiary']);
    // The label NetSuite names is the one the form shows for that field, so the person can find it.
    expect(model.fields.find((field) => field.id === 'subsidiary')?.title).toBe('Primary Subsidiary');
    expect(plan.body).toMatchObject(typed);
  });
});
