import * as assert from 'node:assert/strict';
import { startDemoFromWelcome } from '../lib/explorerTree';
import type { Scenario } from '../lib/scenario';
import { screenshot } from '../lib/workbench';
import { createAndWait, fieldValue, fill, form, formsDemoEnv, openNewForm, pickReference, sandboxRequests, saveAndWait, writeAccepted } from './formsCustomer';
import { formAt, openEditForm } from './formsSafety';
import { answerModal } from './formsSalesOrder';

export const scenario: Scenario = {
  name: 'Record form Overwrite keeps the other line: a sales order gets a line from another form while this one edits line 1; Overwrite names exactly what it sends, sends only that line by its id, and all three lines remain',
  async run({ openWorkbench }) {
    const page = await openWorkbench({ env: await formsDemoEnv() });
    await startDemoFromWelcome(page);

    // Form A: a sales order with two lines, created here and left open on it.
    const draft = await openNewForm(page, 'salesOrder');
    await pickReference(draft, 'entity', 'juniper', /Juniper/);
    await pickReference(draft, 'subsidiary', 'honey', /Honeycomb/);
    await fill(draft, 'memo', 'Overwrite merge e2e');
    for (const [line, search, quantity] of [[0, 'ada', '3'], [1, 'dri', '5']] as const) {
      await draft.locator('[data-add-line="item"]').click();
      await pickReference(draft, `item.items[${line}].item`, search, new RegExp(search, 'i'));
      await fill(draft, `item.items[${line}].quantity`, quantity);
      await fill(draft, `item.items[${line}].rate`, '10');
    }
    const { id } = await createAndWait(page, draft, 'salesOrder');

    // Someone else (form B, as a colleague would) adds a third line and saves it.
    await openEditForm(page, 'salesOrder', id);
    const formB = form(page);
    await formB.locator('h1', { hasText: new RegExp(`sales ?order ${id}`, 'i') }).waitFor({ timeout: 60_000 });
    await formB.locator('[data-add-line="item"]').click();
    await pickReference(formB, 'item.items[2].item', 'ada', /ada/i);
    await fill(formB, 'item.items[2].quantity', '7');
    await fill(formB, 'item.items[2].rate', '1');
    await saveAndWait(formB, /Saved: Items/);

    // Form A, still showing two lines, changes line 1's quantity and saves: the concurrent change is shown, with
    // exactly what Overwrite will send.
    const formA = await formAt(page, 0);
    assert.equal(await formA.locator('tr[data-line="2"]').count(), 0, 'form A still shows the two lines it opened with');
    await fill(formA, 'item.items[0].quantity', '4');
    const since = (await sandboxRequests()).lastSeq;
    await formA.locator('#save').click();
    const dialog = page.locator('.monaco-dialog-box', { hasText: /was changed in NetSuite since this form opened/ });
    await dialog.waitFor({ timeout: 30_000 });
    const question = await dialog.innerText();
    assert.match(question, /Items: \(none\) → 1 new line added/);
    assert.match(question, /Overwrite sends only your changes[^]*Items line 1 Quantity: 3 → 4/);
    await screenshot(page, 'forms-overwrite-1-prompt-says-what-is-sent');
    await answerModal(page, /was changed in NetSuite/, 'Overwrite');
    await formA.locator('.notice', { hasText: /Saved: Items/ }).waitFor({ timeout: 60_000 });

    // Sent: line 1 by its line id with only the quantity, no replace. The colleague's line is still there.
    const patches = (await sandboxRequests(since, 'PATCH')).items.filter((request) => request.path.toLowerCase() === `/services/rest/record/v1/salesorder/${id}` && writeAccepted(request));
    assert.equal(patches.length, 1, 'one PATCH went');
    assert.equal(patches[0].query.replace, undefined, 'no replace: other lines are left alone');
    const sent = patches[0].body as { item: { items: Record<string, unknown>[] } };
    // The line's amount follows its quantity on the form (quantity × rate, as NetSuite's form recomputes it), so it
    // goes with the change; nothing else of the line does.
    assert.deepEqual(sent.item.items.map((line) => Object.keys(line).sort()), [['amount', 'line', 'quantity']]);
    assert.equal(sent.item.items[0].quantity, 4);
    await formA.locator('tr[data-line="2"]').waitFor({ timeout: 30_000 });
    assert.equal(await fieldValue(formA, 'item.items[0].quantity'), '4');
    assert.equal(await fieldValue(formA, 'item.items[1].quantity'), '5');
    assert.equal(await fieldValue(formA, 'item.items[2].quantity'), '7', 'the line added in form B survived the Overwrite');
    await formA.locator('tr[data-line="2"]').scrollIntoViewIfNeeded();
    await screenshot(page, 'forms-overwrite-2-three-lines-after-overwrite');
  },
};
