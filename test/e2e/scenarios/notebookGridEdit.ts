import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { pickQuickItem, pressDialogButton } from '../lib/agentPanes';
import { answerInputBox } from '../lib/explorerTree';
import type { Scenario } from '../lib/scenario';
import { notebookOutput, readGrid, runNotebookCell, screenshot, waitForNotification } from '../lib/workbench';
import { demoNotebook } from './notebookGrid';

// Pages of 250 rows (the setting below): the first page is the 250 customers with the lowest ids, the same on every run.
const query = 'SELECT id, email, comments FROM customer ORDER BY id';
const comments = 2;
const email = 1;

async function writeQuery(page: Page): Promise<void> {
  await page.locator('.notebook-editor .code-cell-row .monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(query);
  await page.keyboard.press('Escape');
}

async function editMode(page: Page): Promise<void> {
  const output = notebookOutput(page);
  await output.locator('.sl-grid-status').waitFor({ timeout: 30_000 });
  await output.locator('.sl-grid-edit-toggle').click();
  await output.locator('.sl-grid-message', { hasText: /^Edit mode/ }).waitFor({ timeout: 30_000 });
}

async function editCell(page: Page, position: number, column: number, text: string): Promise<void> {
  const output = notebookOutput(page);
  await output.locator(`.sl-grid-row[data-position="${position}"] .sl-grid-cell[data-column="${column}"]`).dblclick();
  const input = output.locator('.sl-grid-cell-input');
  await input.waitFor({ timeout: 10_000 });
  await input.fill(text);
  await input.press('Enter');
  await output.locator(`.sl-grid-row[data-position="${position}"] .sl-grid-cell.sl-edited[data-column="${column}"]`).waitFor({ timeout: 10_000 });
}

export const scenario: Scenario = {
  name: 'Grid edit mode: two cells edited and applied, NetSuite’s refusal on its cell, and Set field on 250 selected rows with progress',
  async run({ openWorkbench }) {
    // Async jobs take a moment, as on NetSuite, so the bulk change's progress can be seen.
    const page = await openWorkbench({ settings: { 'suitelens.notebook.pageSize': 250 }, env: { SUITELENS_DEMO_OPTIONS: JSON.stringify({ latency: { asyncJobMs: 1500 } }) } });
    await demoNotebook(page);
    await writeQuery(page);
    assert.equal(await runNotebookCell(page, 0), 'success');
    const output = notebookOutput(page);
    await editMode(page);
    const idCell = output.locator('.sl-grid-row[data-position="0"] .sl-grid-cell[data-column="0"]');
    assert.match((await idCell.getAttribute('title')) ?? '', /Read-only: The internal id/);

    // Two cells on two records, reviewed, then applied (one batch for the two).
    await editCell(page, 0, comments, 'Edited in the grid (1)');
    await editCell(page, 1, comments, 'Edited in the grid (2)');
    await output.locator('.sl-grid-review', { hasText: 'Review changes (2)' }).click();
    const review = output.locator('.sl-review');
    await review.waitFor({ timeout: 10_000 });
    assert.equal(await review.locator('.sl-review-record').count(), 2);
    assert.match(await review.innerText(), /comments \(comments\): .* → Edited in the grid \(1\)/);
    await review.scrollIntoViewIfNeeded();
    await screenshot(page, 'notebook-grid-edit-review');
    await review.locator('.sl-review-apply').click();
    await output.locator('.sl-grid-message', { hasText: 'Saved 2 of 2 records.' }).waitFor({ timeout: 60_000 });
    assert.equal(await output.locator('.sl-grid-row .sl-grid-gutter.sl-row-saved').count(), 2);
    await output.locator('.sl-grid').evaluate((grid) => (grid.scrollLeft = 0));
    await screenshot(page, 'notebook-grid-edit-applied');

    // The values are in NetSuite: the query run again shows them.
    assert.equal(await runNotebookCell(page, 0), 'success');
    await output.locator('.sl-grid-status').waitFor({ timeout: 30_000 });
    const rerun = await readGrid(page);
    assert.equal(rerun[1][comments], 'Edited in the grid (1)');
    assert.equal(rerun[2][comments], 'Edited in the grid (2)');

    // A value NetSuite refuses: its error lands on the cell, and the edit stays.
    await editMode(page);
    await editCell(page, 2, email, 'not an email');
    await output.locator('.sl-grid-review').click();
    await output.locator('.sl-review-apply').click();
    const refused = output.locator(`.sl-grid-row[data-position="2"] .sl-grid-cell.sl-cell-error[data-column="${email}"]`);
    await refused.waitFor({ timeout: 60_000 });
    assert.match((await refused.getAttribute('title')) ?? '', /^NetSuite: .*email/i);
    assert.equal(await refused.innerText(), 'not an email');
    assert.match(await output.locator('.sl-grid-message').innerText(), /Saved 0 of 1 record; 1 refused by NetSuite/);
    assert.equal(await output.locator('.sl-grid-row[data-position="2"] .sl-grid-gutter.sl-row-failed').count(), 1);
    assert.match(await output.locator('.sl-review').innerText(), /NetSuite: .*email/i);
    await output.locator('.sl-grid').evaluate((grid) => (grid.scrollLeft = 0));
    // The page scrolls so the refused row, the review's NetSuite line and the summary show together.
    await output.locator('.sl-grid').evaluate((grid) => (grid.scrollTop = 0));
    await output.locator('.sl-grid-message').scrollIntoViewIfNeeded();
    await screenshot(page, 'notebook-grid-edit-netsuite-error');

    // Set field on all 250 rows: pick the field, the value, see the preview, watch the progress.
    await output.locator('.sl-grid-row[data-position="0"] .sl-grid-gutter').click();
    await page.keyboard.press('Control+A');
    await output.locator('.sl-grid-set-field').click();
    await pickQuickItem(page, 'Comments');
    await answerInputBox(page, 'Set on 250 rows');
    const preview = await pressDialogButton(page, 'Set Field');
    assert.match(preview, /Set Comments to "Set on 250 rows" on 250 customer records/);
    await waitForNotification(page, /Setting Comments on 250 customer records/);
    // Let the toast finish sliding in, so the screenshot shows it whole (not a check of any timing).
    await page.waitForTimeout(500);
    await screenshot(page, 'notebook-grid-bulk-set-progress');
    await output.locator('.sl-grid-message', { hasText: 'Updated 250 of 250 records.' }).waitFor({ timeout: 120_000 });
    assert.equal(await output.locator(`.sl-grid-row[data-position="5"] .sl-grid-cell[data-column="${comments}"]`).innerText(), 'Set on 250 rows');
    // The refused email edit is not part of the bulk change: it stays edited, with its error, to fix and apply.
    assert.equal(await output.locator(`.sl-grid-row[data-position="2"] .sl-grid-cell.sl-edited.sl-cell-error[data-column="${email}"]`).count(), 1);
    assert.equal(await output.locator('.sl-grid-review', { hasText: 'Review changes (1)' }).count(), 1);
    await screenshot(page, 'notebook-grid-bulk-set-done');

    assert.equal(await runNotebookCell(page, 0), 'success');
    await output.locator('.sl-grid-status', { hasText: /^250 of / }).waitFor({ timeout: 30_000 });
    // Pooled rows out of view are drawn empty (hidden), not removed: only the drawn rows count.
    const after = (await readGrid(page)).slice(1).filter((row) => row[0] !== '');
    assert.ok(after.length > 10);
    for (const row of after) assert.equal(row[comments], 'Set on 250 rows');
  },
};
