/**
 * Inventory items. SuiteQL keeps every item type in one `item` table told apart by `itemtype` (`InvtPart`); the
 * selling price lives in NetSuite's pricing matrix, so `rate` ("Price") is REST-only, as in the API browser.
 */
import type { RecordTypeDefinition } from '../../model/recordTypes';
import { checkbox, externalId, float, inactive, internalId, money, recordTimestamps, reference, text } from './fieldKit';

export const inventoryItemDefinition: RecordTypeDefinition = {
  id: 'inventoryItem',
  label: 'Inventory Item',
  family: 'item',
  suiteqlTable: 'item',
  itemTypeCode: 'InvtPart',
  nameField: 'itemId',
  uiPath: '/app/common/item/item.nl',
  fields: [
    internalId(),
    externalId(),
    text('itemId', 'Item Name/Number', { required: true, maxLength: 250 }),
    text('displayName', 'Display Name/Code', { maxLength: 250 }),
    text('salesDescription', 'Sales Description', { filterable: false }),
    text('purchaseDescription', 'Purchase Description', { filterable: false }),
    text('upcCode', 'UPC Code'),
    text('vendorName', 'Vendor Name/Code'),
    money('rate', 'Price', { column: false }),
    money('cost', 'Purchase Price'),
    money('averageCost', 'Average Cost', { readOnly: true }),
    float('quantityOnHand', 'Quantity On Hand', { readOnly: true, column: false }),
    checkbox('isTaxable', 'Taxable', { column: false }),
    reference('incomeAccount', 'Income Account', 'account'),
    reference('cogsAccount', 'COGS Account', 'account'),
    reference('assetAccount', 'Asset Account', 'account'),
    reference('vendor', 'Preferred Vendor', 'vendor', { column: false }),
    reference('department', 'Department', 'department'),
    reference('location', 'Location', 'location'),
    reference('class', 'Class', 'classification'),
    inactive(),
    ...recordTimestamps(),
  ],
  sublists: [],
};
