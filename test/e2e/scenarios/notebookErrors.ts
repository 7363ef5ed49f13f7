import * as assert from 'node:assert/strict';
import type { Scenario } from '../lib/scenario';
import { notebookOutput, runNotebookCell, screenshot } from '../lib/workbench';
import { demoNotebook } from './notebookGrid';

async function replaceCellText(page: import('playwright-core').Page, text: string): Promise<void> {
  await page.locator('.notebook-editor .code-cell-row .monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
  await page.keyboard.press('Escape');
}

export const scenario: Scenario = {
  name: "A bad query fails its cell with NetSuite's own detail, the failing name marked",
  async run({ openWorkbench }) {
    const page = await openWorkbench();
    await demoNotebook(page);
    await replaceCellText(page, 'SELECT nosuchcolumn FROM customer');
    assert.equal(await runNotebookCell(page, 0), 'error');
    const output = notebookOutput(page);
    const detail = output.locator('.sl-error-detail');
    await detail.waitFor({ timeout: 30_000 });
    assert.match(await detail.innerText(), /Unknown identifier 'nosuchcolumn'/);
    assert.equal(await output.locator('.sl-error-mark').innerText(), 'nosuchcolumn');
    await screenshot(page, 'notebook-error-cell');
  },
};
