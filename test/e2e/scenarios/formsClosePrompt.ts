import * as assert from 'node:assert/strict';
import type { FrameLocator, Page } from 'playwright-core';
import { answerInputBox, startDemoFromWelcome } from '../lib/explorerTree';
import type { Scenario } from '../lib/scenario';
import { reloadWindow, runCommand, screenshot, waitForNotification } from '../lib/workbench';
import { fieldError, fieldValue, fill, form, formsDemoEnv, formTab, openNewForm, pickReference, sandboxRequests, writeAccepted } from './formsCustomer';
import { answerModal } from './formsSalesOrder';

const uiTimeout = 30_000;
/** A customer of the demo's seed data, there again after the sandbox restarts. */
const customerId = '100';
const tabName = new RegExp(`^customer ${customerId}\\b`, 'i');

/** Opens the demo's customer 100 in its edit form from the palette, as a user would. */
export async function openCustomerForm(page: Page): Promise<FrameLocator> {
  await runCommand(page, 'SuiteLens: Edit Record');
  await answerInputBox(page, 'customer');
  await answerInputBox(page, customerId);
  await formTab(page, tabName).waitFor({ timeout: 60_000 });
  const frame = form(page);
  await frame.locator('h1', { hasText: `customer ${customerId}` }).waitFor({ timeout: 60_000 });
  return frame;
}

/** Clicks the × of the form's tab (a dirty tab shows a dot there until the pointer is over it). */
async function closeFormTab(page: Page): Promise<void> {
  const tab = formTab(page, tabName);
  await tab.hover();
  await tab.locator('.tab-actions a.action-label').first().click({ timeout: uiTimeout });
}

/** The form tab of customer 100 while it shows the dirty dot. */
export function dirtyTab(page: Page) {
  return formTab(page, tabName).and(page.locator('.tab.dirty'));
}

async function patchesSince(since: number): Promise<unknown[]> {
  // A 200 PATCH is NetSuite's selectOptions for an existing record (the form's choices), never a write (204/202).
  return (await sandboxRequests(since, 'PATCH')).items.filter((request) => request.status !== 200).map((request) => request.body);
}

/** The request log's position once the demo sandbox answers again. */
export async function sandboxLogOnceUp(page: Page): Promise<number> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return (await sandboxRequests()).lastSeq;
    } catch (error) {
      if (attempt > 60) throw error;
      await page.waitForTimeout(500);
    }
  }
}

export const scenario: Scenario = {
  name: 'Record form as a VS Code editor: an edit marks the tab dirty, closing asks Save / Don’t Save / Cancel, Ctrl+S and Save save (PATCH), a failed save stays dirty, Revert File reloads, and a reload brings the unsaved edits back',
  async run({ openWorkbench }) {
    const page = await openWorkbench({ env: await formsDemoEnv() });
    await startDemoFromWelcome(page);
    let frame = await openCustomerForm(page);
    const originalPhone = await fieldValue(frame, 'phone');
    const start = (await sandboxRequests()).lastSeq;

    // An edit marks the tab dirty; closing it makes VS Code ask.
    await fill(frame, 'phone', '+1 555 0400');
    await dirtyTab(page).waitFor({ timeout: uiTimeout });
    await closeFormTab(page);
    const prompt = page.locator('.monaco-dialog-box', { hasText: /Do you want to save the changes/ });
    await prompt.waitFor({ timeout: uiTimeout });
    assert.match(await prompt.innerText(), new RegExp(`customer ${customerId}`, 'i'), 'the prompt names the form');
    await screenshot(page, 'forms-close-1-vscode-asks-before-closing');

    // Cancel: the form stays, with the edit, and nothing was sent.
    await answerModal(page, /Do you want to save/, 'Cancel');
    await dirtyTab(page).waitFor({ timeout: uiTimeout });
    assert.equal(await fieldValue(frame, 'phone'), '+1 555 0400', 'Cancel keeps the edit');

    // Don't Save: the tab closes and nothing was sent.
    await closeFormTab(page);
    await answerModal(page, /Do you want to save/, "Don't Save");
    await formTab(page, tabName).waitFor({ state: 'detached', timeout: uiTimeout });
    assert.deepEqual(await patchesSince(start), [], 'neither Cancel nor Don’t Save sent anything');

    // Reopened: NetSuite's value. Ctrl+S saves through VS Code: one PATCH with the field alone, the tab clean.
    frame = await openCustomerForm(page);
    assert.equal(await fieldValue(frame, 'phone'), originalPhone, 'the discarded edit is gone');
    await fill(frame, 'phone', '+1 555 0401');
    await dirtyTab(page).waitFor({ timeout: uiTimeout });
    await page.keyboard.press('Control+s');
    await frame.locator('.notice', { hasText: /Saved: Phone/ }).waitFor({ timeout: 60_000 });
    await dirtyTab(page).waitFor({ state: 'detached', timeout: uiTimeout });
    assert.deepEqual(await patchesSince(start), [{ phone: '+1 555 0401' }]);
    await screenshot(page, 'forms-close-2-ctrl-s-saved');

    // Save in the close prompt: the form's save runs (PATCH), then the tab closes.
    await fill(frame, 'phone', '+1 555 0402');
    await dirtyTab(page).waitFor({ timeout: uiTimeout });
    await closeFormTab(page);
    await answerModal(page, /Do you want to save/, 'Save');
    await formTab(page, tabName).waitFor({ state: 'detached', timeout: 60_000 });
    assert.deepEqual(await patchesSince(start), [{ phone: '+1 555 0401' }, { phone: '+1 555 0402' }]);
    frame = await openCustomerForm(page);
    assert.equal(await fieldValue(frame, 'phone'), '+1 555 0402');
    const originalEmail = await fieldValue(frame, 'email');

    // A save NetSuite refuses: the error is on its field, the toast says so, the tab stays dirty with the edit.
    await fill(frame, 'email', 'not-an-email');
    await dirtyTab(page).waitFor({ timeout: uiTimeout });
    await page.keyboard.press('Control+s');
    assert.match(await fieldError(frame, 'email'), /Invalid Field Value not-an-email/);
    await waitForNotification(page, /Failed to save/);
    assert.equal(await dirtyTab(page).count(), 1, 'still dirty after the failed save');
    assert.equal(await fieldValue(frame, 'email'), 'not-an-email');
    await screenshot(page, 'forms-close-3-failed-save-stays-dirty');

    // Revert File: the form reloads the record as NetSuite has it, and the tab is clean.
    await runCommand(page, 'File: Revert File');
    await frame.locator('.notice', { hasText: /Reverted to the record as it is now in NetSuite/ }).waitFor({ timeout: 60_000 });
    await dirtyTab(page).waitFor({ state: 'detached', timeout: uiTimeout });
    assert.equal(await fieldValue(frame, 'email'), originalEmail, 'the refused email is gone after the revert');

    // Hot exit: an unsaved edit survives a window reload (VS Code keeps a backup the form wrote).
    const beforeReload = (await sandboxRequests()).lastSeq;
    await fill(frame, 'email', 'reload@forms-e2e.example.com');
    await page.waitForTimeout(3_000); // VS Code backs up a dirty editor about a second after its last change
    // …and would auto save it after a second too (the web default): forms opt out, so nothing went to NetSuite.
    assert.deepEqual(await patchesSince(beforeReload), [], 'no auto save of the form');
    page.on('dialog', (dialog) => void dialog.accept());

    await reloadWindow(page);
    await dirtyTab(page).waitFor({ timeout: 60_000 });
    frame = form(page);
    await frame.locator('.notice', { hasText: /Restored your unsaved edits/ }).waitFor({ timeout: 60_000 });
    assert.equal(await fieldValue(frame, 'email'), 'reload@forms-e2e.example.com', 'the edit came back');
    await screenshot(page, 'forms-close-4-edits-restored-after-reload');
    // Undo cannot go behind the restore: an edit undone there leaves the restored edits, and the dirty tab, as they were.
    await fill(frame, 'phone', '+1 555 0499');
    // The edit goes webview → extension host → VS Code's undo stack, a longer way than Ctrl+Z takes to VS Code, so
    // a Ctrl+Z pressed by a robot the moment after filling can come first; the tab is already dirty, nothing to wait on.
    await page.waitForTimeout(1_000);
    await page.keyboard.press('Control+z');
    for (let attempt = 0; attempt < 50 && (await fieldValue(frame, 'phone')) === '+1 555 0499'; attempt += 1) await page.waitForTimeout(100);
    assert.notEqual(await fieldValue(frame, 'phone'), '+1 555 0499', 'Ctrl+Z took the phone back');
    assert.equal(await fieldValue(frame, 'email'), 'reload@forms-e2e.example.com', 'the restored edit stays');
    assert.equal(await dirtyTab(page).count(), 1, 'still dirty: the restored edit is not saved');

    // The restored form saves like any other once NetSuite is there. The demo sandbox ran in the old window's
    // extension host: it starts afresh, from its seed, so the phone saved above is gone there — a change since
    // the form loaded, which the save shows before overwriting.
    await runCommand(page, 'SuiteLens: Try the Demo Sandbox');
    const restart = await sandboxLogOnceUp(page);
    await frame.locator('vscode-textfield[data-path="email"] input').click();
    await page.keyboard.press('Control+s');
    await answerModal(page, /was changed in NetSuite since this form opened/, 'Overwrite');
    await frame.locator('.notice', { hasText: /Saved: Email/ }).waitFor({ timeout: 60_000 });
    await dirtyTab(page).waitFor({ state: 'detached', timeout: uiTimeout });
    assert.deepEqual(await patchesSince(restart), [{ email: 'reload@forms-e2e.example.com' }]);

    // A new record saved from the close prompt is created once, and its form does not come back after the close.
    const draftName = `Close Prompt ${Date.now()}`;
    const draft = await openNewForm(page, 'customer');
    await fill(draft, 'companyName', draftName);
    await fill(draft, 'entityId', draftName);
    await pickReference(draft, 'subsidiary', 'honey', /Honeycomb/);
    const newTab = formTab(page, /^New customer$/i);
    await newTab.hover();
    await newTab.locator('.tab-actions a.action-label').first().click({ timeout: uiTimeout });
    await answerModal(page, /Do you want to save/, 'Save');
    await newTab.waitFor({ state: 'detached', timeout: 60_000 });
    const creates = (await sandboxRequests(restart, 'POST')).items.filter((request) => request.path === '/services/rest/record/v1/customer' && writeAccepted(request));
    assert.equal(creates.length, 1, 'one create');
    await page.waitForTimeout(2_000);
    assert.equal(await formTab(page, new RegExp(draftName)).count(), 0, 'the closed form did not reopen as the new record');
    await screenshot(page, 'forms-close-5-create-saved-from-prompt-stays-closed');
  },
};
