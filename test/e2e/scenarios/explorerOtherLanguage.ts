import * as assert from 'node:assert/strict';
import { expandRow, findRow, startDemoFromWelcome } from '../lib/explorerTree';
import type { Scenario } from '../lib/scenario';
import { screenshot } from '../lib/workbench';

export const scenario: Scenario = {
  name: 'Browsing as a user whose language is not the company language: NetSuite demands Accept-Language, the tree still loads',
  async run({ openWorkbench }) {
    const page = await openWorkbench({
      settings: { 'suitelens.explorer.pageSize': 5, 'workbench.tree.enableStickyScroll': false },
      // Test-only: the demo signs in as the sandbox's user whose language differs from the company's, so every
      // request without Accept-Language gets NetSuite's 400 INVALID_HEADER.
      env: { SUITELENS_E2E_DEMO_ROLE: 'otherLanguage' },
    });
    await startDemoFromWelcome(page);
    await expandRow(page, 'Record Types');
    await expandRow(page, 'Customer');
    await findRow(page, 'Load more…');
    const customers = page.locator('.part.sidebar .monaco-list-row[aria-level="4"] .label-name');
    assert.ok((await customers.count()) >= 5, 'a page of customers is listed');
    assert.equal(await page.locator('.part.sidebar .monaco-list-row', { hasText: /INVALID_HEADER|Accept-Language/ }).count(), 0, 'no error row');
    await screenshot(page, 'explorer-other-language-user');
  },
};
