import * as assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import type { Scenario } from '../lib/scenario';
import { notebookOutput, runNotebookCell, screenshot, waitForNotification } from '../lib/workbench';
import { demoNotebook } from './notebookGrid';

/**
 * An export to a folder SuiteLens may not write fails at once with a message naming the cause, and the progress
 * notification ends (it used to spin forever: the write stream's error had no listener). /sys refuses new files
 * even to root, which a chmod-ed folder does not.
 */
export const scenario: Scenario = {
  name: 'Export CSV to a folder it may not write fails at once with "Permission denied", and leaves nothing behind',
  async run({ openWorkbench }) {
    const page = await openWorkbench({ settings: { 'suitelens.notebook.pageSize': 50 } });
    await demoNotebook(page);
    assert.equal(await runNotebookCell(page, 0), 'success');
    const output = notebookOutput(page);
    await output.locator('.sl-grid-export-csv').click();
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ timeout: 30_000 });
    // Wait for the dialog's own proposal before typing over it (it fills the input in steps).
    for (let waited = 0; waited < 15_000 && !/\.csv$/.test(await input.inputValue()); waited += 100) await page.waitForTimeout(100);
    // The simple file dialog re-lists the folder as the path is typed; press OK once it holds the whole path, and
    // again if a listing refresh swallowed the first press.
    const widget = page.locator('.quick-input-widget');
    for (let attempt = 0; attempt < 5 && (await widget.isVisible()); attempt++) {
      if ((await input.inputValue()) !== '/sys/suitelens-export.csv') await input.fill('/sys/suitelens-export.csv');
      await page.waitForTimeout(800);
      await page.keyboard.press('Enter');
      await widget.waitFor({ state: 'hidden', timeout: 3_000 }).catch(() => undefined);
    }
    const started = Date.now();
    const toast = await waitForNotification(page, /Export to suitelens-export\.csv failed/);
    const elapsedMs = Date.now() - started;
    assert.match(toast, /Permission denied: SuiteLens may not write in \/sys\. Choose a folder you can write to\. suitelens-export\.csv was not changed\./);
    assert.ok(elapsedMs < 20_000, `the failure is reported at once, not after a hang (${elapsedMs} ms)`);
    // The progress notification has ended: no "Exporting to …" toast remains.
    await page.locator('.notifications-toasts .notification-toast', { hasText: /Exporting to suitelens-export\.csv/ }).waitFor({ state: 'detached', timeout: 10_000 });
    // Expand the toast (VS Code shows one line until asked) so the screenshot shows the whole message.
    const failure = page.locator('.notifications-toasts .notification-toast', { hasText: /Export to suitelens-export\.csv failed/ }).first();
    await failure.hover();
    const expand = failure.locator('.codicon-notifications-expand');
    if (await expand.isVisible()) await expand.click();
    await page.waitForTimeout(600); // the toast's fade-in, so the screenshot shows it readable
    await screenshot(page, 'notebook-export-unwritable');
    assert.deepEqual(readdirSync('/sys').filter((name) => name.startsWith('suitelens-export')), []);
  },
};
