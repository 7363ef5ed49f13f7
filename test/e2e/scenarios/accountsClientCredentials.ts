import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startSandbox } from '../../../src/sandbox/index';
import { answerQuickInput as answer, pickQuickInputRow as pickRow, waitForQuickInputTitle as waitForTitle } from '../lib/quickInput';
import type { Scenario } from '../lib/scenario';
import { runCommand, runNotebookCell, screenshot, waitForNotification } from '../lib/workbench';

const uiTimeout = 30_000;

export const scenario: Scenario = {
  name: 'A client-credentials account added with its PEM key from the file picker: plain sandbox status bar, read-only option, and a query that works after its token expired',
  async run({ openWorkbench, onCleanup }) {
    // One-second access tokens: the token from the connection test has expired when the notebook runs.
    const sandbox = await startSandbox({ port: 0, accountId: '1234567_SB1', seedRecords: [], accessTokenTtlSeconds: 1 });
    onCleanup(() => sandbox.stop());
    const { clientCredentials } = sandbox.credentials;

    const page = await openWorkbench();
    const workspace = new URL(page.url()).searchParams.get('folder') ?? '';
    assert.ok(workspace, 'the workbench URL names its folder');
    writeFileSync(join(workspace, 'netsuite-m2m.pem'), clientCredentials.privateKeyPem);
    await runCommand(page, 'SuiteLens: Add NetSuite Account…');
    await answer(page, /Add NetSuite Account \(1\/4\)/, '1234567-sb1');
    await waitForTitle(page, /\(2\/4\)/);
    await pickRow(page, /OAuth 2\.0 client credentials/);
    await answer(page, /\(3\/4\): client id$/, clientCredentials.clientId);
    await answer(page, /\(3\/4\): certificate id$/, clientCredentials.certificateId);
    // VS Code's file picker (the simple dialog in code-server): type the key file's path.
    await waitForTitle(page, /private key \(PEM\)/);
    // The dialog opens on the workspace folder, where the user keeps the key. Clicking a file accepts it at once;
    // no Enter afterwards, which would pick the first row of the next step ("NetSuite", not the loopback sandbox).
    const keyRow = page.locator('.quick-input-list .monaco-list-row', { hasText: 'netsuite-m2m.pem' }).first();
    await keyRow.hover({ timeout: uiTimeout });
    await screenshot(page, 'accounts-5-pem-file-picker');
    await keyRow.click({ timeout: uiTimeout });
    await waitForTitle(page, /\(4\/4\)/);
    await pickRow(page, /Another address/);
    await answer(page, /base URL/, sandbox.baseUrl);

    await waitForNotification(page, 'Added NetSuite account 1234567_SB1; the connection works.');
    const item = page.locator('.part.statusbar .statusbar-item', { hasText: /Sandbox · 1234567_SB1/ });
    await item.waitFor({ timeout: uiTimeout });
    assert.doesNotMatch(await item.innerText(), /PRODUCTION/);
    assert.equal(await item.evaluate((element) => getComputedStyle(element).backgroundColor), 'rgba(0, 0, 0, 0)', 'a sandbox is not coloured like production');
    await screenshot(page, 'accounts-6-sandbox-status-bar');

    // Per-account options: read-only goes on and the list shows it.
    await runCommand(page, 'SuiteLens: Account Options…');
    await pickRow(page, /1234567_SB1/);
    await waitForTitle(page, /Account Options: 1234567_SB1/);
    await pickRow(page, /Read-only/);
    const readOnlyRow = page.locator('.quick-input-list .monaco-list-row', { hasText: /Read-only/ });
    await readOnlyRow.filter({ hasText: /On/ }).waitFor({ timeout: uiTimeout });
    await waitForTitle(page, /1234567_SB1 · Sandbox · read-only/);
    await screenshot(page, 'accounts-7-options-read-only');
    await page.keyboard.press('Escape');
    await item.locator('.codicon-lock').waitFor({ timeout: uiTimeout });

    // The access token from the connection test is long expired: the query still runs, with no sign-in prompt.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    await runCommand(page, 'SuiteLens: New SuiteQL Notebook');
    await page.locator('.notebook-editor', { hasText: 'NetSuite: 1234567_SB1' }).first().waitFor({ timeout: uiTimeout });
    assert.equal(await runNotebookCell(page, 0), 'success', 'the cell ran after the token expired');
    await screenshot(page, 'accounts-8-query-after-token-expired');
  },
};
