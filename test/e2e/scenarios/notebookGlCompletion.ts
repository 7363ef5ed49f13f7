import * as assert from 'node:assert/strict';
import type { Scenario } from '../lib/scenario';
import { readGrid, runNotebookCell, screenshot } from '../lib/workbench';
import { demoNotebook } from './notebookGrid';

export const scenario: Scenario = {
  name: 'Completion after "FROM tr" offers transactionaccountingline, and a GL query on it shows balanced lines',
  async run({ openWorkbench }) {
    const page = await openWorkbench({ settings: { 'suitelens.notebook.pageSize': 50 } });
    await demoNotebook(page);
    await page.locator('.notebook-editor .code-cell-row .monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('SELECT * FROM tr');
    const suggest = page.locator('.suggest-widget .monaco-list-row');
    try {
      await suggest.first().waitFor({ timeout: 5_000 });
    } catch {
      await page.keyboard.press('Control+Space');
      await suggest.first().waitFor({ timeout: 15_000 });
    }
    await page.locator('.suggest-widget .monaco-list-row', { hasText: 'transactionaccountingline' }).first().waitFor({ timeout: 15_000 });
    await screenshot(page, 'notebook-completion-from-tr');
    await page.keyboard.press('Escape');

    await page.keyboard.press('Control+A');
    await page.keyboard.type(
      'SELECT tal.transaction, BUILTIN.DF(tal.transaction) AS doc, SUM(tal.debit) AS debits, SUM(tal.credit) AS credits FROM transactionaccountingline tal GROUP BY tal.transaction ORDER BY tal.transaction',
    );
    await page.keyboard.press('Escape');
    assert.equal(await runNotebookCell(page, 0), 'success');
    const grid = await readGrid(page);
    assert.deepEqual(grid[0], ['transaction', 'doc', 'debits', 'credits']);
    assert.ok(grid.length > 5, 'GL lines are listed');
    for (const row of grid.slice(1)) assert.equal(row[2], row[3], `transaction ${row[0]} balances`);
    await screenshot(page, 'notebook-gl-balanced');
  },
};
