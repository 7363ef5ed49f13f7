import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { Scenario } from '../lib/scenario';
import { notebookOutput, readGrid, runCommand, runNotebookCell, screenshot } from '../lib/workbench';

/** Starts the demo from the palette and opens a new notebook prefilled with the customer query. */
export async function demoNotebook(page: Page): Promise<void> {
  await runCommand(page, 'SuiteLens: Try the Demo Sandbox');
  await page.locator('.part.sidebar .monaco-list-row[role="treeitem"], .part.sidebar .welcome-view-content').first().waitFor({ timeout: 60_000 });
  await runCommand(page, 'SuiteLens: New SuiteQL Notebook');
  await page.locator('.notebook-editor .code-cell-row').first().waitFor({ timeout: 30_000 });
  await page.locator('.notebook-editor', { hasText: 'NetSuite: Demo (sandbox)' }).first().waitFor({ timeout: 30_000 });
}

export const scenario: Scenario = {
  name: 'A SuiteQL cell runs on the demo sandbox; the grid pages, sorts and copies',
  async run({ openWorkbench }) {
    const page = await openWorkbench({ settings: { 'suitelens.notebook.pageSize': 50 } });
    await demoNotebook(page);
    assert.equal(await runNotebookCell(page, 0), 'success');

    const output = notebookOutput(page);
    const status = output.locator('.sl-grid-status');
    await status.waitFor({ timeout: 30_000 });
    assert.match(await status.innerText(), /^50 of \d{3} rows · \d+\.\d\d s$/);
    const grid = await readGrid(page);
    assert.deepEqual(grid[0], ['id', 'entityid', 'companyname']);
    assert.ok(grid.length > 10, 'rows are drawn');
    await screenshot(page, 'notebook-first-page');

    await output.locator('.sl-grid-load-more').click();
    await output.locator('.sl-grid-status', { hasText: /^100 of / }).waitFor({ timeout: 30_000 });
    await output.locator('.sl-grid-load-all').click();
    await output.locator('.sl-grid-status', { hasText: /^\d{3} rows · / }).waitFor({ timeout: 60_000 });
    assert.equal(await output.locator('.sl-grid-load-more').isDisabled(), true, 'nothing left to load');

    const companyHeader = output.locator('.sl-grid-header-cell[data-column="2"]');
    await companyHeader.click();
    assert.equal(await companyHeader.getAttribute('aria-sort'), 'ascending');
    const names = (await readGrid(page)).slice(1, 6).map((row) => row[2]);
    const sorted = [...names].sort((a, b) => a.localeCompare(b, undefined, { numeric: true, sensitivity: 'base' }));
    assert.deepEqual(names, sorted, `first names in view are in order: ${names.join(' | ')}`);

    await output.locator('.sl-grid-row[data-position="0"] .sl-grid-cell[data-column="2"]').click();
    await page.keyboard.press('Control+C');
    await output.locator('.sl-grid-message', { hasText: /Copied 1 value|Copy failed/ }).waitFor({ timeout: 10_000 });
    await screenshot(page, 'notebook-sorted-all-loaded');
    assert.equal(await output.locator('img').count(), 0, 'no NetSuite value became markup');

    // A real click on an id link (mousedown, mouseup, click from the browser) opens that record's view beside the
    // notebook (the whole view → Edit → save flow: recordViewFlow.ts).
    const firstId = (await readGrid(page))[1][0];
    await output.locator('.sl-grid-row[data-position="0"] .sl-grid-cell[data-column="0"] .sl-grid-link').click();
    const recordTab = page.locator('.tabs-container .tab', { has: page.locator('.label-name', { hasText: new RegExp(`^Customer ${firstId}\\b`) }) }).first();
    await recordTab.waitFor({ timeout: 30_000 });
    const recordView = page.frameLocator('iframe.webview[src*="extensionId=suitelens.suitelens"] >> nth=-1').frameLocator('#active-frame');
    await recordView.locator('.field .label', { hasText: 'Internal ID' }).first().waitFor({ timeout: 30_000 });
    await screenshot(page, 'notebook-id-link-opens-record');
  },
};
