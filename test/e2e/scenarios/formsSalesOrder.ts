import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { startDemoFromWelcome } from '../lib/explorerTree';
import type { Scenario } from '../lib/scenario';
import { screenshot, waitForNotification } from '../lib/workbench';
import { createAndWait, fill, form, formsDemoEnv, openNewForm, useColorTheme, pickReference, sandboxRequests, writeAccepted } from './formsCustomer';

/** Answers a VS Code modal dialog (a `.monaco-dialog-box`) whose message matches, returning its full text. */
export async function answerModal(page: Page, message: RegExp, button: string): Promise<string> {
  const dialog = page.locator('.monaco-dialog-box', { hasText: message });
  await dialog.waitFor({ timeout: 30_000 });
  const text = await dialog.innerText();
  await dialog.locator('.dialog-buttons a.monaco-button', { hasText: new RegExp(`^${button}$`) }).click();
  return text;
}

export const scenario: Scenario = {
  name: 'Record form: a sales order with two item lines and a customer picked by search, transformed to an invoice that opens in its form, then deleted with a confirmation naming it',
  async run({ openWorkbench }) {
    // Dark theme here; the customer scenario runs in the default light one, the safety one in high contrast.
    const page = await openWorkbench({ env: await formsDemoEnv() });
    await startDemoFromWelcome(page);
    await useColorTheme(page, 'Dark Modern');
    const start = (await sandboxRequests()).lastSeq;

    const draft = await openNewForm(page, 'salesOrder');
    await pickReference(draft, 'entity', 'juniper', /Juniper/);
    await pickReference(draft, 'subsidiary', 'honey', /Honeycomb/);
    await fill(draft, 'memo', 'Forms e2e order');
    for (const [line, search, quantity] of [[0, 'ada', '3'], [1, 'dri', '5']] as const) {
      await draft.locator('[data-add-line="item"]').click();
      await pickReference(draft, `item.items[${line}].item`, search, new RegExp(search, 'i'));
      await fill(draft, `item.items[${line}].quantity`, quantity);
      await fill(draft, `item.items[${line}].rate`, '10');
    }
    await screenshot(page, 'forms-so-1-two-lines-before-create');
    const { id: orderId, frame } = await createAndWait(page, draft, 'salesOrder');
    const post = (await sandboxRequests(start, 'POST')).items.find((r) => r.path === '/services/rest/record/v1/salesOrder' && writeAccepted(r))!;
    const body = post.body as { entity: { id: string }; item: { items: { item: { id: string }; quantity: number }[] } };
    assert.equal(body.item.items.length, 2, 'two item lines sent');
    assert.deepEqual(body.item.items.map((line) => line.quantity), [3, 5]);
    assert.ok(/^\d+$/.test(body.entity.id), 'the picked customer went as {id}');
    await frame.locator('tr[data-line="1"]').waitFor();
    await screenshot(page, 'forms-so-2-created-with-two-lines');

    // Create invoice: the transform lands in the new invoice's form.
    await frame.locator('[data-transform="invoice"]').click();
    await waitForNotification(page, /Created invoice \d+ from salesOrder/);
    const invoiceForm = form(page);
    await invoiceForm.locator('h1', { hasText: /invoice \d+/ }).waitFor({ timeout: 60_000 });
    const transform = (await sandboxRequests(start, 'POST')).items.find((r) => r.path === `/services/rest/record/v1/salesOrder/${orderId}/!transform/invoice`);
    assert.ok(transform && writeAccepted(transform), `the sandbox took the transform (${transform?.status})`);
    const invoiceId = /invoice (\d+)/.exec(await invoiceForm.locator('h1').innerText())![1];
    await screenshot(page, 'forms-so-3-invoice-form-after-transform');

    // Delete asks first, naming the record.
    await invoiceForm.locator('#delete').click();
    const question = await answerModal(page, new RegExp(`Delete invoice ${invoiceId}`), 'Delete');
    assert.match(question, /Demo \(sandbox\)/);
    await waitForNotification(page, new RegExp(`Deleted invoice ${invoiceId}`));
    const deleted = (await sandboxRequests(start, 'DELETE')).items;
    assert.deepEqual(deleted.map((r) => [r.path, r.status]), [[`/services/rest/record/v1/invoice/${invoiceId}`, 204]]);
    await screenshot(page, 'forms-so-4-invoice-deleted');
  },
};
