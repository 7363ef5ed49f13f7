import * as assert from 'node:assert/strict';
import { answerInputBox, startDemoFromWelcome } from '../lib/explorerTree';
import type { Scenario } from '../lib/scenario';
import { reloadWindow, runCommand, screenshot } from '../lib/workbench';
import { fieldValue, fill, form, formsDemoEnv, formTab, sandboxRequests, writeAccepted } from './formsCustomer';
import { sandboxLogOnceUp } from './formsClosePrompt';

/** A sales order of the demo's seed data (SO1002, Pending Billing), there again after the sandbox restarts. */
const orderId = '2';
const transformPath = `/services/rest/record/v1/salesorder/${orderId}/!transform/invoice`;
const memo = 'Billed after a reload';

export const scenario: Scenario = {
  name: 'Record form: an invoice previewed from a sales order and edited survives a window reload as that preview, and creating it then runs the transform (the invoice linked to its order), not a plain create',
  async run({ openWorkbench }) {
    const page = await openWorkbench({ env: await formsDemoEnv() });
    await startDemoFromWelcome(page);
    await runCommand(page, 'SuiteLens: Edit Record');
    await answerInputBox(page, 'salesorder');
    await answerInputBox(page, orderId);
    const order = form(page);
    await order.locator('h1', { hasText: new RegExp(`sales ?order ${orderId}\\b`, 'i') }).waitFor({ timeout: 60_000 });

    await order.locator('[data-transform="invoice"]').click();
    let preview = form(page);
    const heading = new RegExp(`New invoice from sales ?order ${orderId}\\b`, 'i');
    await preview.locator('h1', { hasText: heading }).waitFor({ timeout: 60_000 });
    await fill(preview, 'memo', memo);
    const dirtyPreview = formTab(page, /^New invoice/i).and(page.locator('.tab.dirty'));
    await dirtyPreview.waitFor({ timeout: 30_000 });
    await page.waitForTimeout(3_000); // VS Code backs up a dirty editor about a second after its last change
    page.on('dialog', (dialog) => void dialog.accept());
    await reloadWindow(page);

    // The restored form is still the preview of the order's invoice, with the edit.
    await dirtyPreview.waitFor({ timeout: 60_000 });
    preview = form(page);
    await preview.locator('.notice', { hasText: /Restored your unsaved edits/ }).waitFor({ timeout: 60_000 });
    await preview.locator('h1', { hasText: heading }).waitFor({ timeout: 30_000 });
    assert.equal(await fieldValue(preview, 'memo'), memo, 'the edit came back');
    await screenshot(page, 'forms-preview-restore-1-restored-preview');

    // The demo sandbox lived in the old window's extension host; it starts again from its seed (order 300 unbilled).
    await runCommand(page, 'SuiteLens: Try the Demo Sandbox');
    const restart = await sandboxLogOnceUp(page);
    await preview.locator('#save').click();
    const invoice = form(page);
    await invoice.locator('.notice', { hasText: new RegExp(`Created invoice \\d+ from sales ?order ${orderId}\\b`, 'i') }).waitFor({ timeout: 60_000 });
    const posts = (await sandboxRequests(restart, 'POST')).items.filter(writeAccepted);
    const transforms = posts.filter((request) => request.path.toLowerCase() === transformPath);
    assert.equal(transforms.length, 1, 'the invoice was created by one transform of the order');
    assert.equal((transforms[0].body as { memo?: string }).memo, memo, 'with the restored edit');
    assert.deepEqual(posts.filter((request) => request.path.toLowerCase() === '/services/rest/record/v1/invoice'), [], 'no plain invoice create');
    // The preview's tab gives way to the created invoice's own form.
    await formTab(page, /^New invoice/i).waitFor({ state: 'detached', timeout: 30_000 });
    await form(page).locator('h1', { hasText: /invoice \d+/i }).waitFor({ timeout: 30_000 });
    await screenshot(page, 'forms-preview-restore-2-created-by-transform');
  },
};
