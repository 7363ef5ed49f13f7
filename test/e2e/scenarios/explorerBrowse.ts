import * as assert from 'node:assert/strict';
import { answerInputBox, collapseRow, expandRow, explorerRow, findRow, rowAction, startDemoFromWelcome, waitForTreeLoaded } from '../lib/explorerTree';
import type { Scenario } from '../lib/scenario';
import { exactly, screenshot, treeItemLabels } from '../lib/workbench';

const hostileName = '<img src=x onerror=alert(1)>';

export const scenario: Scenario = {
  name: 'Browsing the demo in the explorer: type → records → Load more → filter → record → sublist → reference, and open as JSON',
  async run({ openWorkbench }) {
    const page = await openWorkbench({ settings: { 'suitelens.explorer.pageSize': 5, 'workbench.tree.enableStickyScroll': false } });
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });

    await startDemoFromWelcome(page);
    const types = await treeItemLabels(page);
    assert.ok(types.includes('Record Types') && types.includes('Custom Record Types'), `type groups shown: ${types.join(', ')}`);

    // Type → records, five per page, labelled by name, with "Load more…".
    await expandRow(page, 'Record Types');
    const customer = await expandRow(page, 'Customer');
    assert.match(await (await findRow(page, 'Load more…')).innerText(), /5 of \d+/);
    await screenshot(page, 'explorer-1-customers-page');
    await (await findRow(page, 'Load more…')).click();
    // The next page pushes "Load more…" below the rows in view (a real catalog's ~200 types fill the tree, so the
    // Customer type sits low): scroll to it again until it counts the second page.
    // The row found can be drawn again (detached) as the page arrives, so each read is short and found afresh.
    const loadMoreText = async () => (await findRow(page, 'Load more…')).innerText({ timeout: 5_000 }).catch(() => '');
    for (let attempt = 0; attempt < 60 && !/10 of \d+/.test(await loadMoreText()); attempt += 1) await page.waitForTimeout(250);
    assert.match(await loadMoreText(), /10 of \d+/);
    await screenshot(page, 'explorer-2-load-more');

    // Filter: plain text becomes a q= CONTAIN on the name fields; the hostile name comes back as text.
    await rowAction(page, customer, 'Filter Records');
    await answerInputBox(page, '<img');
    // The hostile customer (#56) is on the unfiltered first page too: wait for the filter itself, and for the
    // customers it hides to go.
    await customer.filter({ hasText: /filter: <img/ }).waitFor();
    const hostile = explorerRow(page, hostileName);
    await hostile.waitFor();
    await waitForTreeLoaded(page);
    await explorerRow(page, "O'Brien & Sons").waitFor({ state: 'detached' });
    assert.match(await customer.innerText(), /filter: <img/);
    assert.equal(await page.locator('.part.sidebar img').count(), 0, 'no <img> element was created from a NetSuite value');
    assert.equal(await hostile.locator('.label-name').innerText(), hostileName);
    await screenshot(page, 'explorer-3-filtered-hostile-name-as-text');

    // Record → its fields.
    await expandRow(page, hostileName);
    assert.equal(await (await findRow(page, 'Company Name')).locator('.label-description').innerText(), hostileName);
    await screenshot(page, 'explorer-4-record-fields');
    await rowAction(page, customer, 'Clear Record Filter');
    await customer.filter({ hasNotText: /filter:/ }).waitFor();
    await findRow(page, "O'Brien & Sons"); // the whole list is back (below the expanded record: scrolled to)

    // A sales order → its Items sublist → a line with its fields.
    await collapseRow(page, 'Customer');
    await expandRow(page, 'Sales Order');
    const orderLabel = await (await findRow(page, /^SO\d+$/)).locator('.label-name').innerText();
    await expandRow(page, orderLabel);
    await expandRow(page, 'Items');
    const lineLabel = await (await findRow(page, /^Line 1: /)).locator('.label-name').innerText();
    await expandRow(page, lineLabel);
    await findRow(page, 'Quantity');
    await screenshot(page, 'explorer-5-sublist-line');

    // The order's Customer reference expands into that customer's record.
    await collapseRow(page, 'Items');
    await expandRow(page, { label: 'Customer', level: 5 }); // the reference, not the Customer type
    await findRow(page, 'Company Name');
    await screenshot(page, 'explorer-6-reference-expanded');

    // Open as JSON: a read-only JSON document beside the tree.
    const orderRow = await findRow(page, orderLabel);
    const orderId = (await orderRow.locator('.label-description').innerText()).replace(/^#/, '');
    await rowAction(page, orderRow, 'Open as JSON Document');
    await page.locator('.tabs-container .tab', { hasText: exactly(`${orderId}.json`) }).first().waitFor();
    await page.locator('.monaco-editor .view-lines', { hasText: '"createdDate"' }).first().waitFor();
    await screenshot(page, 'explorer-7-open-as-json');

    // The view's "Filter Record Types…" narrows the types of the account.
    // VS Code 1.139 shows a view's title actions only while its header is hovered or focused (1.100 always did).
    const filterAction = 'a.action-label[aria-label^="Filter Record Types"]';
    const explorerHeader = page.locator('.part.sidebar .pane-header').filter({ has: page.locator(filterAction) }).first();
    await explorerHeader.hover();
    await explorerHeader.locator(filterAction).click();
    // A real catalog has ~200 types ("order" alone finds nine): the user types the name they want.
    await answerInputBox(page, 'sales order');
    await explorerRow(page, 'Account').waitFor({ state: 'detached' });
    // Record types show NetSuite's labels, and the filter matches them ("sales order" finds Sales Order).
    // The tree draws only the rows in view, and redraws (keeping its scroll offset) as the filter applies: scroll to
    // its top, where the account's filtered types are, each time the rows are read (1.100 kept the old offset).
    const typeLabels = async () => {
      await page.locator('.part.sidebar .monaco-list').first().hover();
      await page.mouse.wheel(0, -100_000);
      await page.waitForTimeout(100);
      return page.locator('.part.sidebar .monaco-list-row[aria-level="3"] .label-name').allInnerTexts();
    };
    for (let attempt = 0; attempt < 40 && (await typeLabels()).join() !== 'Sales Order'; attempt += 1) await page.waitForTimeout(250); // rows go as the tree redraws
    assert.deepEqual(await typeLabels(), ['Sales Order']);
    await findRow(page, orderLabel); // a type that was expanded keeps showing its records
    await findRow(page, 'Demo (sandbox)'); // back to the top, where the filtered types are
    assert.match(await explorerRow(page, 'Demo (sandbox)').innerText(), /types: "sales order"/);
    await screenshot(page, 'explorer-8-type-filter');

    assert.deepEqual(dialogs, [], 'no script ran (an alert would have opened a dialog)');
  },
};
