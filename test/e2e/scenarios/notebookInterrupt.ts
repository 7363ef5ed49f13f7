import * as assert from 'node:assert/strict';
import type { Scenario } from '../lib/scenario';
import { notebookOutput, screenshot } from '../lib/workbench';
import { demoNotebook } from './notebookGrid';

export const scenario: Scenario = {
  name: 'Interrupting a slow query stops it at once and says so',
  async run({ openWorkbench }) {
    // Every sandbox request takes 20 s, so only an interrupt can end the cell quickly.
    const page = await openWorkbench({ env: { SUITELENS_DEMO_OPTIONS: JSON.stringify({ latency: { perRequestMs: 20_000 } }) } });
    await demoNotebook(page);
    const cell = page.locator('.notebook-editor .code-cell-row').first();
    await cell.hover();
    await cell.locator('a.codicon-notebook-execute').first().click();
    await cell.locator('.codicon-notebook-state-executing, .codicon-loading, .codicon-modifier-spin').first().waitFor({ timeout: 10_000 });
    const started = Date.now();
    await page.waitForTimeout(1000);
    await cell.hover();
    await cell.locator('a.codicon-primitive-square, a.codicon-debug-stop, a[aria-label^="Stop"]').first().click();
    await cell.locator('.codicon-notebook-state-error').first().waitFor({ timeout: 10_000 });
    assert.ok(Date.now() - started < 10_000, 'the cell ended long before the 20 s request would have');
    const output = notebookOutput(page);
    await output.locator('.sl-error-title', { hasText: 'Cancelled' }).waitFor({ timeout: 10_000 });
    await screenshot(page, 'notebook-interrupted');
  },
};
