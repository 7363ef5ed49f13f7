/**
 * Every auth kind against the real sandbox (`startSandbox`), through the governed HTTP client: the wiring of
 * the auth server into the sandbox, and the role each credential runs as. The fine-grained auth cases (clock
 * control, extra certificates) live in client-auth.spec.ts and sandbox-auth.spec.ts.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAccount } from '../../src/netsuite/account';
import { ClientCredentialsAuthProvider } from '../../src/netsuite/auth/clientCredentials';
import { OAuth2CodeAuthProvider } from '../../src/netsuite/auth/oauth2Code';
import { InMemorySecretStore } from '../../src/netsuite/auth/secretStore';
import { TbaAuthProvider } from '../../src/netsuite/auth/tba';
import type { AuthProvider } from '../../src/netsuite/auth/types';
import { isNetSuiteError } from '../../src/netsuite/errors';
import { NetSuiteHttpClient } from '../../src/netsuite/http';
import { startSandbox } from '../../src/sandbox/index';
import { call } from './sandbox-auth-harness';

type Sandbox = Awaited<ReturnType<typeof startSandbox>>;
let sandbox: Sandbox;
const clients: NetSuiteHttpClient[] = [];
const accessTokenTtlSeconds = 2;

beforeAll(async () => {
  sandbox = await startSandbox({ accessTokenTtlSeconds });
});
afterAll(async () => {
  await Promise.all(clients.map((client) => client.close()));
  await sandbox.stop();
});

function httpClient(auth: AuthProvider): NetSuiteHttpClient {
  const account = parseAccount(sandbox.accountId, { restBaseUrl: sandbox.baseUrl, uiBaseUrl: sandbox.baseUrl });
  const client = new NetSuiteHttpClient({ account, auth, backoff: { maxAttempts: 1 } });
  clients.push(client);
  return client;
}

const listCustomers = (client: NetSuiteHttpClient) =>
  client.request({ method: 'GET', path: 'record/v1/customer', query: { limit: 5, offset: 0 }, safety: 'idempotent' });
const listVendors = (client: NetSuiteHttpClient) => client.request({ method: 'GET', path: 'record/v1/vendor', query: { limit: 5 }, safety: 'idempotent' });

async function signedInOAuth2(now: () => number = Date.now): Promise<OAuth2CodeAuthProvider> {
  const provider = new OAuth2CodeAuthProvider({
    account: parseAccount(sandbox.accountId, { restBaseUrl: sandbox.baseUrl, uiBaseUrl: sandbox.baseUrl }),
    clientId: sandbox.credentials.oauth2.clientId,
    redirectUri: sandbox.credentials.oauth2.redirectUri,
    secretStore: new InMemorySecretStore(),
    refreshSkewSeconds: 0,
    now,
  });
  const { authorizeUrl } = provider.beginSignIn();
  const page = await call(authorizeUrl);
  expect(page.text).toContain('value="allow"');
  const consent = await call(authorizeUrl, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'decision=allow' });
  await provider.completeSignIn(consent.headers.location);
  return provider;
}

describe('auth against startSandbox', () => {
  it('TBA: the admin token reads customers and vendors; the narrow token is refused vendors with 403', async () => {
    const admin = httpClient(new TbaAuthProvider(sandbox.accountId, sandbox.credentials.tba));
    expect((await listCustomers(admin)).status).toBe(200);
    expect((await listVendors(admin)).status).toBe(200);
    const narrow = httpClient(new TbaAuthProvider(sandbox.accountId, sandbox.narrowCredentials.tba));
    expect((await listCustomers(narrow)).status).toBe(200);
    const refused = await listVendors(narrow).catch((error: unknown) => error);
    expect(isNetSuiteError(refused, 'permission')).toBe(true);
  });

  it('TBA: wrong secret → 401 INVALID_LOGIN with the OAuth challenge, as kind auth', async () => {
    const client = httpClient(new TbaAuthProvider(sandbox.accountId, { ...sandbox.credentials.tba, consumerSecret: 'wrong' }));
    const failure = await listCustomers(client).catch((error: unknown) => error);
    expect(isNetSuiteError(failure, 'auth')).toBe(true);
    expect((failure as Error).message).toContain('INVALID_LOGIN');
    expect((failure as Error).message).toContain('error="token_rejected"');
    expect(sandbox.loginAuditTrail().at(-1)?.reason).toBe('InvalidSignature');
  });

  it('OAuth 2.0 code + PKCE: signs in through the authorize page and keeps working across token expiry', async () => {
    // After sign-in the provider's clock falls an hour behind, so it never refreshes early: expiry shows up as a
    // 401 it must handle by refreshing once.
    let lagMs = 0;
    const client = httpClient(await signedInOAuth2(() => Date.now() - lagMs));
    lagMs = 3_600_000;
    expect((await listCustomers(client)).status).toBe(200);
    await sleep((accessTokenTtlSeconds + 0.5) * 1000);
    expect((await listCustomers(client)).status).toBe(200);
    expect(sandbox.loginAuditTrail().some((entry) => entry.reason === 'AccessTokenExpired')).toBe(true);
  });

  it('client credentials: the demo EC key gets a token and reads customers', async () => {
    const cc = sandbox.credentials.clientCredentials;
    const provider = new ClientCredentialsAuthProvider({
      account: parseAccount(sandbox.accountId, { restBaseUrl: sandbox.baseUrl, uiBaseUrl: sandbox.baseUrl }),
      clientId: cc.clientId,
      certificateId: cc.certificateId,
      privateKeyPem: cc.privateKeyPem,
    });
    expect((await listCustomers(httpClient(provider))).status).toBe(200);
  });
});
