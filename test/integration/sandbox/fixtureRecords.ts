/**
 * A small, fixed data set for the server's own tests, so assertions can name exact records; the generated demo
 * data is exercised separately. Includes the hostile-but-legal names NetSuite accounts really contain.
 */
import type { StoredRecord } from '../../../src/sandbox/model/recordTypes';

const stamp = '2024-01-15T10:00:00Z';

function record(type: string, id: string, fields: Record<string, unknown>, extra: Partial<StoredRecord> = {}): StoredRecord {
  return { type, id, fields, sublists: {}, createdDate: stamp, lastModifiedDate: stamp, ...extra };
}

export const hostileNames = ["O'Brien & Sons", 'Zoë Ålander GmbH 東京', '<img src=x onerror=alert(1)>', 'Say "hello", world'];

/** 25 customers (ids 100–124): names, emails, balances and dates chosen so `q` filters have exact answers. */
function customers(): StoredRecord[] {
  return Array.from({ length: 25 }, (_, index) => {
    const id = String(100 + index);
    const companyName = hostileNames[index] ?? `Customer ${index}`;
    return record(
      'customer',
      id,
      {
        entityId: `CUST${index}`,
        companyName,
        email: index % 2 === 0 ? `buyer${index}@example.com` : `sales${index}@example.org`,
        subsidiary: { id: '1' },
        currency: { id: '1' },
        isPerson: index % 5 === 0,
        isInactive: false,
        balance: index * 10.5,
        startDate: `2024-01-${String(index + 1).padStart(2, '0')}`,
        emailPreference: { id: index % 3 === 0 ? 'PDF' : 'HTML' },
        entityStatus: { id: '13', refName: 'CUSTOMER-Closed Won' },
      },
      {
        createdDate: `2024-01-${String(index + 1).padStart(2, '0')}T09:30:00Z`,
        lastModifiedDate: `2024-02-${String(index + 1).padStart(2, '0')}T09:30:00Z`,
        ...(index === 3 ? { externalId: 'EXT-3' } : {}),
        sublists:
          index === 0
            ? {
                addressBook: [
                  { internalId: 1, label: 'Billing', addr1: '1 Main St', city: 'Dublin', country: { id: 'IE' }, defaultBilling: true },
                  { internalId: 2, label: 'Shipping', addr1: '2 Dock Rd', city: 'Cork', country: { id: 'IE' }, defaultShipping: true },
                ],
              }
            : {},
      },
    );
  });
}

export function fixtureRecords(): StoredRecord[] {
  return [
    record('currency', '1', { name: 'USA', symbol: 'USD', exchangeRate: 1 }),
    record('subsidiary', '1', { name: 'Honeycomb Mfg.', currency: { id: '1' } }),
    ...customers(),
    record('inventoryItem', '200', { itemId: 'WIDGET-1', displayName: 'Widget', rate: 10 }),
    record('inventoryItem', '201', { itemId: 'GADGET-2', displayName: 'Gadget', rate: 25 }),
    record(
      'salesOrder',
      '300',
      { tranId: 'SO300', tranDate: '2024-03-01', entity: { id: '100' }, subsidiary: { id: '1' }, currency: { id: '1' }, memo: 'First order', total: 70 },
      {
        sublists: {
          item: [
            { line: 1, item: { id: '200' }, quantity: 2, rate: 10, amount: 20 },
            { line: 2, item: { id: '201' }, quantity: 2, rate: 25, amount: 50 },
          ],
        },
      },
    ),
  ];
}
