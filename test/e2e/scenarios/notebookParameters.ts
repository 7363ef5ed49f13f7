import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { Scenario } from '../lib/scenario';
import { readGrid, runNotebookCell, screenshot } from '../lib/workbench';
import { demoNotebook } from './notebookGrid';

async function answerParameter(page: Page, name: string, value: string): Promise<void> {
  const box = page.locator('.quick-input-widget', { hasText: `SuiteQL parameter :${name}` });
  await box.waitFor({ timeout: 30_000 });
  await box.locator('input').fill(value);
  if (name === 'min') await screenshot(page, 'notebook-parameter-prompt');
  await box.locator('input').press('Enter');
}

export const scenario: Scenario = {
  name: 'A cell with :name parameters asks for each value, binds them as SuiteQL literals and runs',
  async run({ openWorkbench }) {
    const page = await openWorkbench();
    await demoNotebook(page);
    await page.locator('.notebook-editor .code-cell-row .monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('SELECT id, companyname FROM customer WHERE id >= :min AND companyname <> :name ORDER BY id');
    await page.keyboard.press('Escape');
    const run = runNotebookCell(page, 0);
    await answerParameter(page, 'min', '300');
    // A value that tries to end its string and add SQL stays one string literal.
    await answerParameter(page, 'name', "x' OR 1=1 --");
    assert.equal(await run, 'success');
    const grid = await readGrid(page);
    assert.deepEqual(grid[0], ['id', 'companyname']);
    // Rows drawn (the grid's spare pooled rows are empty).
    const ids = grid.slice(1).filter((row) => row[0] !== '').map((row) => Number(row[0]));
    assert.ok(ids.length > 0 && ids.every((id) => id >= 300), `only ids from 300: ${ids.join(', ')}`);
  },
};
