import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { dialogText, pressDialogButton, setPaneExpanded, uiTimeout, viewPane } from '../lib/agentPanes';
import { explorerRow } from '../lib/explorerTree';
import type { Scenario } from '../lib/scenario';
import { notebookOutput, runCommand, screenshot } from '../lib/workbench';

/** What a cloned repository could carry: settings that try to open the MCP endpoint, and a notebook with saved outputs. */
export const clonedFolder = {
  '.vscode/settings.json': JSON.stringify({ 'suitelens.agents.mcp.enabled': true, 'suitelens.agents.mcp.port': 0 }, null, 2),
  'reports/customers.snb': JSON.stringify(
    {
      version: 1,
      account: '1234567',
      cells: [
        {
          kind: 'code',
          language: 'suiteql',
          source: 'SELECT id, companyname FROM customer ORDER BY id',
          outputs: [{ items: [{ mime: 'text/plain', data: 'Saved with the folder: <img src=x onerror=alert(1)> 3 rows' }] }],
        },
      ],
    },
    null,
    2,
  ),
};

/** The person has turned the MCP endpoint on in their own settings (port 0: a free one). */
export const endpointOnForThePerson = { 'suitelens.agents.mcp.enabled': true, 'suitelens.agents.mcp.port': 0 };

export function restrictedModeBadge(page: Page) {
  return page.locator('.part.statusbar .statusbar-item', { hasText: 'Restricted Mode' });
}

export function agentAccessDescription(page: Page) {
  return viewPane(page, 'Agent Access').locator('.pane-header .description');
}

/** Opens a file of the folder with Quick Open, as a person does (Ctrl+P, its name, Enter). */
export async function quickOpen(page: Page, name: string): Promise<void> {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: uiTimeout });
  await input.fill(name);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ timeout: uiTimeout });
  await page.keyboard.press('Enter');
}

export const scenario: Scenario = {
  // Restricted Mode: the NetSuite view and demo work; the MCP endpoint stays off and says why; the folder's notebook
  // shows its saved output as text and runs nothing on open, and a run asks the person to trust the folder first.
  name: 'Restricted Mode: SuiteLens works, the MCP endpoint stays off, a folder notebook runs nothing unasked',
  async run({ openWorkbench }) {
    const page = await openWorkbench({ trustFolder: false, settings: endpointOnForThePerson, folderFiles: clonedFolder });
    await restrictedModeBadge(page).waitFor({ timeout: uiTimeout });

    // SuiteLens is there (it used to vanish in Restricted Mode) and says why its endpoint is not running.
    await runCommand(page, 'SuiteLens: Try the Demo Sandbox');
    await explorerRow(page, 'Demo (sandbox)').waitFor({ timeout: 120_000 });
    await setPaneExpanded(page, 'Agent Access', true);
    await agentAccessDescription(page).filter({ hasText: 'MCP endpoint off in Restricted Mode' }).waitFor({ timeout: uiTimeout });
    await screenshot(page, 'restricted-mode-1-netsuite-view');

    // The folder's notebook: its saved output is text (the markup in it is shown, not run), and nothing ran on open.
    await quickOpen(page, 'customers.snb');
    const cell = page.locator('.notebook-editor .code-cell-row').first();
    await cell.waitFor({ timeout: uiTimeout });
    const saved = notebookOutput(page).getByText('Saved with the folder: <img src=x onerror=alert(1)> 3 rows');
    await saved.waitFor({ timeout: uiTimeout });
    assert.equal(await notebookOutput(page).locator('img').count(), 0, 'the saved markup is text, not an image');
    assert.doesNotMatch(await cell.locator('.execution-count-label').innerText().catch(() => ''), /\d/, 'nothing ran on open (no execution order)');

    await screenshot(page, 'restricted-mode-2-folder-notebook');

    // Running a cell in Restricted Mode: VS Code itself first asks to trust the folder; cancelled, nothing runs.
    await runCommand(page, 'Notebook: Run All');
    const question = await dialogText(page);
    assert.match(question, /trust the authors of the files in this folder/i);
    await screenshot(page, 'restricted-mode-3-run-asks-for-trust');
    await pressDialogButton(page, 'Cancel');
    assert.equal(await restrictedModeBadge(page).count(), 1, 'still in Restricted Mode');
    assert.doesNotMatch(await cell.locator('.execution-count-label').innerText().catch(() => ''), /\d/, 'nothing ran');
    await saved.waitFor({ timeout: uiTimeout });
  },
};
