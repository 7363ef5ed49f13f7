import { describe, expect, it } from 'vitest';
import type { FieldModel, FormModel, FormValues } from '../../src/protocol/formModel';
import { recalculate } from '../../src/protocol/formTotals';

const field = (id: string, kind: FieldModel['kind'] = 'number', readOnly = false): FieldModel => ({ id, title: id, kind, readOnly, custom: false });
const salesOrder: FormModel = {
  recordType: 'salesOrder',
  fields: [field('entity', 'reference'), field('subtotal', 'number', true), field('total', 'number', true)],
  sublists: [{ id: 'item', title: 'Items', columns: [field('item', 'reference'), field('quantity'), field('rate'), field('amount')] }],
};

describe('live amounts on a transaction form', () => {
  it('sets a line amount to quantity × rate and the subtotal and total to the sum of lines as each is typed', () => {
    const values: FormValues = { item: { items: [{ quantity: 3, rate: 10.5 }, { quantity: 2, amount: 7 }] } };
    expect(recalculate(salesOrder, values, 'item.items[0].rate')).toEqual(['item.items[0].amount', 'subtotal', 'total']);
    expect(values).toMatchObject({ subtotal: 38.5, total: 38.5, item: { items: [{ amount: 31.5 }, { amount: 7 }] } });
    (values.item as { items: Array<Record<string, number>> }).items[1].rate = 0.333;
    expect(recalculate(salesOrder, values, 'item.items[1].rate')).toEqual(['item.items[1].amount', 'subtotal', 'total']);
    expect(values).toMatchObject({ subtotal: 32.17, total: 32.17, item: { items: [{ amount: 31.5 }, { amount: 0.67 }] } });
  });

  it('adds tax where the record carries a tax total, and leaves a line without both numbers alone', () => {
    const values: FormValues = { taxTotal: 5, item: { items: [{ quantity: 2, rate: 10 }, { quantity: 1 }] } };
    recalculate(salesOrder, values, 'item.items[0].quantity');
    expect(values.subtotal).toBe(20);
    expect(values.total).toBe(25);
    expect(recalculate(salesOrder, values, 'item.items[1].quantity')).toEqual([]);
    expect((values.item as { items: Array<Record<string, unknown>> }).items[1].amount).toBeUndefined();
  });

  it('follows a removed line, and changes nothing on a record without amounts', () => {
    const values: FormValues = { subtotal: 30, total: 30, item: { items: [{ quantity: 1, rate: 10, amount: 10 }] } };
    expect(recalculate(salesOrder, values, 'item.items[1]')).toEqual(['subtotal', 'total']);
    expect(values.total).toBe(10);
    const customer: FormModel = { recordType: 'customer', fields: [field('companyName', 'text')], sublists: [] };
    const plain: FormValues = { companyName: 'Acme' };
    expect(recalculate(customer, plain, 'companyName')).toEqual([]);
    expect(plain).toEqual({ companyName: 'Acme' });
  });
});
