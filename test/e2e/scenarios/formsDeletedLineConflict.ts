import * as assert from 'node:assert/strict';
import { startDemoFromWelcome } from '../lib/explorerTree';
import type { Scenario } from '../lib/scenario';
import { screenshot } from '../lib/workbench';
import { createAndWait, fieldValue, fill, form, formsDemoEnv, openNewForm, pickReference, sandboxRequests, saveAndWait } from './formsCustomer';
import { formAt, openEditForm } from './formsSafety';

export const scenario: Scenario = {
  name: 'Record form: an edit to a sales order line deleted in another form meanwhile is refused by name; nothing is sent and the edit stays in the form',
  async run({ openWorkbench }) {
    const page = await openWorkbench({ env: await formsDemoEnv() });
    await startDemoFromWelcome(page);

    // Form A: a sales order with two lines, created here and left open on it.
    const draft = await openNewForm(page, 'salesOrder');
    await pickReference(draft, 'entity', 'juniper', /Juniper/);
    await pickReference(draft, 'subsidiary', 'honey', /Honeycomb/);
    await fill(draft, 'memo', 'Deleted line e2e');
    for (const [line, search, quantity] of [[0, 'ada', '3'], [1, 'dri', '5']] as const) {
      await draft.locator('[data-add-line="item"]').click();
      await pickReference(draft, `item.items[${line}].item`, search, new RegExp(search, 'i'));
      await fill(draft, `item.items[${line}].quantity`, quantity);
      await fill(draft, `item.items[${line}].rate`, '10');
    }
    const { id } = await createAndWait(page, draft, 'salesOrder');

    // A colleague (form B) removes line 2 and saves.
    await openEditForm(page, 'salesOrder', id);
    const formB = form(page);
    await formB.locator('h1', { hasText: new RegExp(`sales ?order ${id}`, 'i') }).waitFor({ timeout: 60_000 });
    await formB.locator('[data-remove-line="1"]').click();
    await saveAndWait(formB, /Saved/);

    // Form A, still showing both lines, changes line 2's quantity and saves.
    const formA = await formAt(page, 0);
    await fill(formA, 'item.items[1].quantity', '9');
    const since = (await sandboxRequests()).lastSeq;
    await formA.locator('#save').click();
    const refusal = formA.locator('.general-errors', { hasText: /Items line 2 was deleted in NetSuite since this form opened/ });
    await refusal.waitFor({ timeout: 60_000 });
    const text = await refusal.innerText();
    assert.match(text, /your change to it \(Quantity 5 → 9, Amount 50 → 90\) cannot be saved/);
    assert.match(text, /Nothing was sent; your edits are kept/);
    await screenshot(page, 'forms-deleted-line-1-refused-by-name');

    // Nothing was written, and the edit is still in the form.
    const writes = (await sandboxRequests(since, 'PATCH')).items.filter((request) => request.path.toLowerCase() === `/services/rest/record/v1/salesorder/${id}`);
    assert.deepEqual(writes, [], 'no PATCH reached NetSuite');
    assert.equal(await fieldValue(formA, 'item.items[1].quantity'), '9', 'the edit stays in the form');
  },
};
