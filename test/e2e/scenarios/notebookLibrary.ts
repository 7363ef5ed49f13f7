import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Scenario } from '../lib/scenario';
import { openSuiteLensView, readGrid, runCommand, screenshot, treeItems } from '../lib/workbench';

const saved = [
  '-- name: Customers from an id',
  '-- description: Customers whose internal id is at least :min',
  '-- params: :min',
  'SELECT id, companyname FROM customer WHERE id >= :min ORDER BY id',
  '',
].join('\n');

export const scenario: Scenario = {
  name: 'The SuiteQL Library lists the workspace’s saved queries and runs one into a notebook, prompting for its parameter',
  async run({ openWorkbench }) {
    const page = await openWorkbench({ settings: { 'workbench.colorTheme': 'Default Light Modern' }, folderFiles: { 'suiteql/customers-from-an-id.suiteql': saved, 'reports/plain.suiteql': 'SELECT id FROM employee\n' } });
    await runCommand(page, 'SuiteLens: Try the Demo Sandbox');
    const sideBar = await openSuiteLensView(page);
    const library = sideBar.locator('.pane', { has: page.locator('.pane-header', { hasText: /SuiteQL Library/i }) });
    await library.waitFor({ timeout: 60_000 });
    const header = library.locator('.pane-header');
    if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
    const item = treeItems(page).filter({ hasText: 'Customers from an id' });
    await item.waitFor({ timeout: 60_000 });
    await library.locator('.monaco-list-row', { hasText: 'plain' }).waitFor({ timeout: 30_000 });
    assert.match(await item.innerText(), /suiteql\/customers-from-an-id\.suiteql/);
    await screenshot(page, 'notebook-library-view');

    await item.hover();
    await item.locator('.action-label[aria-label="Run in Notebook"]').click({ timeout: 30_000 });
    const prompt = page.locator('.quick-input-widget', { hasText: 'SuiteQL parameter :min' });
    await prompt.waitFor({ timeout: 60_000 });
    await prompt.locator('input').fill('300');
    await screenshot(page, 'notebook-library-parameter-prompt');
    await prompt.locator('input').press('Enter');

    await page.locator('.notebook-editor .code-cell-row .monaco-editor', { hasText: 'WHERE id >= :min' }).first().waitFor({ timeout: 30_000 });
    let grid: string[][] = [];
    for (let waited = 0; waited < 60_000 && grid.length < 2; waited += 500) {
      grid = await readGrid(page).catch(() => []);
      if (grid.length < 2) await page.waitForTimeout(500);
    }
    assert.deepEqual(grid[0], ['id', 'companyname']);
    const ids = grid.slice(1).filter((row) => row[0] !== '').map((row) => Number(row[0]));
    assert.ok(ids.length > 0 && ids.every((id) => id >= 300), `only ids from 300: ${ids.join(', ')}`);
    await screenshot(page, 'notebook-library-run-light');
    await runCommand(page, 'Preferences: Toggle between Light/Dark Themes');
    await page.locator('.monaco-workbench.vs-dark').waitFor({ timeout: 30_000 });
    await page.waitForTimeout(500);
    await screenshot(page, 'notebook-library-run-dark');

    // The cell goes back to the library under a new name, with the header naming its parameter.
    await page.locator('.notebook-editor .code-cell-row').first().click({ position: { x: 5, y: 5 } });
    await runCommand(page, 'SuiteLens: Save Cell to SuiteQL Library');
    const nameBox = page.locator('.quick-input-widget', { hasText: 'A name for this query' });
    await nameBox.waitFor({ timeout: 30_000 });
    await nameBox.locator('input').fill('Customers over a threshold');
    await nameBox.locator('input').press('Enter');
    const descriptionBox = page.locator('.quick-input-widget', { hasText: 'A one-line description' });
    await descriptionBox.waitFor({ timeout: 30_000 });
    await descriptionBox.locator('input').fill('Saved from a notebook');
    await descriptionBox.locator('input').press('Enter');
    await treeItems(page).filter({ hasText: 'Customers over a threshold' }).waitFor({ timeout: 30_000 });
    const folder = new URL(page.url()).searchParams.get('folder');
    assert.ok(folder, 'the workbench URL names its workspace folder');
    assert.equal(
      readFileSync(join(folder, 'suiteql', 'customers-over-a-threshold.suiteql'), 'utf8'),
      '-- name: Customers over a threshold\n-- description: Saved from a notebook\n-- params: :min\nSELECT id, companyname FROM customer WHERE id >= :min ORDER BY id\n',
    );
    await screenshot(page, 'notebook-library-saved-cell');
  },
};
