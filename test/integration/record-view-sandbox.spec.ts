import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NetSuiteClient } from '../../src/netsuite/client';
import type { RecordView } from '../../src/protocol/recordViewMessages';
import { loadRecordView } from '../../src/app/records/recordViewModel';
import { setUpClient, type ClientSetup } from './client-sandbox';

let setup: ClientSetup;
let client: NetSuiteClient;
const shownAs = { accountLabel: 'Demo sandbox', locale: 'en-US', timeZone: 'UTC' };
const fieldsOf = (view: RecordView, group: string): Record<string, string> =>
  Object.fromEntries((view.groups.find((g) => g.title === group)?.fields ?? []).map((field) => [field.label, field.text]));

beforeAll(async () => {
  setup = await setUpClient();
  client = setup.client();
}, 120_000);
afterAll(() => setup?.stop());

describe('the read-only record view against the sandbox', () => {
  it('shows a customer as a NetSuite user reads it: labels, references by name, amounts and dates formatted', async () => {
    const { items } = await client.records.list('customer', { limit: 1 });
    const id = items[0].id;
    await client.records.patch('customer', id, { creditLimit: 126861.9 });
    const record = await client.records.get('customer', id);
    const subsidiary = record.subsidiary as { id: string; refName: string };
    const { view, name } = await loadRecordView(client, { recordType: 'customer', id }, shownAs);

    expect(view.heading).toBe(name);
    expect(view.subheading).toBe(`Customer · internal id ${id} · Demo sandbox`);
    const main = fieldsOf(view, 'Main');
    expect(main.Phone).toBe(record.phone);
    // The subsidiary by its name, never its internal id; list values (enums) by their label too.
    expect(main['Primary Subsidiary']).toBe(subsidiary.refName);
    expect(main['Primary Subsidiary']).not.toBe(subsidiary.id);
    expect(main['Email Preference']).toBe((record.emailPreference as { refName: string }).refName);
    expect(main['Credit Limit']).toBe('126,861.90');
    expect(main['Is Individual']).toMatch(/^(Yes|No)$/);
    expect(main['Start Date']).toMatch(/^[A-Z][a-z]{2} \d{1,2}, \d{4}$/);
    expect(main['Date Created']).toMatch(/^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2} [AP]M$/);
    // Labels only: no field id is shown where a label belongs.
    for (const label of Object.keys(main)) expect(['phone', 'subsidiary', 'creditLimit', 'dateCreated']).not.toContain(label);
    // Custom fields have their own group, as on the form.
    expect(view.groups.map((g) => g.title)).toEqual(['Main', 'Custom fields']);
    expect(Object.keys(main)).not.toContain('Loyalty Tier');
  });

  it('shows a sales order with its lines as a table: column labels, item names, amounts with two decimals', async () => {
    const { items } = await client.records.list('salesOrder', { limit: 1 });
    const record = await client.records.get('salesOrder', items[0].id, { expandSubResources: true });
    const lines = (record.item as { items: Record<string, unknown>[] }).items;
    const { view } = await loadRecordView(client, { recordType: 'salesOrder', id: items[0].id }, shownAs);

    expect(view.subheading).toMatch(/^Sales Order · /);
    expect(fieldsOf(view, 'Main').Customer).toBe((record.entity as { refName: string }).refName);
    const itemTable = view.sublists.find((s) => s.id === 'item')!;
    expect(itemTable.title).toBe('Items');
    const columns = itemTable.columns.map((c) => c.label);
    expect(columns).toEqual(expect.arrayContaining(['Item', 'Quantity', 'Rate', 'Amount']));
    expect(itemTable.rows).toHaveLength(lines.length);
    const cell = (row: number, label: string): string => itemTable.rows[row][columns.indexOf(label)];
    expect(cell(0, 'Item')).toBe((lines[0].item as { refName: string }).refName);
    expect(cell(0, 'Amount')).toBe(Number(lines[0].amount).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }));
    expect(cell(0, 'Amount')).toMatch(/\.\d{2}$/);
  });
});
