import * as assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { expandRow, findRow, startDemoFromWelcome, waitForTreeLoaded } from '../lib/explorerTree';
import type { Scenario } from '../lib/scenario';
import { screenshot, treeItems } from '../lib/workbench';
import { form } from './formsCustomer';

const uiTimeout = 30_000;

/** Right-clicks a tree row and returns the labels of the context menu that opens (left open for a screenshot). */
async function openContextMenu(page: Page, row: Locator): Promise<Locator> {
  await row.click({ button: 'right', timeout: uiTimeout });
  const menu = page.locator('.context-view .monaco-menu').first();
  await menu.waitFor({ timeout: uiTimeout });
  return menu;
}

async function menuLabels(menu: Locator): Promise<string[]> {
  return (await menu.locator('.action-item .action-label').allInnerTexts()).map((label) => label.trim()).filter(Boolean);
}

/** The selected row of the tree (VS Code marks it `aria-selected`). */
function selectedRow(page: Page): Locator {
  return treeItems(page).and(page.locator('[aria-selected="true"]'));
}

/** Waits until the selected row is the record with internal id `id` (rows show `#id` beside the name). */
async function waitForSelected(page: Page, id: string): Promise<void> {
  await page.waitForFunction((wanted) => [...document.querySelectorAll('.part.sidebar .monaco-list-row[aria-selected="true"] .label-description')].some((e) => e.textContent === `#${wanted}`), id, { timeout: uiTimeout });
}

export const scenario: Scenario = {
  name: 'Following a sales order\'s Customer reference to its row in the customer list, and Create Invoice from the sales order\'s context menu, after which the tree selects the new invoice',
  async run({ openWorkbench }) {
    const page = await openWorkbench({ settings: { 'suitelens.explorer.pageSize': 5, 'workbench.tree.enableStickyScroll': false } });
    await startDemoFromWelcome(page);

    // A sales order → its Customer reference.
    await expandRow(page, 'Record Types');
    await expandRow(page, 'Sales Order');
    // SO1002 of the demo data is pending billing and on the first page (internal ids 1–5): the sandbox refuses to bill
    // an already billed order twice (SO1001 is billed), as NetSuite does.
    const orderLabel = await (await findRow(page, 'SO1002')).locator('.label-name').innerText();
    await expandRow(page, orderLabel);
    const reference = await findRow(page, { label: 'Customer', level: 5 });
    const referenced = await reference.locator('.label-description').innerText();
    const customerId = /\((\d+)\)$/.exec(referenced)?.[1];
    assert.ok(customerId, `the Customer reference names its record: "${referenced}"`);

    // Reveal in Type List: the customer type opens and the referenced customer's own row is selected.
    const referenceMenu = await openContextMenu(page, reference);
    const referenceItems = await menuLabels(referenceMenu);
    assert.ok(referenceItems.includes('Reveal in Type List'), `the reference's menu: ${referenceItems.join(', ')}`);
    assert.ok(!referenceItems.some((label) => label.startsWith('Create Invoice')), 'a customer reference offers no invoice');
    await screenshot(page, 'explorer-reveal-1-reference-menu');
    await referenceMenu.locator('.action-item', { hasText: 'Reveal in Type List' }).click({ timeout: uiTimeout });
    await waitForTreeLoaded(page);
    const selected = selectedRow(page);
    await waitForSelected(page, customerId);
    assert.equal(await selected.count(), 1, 'exactly one row is selected');
    assert.equal(await selected.locator('.label-description').innerText(), `#${customerId}`);
    const selectedName = await selected.locator('.label-name').innerText();
    assert.ok(referenced.startsWith(selectedName), `the selected row is named like the reference: "${selectedName}" / "${referenced}"`);
    assert.equal(await (await findRow(page, { label: 'Customer', level: 3 })).getAttribute('aria-expanded'), 'true', 'the customer type is expanded');
    await selected.scrollIntoViewIfNeeded();
    await screenshot(page, 'explorer-reveal-2-customer-selected');

    // The sales order's own menu offers Create Invoice; a customer row's does not.
    const customerMenu = await openContextMenu(page, selected);
    const customerItems = await menuLabels(customerMenu);
    assert.ok(customerItems.includes('Edit Record') && !customerItems.some((label) => label.startsWith('Create Invoice')), `a customer's menu: ${customerItems.join(', ')}`);
    await page.keyboard.press('Escape');
    const orderMenu = await openContextMenu(page, await findRow(page, orderLabel));
    const orderItems = await menuLabels(orderMenu);
    assert.ok(orderItems.includes('Create Invoice from Sales Order…'), `the sales order's menu: ${orderItems.join(', ')}`);
    for (const common of ['Open as JSON Document', 'Open in NetSuite', 'Copy Internal ID', 'Edit Record', 'Delete Record…']) {
      assert.ok(orderItems.includes(common), `the sales order's menu still has ${common}: ${orderItems.join(', ')}`);
    }
    assert.ok(!orderItems.includes('Reveal in Type List'), 'a record row is already in its type list');
    await screenshot(page, 'explorer-reveal-3-sales-order-menu');

    // The entry opens NetSuite's prefilled invoice for this very order; Create saves it and opens the invoice's form.
    const orderId = (await (await findRow(page, orderLabel)).locator('.label-description').innerText()).replace(/^#/, '');
    await orderMenu.locator('.action-item', { hasText: 'Create Invoice from Sales Order…' }).click({ timeout: uiTimeout });
    const preview = form(page);
    await preview.locator('h1', { hasText: new RegExp(`New invoice from sales ?order ${orderId}`, 'i') }).waitFor({ timeout: 60_000 });
    await preview.locator('#save').click({ timeout: uiTimeout });
    const invoiceForm = form(page);
    const created = await invoiceForm.locator('.notice', { hasText: /Created invoice \d+ from/i }).first().innerText({ timeout: 60_000 });
    assert.match(created, new RegExp(`${orderLabel}|${orderId}`), `the notice names the order: ${created}`);
    const invoiceId = /invoice (\d+)/i.exec(created)![1];
    await invoiceForm.locator('h1', { hasText: `invoice ${invoiceId}` }).waitFor({ timeout: 60_000 });
    // The forms run suitelens.explorer.revealRecord for the new record: the tree selects it under an open invoice type.
    await waitForSelected(page, invoiceId);
    assert.equal(await (await findRow(page, { label: 'Invoice', level: 3 })).getAttribute('aria-expanded'), 'true', 'the invoice type is expanded');
    await screenshot(page, 'explorer-reveal-4-invoice-from-tree-menu');
  },
};
