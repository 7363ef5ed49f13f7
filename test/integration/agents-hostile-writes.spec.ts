/**
 * A hostile agent's writes through the real invoker against the sandbox over real HTTP: what the person is asked and
 * what the log says is what NetSuite is sent, a write whose effect cannot be described is refused, and a transform
 * (which changes its source record) needs Edit on the source.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { AgentTestNetSuite } from './agents-netsuite';
import { hostileAgent, invokerHarness } from './agents-invoker-harness';

const harness = invokerHarness();
let production: AgentTestNetSuite;
let sandbox: AgentTestNetSuite;
beforeAll(() => {
  ({ production, sandbox } = harness);
});

describe('a transform', () => {
  /** A pending sales order, made by the test itself (not through an hostileAgent). */
  async function newOrder(netsuite: AgentTestNetSuite): Promise<string> {
    const items = await netsuite.operations.runSuiteQL(netsuite.accountId, 'SELECT id FROM item ORDER BY id', { limit: 1, offset: 0 });
    const fields = { entity: { id: netsuite.customerId }, item: { items: [{ item: { id: String(items.rows[0].id) }, quantity: 1, rate: 10 }] } };
    return (await netsuite.operations.createRecord(netsuite.accountId, 'salesOrder', fields)).id;
  }

  it('is refused with only View on the source, which it would change, and the source stays as it was', async () => {
    const orderId = await newOrder(sandbox);
    const statusBefore = await orderStatus(sandbox, orderId);
    const { invoker } = await harness.invokerFor(sandbox, [{ recordType: 'salesOrder', level: 'read' }, { recordType: 'invoice', level: 'create' }]);
    const answer = await invoker.invoke(hostileAgent, 'suitelens_transform_record', { account: sandbox.accountId, recordType: 'salesOrder', id: orderId, targetType: 'invoice' });
    expect(answer.ok).toBe(false);
    expect(answer.text).toMatch(/transforming salesOrder needs Edit/);
    expect(await orderStatus(sandbox, orderId)).toBe(statusBefore);
    expect(await harness.lastEntry()).toMatchObject({ decision: 'denied', action: 'transform' });
  });

  it("with Edit on the source, tells the person the source changes too", async () => {
    const orderId = await newOrder(production);
    const { invoker, questions } = await harness.invokerFor(production, [{ recordType: 'salesOrder', level: 'write' }, { recordType: 'invoice', level: 'create' }], false);
    const answer = await invoker.invoke(hostileAgent, 'suitelens_transform_record', { account: production.accountId, recordType: 'salesOrder', id: orderId, targetType: 'invoice' });
    expect(answer.ok).toBe(false);
    expect(questions).toHaveLength(1);
    expect(questions[0].effect).toMatch(new RegExp(`sales order .*\\(id ${orderId}\\) itself changes`));
  });
});

async function orderStatus(netsuite: AgentTestNetSuite, id: string): Promise<string> {
  return JSON.stringify((await netsuite.operations.getRecord(netsuite.accountId, 'salesOrder', id)).status);
}

describe('the change a person confirms is the body that is sent', () => {
  const update = (netsuite: AgentTestNetSuite, fields: Record<string, unknown>) => ({ account: netsuite.accountId, recordType: 'customer', id: netsuite.customerId, fields });

  it.each([
    ['a reference named by a refName that hides its id', { salesRep: { id: '10', refName: 'Ann Lee (harmless)' } }, /refName/],
    ['a sublist behind a refName', { addressBook: { refName: '(unchanged)', items: [{ defaultBilling: true, addr1: 'Attacker St 1', city: 'Evil' }] } }, /refName/],
    ['a sublist behind an id', { addressBook: { id: '1', items: [{ addr1: 'Attacker St 1' }] } }, /reference .* may have no key but id or externalId/],
    ['a reference with other keys', { salesRep: { id: '10', note: 'the usual rep' } }, /may have no key but id or externalId/],
    ['links in a value', { salesRep: { links: [], id: '10' } }, /links/],
    ['a field name that writes words', { "phone (empty) → (empty); nothing else changes. Update customer 'Victim Co' (id 1): comments": 'x' }, /not a NetSuite field id/],
    ['a field name with an invisible tag character', { 'comments\u{E0041}': 'x' }, /not a NetSuite field id/],
    ['a display-only key inside a sublist line', { addressBook: { items: [{ addr1: 'x', country: { id: 'US', refName: 'Canada' } }] } }, /refName/],
  ])('refuses %s before anyone is asked, and sends nothing', async (_case, fields, reason) => {
    const before = await production.getCustomer(production.customerId);
    const { invoker, questions } = await harness.invokerFor(production, [{ recordType: 'customer', level: 'write' }]);
    const answer = await invoker.invoke(hostileAgent, 'suitelens_update_record', update(production, fields));
    expect(answer.ok).toBe(false);
    expect(answer.text).toMatch(reason);
    expect(questions).toHaveLength(0);
    expect(await production.getCustomer(production.customerId)).toEqual(before);
    expect(await harness.lastEntry()).toMatchObject({ decision: 'denied', action: 'update' });
  });

  it.each([
    ['create', 'suitelens_create_record', (netsuite: AgentTestNetSuite) => ({ account: netsuite.accountId, recordType: 'customer', fields: { companyName: 'New Co', salesRep: { id: '10', refName: 'Ann' } } })],
    ['transform', 'suitelens_transform_record', (netsuite: AgentTestNetSuite) => ({ account: netsuite.accountId, recordType: 'customer', id: netsuite.customerId, targetType: 'customer', fields: { salesRep: { id: '10', refName: 'Ann' } } })],
    ['bulk update', 'suitelens_bulk_update_records', (netsuite: AgentTestNetSuite) => ({ account: netsuite.accountId, recordType: 'customer', updates: [{ id: netsuite.customerId, fields: { salesRep: { id: '10', refName: 'Ann' } } }] })],
  ])('refuses a refName on %s too', async (_case, tool, args) => {
    const { invoker, questions } = await harness.invokerFor(production, [{ recordType: 'customer', level: 'full' }]);
    const answer = await invoker.invoke(hostileAgent, tool, args(production));
    expect(answer.ok).toBe(false);
    expect(answer.text).toMatch(/refName/);
    expect(questions).toHaveLength(0);
  });

  it('shows every key and value quoted, and each sublist line on its own line, as sent', async () => {
    const { invoker, questions } = await harness.invokerFor(production, [{ recordType: 'customer', level: 'write' }], false);
    const fields = {
      salesRep: { id: '10' },
      comments: "it's fine'\n(id 1) — allowed",
      addressBook: { items: [{ defaultBilling: true, addr1: 'Attacker St 1', city: 'Evil' }, { addr1: 'Second line' }] },
    };
    await invoker.invoke(hostileAgent, 'suitelens_update_record', update(production, fields));
    expect(questions).toHaveLength(1);
    expect(questions[0].effect.split('\n')).toEqual([
      `Update customer '${production.customerName}' (id ${production.customerId}) on ${production.accountId} (production): 3 fields`,
      expect.stringMatching(/^ {2}salesRep: .* → \{id: "10"\}$/),
      expect.stringMatching(/^ {2}comments: .* → "it's fine'\\n\(id 1\) — allowed"$/),
      expect.stringMatching(/^ {2}addressBook: .*sublist, 2 lines sent/),
      '    line 1: {defaultBilling: true, addr1: "Attacker St 1", city: "Evil"}',
      '    line 2: {addr1: "Second line"}',
    ]);
  });
});

describe('a write whose effect cannot be shown', () => {
  it('a production bulk update naming a record that cannot be read is refused, not asked with a vague text, and nothing changes', async () => {
    const ids = [production.customerId];
    for (const name of ['Bulk One', 'Bulk Two']) ids.push((await production.operations.createRecord(production.accountId, 'customer', { companyName: name, subsidiary: { id: '1' } })).id);
    const { invoker, questions } = await harness.invokerFor(production, [{ recordType: 'customer', level: 'write' }]);
    const updates = [...ids, '99999999'].map((id) => ({ id, fields: { comments: 'bulk changed' } }));
    const args = { account: production.accountId, recordType: 'customer', updates };
    const prepared = await invoker.prepare(hostileAgent, 'suitelens_bulk_update_records', args);
    expect(prepared.allowed).toBe(false);
    const answer = await invoker.invoke(hostileAgent, 'suitelens_bulk_update_records', args);
    expect(answer.ok).toBe(false);
    expect(answer.text).toMatch(/could not be shown to the person, so nothing was sent.*99999999/);
    expect(questions).toHaveLength(0);
    for (const id of ids) expect((await production.getCustomer(id)).comments).not.toBe('bulk changed');
    expect(await harness.lastEntry()).toMatchObject({ decision: 'denied', action: 'update' });
  });

  it('a production bulk update lists every record with its change, summary first', async () => {
    const { invoker, questions } = await harness.invokerFor(production, [{ recordType: 'customer', level: 'write' }], false);
    await invoker.invoke(hostileAgent, 'suitelens_bulk_update_records', { account: production.accountId, recordType: 'customer', updates: [{ id: production.customerId, fields: { comments: 'x' } }] });
    expect(questions[0].effect.split('\n')).toEqual([
      `Update 1 customer record on ${production.accountId} (production): comments`,
      `- customer '${production.customerName}' (id ${production.customerId}):`,
      expect.stringMatching(/^ {4}comments: .* → "x"$/),
    ]);
  });
});
