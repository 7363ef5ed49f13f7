import { describe, expect, it } from 'vitest';
import type { FormModel } from '../../src/protocol/formModel';
import { buildRecordView } from '../../src/app/records/recordViewModel';

const model: FormModel = {
  recordType: 'salesOrder',
  fields: [
    { id: 'tranId', title: 'Document Number', kind: 'text', readOnly: false, custom: false },
    { id: 'tranDate', title: 'Date', kind: 'date', readOnly: false, custom: false },
    { id: 'memo', title: 'Memo', kind: 'text', readOnly: false, custom: false },
    { id: 'entity', title: 'Customer', kind: 'reference', readOnly: false, custom: false, referenceType: 'customer' },
    { id: 'total', title: 'Total', kind: 'number', readOnly: true, custom: false, money: true },
    { id: 'exchangeRate', title: 'Exchange Rate', kind: 'number', readOnly: false, custom: false },
    { id: 'custbody_source', title: 'Order Source', kind: 'enum', readOnly: false, custom: true, options: ['1', '2'] },
  ],
  sublists: [
    {
      id: 'item',
      title: 'Items',
      columns: [
        { id: 'item', title: 'Item', kind: 'reference', readOnly: false, custom: false, referenceType: 'inventoryItem' },
        { id: 'description', title: 'Description', kind: 'text', readOnly: false, custom: false },
        { id: 'amount', title: 'Amount', kind: 'number', readOnly: false, custom: false, money: true },
      ],
    },
  ],
};
const record = {
  id: '7',
  tranId: 'SO7',
  tranDate: '2026-01-05',
  memo: '',
  entity: { id: '222', refName: '<b>Acme</b> & Sons' },
  total: 126861.9,
  exchangeRate: 1.25,
  custbody_source: { id: '2', refName: 'Web' },
  item: { items: [{ item: { id: '31', refName: 'Widget' }, amount: 1000 }, { item: { id: '32' }, amount: 0.5 }] },
};

describe('record view model', () => {
  it('groups like the form, labels every field, and leaves out fields without a value', () => {
    const view = buildRecordView({ model, record, id: '7', accountLabel: 'Demo', locale: 'en-US', timeZone: 'UTC' });
    expect(view.heading).toBe('SO7');
    expect(view.subheading).toBe('Sales Order · internal id 7 · Demo');
    expect(view.groups.map((g) => [g.title, g.fields.map((f) => `${f.label}: ${f.text}`)])).toEqual([
      ['Main', ['Document Number: SO7', 'Date: Jan 5, 2026', 'Customer: <b>Acme</b> & Sons', 'Total: 126,861.90', 'Exchange Rate: 1.25']],
      ['Custom fields', ['Order Source: Web']],
    ]);
  });

  it('draws sublists as tables of text, hiding columns no line fills; a reference without a name shows its id', () => {
    const [items] = buildRecordView({ model, record, id: '7', accountLabel: 'Demo', locale: 'en-US' }).sublists;
    expect(items.columns.map((c) => c.label)).toEqual(['Item', 'Amount']);
    expect(items.rows).toEqual([
      ['Widget', '1,000.00'],
      ['32', '0.50'],
    ]);
  });

  it("formats in the person's locale, and a date stays on its day west of UTC", () => {
    const view = buildRecordView({ model, record, id: '7', accountLabel: 'Demo', locale: 'de-DE', timeZone: 'America/Los_Angeles' });
    const main = Object.fromEntries(view.groups[0].fields.map((f) => [f.label, f.text]));
    expect(main.Total).toBe('126.861,90');
    expect(main.Date).toBe('05.01.2026');
  });
});
