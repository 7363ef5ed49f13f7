import * as assert from 'node:assert/strict';
import { dialogText, pressDialogButton, uiTimeout } from '../lib/agentPanes';
import { startDemoFromWelcome } from '../lib/explorerTree';
import { pickQuickInputRow, waitForQuickInputTitle } from '../lib/quickInput';
import type { Scenario } from '../lib/scenario';
import { notebookOutput, readGrid, runCommand, runNotebookCell, screenshot } from '../lib/workbench';

// VS Code's own chat tool copilot_runNotebookCell runs a cell through `notebook.cell.execute`, as any command does:
// SuiteLens cannot tell it from a person. What it can tell is whether the person touched the notebook moments ago.
// Here the run comes from the palette after the notebook sat untouched, which to SuiteLens looks like an agent's.
export const scenario: Scenario = {
  name: 'A notebook run on a read-only account that nobody started at the notebook asks first; the person at the notebook runs at once',
  async run({ openWorkbench }) {
    const page = await openWorkbench();
    await startDemoFromWelcome(page);

    // The person marks the demo account read-only (Account Options).
    await runCommand(page, 'SuiteLens: Account Options…');
    const optionsTitle = page.locator('.quick-input-widget .quick-input-title', { hasText: /Account Options:/ });
    const accountRow = page.locator('.quick-input-list .monaco-list-row', { hasText: /TSTDRV1234567_SB1/ }).first();
    await optionsTitle.or(accountRow).first().waitFor({ timeout: uiTimeout });
    if (!(await optionsTitle.isVisible())) await accountRow.click();
    await waitForQuickInputTitle(page, /Account Options:/);
    await pickQuickInputRow(page, /Read-only/);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: /Read-only/ }).filter({ hasText: /On/ }).waitFor({ timeout: uiTimeout });
    await page.keyboard.press('Escape');

    await runCommand(page, 'SuiteLens: New SuiteQL Notebook');
    await page.locator('.notebook-editor', { hasText: 'NetSuite: Demo (sandbox)' }).first().waitFor({ timeout: uiTimeout });
    // Longer than the moment after a touch during which a run still counts as the person's (personAtNotebook.ts).
    await page.waitForTimeout(22_000);
    await runCommand(page, 'Notebook: Run All');
    const question = await dialogText(page);
    assert.match(question, /Run this SuiteQL on Demo/);
    assert.match(question, /cannot tell that you started this run at the notebook/);
    assert.match(question, /this account is marked read-only/);
    assert.match(question, /FROM customer/);
    await screenshot(page, 'notebook-run-from-elsewhere-1-asks');
    await pressDialogButton(page, 'Cancel');
    await notebookOutput(page).getByText(/Not run: you were asked whether to run this query/).waitFor({ timeout: uiTimeout });
    await screenshot(page, 'notebook-run-from-elsewhere-2-not-run');

    // The person clicks into the cell and runs it: no question.
    await page.locator('.notebook-editor .code-cell-row').first().locator('.monaco-editor .view-lines').click();
    assert.equal(await runNotebookCell(page, 0), 'success');
    assert.equal(await page.locator('.monaco-dialog-box').count(), 0, 'no question for the person at the notebook');
    assert.ok((await readGrid(page)).length > 1, 'the grid shows rows');
    await screenshot(page, 'notebook-run-from-elsewhere-3-person-runs');
  },
};
