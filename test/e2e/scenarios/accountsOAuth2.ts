import * as assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { startSandbox } from '../../../src/sandbox/index';
import { collapseOtherPanes, expandRow, explorerRows, findRow, widenSideBar } from '../lib/explorerTree';
import type { Scenario } from '../lib/scenario';
import { answerQuickInput as answer, pickQuickInputRow as pickRow, quickInput, quickInputMessage, waitForQuickInputTitle as waitForTitle } from '../lib/quickInput';
import { openSuiteLensView, runCommand, screenshot, waitForNotification } from '../lib/workbench';

const uiTimeout = 30_000;
const pasteCommand = 'SuiteLens: Complete OAuth Sign-in with Redirect URL…';

/** Palette rows offered for `label` (the palette stays open; Escape closes it). */
async function paletteRows(page: Page, label: string): Promise<Locator> {
  await page.keyboard.press('F1');
  await quickInput(page).waitFor({ timeout: uiTimeout });
  await quickInput(page).fill(`>${label}`);
  await page.waitForTimeout(500); // the palette filters as it is typed into
  return page.locator('.quick-input-list .monaco-list-row', { hasText: label });
}

export const scenario: Scenario = {
  name: 'OAuth 2.0 browser sign-in from VS Code in a browser: the sandbox\'s authorize page opens in a new tab, Allow sends it to a vscode:// address code-server cannot take, and pasting that address finishes the same sign-in; the account browses',
  async run({ openWorkbench, onCleanup }) {
    const sandbox = await startSandbox({ port: 0, accountId: '1234567_SB1' });
    onCleanup(() => sandbox.stop());
    const { oauth2 } = sandbox.credentials;

    const page = await openWorkbench();
    // No sign-in waits yet: the paste command is not offered.
    assert.equal(await (await paletteRows(page, pasteCommand)).count(), 0, 'the paste command is hidden while no sign-in waits');
    await page.keyboard.press('Escape');

    await runCommand(page, 'SuiteLens: Add NetSuite Account…');
    await answer(page, /Add NetSuite Account \(1\/4\)/, '1234567_SB1');
    await waitForTitle(page, /\(2\/4\)/);
    await pickRow(page, /OAuth 2\.0 — sign in with the browser/);
    // The redirect URI the integration record must list is shown where it is needed, with a Copy button.
    await waitForTitle(page, /\(3\/4\): client id$/);
    const prompt = page.locator('.quick-input-widget .quick-input-message');
    await prompt.filter({ hasText: 'Its Redirect URI must be vscode://suitelens.suitelens/oauth2/callback' }).waitFor({ timeout: uiTimeout });
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
    await page.locator('.quick-input-widget').getByRole('button', { name: 'Copy Redirect URI' }).click({ timeout: uiTimeout });
    await page.locator('.part.statusbar', { hasText: 'Copied vscode://suitelens.suitelens/oauth2/callback' }).waitFor({ timeout: uiTimeout });
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'vscode://suitelens.suitelens/oauth2/callback');
    await screenshot(page, 'accounts-oauth2-0-redirect-uri-at-client-id');
    await answer(page, /\(3\/4\): client id$/, oauth2.clientId);
    await answer(page, /\(3\/4\): client secret$/, oauth2.clientSecret);
    await waitForTitle(page, /\(4\/4\)/);
    await pickRow(page, /Another address/);

    // The sandbox is reached through code-server's own port proxy, as a remote user reaches a service on the
    // code-server machine. Not its loopback address directly: code-server 4.100.3 rewrites every loopback URL an
    // extension opens to /proxy/<port>/ and drops its path and query (coder/code-server#7668, fixed after 4.100.3),
    // which would lose the authorize request — NetSuite's https hosts are not rewritten.
    const sandboxPort = new URL(sandbox.baseUrl).port;
    const proxiedSandbox = `${new URL(page.url()).origin}/proxy/${sandboxPort}`;
    // The extension opens the authorize page with vscode.env.openExternal: in code-server that is a new tab.
    const newTab = page.context().waitForEvent('page', { timeout: uiTimeout });
    await answer(page, /base URL/, proxiedSandbox);
    const authorizePage = await newTab;
    await authorizePage.waitForLoadState('domcontentloaded');
    const authorizeUrl = new URL(authorizePage.url());
    assert.equal(`${authorizeUrl.origin}${authorizeUrl.pathname}`, `${proxiedSandbox}/app/login/oauth2/authorize.nl`);
    assert.equal(authorizeUrl.searchParams.get('code_challenge_method'), 'S256');
    assert.equal(authorizeUrl.searchParams.get('redirect_uri'), 'vscode://suitelens.suitelens/oauth2/callback');
    // Opened exactly as SuiteLens built it: the redirect URI stays percent-encoded in the query.
    assert.match(authorizePage.url(), /[?&]redirect_uri=vscode%3A%2F%2Fsuitelens\.suitelens%2Foauth2%2Fcallback&/);
    await authorizePage.getByRole('heading', { name: 'Allow access to NetSuite?' }).waitFor({ timeout: uiTimeout });
    await screenshot(authorizePage, 'accounts-oauth2-1-authorize-page');

    // Allow: NetSuite answers 302 to the vscode:// redirect URI, which this browser cannot hand to code-server.
    const redirected = authorizePage.waitForResponse((response) => response.request().method() === 'POST' && response.status() === 302, { timeout: uiTimeout });
    await authorizePage.getByRole('button', { name: 'Allow' }).click({ timeout: uiTimeout });
    const location = (await redirected).headers()['location'] ?? '';
    assert.match(location, /^vscode:\/\/suitelens\.suitelens\/oauth2\/callback\?code=[^&]+&state=/);
    assert.equal(new URL(location).searchParams.get('state'), authorizeUrl.searchParams.get('state'), 'NetSuite returns the state it was given');

    // Back in VS Code: the sign-in still waits; its progress notification offers the way out, and so does the palette.
    await page.bringToFront();
    const progress = page.locator('.notifications-toasts .notification-toast', { hasText: /Signing in to 1234567_SB1 in your browser/ });
    await progress.waitFor({ timeout: uiTimeout });
    assert.match(await progress.innerText(), /Signing in to 1234567_SB1 in your browser: not brought back to VS Code\? Paste Redirect URL…/);
    await screenshot(page, 'accounts-oauth2-2a-waiting-for-browser');
    assert.equal(await (await paletteRows(page, pasteCommand)).count(), 1, 'the paste command is offered while the sign-in waits');
    await page.keyboard.press('Escape');
    await progress.getByRole('link', { name: 'Paste Redirect URL…' }).click({ timeout: uiTimeout });
    await waitForTitle(page, /Complete NetSuite Sign-in/);
    // Validation as the user pastes: the sign-in page's own address, then a forged state, are refused with why.
    await quickInput(page).fill(authorizeUrl.toString());
    await quickInputMessage(page).filter({ hasText: /This is the address of the NetSuite sign-in page/ }).waitFor({ timeout: uiTimeout });
    const forged = new URL(location);
    forged.searchParams.set('state', 'f'.repeat(43));
    await quickInput(page).fill(forged.toString());
    await quickInputMessage(page).filter({ hasText: /belongs to another or an older sign-in/ }).waitFor({ timeout: uiTimeout });
    await page.keyboard.press('Enter'); // refused: the box stays open with its message
    await quickInputMessage(page).filter({ hasText: /belongs to another or an older sign-in/ }).waitFor({ timeout: uiTimeout });
    await screenshot(page, 'accounts-oauth2-2b-forged-state-refused');
    await quickInput(page).fill(location);
    await quickInputMessage(page).filter({ hasText: /A sign-in code for the sign-in waiting here/ }).waitFor({ timeout: uiTimeout });
    await screenshot(page, 'accounts-oauth2-2-paste-redirect-url');
    await page.keyboard.press('Enter');

    await waitForNotification(page, 'Added NetSuite account 1234567_SB1; the connection works.');
    await page.locator('.notifications-toasts .notification-toast', { hasText: /Signing in to 1234567_SB1/ }).waitFor({ state: 'detached', timeout: uiTimeout });
    await page.locator('.part.statusbar .statusbar-item', { hasText: /Sandbox · 1234567_SB1/ }).waitFor({ timeout: uiTimeout });
    assert.equal(await (await paletteRows(page, pasteCommand)).count(), 0, 'the paste command is hidden again once the sign-in is done');
    await page.keyboard.press('Escape');

    // The token works: browse record types and a page of customers.
    await openSuiteLensView(page);
    await collapseOtherPanes(page);
    await widenSideBar(page);
    await findRow(page, /1234567_SB1/);
    await expandRow(page, 'Record Types');
    await expandRow(page, 'Customer');
    await findRow(page, 'Load more…');
    assert.ok((await explorerRows(page, /\S/).count()) > 5, 'customers are listed under the type');
    // The "Added" toast was checked above; VS Code hides an information toast after a while, so under load it can
    // be gone by now, and the screenshot does not wait for it.
    await screenshot(page, 'accounts-oauth2-3-signed-in-browsing');
  },
};
