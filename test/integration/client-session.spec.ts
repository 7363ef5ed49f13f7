import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAccount } from '../../src/netsuite/account';
import { ClientCredentialsAuthProvider } from '../../src/netsuite/auth/clientCredentials';
import { isNetSuiteError } from '../../src/netsuite/errors';
import { setUpClient, type ClientSetup } from './client-sandbox';

let setup: ClientSetup;
const tokenPath = '/services/rest/auth/oauth2/v1/token';

function clientCredentials(scope?: string[]): ClientCredentialsAuthProvider {
  const { clientCredentials: credentials } = setup.sandbox.credentials;
  return new ClientCredentialsAuthProvider({
    account: parseAccount(setup.sandbox.accountId, { restBaseUrl: setup.sandbox.baseUrl }),
    clientId: credentials.clientId,
    certificateId: credentials.certificateId,
    privateKeyPem: credentials.privateKeyPem,
    refreshSkewSeconds: 0,
    logger: setup.log.logger,
    ...(scope ? { scope } : {}),
  });
}

beforeAll(async () => {
  // Access tokens live one second and every page takes 200 ms: an export of 30 pages outlives several tokens.
  setup = await setUpClient({ accessTokenTtlSeconds: 1, latency: { perRequestMs: 200 } });
});

afterAll(async () => {
  await setup?.stop();
});

describe('sessions that change under a running export', () => {
  it('refreshes the token mid-export and still delivers every row in order', async () => {
    const client = setup.client({ auth: clientCredentials() });
    const since = setup.sandbox.requestLog.lastSeq;
    const ids: number[] = [];
    for await (const row of client.query('SELECT id FROM customer ORDER BY id', { pageSize: 10 })) ids.push(Number(row.raw.id));
    const total = Number((await client.queryPage('SELECT COUNT(*) AS n FROM customer')).rows[0].raw.n);
    expect(ids).toHaveLength(total);
    expect(new Set(ids).size).toBe(total);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    const tokenRequests = setup.sandbox.requestLog.list({ since, method: 'POST', pathPrefix: tokenPath });
    expect(tokenRequests.length).toBeGreaterThanOrEqual(2);
  });

  it('fails clearly, after exactly one refresh, when NetSuite still refuses the new token (401)', async () => {
    // A token for RESTlets only: the token endpoint issues it, the REST API refuses it every time.
    const client = setup.client({ auth: clientCredentials(['restlets']) });
    const since = setup.sandbox.requestLog.lastSeq;
    const error = await client.records.list('customer', { limit: 1 }).catch((caught: unknown) => caught);
    expect(isNetSuiteError(error, 'auth')).toBe(true);
    const authError = error as import('../../src/netsuite/errors').NetSuiteError;
    expect(authError.status).toBe(401);
    expect(authError.message).toMatch(/still refused the credentials after they were refreshed/);
    expect(authError.advice).toMatch(/sign in to the account again/i);
    expect(setup.sandbox.requestLog.list({ since, method: 'POST', pathPrefix: tokenPath })).toHaveLength(2);
    expect(setup.sandbox.requestLog.list({ since, pathPrefix: '/services/rest/record/v1/customer' })).toHaveLength(2);
  });
});
