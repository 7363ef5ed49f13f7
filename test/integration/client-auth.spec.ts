import { generateKeyPairSync } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseAccount } from '../../src/netsuite/account';
import { AuthError } from '../../src/netsuite/auth/authError';
import { ClientCredentialsAuthProvider } from '../../src/netsuite/auth/clientCredentials';
import { OAuth2CodeAuthProvider } from '../../src/netsuite/auth/oauth2Code';
import { InMemorySecretStore } from '../../src/netsuite/auth/secretStore';
import { TbaAuthProvider } from '../../src/netsuite/auth/tba';
import { secretKey, type AuthProvider } from '../../src/netsuite/auth/types';
import { isNetSuiteError } from '../../src/netsuite/errors';
import { NetSuiteHttpClient } from '../../src/netsuite/http';
import { createLogger } from '../../src/netsuite/log';
import { call, startAuthHarness, type AuthHarness } from './sandbox-auth-harness';

let harness: AuthHarness;
const clients: NetSuiteHttpClient[] = [];
const logLines: string[] = [];
const logger = createLogger({ sink: (line) => logLines.push(line), level: 'trace' });

beforeAll(async () => {
  harness = await startAuthHarness();
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
});
afterAll(() => harness.close());

const account = () => parseAccount('1234567_SB1', { restBaseUrl: harness.baseUrl, uiBaseUrl: harness.baseUrl });

function httpClient(auth: AuthProvider): NetSuiteHttpClient {
  const client = new NetSuiteHttpClient({ account: account(), auth, logger, backoff: { maxAttempts: 1 } });
  clients.push(client);
  return client;
}

/** Who the sandbox thinks is calling, for a GET with a query that needs careful signing. */
async function whoAmI(client: NetSuiteHttpClient): Promise<Record<string, unknown>> {
  const response = await client.request({
    method: 'GET',
    path: 'record/v1/customer',
    query: { q: `companyName START_WITH "O'Brien & Sons"`, limit: 10, offset: 0 },
    safety: 'idempotent',
  });
  return response.body as Record<string, unknown>;
}

describe('TBA provider against the sandbox', () => {
  it('signs requests the sandbox verifies, each attempt with its own nonce', async () => {
    const client = httpClient(new TbaAuthProvider('1234567_SB1', harness.auth.credentials.tba, harness.now));
    const principals = await Promise.all(Array.from({ length: 5 }, () => whoAmI(client)));
    expect(principals.map((p) => p.role)).toEqual(Array(5).fill('Administrator'));
  });

  it('fails with a NetSuiteError of kind auth when the token is wrong', async () => {
    const client = httpClient(new TbaAuthProvider('1234567_SB1', { ...harness.auth.credentials.tba, tokenSecret: 'wrong' }, harness.now));
    const failure = await whoAmI(client).catch((error: unknown) => error);
    expect(isNetSuiteError(failure, 'auth')).toBe(true);
    expect(String((failure as Error).message)).toContain('INVALID_LOGIN');
  });
});

describe('OAuth 2.0 code provider against the sandbox', () => {
  const redirectUri = () => harness.auth.credentials.oauth2.redirectUri;

  async function signedIn(options: { clientSecret?: string; now?: () => number; store?: InMemorySecretStore } = {}) {
    const store = options.store ?? new InMemorySecretStore();
    const provider = new OAuth2CodeAuthProvider({
      account: account(),
      clientId: harness.auth.credentials.oauth2.clientId,
      clientSecret: options.clientSecret,
      redirectUri: redirectUri(),
      secretStore: store,
      now: options.now ?? harness.now,
      logger,
    });
    const { authorizeUrl } = provider.beginSignIn();
    // The user presses Allow on the sandbox's page; the browser then goes to the vscode:// redirect.
    const consent = await call(authorizeUrl, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'decision=allow' });
    expect(consent.status).toBe(302);
    await provider.completeSignIn(consent.headers.location);
    return { provider, store };
  }

  it('signs in through the authorize page, keeps the tokens in the SecretStore and calls REST with them', async () => {
    const { provider, store } = await signedIn();
    expect(await whoAmI(httpClient(provider))).toMatchObject({ kind: 'oauth2', role: 'Administrator' });
    const stored = JSON.parse((await store.get(secretKey('1234567_SB1', 'oauth2Tokens'))) ?? '{}');
    expect(Object.keys(stored).sort()).toEqual(['accessToken', 'expiresAt', 'refreshToken']);
  });

  it('refreshes before expiry without a single 401', async () => {
    const { provider } = await signedIn();
    const client = httpClient(provider);
    await whoAmI(client);
    harness.advance(3600 - 30); // inside the 60 s skew
    const failuresBefore = harness.auth.loginAuditTrail().filter((entry) => entry.reason !== 'Success').length;
    expect(await whoAmI(client)).toMatchObject({ kind: 'oauth2' });
    expect(harness.auth.loginAuditTrail().filter((entry) => entry.reason !== 'Success').length).toBe(failuresBefore);
  });

  it('recovers from a 401 on an expired token by refreshing once, also for parallel requests of a public client', async () => {
    // The provider's clock lags the sandbox's, so it believes the token is fresh and NetSuite says 401.
    let lag = 0;
    const { provider } = await signedIn({ now: () => harness.now() - lag });
    const client = httpClient(provider);
    harness.advance(3601);
    lag = 3601 * 1000;
    const principals = await Promise.all(Array.from({ length: 5 }, () => whoAmI(client)));
    expect(principals.every((p) => p.kind === 'oauth2')).toBe(true);
    expect(harness.auth.loginAuditTrail().some((entry) => entry.reason === 'AccessTokenExpired')).toBe(true);
  });

  it('works as a confidential client (HTTP Basic) and keeps its refresh token across refreshes', async () => {
    const { provider, store } = await signedIn({ clientSecret: harness.auth.credentials.oauth2.clientSecret });
    const client = httpClient(provider);
    const before = JSON.parse((await store.get(secretKey('1234567_SB1', 'oauth2Tokens'))) ?? '{}');
    harness.advance(3601);
    expect(await whoAmI(client)).toMatchObject({ kind: 'oauth2' });
    harness.advance(3601);
    expect(await whoAmI(client)).toMatchObject({ kind: 'oauth2' });
    const after = JSON.parse((await store.get(secretKey('1234567_SB1', 'oauth2Tokens'))) ?? '{}');
    expect(after.refreshToken).toBe(before.refreshToken);
    expect(after.accessToken).not.toBe(before.accessToken);
  });

  it('fails clearly, as kind auth, when the refresh token is refused, and forgets the dead session', async () => {
    const { provider, store } = await signedIn();
    const client = httpClient(provider);
    harness.auth.revokeAll();
    const failure = await whoAmI(client).catch((error: unknown) => error);
    expect(isNetSuiteError(failure, 'auth')).toBe(true);
    expect((failure as Error).message).toMatch(/NetSuite refused to refresh the access token: .*\(invalid_grant\)\. Sign in to the account again/);
    expect((failure as Error).cause).toBeInstanceOf(AuthError);
    expect(await store.get(secretKey('1234567_SB1', 'oauth2Tokens'))).toBeUndefined();
    expect(await provider.isSignedIn()).toBe(false);
  });

  it('signs out by revoking the refresh token at NetSuite', async () => {
    const store = new InMemorySecretStore();
    const { provider } = await signedIn({ store });
    const { refreshToken } = JSON.parse((await store.get(secretKey('1234567_SB1', 'oauth2Tokens'))) ?? '{}');
    await provider.signOut();
    const refresh = await call(harness.auth.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: harness.auth.credentials.oauth2.clientId }).toString(),
    });
    expect(refresh.json().error).toBe('invalid_grant');
  });
});

describe('client-credentials provider against the sandbox', () => {
  const base = () => ({ account: account(), clientId: harness.auth.credentials.clientCredentials.clientId, now: harness.now, logger });

  it('gets a token with the demo EC key, caches it, and calls REST as the certificate’s role', async () => {
    const cc = harness.auth.credentials.clientCredentials;
    const provider = new ClientCredentialsAuthProvider({ ...base(), certificateId: cc.certificateId, privateKeyPem: cc.privateKeyPem });
    expect(await whoAmI(httpClient(provider))).toMatchObject({ kind: 'clientCredentials', role: 'Administrator' });
    const request = { method: 'GET', url: new URL(`${harness.baseUrl}/services/rest/record/v1/customer`) };
    expect(await provider.authorize(request)).toEqual(await provider.authorize(request));
  });

  it('signs PS256 with an RSA 3072 key registered for the narrow role', async () => {
    const keys = generateKeyPairSync('rsa', { modulusLength: 3072 });
    const certificateId = harness.auth.registerCertificate({ publicKeyPem: keys.publicKey.export({ type: 'spki', format: 'pem' }).toString(), role: 'narrow' });
    const provider = new ClientCredentialsAuthProvider({ ...base(), certificateId, privateKeyPem: keys.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString() });
    expect(await whoAmI(httpClient(provider))).toMatchObject({ kind: 'clientCredentials', role: 'Narrow' });
  });

  it('reports the sandbox’s reason when the key does not match the certificate', async () => {
    const wrongKey = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const provider = new ClientCredentialsAuthProvider({ ...base(), certificateId: harness.auth.credentials.clientCredentials.certificateId, privateKeyPem: wrongKey });
    const failure = await whoAmI(httpClient(provider)).catch((error: unknown) => error);
    expect(isNetSuiteError(failure, 'auth')).toBe(true);
    expect((failure as Error).message).toMatch(/signature does not match the certificate registered under its kid\. \(invalid_client\)$/);
  });

  it('gets a new token after a 401 once NetSuite stops accepting the cached one', async () => {
    const cc = harness.auth.credentials.clientCredentials;
    const provider = new ClientCredentialsAuthProvider({ ...base(), certificateId: cc.certificateId, privateKeyPem: cc.privateKeyPem });
    const client = httpClient(provider);
    await whoAmI(client);
    harness.auth.revokeAll(); // the cached token still looks fresh to the client
    expect(await whoAmI(client)).toMatchObject({ kind: 'clientCredentials' });
    expect(harness.auth.loginAuditTrail().at(-2)?.reason).toBe('InvalidAccessToken');
  });
});

describe('secrets in logs', () => {
  it('never writes a token, secret, signature or key to the log', () => {
    const { tba, oauth2, clientCredentials } = harness.auth.credentials;
    const secrets = [tba.consumerSecret, tba.tokenSecret, oauth2.clientSecret, clientCredentials.privateKeyPem.split('\n')[1]];
    expect(logLines.length).toBeGreaterThan(0);
    for (const secret of secrets) expect(logLines.join('\n')).not.toContain(secret);
    expect(logLines.join('\n')).not.toMatch(/Bearer [A-Za-z0-9_-]{20,}/);
  });
});
