import * as assert from 'node:assert/strict';
import type { FrameLocator, Page } from 'playwright-core';
import { startSandbox } from '../../../src/sandbox/index';
import { addTbaAccount } from '../lib/addAccount';
import type { Scenario } from '../lib/scenario';
import { screenshot } from '../lib/workbench';
import { fill, form, formTab, openNewForm, pickReference } from './formsCustomer';
import { answerModal } from './formsSalesOrder';

const uiTimeout = 30_000;

export const scenario: Scenario = {
  name: 'Record form on a production account: the create and the edit each show the exact change (field, old → new) in a modal before anything is sent',
  async run({ openWorkbench, onCleanup }) {
    // An account whose id is production's (1234567) but whose base URL is a local sandbox: production rules, no risk.
    const sandbox = await startSandbox({ host: '127.0.0.1', port: 0, accountId: '1234567' });
    onCleanup(() => sandbox.stop());
    const page = await openWorkbench();

    await addTbaAccount(page, '1234567', sandbox);
    await page.locator('.part.statusbar .statusbar-item', { hasText: /PRODUCTION/ }).first().waitFor({ timeout: 60_000 });

    let frame = await openNewForm(page, 'customer');
    await fill(frame, 'companyName', 'Production Forms Co');
    await fill(frame, 'entityId', 'Production Forms Co');
    await pickReference(frame, 'subsidiary', 'honey', /Honeycomb/);
    // Only writes count: a 200 POST/PATCH is NetSuite's selectOptions or create-form for the form, which saves nothing.
    const before = sandbox.requestLog.list({}).length;
    await frame.locator('#save').click();
    const create = page.locator('.monaco-dialog-box', { hasText: /Create this customer in PRODUCTION account/ });
    await create.waitFor({ timeout: uiTimeout });
    const createText = await create.innerText();
    assert.match(createText, /Company Name: \(empty\) → Production Forms Co/);
    assert.match(createText, /Primary Subsidiary: \(empty\) → Honeycomb Canada Ltd \(4\)/);
    assert.equal(sandbox.requestLog.list({}).slice(before).filter((r) => r.method === 'POST' && r.path.endsWith('/customer') && r.status !== 200).length, 0, 'nothing sent before the answer');
    await screenshot(page, 'forms-prod-1-create-confirmation');
    await answerModal(page, /Create this customer in PRODUCTION/, 'Save to NetSuite');
    const created = await saveAndWaitNotice(page);
    const id = /Created customer (\d+)/i.exec(created.notice)![1];
    frame = created.frame;

    await fill(frame, 'phone', '+1 555 0300');
    await frame.locator('#save').click();
    const update = page.locator('.monaco-dialog-box', { hasText: new RegExp(`Update customer ${id}.*PRODUCTION`, 'i') });
    await update.waitFor({ timeout: uiTimeout });
    assert.match(await update.innerText(), /Phone: \(empty\) → \+1 555 0300/);
    await screenshot(page, 'forms-prod-2-edit-confirmation');
    // Cancel: nothing is sent and the edit stays in the form.
    await answerModal(page, /Update customer/i, 'Cancel');
    await page.waitForTimeout(500);
    assert.equal(sandbox.requestLog.list({}).filter((r) => r.method === 'PATCH' && r.status !== 200).length, 0, 'a cancelled confirmation sends nothing');
    assert.equal(await frame.locator('vscode-textfield[data-path="phone"] input').inputValue(), '+1 555 0300');
  },
};

/** After the confirmed create: the form reopens as the new customer's own form (tab `customer <id> …`). */
async function saveAndWaitNotice(page: Page): Promise<{ notice: string; frame: FrameLocator }> {
  await formTab(page, /^customer \d+/i).and(page.locator('.tab.active')).waitFor({ timeout: 60_000 });
  const frame = form(page);
  const box = frame.locator('.notice', { hasText: /Created customer \d+/i });
  await box.waitFor({ timeout: 60_000 });
  return { notice: await box.innerText(), frame };
}
