/**
 * SuiteQL tables and columns that public queries (connectors, blog posts, admin tools) read and the record
 * definitions do not carry, so a demo user who types what completion offers gets rows, not "Unknown identifier":
 * - columns NetSuite's analytics tables have beside the REST fields (`account.fullname`, `transaction.voided`,
 *   `entity.isperson`, `employee.giveaccess`, `item.fullname`, …), computed from the record;
 * - the account's customization metadata (`customfield`, `customlist`, `customrecordtype`), from the definitions;
 * - `deletedrecord` (empty until the sandbox tracks deletions), `loginaudit` and `employeerolesforsearch` for the
 *   employees, `entityaddress` for customers' address books, `nexttransactionlink` from each invoice to the order it
 *   was created from, and item stock and vendors.
 * Column names follow NetSuite's Records Catalog; values are the demo's own.
 */
import type { RecordTypeDefinition, StoredRecord } from '../model/recordTypes';
import type { SuiteQLCellValue } from './rows';
import type { SuiteQLColumn, SuiteQLTable } from './tables';

const column = (name: string, type: SuiteQLColumn['type'], extra: Partial<SuiteQLColumn> = {}): SuiteQLColumn => ({ name, type, ...extra });
const flag = (name: string) => column(name, 'text', { boolean: true });
const person = { table: 'employee', displayColumn: 'entityid' };

function referenceId(value: unknown): number | null {
  const id = typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : value;
  const numeric = Number(id);
  return id !== undefined && id !== null && id !== '' && Number.isFinite(numeric) ? numeric : null;
}

const text = (value: unknown): SuiteQLCellValue => (typeof value === 'string' ? value : null);

/** Columns a table gains, with their values computed from the record feeding a row. */
export interface ExtraColumns {
  columns: SuiteQLColumn[];
  values: (definition: RecordTypeDefinition, record: StoredRecord) => Record<string, SuiteQLCellValue>;
}

export const extraColumnsByTable: Record<string, ExtraColumns> = {
  account: {
    columns: [column('fullname', 'text'), flag('issummary')],
    values: (_definition, record) => ({ fullname: text(record.fields.acctName), issummary: 'F' }),
  },
  customer: {
    // representingsubsidiary: the subsidiary an intercompany customer stands for; the demo has one subsidiary.
    columns: [column('searchstage', 'text'), flag('oncredithold'), column('representingsubsidiary', 'integer', { references: { table: 'subsidiary', displayColumn: 'name' } })],
    values: () => ({ searchstage: 'Customer', oncredithold: 'F', representingsubsidiary: null }),
  },
  vendor: {
    columns: [column('representingsubsidiary', 'integer', { references: { table: 'subsidiary', displayColumn: 'name' } })],
    values: () => ({ representingsubsidiary: null }),
  },
  employee: {
    columns: [flag('giveaccess')],
    values: (_definition, record) => ({ giveaccess: record.fields.isInactive === true ? 'F' : 'T' }),
  },
  entity: {
    columns: [flag('isperson')],
    values: (definition, record) => ({ isperson: record.fields.isPerson === true || definition.id === 'employee' || definition.id === 'contact' ? 'T' : 'F' }),
  },
  item: {
    // parent: the item a sub-item or matrix child sits under; the demo's items are all top level.
    // quantityonhand/quantityavailable: the item's stock over all locations (the demo keeps one figure per item).
    columns: [
      column('fullname', 'text'),
      column('parent', 'integer', { references: { table: 'item', displayColumn: 'itemid' } }),
      column('matrixtype', 'text'),
      column('quantityonhand', 'numeric'),
      column('quantityavailable', 'numeric'),
    ],
    values: (_definition, record) => {
      const stock = Number(record.fields.quantityOnHand);
      const quantity = Number.isFinite(stock) ? stock : null;
      return { fullname: text(record.fields.itemId), parent: null, matrixtype: null, quantityonhand: quantity, quantityavailable: quantity };
    },
  },
  transaction: {
    columns: [flag('voided'), flag('void'), column('closedate', 'date')],
    values: () => ({ voided: 'F', void: 'F', closedate: null }),
  },
};

/** The customization metadata of the demo account: its custom record type, lists and fields. */
function customizationTables(definitions: readonly RecordTypeDefinition[]): SuiteQLTable[] {
  const customTypes = definitions.filter((definition) => definition.family === 'custom');
  const customFields = definitions.flatMap((definition) =>
    definition.fields
      .filter((field) => /^cust(body|entity|record|col|item)_/i.test(field.id))
      .map((field) => ({ definition, field })),
  );
  const listFields = customFields.filter(({ field }) => field.kind === 'enum');
  const stamp = '2024-01-02T09:00:00.000Z';
  const metadata = (name: string, columns: SuiteQLColumn[], rows: Record<string, SuiteQLCellValue>[]): SuiteQLTable => ({
    name,
    columns,
    primaryKey: ['internalid'],
    displayColumn: 'name',
    feeds: [],
    guardedBy: [],
    fixedRows: rows,
  });
  const common = [column('internalid', 'integer'), column('scriptid', 'text'), column('name', 'text'), column('owner', 'integer', { references: person }), flag('isinactive'), column('lastmodifieddate', 'timestamp')];
  return [
    metadata(
      'customrecordtype',
      [...common, column('description', 'text'), flag('allowattachments')],
      customTypes.map((definition, index) => ({ internalid: 1 + index, scriptid: definition.id.toUpperCase(), name: definition.label, owner: 1, isinactive: 'F', lastmodifieddate: stamp, description: null, allowattachments: 'F' })),
    ),
    metadata(
      'customlist',
      [...common, column('description', 'text'), flag('isordered')],
      listFields.map(({ field }, index) => ({ internalid: 100 + index, scriptid: `CUSTOMLIST_${field.id.toUpperCase()}`, name: field.label, owner: 1, isinactive: 'F', lastmodifieddate: stamp, description: null, isordered: 'T' })),
    ),
    metadata(
      'customfield',
      [...common, column('fieldtype', 'text'), column('fieldvaluetype', 'text'), column('label', 'text'), column('description', 'text')],
      customFields.map(({ field }, index) => ({
        internalid: 200 + index,
        scriptid: field.id.toUpperCase(),
        name: field.label,
        label: field.label,
        owner: 1,
        isinactive: 'F',
        lastmodifieddate: stamp,
        description: null,
        fieldtype: fieldTypeOf(field.id),
        fieldvaluetype: field.kind === 'enum' ? 'List/Record' : field.kind === 'reference' ? 'List/Record' : field.kind === 'boolean' ? 'Check Box' : field.kind === 'date' ? 'Date' : 'Free-Form Text',
      })),
    ),
  ];
}

function fieldTypeOf(id: string): string {
  const prefix = /^cust(body|entity|record|col|item)_/i.exec(id)?.[1]?.toLowerCase();
  return { body: 'BODY', entity: 'ENTITY', record: 'RECORD', col: 'COLUMN', item: 'ITEM' }[prefix ?? 'body'] ?? 'BODY';
}

interface DerivedTableSpec {
  name: string;
  columns: SuiteQLColumn[];
  /** The record type whose records feed the rows (and whose view permission shows them). */
  recordType: string;
  /** The table and column that hold the feeding record's id: its rows are replaced on each write. */
  parent: { table: string; column: string };
  derive: (record: StoredRecord) => Record<string, SuiteQLCellValue>[];
}

function derivedTable(spec: DerivedTableSpec): SuiteQLTable {
  return {
    name: spec.name,
    columns: spec.columns,
    primaryKey: [],
    displayColumn: spec.parent.column,
    feeds: [{ recordType: spec.recordType, kind: 'derived', fixedValues: {}, derive: spec.derive }],
    guardedBy: [spec.recordType.toLowerCase()],
    parent: spec.parent,
  };
}

const roleOf = (record: StoredRecord) => (Number(record.id) % 10 === 0 ? 3 : 1001);
const roleColumn = () => column('role', 'integer', { references: { table: 'role', displayColumn: 'name' } });
const itemColumn = () => column('item', 'integer', { references: { table: 'item', displayColumn: 'itemid' } });
const transactionColumn = (name: string) => column(name, 'integer', { references: { table: 'transaction', displayColumn: 'tranid' } });

/** Tables fed per record by the employees, invoices and inventory items, kept in step with their writes. */
function derivedTables(definitions: readonly RecordTypeDefinition[]): SuiteQLTable[] {
  const has = (id: string) => definitions.some((definition) => definition.id === id);
  const tables: SuiteQLTable[] = [];
  if (has('employee')) {
    tables.push(
      // Every tenth employee administers the demo; the rest run as the narrow role.
      derivedTable({
        name: 'employeerolesforsearch',
        columns: [column('entity', 'integer', { references: person }), roleColumn()],
        recordType: 'employee',
        parent: { table: 'employee', column: 'entity' },
        derive: (record) => [{ entity: Number(record.id), role: roleOf(record) }],
      }),
      // One successful login per active employee, at their record's last change.
      derivedTable({
        name: 'loginaudit',
        columns: [column('user', 'integer', { references: person }), column('date', 'timestamp'), column('status', 'text'), roleColumn(), column('ipaddress', 'text'), column('requesturi', 'text')],
        recordType: 'employee',
        parent: { table: 'employee', column: 'user' },
        derive: (record) =>
          record.fields.isInactive === true
            ? []
            : [{ user: Number(record.id), date: record.lastModifiedDate, status: 'Success', role: roleOf(record), ipaddress: '127.0.0.1', requesturi: '/app/center/card.nl' }],
      }),
    );
  }
  if (has('customer')) {
    // A customer's address book lines, each address once (the sandbox keeps them on the line itself).
    tables.push(
      derivedTable({
        name: 'entityaddress',
        columns: [
          column('nkey', 'integer'),
          column('recordowner', 'integer', { references: { table: 'customer', displayColumn: 'entityid' } }),
          ...['addressee', 'attention', 'addr1', 'addr2', 'addr3', 'city', 'state', 'zip', 'country', 'addrphone', 'addrtext'].map((name) => column(name, 'text')),
        ],
        recordType: 'customer',
        parent: { table: 'customer', column: 'recordowner' },
        derive: (record) =>
          (record.sublists.addressBook ?? []).map((line, index) => {
            const nested = line.addressBookAddress;
            const address = (typeof nested === 'object' && nested !== null ? nested : line) as Record<string, unknown>;
            const country = typeof address.country === 'object' && address.country !== null ? (address.country as { id?: unknown }).id : address.country;
            return {
              nkey: Number(record.id) * 100 + Number(line.internalId ?? index + 1),
              recordowner: Number(record.id),
              addressee: text(address.addressee),
              attention: text(address.attention),
              addr1: text(address.addr1),
              addr2: text(address.addr2),
              addr3: null,
              city: text(address.city),
              state: text(address.state),
              zip: text(address.zip),
              country: text(country),
              addrphone: text(address.addrPhone),
              addrtext: text(address.addrText),
            };
          }),
      }),
    );
  }
  if (has('invoice')) {
    tables.push(
      derivedTable({
        name: 'nexttransactionlink',
        columns: [transactionColumn('previousdoc'), transactionColumn('nextdoc'), column('previoustype', 'text'), column('nexttype', 'text'), column('linktype', 'text'), column('linkdate', 'date'), column('foreignamount', 'numeric')],
        recordType: 'invoice',
        parent: { table: 'transaction', column: 'nextdoc' },
        derive: (record) => {
          const order = referenceId(record.fields.createdFrom);
          if (order === null) return [];
          const total = Number(record.fields.total);
          return [{ previousdoc: order, nextdoc: Number(record.id), previoustype: 'SalesOrd', nexttype: 'CustInvc', linktype: 'OrdBill', linkdate: text(record.fields.tranDate), foreignamount: Number.isFinite(total) ? total : null }];
        },
      }),
    );
  }
  if (has('inventoryItem')) {
    const quantity = (record: StoredRecord) => (Number.isFinite(Number(record.fields.quantityOnHand)) ? Number(record.fields.quantityOnHand) : 0);
    tables.push(
      // Each item's stock at its own location (or the first), all of it available.
      derivedTable({
        name: 'inventoryitemlocations',
        columns: [
          itemColumn(),
          column('location', 'integer', { references: { table: 'location', displayColumn: 'name' } }),
          column('quantityonhand', 'numeric'),
          column('quantityavailable', 'numeric'),
          column('quantitycommitted', 'numeric'),
          column('averagecostmli', 'numeric'),
        ],
        recordType: 'inventoryItem',
        parent: { table: 'item', column: 'item' },
        derive: (record) => [
          { item: Number(record.id), location: referenceId(record.fields.location) ?? 1, quantityonhand: quantity(record), quantityavailable: quantity(record), quantitycommitted: 0, averagecostmli: Number(record.fields.averageCost) || null },
        ],
      }),
      derivedTable({
        name: 'itemvendor',
        columns: [itemColumn(), column('vendor', 'integer', { references: { table: 'vendor', displayColumn: 'entityid' } }), flag('preferredvendor'), column('purchaseprice', 'numeric'), column('vendorcode', 'text')],
        recordType: 'inventoryItem',
        parent: { table: 'item', column: 'item' },
        derive: (record) => {
          const vendor = referenceId(record.fields.vendor);
          return vendor === null ? [] : [{ item: Number(record.id), vendor, preferredvendor: 'T', purchaseprice: Number(record.fields.cost) || null, vendorcode: text(record.fields.vendorName) }];
        },
      }),
    );
  }
  const transactionTypes = definitions.filter((definition) => definition.family === 'transaction').map((definition) => definition.id);
  if (transactionTypes.length > 0) tables.push(systemNotes(transactionTypes));
  if (has('customer') && has('employee')) tables.push(supportCases());
  tables.push(
    emptyTable('partner', [
      column('id', 'integer'),
      column('entityid', 'text'),
      column('companyname', 'text'),
      column('email', 'text'),
      column('phone', 'text'),
      flag('isinactive'),
      column('subsidiary', 'integer', { references: { table: 'subsidiary', displayColumn: 'name' } }),
      column('datecreated', 'timestamp'),
      column('lastmodifieddate', 'timestamp'),
    ]),
    // Tracking numbers belong to fulfillments, which the demo does not make: the tables are there, empty.
    emptyTable('trackingnumber', [column('id', 'integer'), column('trackingnumber', 'text'), column('carrier', 'text')]),
    emptyTable('trackingnumbermap', [transactionColumn('transaction'), column('trackingnumber', 'integer', { references: { table: 'trackingnumber', displayColumn: 'trackingnumber' } })]),
    emptyTable('itemmember', [column('parentitem', 'integer'), column('item', 'integer'), column('quantity', 'numeric'), column('linenumber', 'integer'), column('memberunit', 'text')]),
    emptyTable('transactionshipment', [column('doc', 'integer'), column('shippingmethod', 'integer'), column('weight', 'numeric'), column('shippingrate', 'numeric')]),
    emptyTable('previoustransactionlinelink', [
      column('previousdoc', 'integer'),
      column('previousline', 'integer'),
      column('previoustype', 'text'),
      column('nextdoc', 'integer'),
      column('nextline', 'integer'),
      column('nexttype', 'text'),
      column('linktype', 'text'),
      column('foreignamount', 'numeric'),
    ]),
  );
  tables.push({
    name: 'mediaitemfolder',
    columns: [column('id', 'integer'), column('name', 'text'), column('parent', 'integer', { references: { table: 'mediaitemfolder', displayColumn: 'name' } }), flag('isprivate'), column('foldertype', 'text'), column('description', 'text')],
    primaryKey: ['id'],
    displayColumn: 'name',
    feeds: [],
    guardedBy: [],
    fixedRows: [
      { id: -15, name: 'SuiteScripts', parent: null, isprivate: 'F', foldertype: 'SUITESCRIPTS', description: null },
      { id: -4, name: 'Templates', parent: null, isprivate: 'F', foldertype: 'DEFAULT', description: null },
      { id: -20, name: 'Attachments Received', parent: null, isprivate: 'F', foldertype: 'DEFAULT', description: null },
      { id: 101, name: 'Invoices', parent: -20, isprivate: 'F', foldertype: 'DEFAULT', description: 'PDFs of sent invoices' },
    ],
  });
  tables.push({
    name: 'deletedrecord',
    columns: [column('recordid', 'integer'), column('type', 'text'), column('name', 'text'), column('deleteddate', 'timestamp'), column('deletedby', 'integer', { references: person }), column('context', 'text'), column('externalid', 'text')],
    primaryKey: [],
    displayColumn: 'name',
    feeds: [],
    guardedBy: [],
    // A few deletions made before the demo's data was loaded (the sandbox does not log the ones made through it yet).
    fixedRows: [
      { recordid: 90001, type: 'customer', name: 'Old Prospect Ltd', deleteddate: '2024-03-04T10:15:00.000Z', deletedby: 1, context: 'UI', externalid: null },
      { recordid: 90002, type: 'salesorder', name: 'Sales Order #SO0099', deleteddate: '2024-05-20T16:02:00.000Z', deletedby: 1, context: 'RST', externalid: 'legacy-99' },
      { recordid: 90003, type: 'contact', name: 'Duplicate Contact', deleteddate: '2024-06-11T08:40:00.000Z', deletedby: 2, context: 'CSV', externalid: null },
    ],
  });
  return tables;
}

/**
 * System notes for every transaction write the sandbox receives: the create, and the last change when there was
 * one (NetSuite keeps one note per changed field and write; the sandbox rewrites a record's notes on each write, so
 * it keeps the first and the latest). `recordtypeid` -30 is the transaction record type in public systemnote
 * queries; field names (`TRANDOC.KSTATUS` for status) follow the ones public queries filter on. Both are thin
 * evidence: tests should not depend on more than "a write leaves a note".
 */
function systemNotes(transactionTypes: readonly string[]): SuiteQLTable {
  const derive = (record: StoredRecord): Record<string, SuiteQLCellValue>[] => {
    const note = (date: string, type: string, field: string, newvalue: SuiteQLCellValue) => ({
      recordid: Number(record.id),
      recordtypeid: -30,
      date,
      name: 1,
      field,
      oldvalue: null,
      newvalue,
      type,
      context: type === 'Create' ? 'UI' : 'RST',
      role: 3,
    });
    const notes = [note(record.createdDate, 'Create', 'TRANDOC.TRANID', text(record.fields.tranId))];
    if (record.lastModifiedDate !== record.createdDate) notes.push(note(record.lastModifiedDate, 'Change', 'TRANDOC.KSTATUS', referenceText(record.fields.status)));
    return notes;
  };
  return {
    name: 'systemnote',
    columns: [
      column('recordid', 'integer'),
      column('recordtypeid', 'integer'),
      column('date', 'timestamp'),
      column('name', 'integer', { references: person }),
      column('field', 'text'),
      column('oldvalue', 'text'),
      column('newvalue', 'text'),
      column('type', 'text'),
      column('context', 'text'),
      column('role', 'integer', { references: { table: 'role', displayColumn: 'name' } }),
    ],
    primaryKey: [],
    displayColumn: 'field',
    feeds: transactionTypes.map((recordType) => ({ recordType, kind: 'derived' as const, fixedValues: {}, derive })),
    guardedBy: transactionTypes.map((recordType) => recordType.toLowerCase()),
    parent: { table: 'transaction', column: 'recordid' },
  };
}

/** One support case for every seventh customer, assigned to an employee, most still open. */
function supportCases(): SuiteQLTable {
  const statuses: Record<string, string> = { '1': 'Not Started', '2': 'In Progress', '3': 'Escalated', '5': 'Closed' };
  return derivedTable({
    name: 'supportcase',
    columns: [
      column('id', 'integer'),
      column('casenumber', 'text'),
      column('title', 'text'),
      column('company', 'integer', { references: { table: 'customer', displayColumn: 'entityid' } }),
      column('assigned', 'integer', { references: person }),
      column('status', 'integer', { displayValues: statuses }),
      column('priority', 'integer', { displayValues: { '1': 'High', '2': 'Medium', '3': 'Low' } }),
      column('startdate', 'date'),
      column('lastmodifieddate', 'timestamp'),
    ],
    recordType: 'customer',
    parent: { table: 'customer', column: 'company' },
    derive: (record) => {
      const id = Number(record.id);
      if (id % 7 !== 0) return [];
      return [
        {
          id,
          casenumber: `CASE-${id}`,
          title: `Question from ${text(record.fields.companyName) ?? `customer ${id}`}`,
          company: id,
          assigned: (id % 3) + 1,
          status: [1, 2, 3, 5][id % 4],
          priority: (id % 3) + 1,
          startdate: record.createdDate.slice(0, 10),
          lastmodifieddate: record.lastModifiedDate,
        },
      ];
    },
  });
}

function referenceText(value: unknown): SuiteQLCellValue {
  if (typeof value === 'object' && value !== null) {
    const { refName, id } = value as { refName?: unknown; id?: unknown };
    return typeof refName === 'string' ? refName : typeof id === 'string' ? id : null;
  }
  return typeof value === 'string' ? value : null;
}

/** A table the demo has no rows for yet (no support cases, item groups or shipments), with NetSuite's columns. */
function emptyTable(name: string, columns: SuiteQLColumn[]): SuiteQLTable {
  return { name, columns, primaryKey: [], displayColumn: columns[0].name, feeds: [], guardedBy: [] };
}

export function setupTables(definitions: readonly RecordTypeDefinition[]): SuiteQLTable[] {
  return [...customizationTables(definitions), ...derivedTables(definitions)];
}
