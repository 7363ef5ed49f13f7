// Issue 21, items 5 and 6 on the explorer's side: record types by label, lists in number order, Sort By… with the
// sorted value on each row across Load more, the filter carried into Query in Notebook, the palette's searching record
// picker, and a record row's click opening its preview.
import * as assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { answerInputBox, collapseRow, expandRow, filterRecordTypes, findRow, rowAction, startDemoFromWelcome, waitForTreeLoaded } from '../lib/explorerTree';
import { quickInput, waitForQuickInputTitle } from '../lib/quickInput';
import type { Scenario } from '../lib/scenario';
import { exactly, readGrid, readNotifications, runCommand, runNotebookCell, screenshot } from '../lib/workbench';

const uiTimeout = 30_000;

/** The record rows' descriptions (`#id`, or `#id · Balance 1,234.50` when sorted), top to bottom. */
function recordDescriptions(page: Page): Promise<string[]> {
  const rows = page.locator('.part.sidebar .monaco-list-row[aria-level="4"] .label-description');
  return rows.allInnerTexts().then((texts) => texts.filter((text) => text.startsWith('#'))); // not "5 of 400" (Load more)
}

async function waitForDescriptions(page: Page, check: (descriptions: string[]) => boolean, what: string): Promise<string[]> {
  for (let attempt = 0; attempt < 120; attempt += 1) {
    const descriptions = await recordDescriptions(page);
    if (check(descriptions)) return descriptions;
    await page.waitForTimeout(250);
  }
  throw new Error(`${what}: rows show ${(await recordDescriptions(page)).join(' | ')}`);
}

function quickPickRow(page: Page, label: string): Locator {
  return page.locator('.quick-input-list .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: exactly(label) }) }).first();
}

async function clickMenuItem(page: Page, row: Locator, item: string): Promise<void> {
  await row.click({ button: 'right', timeout: uiTimeout });
  const menu = page.locator('.context-view .monaco-menu').first();
  await menu.waitFor({ timeout: uiTimeout });
  const action = menu.locator('.action-item', { hasText: item }).first();
  // Hover first and let the menu settle, as a person's pointer does: a click that lands while the menu is still being
  // laid out under load can close it without running the action.
  await action.hover({ timeout: uiTimeout });
  await page.waitForTimeout(300);
  await action.click({ timeout: uiTimeout });
}

/**
 * Query in Notebook from the type's context menu, chosen again (at most twice more) when no notebook opens: in two CI
 * runs on 1.139 under load the click on the menu item closed the menu and no notebook came, which a person would
 * answer by choosing the item again. A notebook that did open is never opened twice. When none opens, the error says
 * what was on screen (notifications, editor tabs), so the cause can be told from the log.
 */
async function openQueryInNotebook(page: Page, row: Locator): Promise<void> {
  const notebook = page.locator('.notebook-editor .code-cell-row').first();
  for (let attempt = 0; ; attempt += 1) {
    await waitForTreeLoaded(page);
    await clickMenuItem(page, row, 'Query in Notebook');
    const opened = await notebook.waitFor({ timeout: 30_000 }).then(() => true, () => false);
    if (opened) return;
    if (attempt >= 2) {
      const notifications = (await readNotifications(page)).join(' | ') || 'none';
      const tabs = (await page.locator('.tabs-container .tab').allInnerTexts()).join(' | ') || 'none';
      throw new Error(`Query in Notebook opened no notebook, three times (notifications: ${notifications}; tabs: ${tabs})`);
    }
    await page.keyboard.press('Escape');
  }
}

const amount = (description: string): number => Number(/Balance ([\d,.]+)/.exec(description)?.[1].replace(/,/g, '') ?? Number.NaN);

export const scenario: Scenario = {
  name: 'Explorer lists by label and in number order, sorts by Balance with the value on each row, carries its filter into a notebook, and finds a record to edit by searching',
  async run({ openWorkbench }) {
    const page = await openWorkbench({ settings: { 'suitelens.explorer.pageSize': 5, 'workbench.tree.enableStickyScroll': false } });
    await startDemoFromWelcome(page);

    // Record types by NetSuite's label, the script id beside it.
    await expandRow(page, 'Record Types');
    const orders = await findRow(page, 'Sales Order');
    assert.equal(await orders.locator('.label-description').innerText(), 'salesorder');
    assert.equal(await (await findRow(page, 'Inventory Item')).locator('.label-description').innerText(), 'inventoryitem');
    await screenshot(page, 'explorer-labels-1-record-types');

    // A type's records in internal id order as numbers: #1 … #5, then #6 … #10 after Load more (not 1, 10, 100, 101).
    // The rows are read as drawn: with a real catalog's ~200 types, the type is first filtered to the top of the tree.
    await filterRecordTypes(page, 'sales order');
    await expandRow(page, 'Sales Order');
    await waitForDescriptions(page, (d) => d.join(',') === '#1,#2,#3,#4,#5', 'the first page is ids 1–5');
    await (await findRow(page, 'Load more…')).click();
    await waitForDescriptions(page, (d) => d.join(',') === Array.from({ length: 10 }, (_, i) => `#${i + 1}`).join(','), 'Load more adds ids 6–10');
    await screenshot(page, 'explorer-labels-2-numeric-order');
    await collapseRow(page, 'Sales Order');

    // Sort By… Balance, highest first: each row shows its balance, and Load more continues the order.
    await filterRecordTypes(page, 'customer');
    const customers = await expandRow(page, 'Customer');
    await findRow(page, 'Load more…');
    await rowAction(page, customers, 'Sort By');
    await waitForQuickInputTitle(page, /Sort Customer Records By/);
    await quickInput(page).fill('Balance');
    await quickPickRow(page, 'Balance').click({ timeout: uiTimeout });
    await waitForQuickInputTitle(page, /Sort by Balance/);
    await quickPickRow(page, 'Descending').click({ timeout: uiTimeout });
    const top = await waitForDescriptions(page, (d) => d.length === 5 && d.every((text) => /^#\d+ · Balance [\d,]+\.\d\d$/.test(text)), 'rows show their balance');
    assert.equal(top[0], '#222 · Balance 40,317.34');
    await (await findRow(page, 'Load more…')).click();
    const ten = await waitForDescriptions(page, (d) => d.length === 10, 'Load more adds five');
    const amounts = ten.map(amount);
    assert.deepEqual(amounts, [...amounts].sort((a, b) => b - a), `balances highest first: ${ten.join(' | ')}`);
    assert.match(await customers.locator('.label-description').innerText(), /by Balance ↓/);
    await screenshot(page, 'explorer-labels-3-sorted-by-balance');

    // The filter (and the sort) go into Query in Notebook's SuiteQL, which runs.
    await rowAction(page, customers, 'Filter Records');
    await answerInputBox(page, 'bakery');
    await waitForTreeLoaded(page);
    await waitForDescriptions(page, (d) => d.length > 0 && d.length <= 5, 'the filtered list');
    await openQueryInNotebook(page, customers);
    const cell = page.locator('.notebook-editor .code-cell-row .view-lines').first();
    await cell.filter({ hasText: 'bakery' }).waitFor({ timeout: 60_000 }).catch(async (error: unknown) => {
      const shown = (await cell.innerText().catch(() => '(no cell)')).replace(/\u00a0/g, ' ');
      throw new Error(`the notebook's cell does not show the filter: ${shown}`, { cause: error });
    });
    const sql = (await cell.innerText()).replace(/\u00a0/g, ' ');
    assert.match(sql, /WHERE \(LOWER\(companyname\) LIKE '%bakery%'/);
    assert.match(sql, /ORDER BY balancesearch DESC NULLS LAST, id/);
    assert.equal(await runNotebookCell(page), 'success');
    const grid = await readGrid(page);
    assert.ok(grid.length > 1, 'the notebook query finds the filtered customers');
    await screenshot(page, 'explorer-labels-4-filter-in-notebook');

    // The palette's Edit Record: types by label, then a search of that type's records as the user types.
    await runCommand(page, 'SuiteLens: Edit Record');
    await waitForQuickInputTitle(page, /Edit: Record Type/);
    await quickInput(page).fill('sales ord');
    await quickPickRow(page, 'Sales Order').waitFor({ timeout: uiTimeout });
    await screenshot(page, 'explorer-labels-5-picker-types');
    await quickInput(page).fill('customer');
    await quickPickRow(page, 'Customer').click({ timeout: uiTimeout });
    await waitForQuickInputTitle(page, /Edit Customer/);
    await quickInput(page).fill('nordlicht');
    await quickPickRow(page, 'Nordlicht Travel K.K.').waitFor({ timeout: uiTimeout });
    await screenshot(page, 'explorer-labels-6-picker-search');
    await quickPickRow(page, 'Nordlicht Travel K.K.').click({ timeout: uiTimeout });
    await page.locator('.tabs-container .tab', { hasText: /customer 190/i }).first().waitFor({ timeout: 60_000 });

    // A record row's click opens its preview: a tab for that record, in preview (italic) until kept.
    const row = await findRow(page, { label: /\S/, level: 4 });
    const id = (await row.locator('.label-description').innerText()).replace(/^#/, '').split(' ')[0];
    await row.locator('.label-name').click({ timeout: uiTimeout });
    await page.locator('.tabs-container .tab', { hasText: new RegExp(`\\b${id}\\b`) }).first().waitFor({ timeout: 60_000 });
    await screenshot(page, 'explorer-labels-7-click-previews');
  },
};
