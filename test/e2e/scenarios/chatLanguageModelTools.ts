import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { startSandbox } from '../../../src/sandbox/index';
import { collapsePaneRow, demoAccount, expandPaneRow, findPaneRow, openAgentsWorkbench, paneRow, pickQuickItem, pressDialogButton, uiTimeout, viewPane } from '../lib/agentPanes';
import { addTbaAccount } from '../lib/addAccount';
import type { Scenario } from '../lib/scenario';
import { customEndpointModels, startScriptedModelServer } from '../lib/scriptedModelServer';
import { chatResponses, chatView, openChatWithScriptedModel, sendChatPrompt } from '../lib/vscodeChat';
import { screenshot } from '../lib/workbench';

// An account whose id is production's but whose base URL is a local sandbox: production rules, no risk.
const productionAccount = '1234567';
const customerId = '100';

/** Switches one record type of VS Code chat's access on one account to `level` (quick pick + modal question). */
async function grantChat(page: Page, accountRow: string, recordType: string, level: string): Promise<string> {
  await expandPaneRow(page, 'Agent Access', accountRow);
  const row = await findPaneRow(page, 'Agent Access', recordType);
  await row.click();
  await pickQuickItem(page, level);
  const question = await pressDialogButton(page, 'Change Access');
  // The tree redraws after the change; a row found just before the redraw is gone, so fold it again until it holds.
  for (let attempt = 0; ; attempt += 1) {
    try {
      await collapsePaneRow(page, 'Agent Access', accountRow);
      return question;
    } catch (error) {
      if (attempt === 4) throw error;
      await page.waitForTimeout(500);
    }
  }
}

export const scenario: Scenario = {
  name: "VS Code chat with a bring-your-own-key model calls SuiteLens's tools: a granted read runs, an invoice without a grant is refused, a production change is asked by SuiteLens itself with old → new, every time; Agent Activity shows all four",
  async run({ openWorkbench, onCleanup }) {
    const production = await startSandbox({ host: '127.0.0.1', port: 0, accountId: productionAccount });
    onCleanup(() => production.stop());
    const model = await startScriptedModelServer([
      { when: /Read customer 100 on the demo sandbox/, tool: 'suitelens_get_record', arguments: { account: demoAccount, recordType: 'customer', id: customerId } },
      { when: /Invoice customer 100 on the demo sandbox/, tool: 'suitelens_create_record', arguments: { account: demoAccount, recordType: 'invoice', fields: { entity: { id: customerId } } } },
      {
        when: /Change customer 100's phone on production/,
        tool: 'suitelens_update_record',
        arguments: { account: productionAccount, recordType: 'customer', id: customerId, fields: { phone: '+1 555 0199' } },
      },
    ]);
    onCleanup(() => model.stop());
    const { page } = await openAgentsWorkbench((options) => openWorkbench({ ...options, userFiles: { 'chatLanguageModels.json': customEndpointModels(model.url) } }));

    // The person adds a production account and gives VS Code chat customer read on the demo, customer write there.
    await addTbaAccount(page, productionAccount, production);
    await page.locator('.part.statusbar .statusbar-item', { hasText: /PRODUCTION/ }).first().waitFor({ timeout: 60_000 });
    await paneRow(page, 'Agent Access', 'VS Code chat').waitFor({ timeout: uiTimeout });
    await expandPaneRow(page, 'Agent Access', 'VS Code chat');
    assert.match(await grantChat(page, `${demoAccount} (sandbox)`, 'Customer', 'View'), /VS Code chat/);
    assert.match(await grantChat(page, `${productionAccount} (production)`, 'Customer', 'Edit'), /VS Code chat/);

    await openChatWithScriptedModel(page);

    // 1. Allowed: a granted read runs at once and the record comes back into the chat.
    await sendChatPrompt(page, 'Read customer 100 on the demo sandbox');
    const read = chatResponses(page).nth(0);
    // (The chat types the answer out word by word: wait for the whole sentence.)
    await read.filter({ hasText: /SuiteLens answered: customer '.+' \(id 100\)/ }).waitFor({ timeout: 60_000 });
    await screenshot(page, 'chat-1-allowed-read');

    // 2. Denied: VS Code chat holds no invoice grant, so SuiteLens refuses without asking and says why.
    await sendChatPrompt(page, 'Invoice customer 100 on the demo sandbox');
    const refused = chatResponses(page).nth(1);
    await refused.filter({ hasText: /SuiteLens answered: denied: invoice not granted/ }).waitFor({ timeout: 60_000 });
    await screenshot(page, 'chat-2-denied-invoice');

    // 3. A change on production: SuiteLens itself asks, in a modal, with the field's old and new value — not VS Code's
    // chat question, which "Allow in this Session" or Bypass Approvals could skip. Nothing is sent before the answer.
    const patches = (): number => production.requestLog.list({}).filter((r) => r.method === 'PATCH').length;
    const suiteLensAsks = page.locator('.monaco-dialog-box', { hasText: /VS Code chat wants to change PRODUCTION account/ });
    await sendChatPrompt(page, "Change customer 100's phone on production");
    await suiteLensAsks.waitFor({ timeout: 60_000 });
    const question = await suiteLensAsks.innerText();
    assert.match(question, /Update customer '.+' \(id 100\) on 1234567 \(production\): 1 field\n {2}phone: ".+" → "\+1 555 0199"/);
    assert.match(question, /This is a PRODUCTION account: the change is real and immediate\./);
    assert.equal(await chatView(page).locator('.chat-confirmation-widget, .chat-confirmation-widget2').filter({ hasText: 'Update a NetSuite record?' }).count(), 0, "VS Code's own question is not asked as well");
    await screenshot(page, 'chat-3-confirm-production');
    assert.equal(patches(), 0, 'nothing was sent before the person answered');
    await suiteLensAsks.locator('.monaco-button', { hasText: 'Allow This Change' }).click({ timeout: uiTimeout });
    const changed = chatResponses(page).nth(2);
    await changed.filter({ hasText: /SuiteLens answered:/ }).waitFor({ timeout: 60_000 });
    assert.equal(patches(), 1, 'the change was sent once, after the answer');

    // 4. The same request again is asked again (no answer is remembered), and a Cancel sends nothing.
    await sendChatPrompt(page, "Change customer 100's phone on production");
    await suiteLensAsks.waitFor({ timeout: 60_000 });
    await suiteLensAsks.locator('.monaco-button', { hasText: 'Cancel' }).click({ timeout: uiTimeout });
    // (The chat's list is virtual: earlier answers scrolled out of view leave the DOM, so the newest is the last one.)
    await chatResponses(page).last().filter({ hasText: /SuiteLens answered: denied: the person declined this change/ }).waitFor({ timeout: 60_000 });
    assert.equal(patches(), 1, 'a declined change is not sent');

    // Agent Activity lists all four, newest first, in plain English.
    const rows = [
      new RegExp(`^VS Code chat tried to update phone on customer \\(id 100\\) on ${productionAccount} \\(production\\) — denied: the person declined this change`),
      new RegExp(`^VS Code chat updated phone on customer '.+' \\(id 100\\) on ${productionAccount}\\b`),
      new RegExp(`^VS Code chat tried to create an invoice on ${demoAccount} — denied: invoice not granted`),
      new RegExp(`^VS Code chat read customer '.+' \\(id 100\\) on ${demoAccount}\\b`),
    ];
    const activity = viewPane(page, 'Agent Activity').locator('.monaco-list-row .label-name');
    await activity.nth(3).waitFor({ timeout: uiTimeout });
    const labels = await activity.allInnerTexts();
    assert.deepEqual(rows.map((row) => labels.findIndex((label) => row.test(label))), [0, 1, 2, 3], labels.join('\n'));
    await collapsePaneRow(page, 'Agent Access', 'VS Code chat');
    await screenshot(page, 'chat-4-agent-activity');
  },
};

