import * as assert from 'node:assert/strict';
import type { FrameLocator, Page } from 'playwright-core';
import { startDemoFromWelcome } from '../lib/explorerTree';
import type { Scenario } from '../lib/scenario';
import { screenshot, waitForNotification } from '../lib/workbench';
import { createAndWait, fieldValue, fill, form, formsDemoEnv, openNewForm, useColorTheme, pickReference, sandboxRequests, writeAccepted } from './formsCustomer';

/** Answers a VS Code modal dialog (a `.monaco-dialog-box`) whose message matches, returning its full text. */
export async function answerModal(page: Page, message: RegExp, button: string): Promise<string> {
  const dialog = page.locator('.monaco-dialog-box', { hasText: message });
  await dialog.waitFor({ timeout: 30_000 });
  const text = await dialog.innerText();
  await dialog.locator('.dialog-buttons a.monaco-button', { hasText: new RegExp(`^${button}$`) }).click();
  return text;
}

/** Waits until a drop-down holds a value (sourcing fills it after the customer is chosen). */
async function waitForSelectValue(frame: FrameLocator, path: string): Promise<void> {
  const select = frame.locator(`vscode-single-select[data-path="${path}"]`);
  for (let attempt = 0; attempt < 120; attempt++) {
    if (await select.evaluate((node) => Boolean((node as unknown as { value: string }).value))) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${path} was not filled from the customer`);
}

export const scenario: Scenario = {
  name: 'Record form: a sales order as NetSuite\'s form starts it (defaults, required marks), the customer picked by search sources subsidiary and currency, a sales rep chosen from NetSuite\'s choices, two item lines named by display name with live amounts and total; its invoice previewed before anything is saved, then created; the invoice deleted with a confirmation naming it',
  async run({ openWorkbench }) {
    // Dark theme here; the customer scenario runs in the default light one, the safety one in high contrast.
    const page = await openWorkbench({ env: await formsDemoEnv() });
    await startDemoFromWelcome(page);
    await useColorTheme(page, 'Dark Modern');
    const start = (await sandboxRequests()).lastSeq;

    const draft = await openNewForm(page, 'salesOrder');
    // NetSuite's create-form defaults: today's date before anything is typed; the required fields are marked.
    assert.equal(await fieldValue(draft, 'tranDate'), new Date().toISOString().slice(0, 10), 'the date defaults to today');
    for (const required of ['entity']) await draft.locator(`.field[data-field="${required}"] > label .required`).waitFor();
    for (const column of ['Item', 'Quantity']) await draft.locator('section[data-sublist="item"] th', { hasText: column }).locator('.required').waitFor();

    // Choosing the customer fills its subsidiary and currency, as NetSuite's form sources them.
    await pickReference(draft, 'entity', 'juniper', /Juniper/);
    const subsidiary = draft.locator('vscode-single-select[data-path="subsidiary"]');
    await waitForSelectValue(draft, 'subsidiary');
    await waitForSelectValue(draft, 'currency');
    await draft.locator('.field[data-field="entity"]').scrollIntoViewIfNeeded();
    await screenshot(page, 'forms-so-1-customer-sources-subsidiary-currency');

    // A sales rep from NetSuite's choices (selectOptions for the subsidiary entered): a drop-down, not a search.
    const salesRep = draft.locator('vscode-single-select[data-path="salesRep"]');
    await salesRep.click();
    const repChoices = salesRep.locator('li.option');
    await repChoices.nth(1).waitFor();
    await screenshot(page, 'forms-so-2-sales-rep-choices');
    await repChoices.nth(1).click();
    assert.ok(Number(await subsidiary.getAttribute('data-choices')) > 0, 'the subsidiary offers NetSuite\'s choices too');

    await fill(draft, 'memo', 'Forms e2e order');
    for (const [line, search, quantity] of [[0, 'ada', '3'], [1, 'dri', '5']] as const) {
      await draft.locator('[data-add-line="item"]').click();
      await pickReference(draft, `item.items[${line}].item`, search, new RegExp(search, 'i'));
      await fill(draft, `item.items[${line}].quantity`, quantity);
      await fill(draft, `item.items[${line}].rate`, '10.25');
    }
    // Items read by display name and SKU; amounts and the total follow as they are typed, before any save.
    assert.match(await draft.locator('[data-picked-for="item.items[0].item"]').innerText(), /\w+ \w+ \([A-Z]{3}-\d+\) \(id \d+\)/);
    assert.equal(await fieldValue(draft, 'item.items[0].amount'), '30.75');
    assert.equal(await fieldValue(draft, 'item.items[1].amount'), '51.25');
    assert.equal(await fieldValue(draft, 'total'), '82.00');
    assert.equal(await fieldValue(draft, 'subtotal'), '82.00');
    await draft.locator('.field[data-field="subtotal"]').scrollIntoViewIfNeeded();
    await screenshot(page, 'forms-so-3a-total-before-create');
    await draft.locator('.field[data-field="item.items[1].amount"]').scrollIntoViewIfNeeded();
    await screenshot(page, 'forms-so-3b-live-line-amounts-before-create');
    // The palette's type picker answers NetSuite's script id (`salesorder`), which names the form's tab.
    const { id: orderId, frame } = await createAndWait(page, draft, 'salesorder').catch(async (error: unknown) => {
      await screenshot(page, 'forms-so-create-failed');
      throw new Error(`${String(error)}\nForm says: ${await draft.locator('.general-errors').innerText().catch(() => '?')} ${await draft.locator('.field-error').allInnerTexts().catch(() => [])}`);
    });
    const post = (await sandboxRequests(start, 'POST')).items.find((r) => r.path.toLowerCase() === '/services/rest/record/v1/salesorder' && writeAccepted(r))!;
    const body = post.body as { entity: { id: string }; subsidiary?: { id: string }; currency?: { id: string }; item: { items: { item: { id: string }; quantity: number }[] } };
    assert.equal(body.item.items.length, 2, 'two item lines sent');
    assert.deepEqual(body.item.items.map((line) => line.quantity), [3, 5]);
    assert.ok(/^\d+$/.test(body.entity.id), 'the picked customer went as {id}');
    await frame.locator('tr[data-line="1"]').waitFor();
    assert.ok(body.subsidiary && body.currency, 'the sourced subsidiary and currency were sent');
    await screenshot(page, 'forms-so-4-created-with-two-lines');

    // Create invoice: NetSuite's prefilled invoice opens first, and nothing is saved until Create.
    const transformPath = `/services/rest/record/v1/salesorder/${orderId}/!transform/invoice`;
    await frame.locator('[data-transform="invoice"]').click();
    const preview = form(page);
    await preview.locator('h1', { hasText: new RegExp(`New invoice from sales ?order ${orderId}`, 'i') }).waitFor({ timeout: 60_000 });
    await preview.locator('.notice', { hasText: /Nothing is saved until you press Create/ }).waitFor();
    await preview.locator('tr[data-line="1"]').waitFor();
    assert.equal(await fieldValue(preview, 'total'), '82.00', 'the preview shows the order\'s total');
    const previewed = (await sandboxRequests(start, 'POST')).items.filter((r) => r.path.toLowerCase() === transformPath);
    assert.ok(previewed.length > 0 && previewed.every((r) => r.status === 200), `only the unsaved create-form was asked (${previewed.map((r) => r.status).join(', ')})`);
    await screenshot(page, 'forms-so-5-invoice-preview-before-create');

    await preview.locator('#save').click();
    const invoiceForm = form(page);
    await invoiceForm.locator('h1', { hasText: /invoice \d+/i }).waitFor({ timeout: 60_000 });
    await invoiceForm.locator('.notice', { hasText: new RegExp(`Created invoice \\d+ from sales ?order ${orderId}`, 'i') }).waitFor({ timeout: 60_000 });
    const transform = (await sandboxRequests(start, 'POST')).items.find((r) => r.path.toLowerCase() === transformPath && writeAccepted(r));
    assert.ok(transform, 'the sandbox took the transform once the invoice was created');
    const invoiceId = /invoice (\d+)/i.exec(await invoiceForm.locator('h1').innerText())![1];
    await screenshot(page, 'forms-so-6-invoice-created-from-preview');

    // Delete asks first, naming the record.
    await invoiceForm.locator('#delete').click();
    const question = await answerModal(page, new RegExp(`Delete invoice ${invoiceId}`, 'i'), 'Delete');
    assert.match(question, /Demo \(sandbox\)/);
    await waitForNotification(page, new RegExp(`Deleted invoice ${invoiceId}`, 'i'));
    const deleted = (await sandboxRequests(start, 'DELETE')).items;
    assert.deepEqual(deleted.map((r) => [r.path, r.status]), [[`/services/rest/record/v1/invoice/${invoiceId}`, 204]]);
    await screenshot(page, 'forms-so-7-invoice-deleted');
  },
};
