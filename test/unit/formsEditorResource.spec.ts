import { describe, expect, it } from 'vitest';
import { parseFormBackup, serializeFormBackup, type FormBackup } from '../../src/app/forms/formBackup';
import { formTitle, formUriParts, parseFormUri } from '../../src/app/forms/formUri';

describe('record form resources (suitelens-form:)', () => {
  it('names the tab after the record: type, id and name; a new record as New <type>', () => {
    expect(formTitle('customer', '123', 'Acme Ltd')).toBe('Customer 123 Acme Ltd');
    expect(formTitle('customer', '123', '123')).toBe('Customer 123');
    expect(formTitle('customer', '123')).toBe('Customer 123');
    expect(formTitle('salesOrder')).toBe('New Sales Order');
    expect(formTitle('salesorder', '851')).toBe('Sales Order 851');
  });

  it('puts the title last in the path (VS Code labels the tab with it) and the identity in the query', () => {
    const parts = formUriParts({ accountId: 'TSTDRV1_SB1', recordType: 'customer', id: '123', formKey: 'k1' }, 'customer 123 Acme');
    expect(parts.path).toBe('/TSTDRV1_SB1/customer/customer 123 Acme');
    expect(parseFormUri(parts)).toEqual({ accountId: 'TSTDRV1_SB1', recordType: 'customer', id: '123', formKey: 'k1' });
  });

  it('reads a new record form back without an id', () => {
    const parts = formUriParts({ accountId: 'A', recordType: 'salesOrder', formKey: 'k2' }, 'New salesOrder');
    expect(parseFormUri(parts)).toEqual({ accountId: 'A', recordType: 'salesOrder', formKey: 'k2' });
  });

  it('keeps a slash in a record name from adding a folder to the path', () => {
    const parts = formUriParts({ accountId: 'A', recordType: 'customer', id: '7', formKey: 'k' }, 'customer 7 Smith/Jones & Co');
    expect(parts.path.split('/')).toHaveLength(4);
    expect(parts.path.endsWith('customer 7 Smith∕Jones & Co')).toBe(true);
  });

  it('refuses a resource that is not a form (no form key, too short a path)', () => {
    expect(parseFormUri({ path: '/A/customer/x', query: 'id=1' })).toBeUndefined();
    expect(parseFormUri({ path: '/A', query: 'form=k' })).toBeUndefined();
  });
});

describe('record form hot-exit backups', () => {
  const backup: FormBackup = {
    version: 1,
    model: { recordType: 'customer', fields: [{ id: 'phone', title: 'Phone', kind: 'text', readOnly: false, custom: false }], sublists: [] },
    recordId: '123',
    recordName: 'Acme',
    original: { phone: '1' },
    current: { phone: '2', item: { items: [{ item: { id: '5', refName: 'Widget' }, quantity: 3 }] } },
    createKey: 'key-1',
    savedAt: 1_700_000_000_000,
  };

  it('reads back exactly what it wrote: model, loaded record, edits and the create key', () => {
    expect(parseFormBackup(serializeFormBackup(backup))).toEqual(backup);
  });

  it('keeps an unsaved transform preview a transform: its source and the preview it reverts to come back', () => {
    const preview: FormBackup = {
      ...backup,
      recordId: undefined,
      recordName: undefined,
      start: { memo: 'from the order' },
      transformFrom: { sourceType: 'salesOrder', sourceId: '42', sourceName: 'SO42' },
    };
    const restored = parseFormBackup(serializeFormBackup(preview));
    expect(restored.transformFrom).toEqual({ sourceType: 'salesOrder', sourceId: '42', sourceName: 'SO42' });
    expect(restored.start).toEqual({ memo: 'from the order' });
    expect(() => parseFormBackup(JSON.stringify({ ...preview, transformFrom: { sourceType: 'salesOrder' } }))).toThrow(/shape/);
  });

  it("keeps an edit's pending PATCH key and change, so a restored form settles that job before sending anything else", () => {
    const pendingEdit = { change: JSON.stringify([{ memo: 'x', item: { items: [{ item: { id: '5' }, quantity: 6 }] } }, []]), key: '0f8fad5b-d9cb-469f-a165-70867728950e' };
    const restored = parseFormBackup(serializeFormBackup({ ...backup, pendingEdit }));
    expect(restored.pendingEdit).toEqual(pendingEdit);
    expect(parseFormBackup(serializeFormBackup(backup)).pendingEdit).toBeUndefined();
    expect(() => parseFormBackup(JSON.stringify({ ...backup, pendingEdit: { key: pendingEdit.key } }))).toThrow(/shape/);
  });

  it('refuses text that is not a backup, saying why', () => {
    expect(() => parseFormBackup('{not json')).toThrow(/not valid JSON/);
    expect(() => parseFormBackup(JSON.stringify({ ...backup, version: 2 }))).toThrow(/shape/);
    expect(() => parseFormBackup(JSON.stringify({ ...backup, current: { phone: { nested: { deep: 1 } } } }))).toThrow(/shape/);
  });
});
