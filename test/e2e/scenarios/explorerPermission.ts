import * as assert from 'node:assert/strict';
import { expandRow, explorerRows, findRow, startDemoFromWelcome } from '../lib/explorerTree';
import type { Scenario } from '../lib/scenario';
import { screenshot, waitForNotification } from '../lib/workbench';

export const scenario: Scenario = {
  name: 'Browsing as a narrow role: a 403 shows as an error row naming the missing permission, with the fix',
  async run({ openWorkbench }) {
    const page = await openWorkbench({
      settings: { 'suitelens.explorer.pageSize': 5, 'workbench.tree.enableStickyScroll': false },
      // Test-only: the demo signs in with the sandbox's narrow role (customers yes, employees no).
      env: { SUITELENS_E2E_DEMO_ROLE: 'narrow' },
    });
    await startDemoFromWelcome(page);
    await expandRow(page, 'Record Types');
    assert.equal(await explorerRows(page, /^Vendor$/).count(), 0, 'the catalog lists only what the role may see');
    await expandRow(page, 'Customer');
    await findRow(page, 'Load more…'); // the page is in
    const firstCustomer = await page.locator('.part.sidebar .monaco-list-row[aria-level="4"] .label-name').first().innerText();
    await expandRow(page, firstCustomer);

    // The customer's sales rep is an employee, which this role may not read: NetSuite answers 403.
    await expandRow(page, 'Sales Rep');
    const error = await findRow(page, /Permission Violation/);
    assert.match(await error.locator('.label-name').innerText(), /You need the 'Employee' permission at level 'View'/);
    assert.match(await error.locator('.label-description').innerText(), /lacks the "Employee" permission at level View: ask an administrator/);
    await screenshot(page, 'explorer-403-error-row');

    // Clicking the row shows the whole message with what to do and a Retry.
    await error.click();
    const toast = await waitForNotification(page, /Permission Violation/);
    assert.match(toast, /Employee/);
    assert.match(toast, /ask an administrator/);
    await page.locator('.notifications-toasts .notification-toast').filter({ hasText: /Permission Violation/ }).getByRole('button', { name: 'Retry' }).waitFor();
    await page.waitForTimeout(500); // let the toast finish fading in
    await screenshot(page, 'explorer-403-error-details');
  },
};
