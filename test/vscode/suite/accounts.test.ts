import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { SuiteLensApi } from '../../../src/extension';
import type { RunningSandbox, SandboxOptions } from '../../../src/sandbox/index';
import { ConnectionTestError, type OpenBrowser } from '../../../src/app/accounts/accountService';
import { activeSuiteLens } from './extension';

// Accounts of every auth kind added through the extension's own service layer against a real sandbox started in
// this extension host (the same `dist/sandbox.js` the demo uses), then checked through the registry's clients.

async function api(): Promise<SuiteLensApi> {
  return (await activeSuiteLens()).exports as SuiteLensApi;
}

async function startTestSandbox(options: SandboxOptions): Promise<RunningSandbox> {
  const extension = await activeSuiteLens();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const sandbox = require(join(extension.extensionPath, 'dist', 'sandbox.js')) as { startSandbox(o: SandboxOptions): Promise<RunningSandbox> };
  return sandbox.startSandbox({ port: 0, seedRecords: [], ...options });
}

/** The user's browser, approving at once (`auto=1`), and NetSuite's redirect handed to SuiteLens's URI handler. */
function browserThatApproves(suitelens: SuiteLensApi): OpenBrowser & { opened: URL[] } {
  const opened: URL[] = [];
  const open = async (authorizeUrl: URL): Promise<void> => {
    opened.push(authorizeUrl);
    const url = new URL(authorizeUrl);
    url.searchParams.set('auto', '1');
    const response = await fetch(url, { redirect: 'manual' });
    const location = response.headers.get('location');
    assert.ok(location, `the authorize page redirects (status ${response.status})`);
    await suitelens.accounts.uriHandler.handleUri(vscode.Uri.parse(location, true));
  };
  return Object.assign(open, { opened });
}

function filesUnder(root: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(root);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(root, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

suite('Accounts: add, recover and remove through the extension services', () => {
  let sandbox: RunningSandbox;
  let production: RunningSandbox;
  /** Every secret value this suite handed to SuiteLens: none may appear outside SecretStorage. */
  const secretValues = new Set<string>();

  suiteSetup(async function () {
    this.timeout(120_000);
    // 1 s access tokens: every OAuth 2.0 token expires between two steps of a test.
    sandbox = await startTestSandbox({ accountId: '7654321_SB2', accessTokenTtlSeconds: 1 });
    production = await startTestSandbox({ accountId: '7654321' });
    for (const running of [sandbox, production]) {
      const { tba, oauth2, clientCredentials } = running.credentials;
      for (const value of [tba.consumerKey, tba.consumerSecret, tba.tokenId, tba.tokenSecret, oauth2.clientSecret, clientCredentials.privateKeyPem]) secretValues.add(value);
    }
  });

  suiteTeardown(async () => {
    const suitelens = await api();
    for (const id of ['7654321_SB2', '7654321']) await suitelens.accounts.service.remove(id).catch(() => undefined);
    await sandbox?.stop();
    await production?.stop();
  });

  test('adds a TBA account, makes it active and reads from it through the registry client', async function () {
    this.timeout(60_000);
    const suitelens = await api();
    const { tba } = sandbox.credentials;
    const result = await suitelens.accounts.service.add({ accountId: '7654321-sb2', baseUrl: sandbox.baseUrl, credentials: { kind: 'tba', ...tba } });
    assert.equal(result.profile.accountId, '7654321_SB2', 'the host form of the id is stored canonically');
    assert.equal(result.profile.environment, 'sandbox');
    assert.equal(result.warning, undefined);
    assert.equal(suitelens.registry.activeAccountId, '7654321_SB2');
    const { client } = await suitelens.registry.scope('7654321_SB2');
    const page = await client.queryPage('SELECT 1 AS ok FROM dual', 0);
    assert.equal(page.rows.length, 1);
    const accounts = await vscode.authentication.getAccounts('suitelens');
    assert.ok(accounts.some((a) => a.id === '7654321_SB2'), `the account is in VS Code's Accounts menu: ${JSON.stringify(accounts)}`);
  });

  test('refuses wrong TBA keys with NetSuite\'s reason and saves nothing', async function () {
    this.timeout(60_000);
    const suitelens = await api();
    const { tba } = production.credentials;
    await assert.rejects(
      suitelens.accounts.service.add({ accountId: '7654321', baseUrl: production.baseUrl, credentials: { kind: 'tba', ...tba, tokenSecret: 'f'.repeat(64) } }),
      (error: unknown) => {
        // The suite is bundled apart from the extension, so its class is a different copy: compare names.
        assert.ok(error instanceof Error && error.name === ConnectionTestError.name, String(error));
        assert.match(error.message, /^Could not connect to 7654321: .*401 INVALID_LOGIN.*Invalid login attempt/, 'NetSuite\'s code and detail are quoted');
        assert.match(error.message, /token id\/secret/, 'the TBA-specific hint names what to check');
        assert.doesNotMatch(error.message, /f{64}/, 'the secret is not echoed');
        return true;
      },
    );
    assert.equal(suitelens.registry.get('7654321'), undefined, 'a failed test saves no account');
  });

  test('adds a client-credentials account with its PEM key and a production account id', async function () {
    this.timeout(60_000);
    const suitelens = await api();
    const { clientCredentials } = production.credentials;
    const result = await suitelens.accounts.service.add({ accountId: '7654321', baseUrl: production.baseUrl, credentials: { kind: 'clientCredentials', ...clientCredentials } });
    assert.equal(result.profile.environment, 'production');
    assert.equal(result.profile.confirmBeforeWrite, true, 'production asks before writes by default');
    assert.equal(result.profile.certificateId, clientCredentials.certificateId);
    assert.doesNotMatch(JSON.stringify(result.profile), /PRIVATE KEY/, 'the key is not in the profile');
    const { client } = await suitelens.registry.scope('7654321');
    assert.equal((await client.queryPage('SELECT 1 AS ok FROM dual', 0)).rows.length, 1);
  });

  test('signs in with OAuth 2.0 in the browser (PKCE, vscode:// redirect) and recovers once the access token expired', async function () {
    this.timeout(60_000);
    const suitelens = await api();
    const { oauth2 } = sandbox.credentials;
    const browser = browserThatApproves(suitelens);
    const result = await suitelens.accounts.service.add(
      { accountId: '7654321_SB2', baseUrl: sandbox.baseUrl, credentials: { kind: 'oauth2', clientId: oauth2.clientId, clientSecret: oauth2.clientSecret } },
      { openBrowser: browser },
    );
    assert.equal(result.profile.authKind, 'oauth2');
    const authorize = browser.opened[0];
    assert.equal(authorize.searchParams.get('code_challenge_method'), 'S256');
    assert.equal(authorize.searchParams.get('redirect_uri'), 'vscode://suitelens.suitelens/oauth2/callback');

    // The 1 s token has expired by now; the client renews it and the query works without a new sign-in.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const { client } = await suitelens.registry.scope('7654321_SB2');
    assert.equal((await client.queryPage('SELECT 1 AS ok FROM dual', 0)).rows.length, 1);
    assert.equal(browser.opened.length, 1, 'no second browser sign-in was needed');

    // The account was TBA before: re-adding it as OAuth 2.0 dropped the TBA keys from SecretStorage.
    await suitelens.registry.save({ ...result.profile, authKind: 'tba' }, {});
    await assert.rejects(suitelens.registry.scope('7654321_SB2'), /no token-based authentication keys/);
    await suitelens.registry.save(result.profile, {});
  });

  test('a dead OAuth 2.0 session says "sign in again", and signing in again restores the account', async function () {
    this.timeout(60_000);
    const suitelens = await api();
    const profile = suitelens.registry.get('7654321_SB2');
    assert.ok(profile);
    // What NetSuite leaves behind when a refresh token is revoked: an expired access token and a refused refresh.
    await suitelens.registry.save(profile, { oauth2Tokens: JSON.stringify({ accessToken: 'stale', expiresAt: 0, refreshToken: 'revoked-refresh-token' }) });
    const { client } = await suitelens.registry.scope('7654321_SB2');
    await assert.rejects(client.queryPage('SELECT 1 AS ok FROM dual', 0), /sign in to the account again/i);

    const browser = browserThatApproves(suitelens);
    await suitelens.accounts.service.signInAgain('7654321_SB2', { openBrowser: browser });
    const renewed = await suitelens.registry.scope('7654321_SB2');
    assert.equal((await renewed.client.queryPage('SELECT 1 AS ok FROM dual', 0)).rows.length, 1);
  });

  test('a redirect whose state no sign-in waits for is ignored', async function () {
    const suitelens = await api();
    const before = suitelens.registry.get('7654321_SB2');
    await suitelens.accounts.uriHandler.handleUri(vscode.Uri.parse('vscode://suitelens.suitelens/oauth2/callback?code=forged&state=not-ours', true));
    assert.deepEqual(suitelens.registry.get('7654321_SB2'), before);
  });

  test('"Complete OAuth Sign-in with Redirect URL…" finishes the pending sign-in with the pasted URL; a forged state is refused', async function () {
    this.timeout(60_000);
    const suitelens = await api();
    const { oauth2 } = sandbox.credentials;
    // A browser that cannot come back to VS Code (code-server, remote): the user only sees where it was sent.
    let sentTo: (location: string) => void = () => undefined;
    const location = new Promise<string>((resolve) => (sentTo = resolve));
    const browser: OpenBrowser = async (authorizeUrl) => {
      const url = new URL(authorizeUrl);
      url.searchParams.set('auto', '1');
      const response = await fetch(url, { redirect: 'manual' });
      sentTo(response.headers.get('location') ?? '');
    };
    let settled = false;
    const adding = suitelens.accounts.service.add(
      { accountId: '7654321_SB2', baseUrl: sandbox.baseUrl, credentials: { kind: 'oauth2', clientId: oauth2.clientId, clientSecret: oauth2.clientSecret } },
      { openBrowser: browser },
    );
    void adding.then(() => (settled = true), () => (settled = true));
    const redirect = await location;
    assert.match(redirect, /^vscode:\/\/suitelens\.suitelens\/oauth2\/callback\?code=[^&]+&state=/);

    const forged = new URL(redirect);
    forged.searchParams.set('state', 'f'.repeat(43));
    assert.equal(await vscode.commands.executeCommand('suitelens.completeOAuth2SignIn', forged.toString()), false, 'a forged state completes nothing');
    assert.equal(settled, false, 'the sign-in still waits after the forged URL');

    assert.equal(await vscode.commands.executeCommand('suitelens.completeOAuth2SignIn', redirect), true, 'the waiting sign-in took the pasted URL');
    const result = await adding;
    assert.equal(result.profile.authKind, 'oauth2');
    const { client } = await suitelens.registry.scope('7654321_SB2');
    assert.equal((await client.queryPage('SELECT 1 AS ok FROM dual', 0)).rows.length, 1, 'the tokens from the pasted code work');
    // Once done, the same URL is stale: nothing waits for its state any more.
    assert.equal(await vscode.commands.executeCommand('suitelens.completeOAuth2SignIn', redirect), false);
  });

  test('signing out in the Accounts menu removes the account and its secrets', async function () {
    this.timeout(60_000);
    const suitelens = await api();
    const { tba } = production.credentials;
    await suitelens.accounts.service.add({ accountId: '7654321', label: 'Acme production', baseUrl: production.baseUrl, credentials: { kind: 'tba', ...tba } });
    const profile = suitelens.registry.get('7654321');
    assert.ok(profile);
    assert.ok(suitelens.notebooks.controllerId('7654321'), 'the account has its notebook controller');
    const removed = new Promise<vscode.AuthenticationSessionsChangeEvent>((resolve) => {
      const subscription = vscode.authentication.onDidChangeSessions((event) => {
        if (event.provider.id === 'suitelens') {
          subscription.dispose();
          resolve(event);
        }
      });
    });
    await suitelens.accounts.authProvider.removeSession('7654321');
    await removed;
    assert.equal(suitelens.registry.get('7654321'), undefined);
    assert.ok(!(await vscode.authentication.getAccounts('suitelens')).some((a) => a.id === '7654321'));
    // What SuiteLens kept for the account (its notebook controller, completion schema, …) went with it.
    assert.equal(suitelens.notebooks.controllerId('7654321'), undefined);
    assert.ok(!suitelens.registry.accountStates().some((state) => state.accountId === '7654321'));
    // Put the profile back alone: without its secrets the account cannot connect any more.
    await suitelens.registry.save(profile, {});
    await assert.rejects(suitelens.registry.scope('7654321'), /no token-based authentication keys/);
    await suitelens.registry.remove('7654321');
  });

  test('no secret value is in settings, globalState, the SuiteLens log or the workspace', async function () {
    this.timeout(60_000);
    const suitelens = await api();
    // The demo account's generated keys too: the demo stores them the same way.
    const demoId = await suitelens.startDemo();
    assert.ok(demoId);
    const { globalState, logUri, globalStorageUri } = suitelens.accounts.storage;
    const stateText = globalState.keys().map((key) => `${key}=${JSON.stringify(globalState.get(key))}`).join('\n');
    assert.match(stateText, /7654321_SB2/, 'the profiles are in globalState');

    const userDir = join(globalStorageUri.fsPath, '..', '..');
    const places: [string, string][] = [['globalState', stateText], ['settings (API)', JSON.stringify(vscode.workspace.getConfiguration())]];
    for (const file of [join(userDir, 'settings.json'), ...filesUnder(join(logUri.fsPath, '..')), ...filesUnder(globalStorageUri.fsPath)]) {
      places.push([file, readFileSync(file, 'latin1')]);
    }
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      for (const file of filesUnder(folder.uri.fsPath)) places.push([file, readFileSync(file, 'latin1')]);
    }
    assert.ok(places.some(([place, text]) => place.endsWith('.log') && /Added NetSuite account 7654321_SB2/.test(text)), 'the SuiteLens log was searched');
    const pemBody = (pem: string): string[] => pem.split('\n').filter((line) => line.length > 40);
    for (const [place, text] of places) {
      for (const secret of secretValues) {
        for (const fragment of secret.includes('PRIVATE KEY') ? pemBody(secret) : [secret]) {
          assert.ok(!text.includes(fragment), `a secret (${fragment.slice(0, 4)}…) appears in ${place}`);
        }
      }
      assert.doesNotMatch(text, /Bearer [A-Za-z0-9._~+/-]{8,}|refresh_token=[^&\s]{8,}|oauth_signature="[^"]{8,}/, `a token appears in ${place}`);
    }
  });
});
