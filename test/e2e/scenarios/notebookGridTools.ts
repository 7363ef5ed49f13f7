import * as assert from 'node:assert/strict';
import type { Scenario } from '../lib/scenario';
import { notebookOutput, runNotebookCell, screenshot } from '../lib/workbench';
import { useColorTheme } from './formsCustomer';
import { demoNotebook } from './notebookGrid';

export const scenario: Scenario = {
  name: 'The grid filters per column, hides a column and shows one row as a record, all from the keyboard too',
  async run({ openWorkbench }) {
    const page = await openWorkbench();
    await demoNotebook(page);
    assert.equal(await runNotebookCell(page, 0), 'success');
    const output = notebookOutput(page);
    await output.locator('.sl-grid-status').waitFor({ timeout: 30_000 });

    await output.locator('.sl-grid-filter-toggle').click();
    const nameFilter = output.locator('.sl-grid-filter[data-column="2"]');
    await nameFilter.fill('acme');
    await output.locator('.sl-grid-status', { hasText: /match the filter/ }).waitFor({ timeout: 10_000 });
    // The rows drawn (pooled rows out of view are hidden, not removed).
    const names = await output.locator('.sl-grid-row:visible .sl-grid-cell[data-column="2"]').allInnerTexts();
    assert.ok(names.length > 1, 'some rows match');
    for (const name of names) assert.match(name, /acme/i, `only matching rows: ${names.join(' | ')}`);
    await screenshot(page, 'notebook-grid-filter-row');

    await output.locator('.sl-grid-columns').click();
    await output.locator('.sl-grid-column-chooser input[data-choice="1"]').uncheck();
    assert.equal(await output.locator('.sl-grid-header-cell[data-column="1"]').isHidden(), true, 'entityid is hidden');
    await output.locator('.sl-grid-columns').click();

    await output.locator('.sl-grid-row[data-position="0"] .sl-grid-cell[data-column="2"]').click();
    await page.keyboard.press('Space');
    const record = output.locator('.sl-record-view');
    await record.waitFor({ timeout: 10_000 });
    assert.match(await record.locator('.sl-record-title').innerText(), /^Row \d+ · 1 of \d+ shown$/);
    await page.keyboard.press('ArrowRight');
    await record.locator('.sl-record-title', { hasText: / · 2 of / }).waitFor({ timeout: 10_000 });
    await screenshot(page, 'notebook-grid-record-view-light');

    // Right-click a cell: copy formats, open the record, filter by the value.
    await output.locator('.sl-grid-row[data-position="0"] .sl-grid-cell[data-column="0"]').click({ button: 'right' });
    const menu = output.locator('.sl-grid-menu');
    await menu.waitFor({ timeout: 10_000 });
    assert.deepEqual((await menu.locator('.sl-grid-menu-item').allInnerTexts()).slice(0, 5), ['Copy', 'Copy with Headers', 'Copy as CSV', 'Copy as JSON', 'Copy as Markdown']);
    await screenshot(page, 'notebook-grid-context-menu');
    await page.keyboard.press('Escape');
    assert.equal(await menu.count(), 0, 'Escape closes the menu');
    await useColorTheme(page, 'Dark Modern');
    await screenshot(page, 'notebook-grid-record-view-dark');
  },
};
