import * as assert from 'node:assert/strict';
import type { FrameLocator, Page } from 'playwright-core';
import { expandRow, explorerRows, findRow, rowAction, answerInputBox, startDemoFromWelcome, waitForTreeLoaded } from '../lib/explorerTree';
import type { Scenario } from '../lib/scenario';
import { exactly, notebookOutput, readGrid, runCommand, runNotebookCell, screenshot } from '../lib/workbench';
import { fill, form, formTab, saveAndWait } from './formsCustomer';

const newPhone = '+49 30 5550 1234';

/** The newest SuiteLens webview (the record view, then the form that takes its place). */
function newestWebview(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview[src*="extensionId=suitelens.suitelens"] >> nth=-1').frameLocator('#active-frame');
}

/** The text the view shows under a field's label. */
async function viewField(view: FrameLocator, label: string): Promise<string> {
  return view.locator('.field', { has: view.locator('.label', { hasText: new RegExp(`^${label}$`) }) }).locator('.value').innerText();
}

export const scenario: Scenario = {
  name: 'Query → click a customer id → the read-only record view → Edit → change the phone → save names the field by its label → the explorer shows the new phone',
  async run({ openWorkbench }) {
    // No chat pane on the right: the notebook, the record and the tree share the window as a person would arrange them.
    const page = await openWorkbench({ settings: { 'workbench.secondarySideBar.defaultVisibility': 'hidden' } });
    await startDemoFromWelcome(page);

    // A query in a notebook: the demo's customers, with their ids as links.
    await runCommand(page, 'SuiteLens: New SuiteQL Notebook');
    await page.locator('.notebook-editor', { hasText: 'NetSuite: Demo (sandbox)' }).first().waitFor({ timeout: 30_000 });
    assert.equal(await runNotebookCell(page, 0), 'success');
    await notebookOutput(page).locator('.sl-grid-status').waitFor({ timeout: 30_000 });
    const grid = await readGrid(page);
    const [id, , companyName] = grid[1];
    assert.match(id, /^\d+$/);

    // The explorer shows that customer and its phone (filtered to its name, then expanded).
    await expandRow(page, 'Record Types');
    const customerType = await expandRow(page, /^[Cc]ustomer$/);
    await rowAction(page, customerType, 'Filter Records');
    await answerInputBox(page, companyName);
    await waitForTreeLoaded(page);
    await expandRow(page, companyName);
    const phoneRow = await findRow(page, 'Phone');
    const oldPhone = (await phoneRow.locator('.label-description').innerText()).trim();
    assert.notEqual(oldPhone, newPhone);

    // A click on the id opens the record's read-only view, as a preview tab beside the notebook.
    await notebookOutput(page).locator('.sl-grid-row[data-position="0"] .sl-grid-cell[data-column="0"] .sl-grid-link').click();
    // The view's tab says it is the view; the edit form's tab will be the record's name alone.
    const viewTab = formTab(page, new RegExp(`^Customer ${id}\\b.*\\(View\\)$`));
    await viewTab.waitFor({ timeout: 30_000 });
    assert.ok(await viewTab.locator('.label-name').evaluate((label) => getComputedStyle(label).fontStyle === 'italic'), 'the view opens as a preview tab');
    const view = newestWebview(page);
    await view.locator('h1', { hasText: companyName }).waitFor({ timeout: 30_000 });
    // Labels, not field ids; the phone as NetSuite has it; the subsidiary by its name; the balance as an amount.
    assert.equal(await viewField(view, 'Phone'), oldPhone);
    assert.match(await viewField(view, 'Primary Subsidiary'), /^[A-Z][\w .&-]+[^\d]$/);
    assert.match(await viewField(view, 'Balance'), /^-?[\d,]+\.\d{2}$/);
    assert.equal(await view.locator('input, vscode-textfield').count(), 0, 'nothing to type into: the view is read-only');
    // Edit is also the editor's title action, beside Open Record as JSON.
    await page.locator('.editor-group-container a.action-label[aria-label*="Edit Record"]').first().waitFor({ timeout: 30_000 });
    await page.locator('.editor-group-container a.action-label[aria-label*="Open Record as JSON"]').first().waitFor({ timeout: 30_000 });
    await screenshot(page, 'record-view-1-opened-from-grid');

    // Edit: the record form takes the view's place.
    await view.locator('vscode-button[data-action="edit"]').click();
    const formTabLocator = formTab(page, new RegExp(`^Customer ${id}\\b(?!.*\\(View\\)$)`));
    await formTabLocator.waitFor({ timeout: 60_000 });
    await viewTab.waitFor({ state: 'detached', timeout: 30_000 });
    const frame = form(page);
    await frame.locator('vscode-textfield[data-path="phone"]').waitFor({ timeout: 60_000 });
    await fill(frame, 'phone', newPhone);
    const notice = await saveAndWait(frame, /Saved: /);
    assert.match(notice, /Saved: Phone\./, 'the message names the field by its label');
    await screenshot(page, 'record-view-2-edited-saved-by-label');

    // The explorer shows the new phone without a manual refresh.
    await page.waitForFunction(
      (phone) => [...document.querySelectorAll('.part.sidebar .monaco-list-row')].some((row) => row.querySelector('.label-name')?.textContent?.trim() === 'Phone' && row.querySelector('.label-description')?.textContent?.trim() === phone),
      newPhone,
      { timeout: 30_000 },
    );
    assert.equal(await explorerRows(page, /^Phone$/).count() > 0, true);
    await screenshot(page, 'record-view-3-tree-shows-new-phone');

    // The id link again: the view reads NetSuite anew (the new phone), and its JSON is one click away for developers.
    await notebookOutput(page).locator('.sl-grid-row[data-position="0"] .sl-grid-cell[data-column="0"] .sl-grid-link').click();
    await viewTab.waitFor({ timeout: 30_000 });
    const again = newestWebview(page);
    await again.locator('.field', { hasText: newPhone }).waitFor({ timeout: 30_000 });
    await again.locator('vscode-button[data-action="openJson"]').click();
    await page.locator('.tabs-container .tab', { hasText: exactly(`${id}.json`) }).first().waitFor({ timeout: 30_000 });
    // Its first lines (the editor draws only what is in view): the record's JSON with its sublists.
    await page.locator('.monaco-editor .view-lines', { hasText: '"addressBook"' }).first().waitFor({ timeout: 30_000 });
    await screenshot(page, 'record-view-4-open-as-json');
  },
};
