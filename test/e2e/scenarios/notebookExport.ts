import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Scenario } from '../lib/scenario';
import { notebookOutput, runNotebookCell, screenshot, waitForNotification } from '../lib/workbench';
import { demoNotebook } from './notebookGrid';

export const scenario: Scenario = {
  name: 'Export CSV writes every row of the result (all pages) to the chosen file',
  async run({ openWorkbench }) {
    const page = await openWorkbench({ settings: { 'suitelens.notebook.pageSize': 50 } });
    const folder = new URL(page.url()).searchParams.get('folder');
    assert.ok(folder, 'the workbench URL names its workspace folder');
    await demoNotebook(page);
    assert.equal(await runNotebookCell(page, 0), 'success');
    const output = notebookOutput(page);
    const status = await output.locator('.sl-grid-status').innerText();
    const total = Number(/of (\d[\d,]*) rows/.exec(status)?.[1].replace(/,/g, ''));
    assert.ok(total > 50, `the result spans several pages: ${status}`);

    await output.locator('.sl-grid-export-csv').click();
    // VS Code's simple file dialog (web): a quick input holding the path.
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ timeout: 30_000 });
    // The dialog proposes suiteql-<date>.csv in the workspace folder; accepting it is one keystroke.
    // The dialog fills its input in steps (folder first, then the name): wait for the whole proposal.
    const proposal = /workspace\/suiteql-\d{4}-\d{2}-\d{2}\.csv$/;
    let proposed = '';
    for (let waited = 0; waited < 15_000 && !proposal.test(proposed); waited += 100) {
      proposed = await input.inputValue();
      if (!proposal.test(proposed)) await page.waitForTimeout(100);
    }
    assert.match(proposed, proposal);
    const target = join(folder, `suiteql-${new Date().toISOString().slice(0, 10)}.csv`);
    await page.keyboard.press('Enter');
    const toast = await waitForNotification(page, /Exported [\d,]+ rows to suiteql-/);
    await screenshot(page, 'notebook-export-csv-done');

    assert.ok(existsSync(target), `${target} was written`);
    const lines = readFileSync(target, 'utf8').trimEnd().split('\n');
    assert.equal(lines[0], 'id,entityid,companyname');
    assert.equal(lines.length - 1, total, `the file holds all ${total} rows, not just the ${50} shown (toast: ${toast})`);
    assert.ok(lines.some((line) => line.includes('O\'Brien & Sons')));
    assert.ok(!existsSync(`${target}.partial`), 'no partial file is left behind');
  },
};
