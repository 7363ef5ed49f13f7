import * as assert from 'node:assert/strict';
import type { Scenario } from '../lib/scenario';
import { screenshot } from '../lib/workbench';
import { demoNotebook } from './notebookGrid';

export const scenario: Scenario = {
  name: 'Typing "c." after an alias pops up the customer columns',
  async run({ openWorkbench }) {
    const page = await openWorkbench();
    await demoNotebook(page);
    await page.locator('.notebook-editor .code-cell-row .monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('SELECT  FROM customer c');
    await page.keyboard.press('Home');
    for (let i = 0; i < 'SELECT '.length; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.type('c.');
    const suggest = page.locator('.suggest-widget .monaco-list-row');
    try {
      await suggest.first().waitFor({ timeout: 5_000 });
    } catch {
      await page.keyboard.press('Control+Space');
      await suggest.first().waitFor({ timeout: 15_000 });
    }
    await page.locator('.suggest-widget .monaco-list-row', { hasText: 'companyname' }).first().waitFor({ timeout: 15_000 });
    const labels = await page.locator('.suggest-widget .monaco-list-row .label-name').allInnerTexts();
    await screenshot(page, 'notebook-completion-after-alias');
    assert.ok(labels.some((l) => l.trim() === 'companyname'), `suggestions: ${labels.join(', ')}`);
    assert.ok(!labels.some((l) => l.trim() === 'transaction'), 'tables are not offered after an alias dot');
  },
};
