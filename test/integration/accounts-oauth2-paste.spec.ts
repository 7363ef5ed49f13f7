/**
 * Finishing a browser sign-in by pasting the redirect URL (VS Code in a browser or remote, where `vscode://` does
 * not come back): the redirect the sandbox's real authorize page sends is read as the user pastes it, handed to the
 * sign-in waiting for its state, and that sign-in — with its own PKCE verifier — gets tokens that work.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAccount } from '../../src/netsuite/account';
import { OAuth2CodeAuthProvider } from '../../src/netsuite/auth/oauth2Code';
import { InMemorySecretStore } from '../../src/netsuite/auth/secretStore';
import { NetSuiteHttpClient } from '../../src/netsuite/http';
import { startSandbox } from '../../src/sandbox/index';
import { oauth2RedirectUri } from '../../src/app/accounts/accountDraft';
import { OAuth2Callbacks, SignInCancelledError } from '../../src/app/accounts/oauth2Callbacks';
import { readPastedRedirect } from '../../src/app/accounts/oauth2PastedRedirect';
import { call } from './sandbox-auth-harness';

type Sandbox = Awaited<ReturnType<typeof startSandbox>>;
let sandbox: Sandbox;
const closers: (() => Promise<void>)[] = [];

beforeAll(async () => {
  sandbox = await startSandbox({ seedRecords: [] });
});
afterAll(async () => {
  for (const close of closers) await close();
  await sandbox.stop();
});

/** A sign-in as the wizard starts it: a provider holding the PKCE verifier, waiting under its state. */
function startSignIn(callbacks: OAuth2Callbacks) {
  const account = parseAccount(sandbox.accountId, { restBaseUrl: sandbox.baseUrl, uiBaseUrl: sandbox.baseUrl });
  const provider = new OAuth2CodeAuthProvider({ account, clientId: sandbox.credentials.oauth2.clientId, redirectUri: oauth2RedirectUri, secretStore: new InMemorySecretStore() });
  const { authorizeUrl, state } = provider.beginSignIn();
  const abort = new AbortController();
  const redirect = callbacks.expect(state, abort.signal);
  const finished = redirect.then((url) => provider.completeSignIn(url));
  finished.catch(() => undefined);
  return { provider, account, authorizeUrl, state, abort, finished };
}

/** The user's click on the sandbox's consent page; resolves with where NetSuite sends the browser. */
async function decide(authorizeUrl: URL, decision: 'allow' | 'deny'): Promise<string> {
  const page = await call(authorizeUrl);
  expect(page.text).toContain('value="allow"');
  const answer = await call(authorizeUrl, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `decision=${decision}` });
  expect(answer.status).toBe(302);
  return answer.headers.location;
}

describe('pasting the sign-in redirect URL', () => {
  it('finishes the waiting sign-in with its own verifier: the tokens read records', async () => {
    const callbacks = new OAuth2Callbacks();
    const signIn = startSignIn(callbacks);
    const location = await decide(signIn.authorizeUrl, 'allow');
    expect(location.startsWith(`${oauth2RedirectUri}?`)).toBe(true);

    // Pasted with the stray spaces and line break a copy from the address bar can bring along.
    const read = readPastedRedirect(`  ${location}\n`, oauth2RedirectUri, (state) => callbacks.isPending(state));
    expect(read).toMatchObject({ kind: 'code', message: expect.stringContaining('Press Enter to finish signing in') });
    if (read.kind !== 'code') throw new Error(read.message);
    expect(callbacks.deliver(read.url)).toBe(true);
    await signIn.finished;
    expect(callbacks.pendingCount).toBe(0);

    const client = new NetSuiteHttpClient({ account: signIn.account, auth: signIn.provider, backoff: { maxAttempts: 1 } });
    closers.push(() => client.close());
    const response = await client.request({ method: 'GET', path: 'record/v1/customer', query: { limit: 1 }, safety: 'idempotent' });
    expect(response.status).toBe(200);

    // The same URL pasted again belongs to no waiting sign-in any more: refused, never exchanged twice.
    expect(readPastedRedirect(location, oauth2RedirectUri, (state) => callbacks.isPending(state))).toMatchObject({ kind: 'problem', message: expect.stringMatching(/another or an older sign-in/) });
  });

  it('refuses a redirect whose state is not the waiting one (stale or forged), and the sign-in keeps waiting', async () => {
    const callbacks = new OAuth2Callbacks();
    const older = startSignIn(callbacks);
    const staleLocation = await decide(older.authorizeUrl, 'allow');
    older.abort.abort();
    await expect(older.finished).rejects.toBeInstanceOf(SignInCancelledError);

    const current = startSignIn(callbacks);
    const isPending = (state: string) => callbacks.isPending(state);
    expect(readPastedRedirect(staleLocation, oauth2RedirectUri, isPending)).toEqual({
      kind: 'problem',
      message: 'This address belongs to another or an older sign-in (its state matches no sign-in waiting here); paste the address of the latest sign-in, or start the sign-in again.',
    });
    const forged = new URL(staleLocation);
    forged.searchParams.set('state', 'x'.repeat(43));
    expect(readPastedRedirect(forged.toString(), oauth2RedirectUri, isPending).kind).toBe('problem');
    expect(callbacks.isPending(current.state)).toBe(true);
    current.abort.abort();
  });

  it('shows NetSuite\'s reason for a denied sign-in, and handing it over ends the sign-in with that reason', async () => {
    const callbacks = new OAuth2Callbacks();
    const signIn = startSignIn(callbacks);
    const location = await decide(signIn.authorizeUrl, 'deny');
    const read = readPastedRedirect(location, oauth2RedirectUri, (state) => callbacks.isPending(state));
    expect(read).toEqual({
      kind: 'refused',
      url: new URL(location),
      message: 'NetSuite did not grant access: The user denied access. (access_denied). Press Enter to end this sign-in.',
    });
    if (read.kind === 'problem') throw new Error(read.message);
    callbacks.deliver(read.url);
    await expect(signIn.finished).rejects.toThrow(/NetSuite did not grant access: The user denied access\. \(access_denied\)/);
  });

  it('says what is wrong with other pastes before anything is sent', async () => {
    const callbacks = new OAuth2Callbacks();
    const signIn = startSignIn(callbacks);
    const isPending = (state: string) => callbacks.isPending(state);
    const read = (text: string) => readPastedRedirect(text, oauth2RedirectUri, isPending).message;
    const state = encodeURIComponent(signIn.state);

    expect(read('')).toMatch(/^Paste the address the browser was sent to .* vscode:\/\/suitelens\.suitelens\/oauth2\/callback\?code=…$/);
    expect(read('code=abc')).toBe('This is not an address; copy the whole address, starting with vscode://');
    expect(read(signIn.authorizeUrl.toString())).toMatch(/^This is the address of the NetSuite sign-in page; allow access there/);
    expect(read(`https://evil.example.com/oauth2/callback?code=abc&state=${state}`)).toMatch(/^This is not the SuiteLens sign-in redirect/);
    expect(read(`vscode://other.extension/oauth2/callback?code=abc&state=${state}`)).toMatch(/^This is not the SuiteLens sign-in redirect/);
    expect(read(`${oauth2RedirectUri}?code=abc`)).toMatch(/has no "state"/);
    expect(read(`${oauth2RedirectUri}?state=${state}`)).toMatch(/has no "code"/);
    expect(read(`${oauth2RedirectUri}?state=${state}&error=invalid_scope`)).toBe('NetSuite did not grant access: invalid_scope. Press Enter to end this sign-in.');
    // None of these reached the sign-in: it still waits.
    expect(callbacks.isPending(signIn.state)).toBe(true);
    signIn.abort.abort();
    expect(callbacks.pendingCount).toBe(0);
  });
});
