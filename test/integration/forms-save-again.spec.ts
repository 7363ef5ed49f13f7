/**
 * "Save again" on a record form after a save that failed or whose answer was lost, against the sandbox over real
 * HTTP: a retried write never applies twice, and the form keeps every edit NetSuite does not have.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { NetSuiteClient } from '../../src/netsuite/client';
import type { SandboxFaults } from '../../src/sandbox/options';
import { buildFormModel, type FormModel } from '../../src/app/forms/model/formModel';
import { formValuesOf, type FormValues, type LineValues } from '../../src/app/forms/model/formValues';
import { loadRecord, saveRecordForm, type SavedForm, type SaveKeys, type SaveOutcome } from '../../src/app/forms/saveRecordForm';
import { parseFormBackup, serializeFormBackup } from '../../src/app/forms/formBackup';
import { firstId, setUpClient, type ClientSetup } from './client-sandbox';

let setup: ClientSetup;
let client: NetSuiteClient;
/** Gives up on a job after 300 ms, so a job the sandbox keeps pending for 1.5 s loses its answer. */
let hasty: NetSuiteClient;
let model: FormModel;
let customerId: string;
let itemId: string;

const noFaults: SandboxFaults = { seed: 1, rate500: 0, rate429: 0, resetBeforeCommitRate: 0, resetAfterCommitRate: 0 };
const slowJobs = () => setup.sandbox.configure({ latency: { perRequestMs: 0, perRowMs: 0, asyncJobMs: 1500 } });
const fastJobs = () => setup.sandbox.configure({ latency: { perRequestMs: 0, perRowMs: 0, asyncJobMs: 0 } });

beforeAll(async () => {
  setup = await setUpClient();
  client = setup.client();
  hasty = setup.client({ asyncJobPolling: { firstDelayMs: 20, maxDelayMs: 60, limitMs: 300 } });
  model = await buildFormModel('salesOrder', await client.metadata.schema('salesOrder'), (name) => client.metadata.schema(name));
  [customerId, itemId] = await Promise.all([firstId(client, 'customer'), firstId(client, 'item')]);
}, 120_000);
afterAll(() => setup?.stop());
beforeEach(() => {
  setup.sandbox.configure({ faults: noFaults });
  fastJobs();
});

/** The form's Save with the keys the form keeps between attempts, answering yes to every question. */
function save(form: SavedForm, keys: SaveKeys, via: NetSuiteClient = client): Promise<SaveOutcome> {
  return saveRecordForm({
    client: via,
    account: { label: 'Sandbox', readOnly: false },
    form,
    keys,
    dialogs: { confirmWrite: async () => true, chooseOnConflict: async () => 'overwrite' },
  });
}

async function ordersWithMemo(memo: string): Promise<string[]> {
  const page = await client.queryPage(`SELECT id FROM transaction WHERE memo = '${memo}' ORDER BY id`);
  return page.rows.map((row) => String(row.raw.id));
}

function newOrder(memo: string, item: string): SavedForm {
  const values: FormValues = { entity: { id: customerId }, memo, item: { items: [{ item: { id: item }, quantity: 1, rate: 10 }] } };
  return { recordType: 'salesOrder', model, original: {}, current: values };
}

describe('Save again after a refused create', () => {
  it('after NetSuite refused the first try and the fixed try lost its answer, Save again makes one record', async () => {
    const keys: SaveKeys = {};
    const refused = await save(newOrder('Save Again Fixed Item SO', '999999'), keys);
    expect(refused.status).toBe('notSaved');
    slowJobs();
    const lost = await save(newOrder('Save Again Fixed Item SO', itemId), keys, hasty);
    expect(lost.status).toBe('notSaved');
    const again = await save(newOrder('Save Again Fixed Item SO', itemId), keys);
    expect(again.status).toBe('saved');
    await new Promise((resolve) => setTimeout(resolve, 1600));
    expect(await ordersWithMemo('Save Again Fixed Item SO')).toHaveLength(1);
  });

  it('a cancelled wait for the fixed try, then Save again, makes one record', async () => {
    const keys: SaveKeys = {};
    await save(newOrder('Save Again Cancelled SO', '999999'), keys);
    slowJobs();
    const controller = new AbortController();
    const cancelling = setup.client({ asyncJobPolling: { firstDelayMs: 20, maxDelayMs: 60 } });
    const since = setup.sandbox.requestLog.lastSeq;
    const pending = saveRecordForm({
      client: { records: { create: (type, body, options) => cancelling.records.create(type, body, { ...options, signal: controller.signal }) } as NetSuiteClient['records'], queryPage: client.queryPage.bind(client) },
      account: { label: 'Sandbox', readOnly: false },
      form: newOrder('Save Again Cancelled SO', itemId),
      keys,
      dialogs: { confirmWrite: async () => true, chooseOnConflict: async () => 'overwrite' },
    });
    await expect.poll(() => setup.sandbox.requestLog.list({ since, method: 'POST' }).filter((entry) => entry.status === 202).length, { timeout: 10_000, interval: 20 }).toBe(1);
    controller.abort();
    expect((await pending).status).toBe('notSaved');
    expect((await save(newOrder('Save Again Cancelled SO', itemId), keys)).status).toBe('saved');
    await new Promise((resolve) => setTimeout(resolve, 1600));
    expect(await ordersWithMemo('Save Again Cancelled SO')).toHaveLength(1);
  });
});

describe('Save again after a create whose answer was lost', () => {
  it('keeps an edit made since as an unsaved edit of the record the first try made, and the next save sends it', async () => {
    const keys: SaveKeys = {};
    slowJobs();
    const lost = await save(newOrder('Lost Create v1', itemId), keys, hasty);
    expect(lost.status).toBe('notSaved');
    const edited = newOrder('Lost Create v2', itemId);
    const again = await save(edited, keys);
    expect(again.status).toBe('notSaved');
    if (again.status !== 'notSaved') return;
    const [made] = await ordersWithMemo('Lost Create v1');
    expect(again.createdId).toBe(made);
    expect(again.reason).toContain(`already created salesOrder ${made}`);
    expect(again.reason).toContain('Memo');
    const shown = again.shown!.record;
    expect(shown).toMatchObject({ recordId: made, original: { memo: 'Lost Create v1' }, current: { memo: 'Lost Create v2' } });
    const next = await save({ recordType: 'salesOrder', model, recordId: shown.recordId, original: shown.original, current: shown.current }, keys);
    expect(next).toMatchObject({ status: 'saved', notice: 'Saved: Memo.' });
    expect((await client.records.get('salesOrder', made)).memo).toBe('Lost Create v2');
    expect(await ordersWithMemo('Lost Create v1')).toEqual([]);
  });

  it('does the same for an invoice made from its order: the later edit stays as an unsaved edit of the invoice', async () => {
    const invoiceModel = await buildFormModel('invoice', await client.metadata.schema('invoice'), (name) => client.metadata.schema(name));
    const order = await client.records.create('salesOrder', { entity: { id: customerId }, item: { items: [{ item: { id: itemId }, quantity: 2, rate: 5 }] } });
    const preview = formValuesOf((await client.forms.transformForm('salesOrder', order.id, 'invoice'))!, invoiceModel);
    const invoiceForm = (memo: string, quantity: number): SavedForm => {
      const current: FormValues = { ...structuredClone(preview), memo };
      (current.item as { items: Record<string, unknown>[] }).items[0].quantity = quantity;
      return { recordType: 'invoice', model: invoiceModel, original: preview, current, transformFrom: { recordType: 'salesOrder', id: order.id } };
    };
    const keys: SaveKeys = {};
    slowJobs();
    expect((await save(invoiceForm('Lost Transform v1', 1), keys, hasty)).status).toBe('notSaved');
    const again = await save(invoiceForm('Lost Transform v2', 2), keys);
    expect(again).toMatchObject({ status: 'notSaved', createdId: expect.any(String), reason: expect.stringContaining('Your later changes (Memo, Items)') });
    if (again.status !== 'notSaved') return;
    expect(again.shown!.record).toMatchObject({ original: { memo: 'Lost Transform v1' }, current: { memo: 'Lost Transform v2' } });
    const quantities = (values: FormValues) => (values.item as { items: Record<string, unknown>[] }).items.map((line) => line.quantity);
    expect([quantities(again.shown!.record.original), quantities(again.shown!.record.current)]).toEqual([[1], [2]]);
    const shown = again.shown!.record;
    expect(await save({ recordType: 'invoice', model: invoiceModel, recordId: shown.recordId, original: shown.original, current: shown.current }, keys)).toMatchObject({ status: 'saved' });
    const invoice = formValuesOf(await client.records.get('invoice', again.createdId!, { expandSubResources: true }), invoiceModel);
    expect([invoice.memo, quantities(invoice)]).toEqual(['Lost Transform v2', [2]]);
  });

  it('reports Created when the body is the one sent before', async () => {
    const keys: SaveKeys = {};
    slowJobs();
    expect((await save(newOrder('Lost Create Same', itemId), keys, hasty)).status).toBe('notSaved');
    const again = await save(newOrder('Lost Create Same', itemId), keys);
    expect(again).toMatchObject({ status: 'saved', notice: expect.stringMatching(/^Created salesOrder \d+/) });
    expect(await ordersWithMemo('Lost Create Same')).toHaveLength(1);
  });
});

describe('a save of an edit whose answer was lost', () => {
  /** A fresh order with item lines, opened as the form opens it (items named "Display Name (SKU)"). */
  async function openOrder(memo: string): Promise<SavedForm> {
    const { id } = await client.records.create('salesOrder', { entity: { id: customerId }, memo, item: { items: [{ item: { id: itemId }, quantity: 1, rate: 10 }] } });
    const loaded = await loadRecord(client, 'salesOrder', id, model);
    return { recordType: 'salesOrder', model, recordId: id, original: loaded.original, current: { ...loaded.current, memo: `${memo} (mine)` } };
  }

  it('a PATCH NetSuite refused leaves nothing pending: the corrected save is sent at once, under a new key', async () => {
    const form = await openOrder('Refused Edit SO');
    const [line] = (form.current.item as { items: LineValues[] }).items;
    const keys: SaveKeys = {};
    // A line naming an item that does not exist: NetSuite's job refuses the whole PATCH, nothing changes.
    form.current = { ...form.current, item: { items: [line, { item: { id: '99999999' }, quantity: 2, rate: 1 }] } };
    expect(await save(form, keys)).toMatchObject({ status: 'notSaved' });
    expect(keys.edit).toBeUndefined();
    form.current = { ...form.current, item: { items: [line, { item: { id: itemId }, quantity: 4, rate: 2 }] } };
    expect(await save(form, keys)).toMatchObject({ status: 'saved', notice: expect.not.stringContaining('earlier save') });
    const saved = await client.records.get('salesOrder', form.recordId!, { expandSubResources: true });
    expect((saved.item as { items: { quantity: number }[] }).items.map((each) => each.quantity)).toEqual([1, 4]);
    expect(saved.memo).toBe('Refused Edit SO (mine)');
  });

  it('keeps the edits when the PATCH never reached NetSuite, and says NetSuite does not have them', async () => {
    const form = await openOrder('Lost Edit Before Commit SO');
    setup.sandbox.configure({ faults: { ...noFaults, resetBeforeCommitRate: 1 } });
    const outcome = await save(form, {}, setup.client({ backoff: { maxAttempts: 1 } }));
    setup.sandbox.configure({ faults: noFaults });
    expect(outcome).toMatchObject({ status: 'notSaved', reason: expect.stringContaining('NetSuite does not have the change') });
    expect(outcome.status === 'notSaved' && outcome.shown).toBeFalsy();
    expect((await client.records.get('salesOrder', form.recordId!)).memo).toBe('Lost Edit Before Commit SO');
  });

  it('says Saved when the PATCH was applied though its answer was lost, lines named by their items included', async () => {
    const form = await openOrder('Lost Edit After Commit SO');
    const [line] = (form.current.item as { items: Record<string, unknown>[] }).items;
    expect(line.item).toMatchObject({ refName: expect.stringContaining('(') });
    form.current = { ...form.current, item: { items: [{ ...line, quantity: 4 }, { item: { id: itemId }, quantity: 2, rate: 3 }] } };
    setup.sandbox.configure({ faults: { ...noFaults, resetAfterCommitRate: 1 } });
    const outcome = await save(form, {}, setup.client({ backoff: { maxAttempts: 1 } }));
    setup.sandbox.configure({ faults: noFaults });
    expect(outcome).toMatchObject({ status: 'saved', notice: expect.stringContaining('the record in NetSuite has your change. Saved: Memo, Items.') });
    expect(outcome.status === 'saved' && outcome.record.current.memo).toBe('Lost Edit After Commit SO (mine)');
    const lines = (await client.records.get('salesOrder', form.recordId!, { expandSubResources: true })).item as { items: { quantity: number }[] };
    expect(lines.items.map((saved) => saved.quantity)).toEqual([4, 2]);
  });


  it('says a slow job may still apply a new line, and Save again unchanged adds it once', async () => {
    const form = await openOrder('Lost Edit Slow Job SO');
    const [line] = (form.current.item as { items: LineValues[] }).items;
    form.current = { ...form.current, item: { items: [line, { item: { id: itemId }, quantity: 6, rate: 3 }] } };
    const keys: SaveKeys = {};
    slowJobs();
    const lost = await save(form, keys, hasty);
    expect(lost).toMatchObject({ status: 'notSaved', reason: expect.stringContaining('its job may still apply it. Your edits are kept') });
    expect(await save(form, keys)).toMatchObject({ status: 'saved' });
    await new Promise((resolve) => setTimeout(resolve, 1600));
    const lines = (await client.records.get('salesOrder', form.recordId!, { expandSubResources: true })).item as { items: { quantity: number }[] };
    expect(lines.items.map((saved) => saved.quantity)).toEqual([1, 6]);
  });

  /** An order whose save adding a line lost its answer while the sandbox's job still runs (1.5 s). */
  async function lostLineSave(memo: string): Promise<{ form: SavedForm; keys: SaveKeys }> {
    const form = await openOrder(memo);
    const [line] = (form.current.item as { items: LineValues[] }).items;
    form.current = { ...form.current, item: { items: [line, { item: { id: itemId }, quantity: 6, rate: 3 }] } };
    const keys: SaveKeys = {};
    slowJobs();
    expect(await save(form, keys, hasty)).toMatchObject({ status: 'notSaved', reason: expect.stringContaining('its job may still apply it') });
    return { form, keys };
  }

  /** The order as NetSuite has it once every job has had time to run. */
  async function settledOrder(id: string): Promise<{ memo: unknown; quantities: number[] }> {
    await new Promise((resolve) => setTimeout(resolve, 1600));
    const order = await client.records.get('salesOrder', id, { expandSubResources: true });
    return { memo: order.memo, quantities: (order.item as { items: { quantity: number }[] }).items.map((line) => line.quantity) };
  }

  it('a different change saved while that job may still run waits for the job: the line is added once, with the new memo', async () => {
    const { form, keys } = await lostLineSave('Pending Then Memo SO');
    const changed = { ...form, current: { ...form.current, memo: 'Pending Then Memo SO (later)' } };
    expect(await save(changed, keys)).toMatchObject({ status: 'saved', notice: expect.stringContaining('has now finished in NetSuite. Saved: Memo.') });
    expect(keys.edit).toBeUndefined();
    expect(await settledOrder(form.recordId!)).toEqual({ memo: 'Pending Then Memo SO (later)', quantities: [1, 6] });
  });

  it('the form set back to the record it opened with, and saved, undoes the change the job made', async () => {
    const { form, keys } = await lostLineSave('Pending Then Revert SO');
    const outcome = await save({ ...form, current: form.original }, keys);
    expect(outcome).toMatchObject({ status: 'saved', notice: expect.stringContaining('Saved: Memo, Items.') });
    expect(await settledOrder(form.recordId!)).toEqual({ memo: 'Pending Then Revert SO', quantities: [1] });
  });

  it('when waiting for that job loses its answer again, sends nothing new and keeps the edits; the next save finishes', async () => {
    const { form, keys } = await lostLineSave('Pending Lost Again SO');
    const changed = { ...form, current: { ...form.current, memo: 'Pending Lost Again SO (later)' } };
    const again = await save(changed, keys, hasty);
    expect(again).toMatchObject({ status: 'notSaved', reason: expect.stringContaining('An earlier save of this form is still not confirmed') });
    expect(again.status === 'notSaved' && again.reason).toContain('Nothing new was sent');
    expect(again.status === 'notSaved' && again.shown).toBeFalsy();
    expect(keys.edit).toBeDefined();
    expect(await settledOrder(form.recordId!)).toEqual({ memo: 'Pending Lost Again SO (mine)', quantities: [1, 6] });
    expect(await save(changed, keys)).toMatchObject({ status: 'saved' });
    expect(await settledOrder(form.recordId!)).toEqual({ memo: 'Pending Lost Again SO (later)', quantities: [1, 6] });
  });

  it('after a window reload the restored form still waits for that job: its key comes back from the backup', async () => {
    const { form, keys } = await lostLineSave('Pending Restored SO');
    const backup = parseFormBackup(serializeFormBackup({ version: 1, model, recordId: form.recordId, original: form.original, current: form.current, pendingEdit: keys.edit, savedAt: Date.now() }));
    const restoredKeys: SaveKeys = { edit: backup.pendingEdit };
    const changed = { ...form, original: backup.original, current: { ...backup.current, memo: 'Pending Restored SO (later)' } };
    expect(await save(changed, restoredKeys)).toMatchObject({ status: 'saved' });
    expect(await settledOrder(form.recordId!)).toEqual({ memo: 'Pending Restored SO (later)', quantities: [1, 6] });
  });

  it('a save said no to after that job settled sends nothing, and the next save still adds the line once', async () => {
    const { form, keys } = await lostLineSave('Pending Then Cancel SO');
    const changed = { ...form, current: { ...form.current, memo: 'Pending Then Cancel SO (later)' } };
    const refused = await saveRecordForm({ client, account: { label: 'Sandbox', readOnly: false }, form: changed, keys, dialogs: { confirmWrite: async () => false, chooseOnConflict: async () => 'overwrite' } });
    expect(refused.status).toBe('cancelled');
    expect(await save(changed, keys)).toMatchObject({ status: 'saved' });
    expect(await settledOrder(form.recordId!)).toEqual({ memo: 'Pending Then Cancel SO (later)', quantities: [1, 6] });
  });

  it('when the next change loses its answer too, the form takes the settled change as its base, and Save again adds each line once', async () => {
    const { form, keys } = await lostLineSave('Pending Then Another Line SO');
    await new Promise((resolve) => setTimeout(resolve, 1600));
    const lines = (form.current.item as { items: LineValues[] }).items;
    const more = { ...form, current: { ...form.current, item: { items: [...lines, { item: { id: itemId }, quantity: 9, rate: 2 }] } } };
    const lost = await save(more, keys, hasty);
    expect(lost).toMatchObject({ status: 'notSaved', reason: expect.stringContaining('its job may still apply it') });
    if (lost.status !== 'notSaved' || !lost.shown) throw new Error('the form was not given the settled change as its base');
    expect(lost.shown.notice).toContain('An earlier save of this form, whose answer was lost, has now finished in NetSuite.');
    const shown = lost.shown.record;
    expect(await save({ ...form, original: shown.original, current: shown.current }, keys)).toMatchObject({ status: 'saved' });
    expect(await settledOrder(form.recordId!)).toEqual({ memo: 'Pending Then Another Line SO (mine)', quantities: [1, 6, 9] });
  });
});
