import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { startSandbox } from '../../../src/sandbox/index';
import { pickQuickInputRow as pickRow, quickInput, waitForQuickInputTitle as waitForTitle } from '../lib/quickInput';
import type { Scenario } from '../lib/scenario';
import { exactly, runCommand, screenshot, waitForNotification } from '../lib/workbench';

const uiTimeout = 30_000;

/** Types into the open quick input (as a user would, key by key) and confirms with Enter. */
async function typeAndEnter(page: Page, text: string): Promise<void> {
  const input = quickInput(page);
  await input.waitFor({ timeout: uiTimeout });
  await input.fill('');
  await input.pressSequentially(text);
  await page.keyboard.press('Enter');
}

function statusBarItem(page: Page, text: RegExp): Locator {
  return page.locator('.part.statusbar .statusbar-item', { hasText: text });
}

/** code-server's user-data folder: the one whose config binds the port this workbench is served on. */
function userDataDirOf(page: Page): string {
  const port = new URL(page.url()).port;
  const dir = readdirSync(tmpdir())
    .filter((name) => name.startsWith('suitelens-code-server-'))
    .map((name) => join(tmpdir(), name))
    .find((candidate) => {
      try {
        return readFileSync(join(candidate, 'config.yaml'), 'utf8').includes(`127.0.0.1:${port}\n`);
      } catch {
        return false;
      }
    });
  assert.ok(dir, `found the code-server run folder for port ${port}`);
  return join(dir, 'user-data');
}

function filesUnder(root: string): string[] {
  let names: string[];
  try {
    names = readdirSync(root);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const path = join(root, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

export const scenario: Scenario = {
  name: 'Adding a TBA account through the quick-pick wizard: validation while typing, Back keeps what was typed, wrong keys refused with NetSuite\'s reason and corrected, production unmistakable in the status bar, listed in the Accounts menu and signed out there, no secret on disk',
  async run({ openWorkbench, onCleanup }) {
    // A production-looking account id served by the local sandbox through the base URL override.
    const sandbox = await startSandbox({ port: 0, accountId: '1234567', seedRecords: [] });
    onCleanup(() => sandbox.stop());
    const { tba } = sandbox.credentials;

    const page = await openWorkbench();
    await statusBarItem(page, /NetSuite: add account/).waitFor({ timeout: uiTimeout });

    await runCommand(page, 'SuiteLens: Add NetSuite Account…');
    await waitForTitle(page, /Add NetSuite Account \(1\/4\)/);
    // Validation as the user types: a space is refused with the reason, the real id is recognised as production.
    await quickInput(page).pressSequentially('1234 567');
    const message = page.locator('.quick-input-widget .quick-input-message');
    await message.filter({ hasText: /it contains spaces/ }).waitFor({ timeout: uiTimeout });
    await screenshot(page, 'accounts-1-account-id-validation');
    await quickInput(page).fill('');
    await quickInput(page).pressSequentially('1234567');
    await message.filter({ hasText: exactly('PRODUCTION account 1234567') }).waitFor({ timeout: uiTimeout });
    await page.keyboard.press('Enter');

    await waitForTitle(page, /Add NetSuite Account \(2\/4\)/);
    await screenshot(page, 'accounts-2-auth-kinds');
    await pickRow(page, /Token-based authentication \(TBA\)/);

    for (const [what, value] of [
      ['consumer key', tba.consumerKey],
      ['consumer secret', tba.consumerSecret],
      ['token id', tba.tokenId],
      // A wrong token secret first: the connection test must refuse it and say why.
      ['token secret', 'f'.repeat(64)],
    ] as const) {
      await waitForTitle(page, new RegExp(`\\(3/4\\): ${what}$`));
      assert.equal(await quickInput(page).getAttribute('type'), 'password', `the ${what} is typed into a password box`);
      if (what === 'token secret') {
        await quickInput(page).pressSequentially('with space');
        await message.filter({ hasText: /contains a space or line break/ }).waitFor({ timeout: uiTimeout });
      }
      await typeAndEnter(page, value);
    }

    await waitForTitle(page, /Add NetSuite Account \(4\/4\)/);
    await pickRow(page, /Another address/);
    await waitForTitle(page, /base URL/);
    await typeAndEnter(page, sandbox.baseUrl);

    // NetSuite's refusal is quoted with what to check; nothing is saved; "Edit and Try Again" keeps what was typed.
    const refusal = await waitForNotification(page, /Could not connect to 1234567/);
    assert.match(refusal, /INVALID_LOGIN/);
    assert.match(refusal, /token id\/secret/);
    assert.match(refusal, /Nothing was saved\./);
    const tryAgain = page.locator('.notifications-toasts .notification-toast', { hasText: /Could not connect/ }).getByRole('button', { name: 'Edit and Try Again' });
    await tryAgain.waitFor({ timeout: uiTimeout });
    await page.waitForTimeout(500); // the toast fades in; let the screenshot show it settled
    await screenshot(page, 'accounts-2b-connection-refused');
    assert.equal(await statusBarItem(page, /PRODUCTION/).count(), 0, 'no account was saved');
    await tryAgain.click({ timeout: uiTimeout });
    await waitForTitle(page, /Add NetSuite Account \(1\/4\)/);
    assert.equal(await quickInput(page).inputValue(), '1234567', 'the account id is kept');
    await page.keyboard.press('Enter');
    await waitForTitle(page, /\(2\/4\)/);
    await pickRow(page, /Token-based authentication \(TBA\)/);
    for (const what of ['consumer key', 'consumer secret', 'token id']) {
      await waitForTitle(page, new RegExp(`\\(3/4\\): ${what}$`));
      assert.notEqual(await quickInput(page).inputValue(), '', `the ${what} is kept`);
      await page.keyboard.press('Enter');
    }
    // Back goes one step back with what was typed there kept: the token id again, then forward to the secret.
    await waitForTitle(page, /\(3\/4\): token secret$/);
    const backButton = page.locator('.quick-input-widget .quick-input-left-action-bar .action-label').first();
    await backButton.waitFor({ timeout: uiTimeout });
    await screenshot(page, 'accounts-2c-back-button');
    await backButton.click();
    await waitForTitle(page, /\(3\/4\): token id$/);
    assert.equal(await quickInput(page).inputValue(), tba.tokenId, 'Back keeps the token id');
    await page.keyboard.press('Enter');
    await waitForTitle(page, /\(3\/4\): token secret$/);
    await typeAndEnter(page, tba.tokenSecret);
    await waitForTitle(page, /\(4\/4\)/);
    await pickRow(page, /Another address/);
    await waitForTitle(page, /base URL/);
    assert.equal(await quickInput(page).inputValue(), sandbox.baseUrl, 'the base URL is kept');
    await page.keyboard.press('Enter');

    await waitForNotification(page, 'Added NetSuite account 1234567; the connection works.');
    // The progress toast goes once the test is done (the account is saved only after it).
    await page.locator('.notifications-toasts .notification-toast', { hasText: /Testing the connection/ }).waitFor({ state: 'detached', timeout: 10_000 });
    const production = statusBarItem(page, /PRODUCTION · 1234567/);
    await production.waitFor({ timeout: uiTimeout });
    const background = await production.evaluate((element) => getComputedStyle(element).backgroundColor);
    assert.notEqual(background, 'rgba(0, 0, 0, 0)', 'the production item has a background colour of its own');
    const [r, g, b] = (background.match(/\d+/g) ?? []).map(Number);
    assert.ok(r > 150 && g < 100 && b < 100, `the production background is red, got ${background}`);
    await screenshot(page, 'accounts-3-production-status-bar');

    // The status bar switches accounts; the new account is listed as the active one.
    await production.click();
    await page.locator('.quick-input-list .monaco-list-row', { hasText: /1234567/ }).first().waitFor({ timeout: uiTimeout });
    assert.match(await page.locator('.quick-input-list').innerText(), /Production/);
    await screenshot(page, 'accounts-4-switch-account');
    await page.keyboard.press('Escape');

    // VS Code's Accounts menu lists the account under the NetSuite provider.
    await page.locator('.activitybar a.action-label[aria-label^="Accounts"]').click({ timeout: uiTimeout });
    const accountsMenu = page.locator('.monaco-menu .action-label', { hasText: /1234567 · Production \(NetSuite\)/ });
    await accountsMenu.first().waitFor({ timeout: uiTimeout });
    await screenshot(page, 'accounts-5-accounts-menu');
    await page.keyboard.press('Escape');
    await accountsMenu.first().waitFor({ state: 'detached', timeout: uiTimeout });

    // No secret value reached settings, logs or the workspace on disk.
    const userData = userDataDirOf(page);
    const workspace = new URL(page.url()).searchParams.get('folder') ?? '';
    const files = [join(userData, 'User', 'settings.json'), ...filesUnder(join(userData, 'logs')), ...filesUnder(workspace)];
    assert.ok(files.some((file) => file.endsWith('SuiteLens.log')), `the SuiteLens log is among the files searched: ${files.length} files`);
    for (const file of files) {
      const text = readFileSync(file, 'latin1');
      for (const secret of [tba.consumerKey, tba.consumerSecret, tba.tokenId, tba.tokenSecret]) {
        assert.ok(!text.includes(secret), `a TBA secret (${secret.slice(0, 4)}…) appears in ${file}`);
      }
    }

    // Signing out there removes the account: the status bar goes back to "add account".
    await page.locator('.activitybar a.action-label[aria-label^="Accounts"]').click({ timeout: uiTimeout });
    await accountsMenu.first().hover({ timeout: uiTimeout });
    // VS Code's context menus act on the highlighted entry: highlight "Sign Out" with the mouse, confirm with Enter.
    await page.locator('.monaco-menu .action-label:visible', { hasText: /^Sign Out$/ }).first().hover({ timeout: uiTimeout });
    await page.keyboard.press('Enter');
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: uiTimeout });
    assert.match(await dialog.innerText(), /Sign out of '1234567 · Production'\?/);
    await screenshot(page, 'accounts-6-sign-out-confirm');
    await dialog.getByRole('button', { name: 'Sign Out' }).click({ timeout: uiTimeout });
    await statusBarItem(page, /NetSuite: add account/).waitFor({ timeout: uiTimeout });
    assert.equal(await statusBarItem(page, /PRODUCTION/).count(), 0, 'the production account is gone');
    await screenshot(page, 'accounts-7-signed-out');
  },
};
