import * as assert from 'node:assert/strict';
import type { FrameLocator, Page } from 'playwright-core';
import { startDemoFromWelcome } from '../lib/explorerTree';
import type { Scenario } from '../lib/scenario';
import { screenshot } from '../lib/workbench';
import { dirtyTab, openCustomerForm } from './formsClosePrompt';
import { fieldValue, formsDemoEnv, formTab, openNewForm, sandboxRequests } from './formsCustomer';

const uiTimeout = 30_000;

function input(frame: FrameLocator, path: string) {
  return frame.locator(`vscode-textfield[data-path="${path}"] input`);
}

/**
 * Empties a field and types into it key by key, as a user does (one input event per key). Not Ctrl+A: VS Code's
 * Select All reaches the webview a moment after the browser's own and selected the first keys typed again.
 */
async function typeInto(page: Page, frame: FrameLocator, path: string, text: string): Promise<void> {
  await input(frame, path).fill('');
  await page.keyboard.type(text, { delay: 20 });
  // The edit goes webview → extension host → VS Code's undo stack, a longer way than Ctrl+Z takes to VS Code, so a
  // Ctrl+Z pressed by a robot the moment after typing can come first; the tab may be dirty already, nothing to wait on.
  await page.waitForTimeout(1_000);
}

/** The `data-path` of the control that has the keyboard focus inside the form. */
async function focusedPath(frame: FrameLocator): Promise<string | undefined> {
  return frame.locator('body').evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.path);
}

async function waitForValue(frame: FrameLocator, path: string, expected: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    if ((await fieldValue(frame, path)) === expected) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.equal(await fieldValue(frame, path), expected, `${path} shows ${expected}`);
}

export const scenario: Scenario = {
  name: 'Record form undo is VS Code’s: Ctrl+Z in a field takes back the whole typed value (one step per field), the tab is clean again at the saved values, Ctrl+Y puts it back, focus stays in the field, and nothing is sent',
  async run({ openWorkbench }) {
    const page = await openWorkbench({ env: await formsDemoEnv() });
    await startDemoFromWelcome(page);
    const frame = await openCustomerForm(page);
    const originalPhone = await fieldValue(frame, 'phone');
    const originalEmail = await fieldValue(frame, 'email');
    const start = (await sandboxRequests()).lastSeq;

    // Two fields typed key by key: two undo steps, the tab dirty.
    await typeInto(page, frame, 'phone', '+1 555 0500');
    await typeInto(page, frame, 'email', 'undo@forms-e2e.example.com');
    await dirtyTab(page).waitFor({ timeout: uiTimeout });
    await screenshot(page, 'forms-undo-1-two-fields-typed');

    // Ctrl+Z with the caret still in Email: VS Code's Undo (the webview frame blocks the browser's own field undo)
    // takes back the whole email, not one letter; the phone stays, and so does the focus.
    await page.keyboard.press('Control+z');
    await waitForValue(frame, 'email', originalEmail);
    assert.equal(await fieldValue(frame, 'phone'), '+1 555 0500', 'one step: only the email was taken back');
    assert.equal(await focusedPath(frame), 'email', 'the caret stays in the field');
    assert.equal(await dirtyTab(page).count(), 1, 'still dirty: the phone is not saved');

    // The second Ctrl+Z takes back the phone: the form is at its saved values and the tab is clean.
    await page.keyboard.press('Control+z');
    await waitForValue(frame, 'phone', originalPhone);
    await dirtyTab(page).waitFor({ state: 'detached', timeout: uiTimeout });
    assert.equal(await focusedPath(frame), 'email');
    await screenshot(page, 'forms-undo-2-undone-to-saved-tab-clean');

    // Ctrl+Y redoes the phone: the value is back and so is the dirty dot.
    await page.keyboard.press('Control+y');
    await waitForValue(frame, 'phone', '+1 555 0500');
    await dirtyTab(page).waitFor({ timeout: uiTimeout });
    assert.equal(await fieldValue(frame, 'email'), originalEmail, 'redo brought back the phone step only');
    await screenshot(page, 'forms-undo-3-redone-dirty-again');

    // Undo and redo are the form's own business until a save: nothing reached NetSuite.
    assert.deepEqual((await sandboxRequests(start, 'PATCH')).items, []);

    // Sublists: a cell typed into is undone in place (the line stays, the caret stays in the cell); undoing the
    // added line takes the line away, and the new, untouched form is clean.
    const order = await openNewForm(page, 'salesOrder');
    const orderTab = formTab(page, /^New sales ?order$/i);
    await order.locator('[data-add-line="item"]').click();
    await order.locator('tr[data-line="0"]').waitFor({ timeout: uiTimeout });
    await typeInto(page, order, 'item.items[0].quantity', '12');
    await orderTab.and(page.locator('.tab.dirty')).waitFor({ timeout: uiTimeout });
    await screenshot(page, 'forms-undo-4-sales-order-line-typed');
    await page.keyboard.press('Control+z');
    await waitForValue(order, 'item.items[0].quantity', '');
    assert.equal(await order.locator('tr[data-line="0"]').count(), 1, 'the line is still there');
    assert.equal(await focusedPath(order), 'item.items[0].quantity', 'the caret stays in the cell');
    await page.keyboard.press('Control+z');
    await order.locator('tr[data-line="0"]').waitFor({ state: 'detached', timeout: uiTimeout });
    await orderTab.and(page.locator('.tab.dirty')).waitFor({ state: 'detached', timeout: uiTimeout });
    await screenshot(page, 'forms-undo-5-sales-order-line-undone-clean');
  },
};
