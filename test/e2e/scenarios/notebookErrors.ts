import * as assert from 'node:assert/strict';
import type { Scenario } from '../lib/scenario';
import { notebookOutput, replaceCellText, runNotebookCell, screenshot } from '../lib/workbench';
import { demoNotebook } from './notebookGrid';

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
