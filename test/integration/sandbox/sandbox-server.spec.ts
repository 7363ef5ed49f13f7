/**
 * The server pipeline over real HTTP: authentication, roles, governance (concurrency limit and latency),
 * deterministic faults, the request log and the control endpoint, and NetSuite's error envelope for every error.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../src/sandbox';
import { fixtureRecords } from './fixtureRecords';
import { assertionKey, signClientAssertion } from '../../../src/netsuite/auth/clientCredentials';
import { call, idFromLocation } from './sandboxTestClient';

let sandbox: RunningSandbox;
const record = '/services/rest/record/v1';
const quiet = { rate500: 0, rate429: 0, resetBeforeCommitRate: 0, resetAfterCommitRate: 0 };

beforeAll(async () => {
  sandbox = await startSandbox({ seedRecords: fixtureRecords() });
});
afterAll(async () => {
  await sandbox?.stop();
});
beforeEach(() => {
  sandbox.configure({ concurrencyLimit: 5, latency: { perRequestMs: 0, perRowMs: 0, asyncJobMs: 0 }, faults: { seed: 1, ...quiet } });
});

async function control(method: string, path: string, body?: unknown) {
  return call(sandbox, method, path, { body, credentials: null });
}

describe('authentication and errors', () => {
  it('refuses unauthenticated REST calls with 401 INVALID_LOGIN', async () => {
    const response = await call(sandbox, 'GET', `${record}/customer/100`, { credentials: null });
    expect(response.status).toBe(401);
    expect(response.json['o:errorDetails'][0]['o:errorCode']).toBe('INVALID_LOGIN');
    expect(response.headers.get('www-authenticate')).toBeTruthy();
    const audit = await control('GET', '/__sandbox/login-audit');
    expect(audit.status).toBe(200);
    expect(audit.json.count).toBeGreaterThan(0);
    expect(audit.json.items.at(-1).reason).toBeTruthy();
  });

  it('answers an authenticated OPTIONS with 204, unknown paths with 404 and wrong methods with 405, all as envelopes', async () => {
    expect((await call(sandbox, 'OPTIONS', `${record}/customer`)).status).toBe(204);
    const unknown = await call(sandbox, 'GET', '/services/rest/nothing/here');
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toBe('application/vnd.oracle.resource+json; type=error; charset=UTF-8');
    expect(unknown.json.type).toBe('https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.5');
    const wrongMethod = await call(sandbox, 'DELETE', '/services/rest/query/v1/suiteql');
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('POST');
    expect(wrongMethod.json['o:errorDetails'][0]['o:errorCode']).toBe('METHOD_NOT_ALLOWED');
  });

  it('routes the metadata catalog', async () => {
    const response = await call(sandbox, 'GET', `${record}/metadata-catalog?select=customer`);
    expect(response.status).toBe(200);
    expect(response.json.items.map((item: { name: string }) => item.name)).toEqual(['customer']);
  });
});

describe('roles', () => {
  it('lets the narrow role read customers but not vendors, sales orders or deletes, naming the missing permission', async () => {
    const narrow = sandbox.narrowCredentials.tba;
    expect((await call(sandbox, 'GET', `${record}/customer/100`, { credentials: narrow })).status).toBe(200);
    const vendors = await call(sandbox, 'GET', `${record}/vendor`, { credentials: narrow });
    expect(vendors.status).toBe(403);
    expect(vendors.json.title).toBe('Forbidden');
    expect(vendors.json['o:errorDetails'][0]).toMatchObject({ 'o:errorCode': 'INSUFFICIENT_PERMISSION' });
    expect(vendors.json['o:errorDetails'][0].detail).toContain("You need the 'Vendor' permission at level 'View'");
    const order = await call(sandbox, 'POST', `${record}/salesOrder`, { credentials: narrow, body: { entity: { id: '100' } } });
    expect(order.status).toBe(403);
    const deletion = await call(sandbox, 'DELETE', `${record}/customer/101`, { credentials: narrow });
    expect(deletion.status).toBe(403);
    expect(deletion.json['o:errorDetails'][0].detail).toContain("level 'Full' to delete a customer record. Your role 'SuiteLens Narrow Role' has 'Edit'");
    expect((await call(sandbox, 'GET', `${record}/customer/101`)).status).toBe(200);
    // 'Edit' includes creating and editing.
    const created = await call(sandbox, 'POST', `${record}/customer`, { credentials: narrow, body: { entityId: 'BY-NARROW', subsidiary: { id: '1' } } });
    expect(created.status).toBe(204);
    const log = sandbox.requestLog.list({ method: 'POST', pathPrefix: `${record}/customer` }).at(-1);
    // The log names who wrote it (by a non-secret id of the narrow token).
    expect([narrow.tokenId, narrow.consumerKey]).toContain(log?.credentialId);
    expect(log?.status).toBe(204);
  });

  it('shows governance limits to administrators only', async () => {
    const admin = await call(sandbox, 'GET', '/services/rest/system/v1/governanceLimits');
    expect(admin.status).toBe(200);
    expect(admin.json).toMatchObject({ accountConcurrencyLimit: 5, unallocatedConcurrencyLimit: 5 });
    const narrow = await call(sandbox, 'GET', '/services/rest/system/v1/governanceLimits', { credentials: sandbox.narrowCredentials.tba });
    expect(narrow.status).toBe(403);
  });
});

describe('governance', () => {
  it('serves at most concurrencyLimit requests at once and refuses the rest at once with 429', async () => {
    sandbox.configure({ latency: { perRequestMs: 600, perRowMs: 0 } });
    const responses = await Promise.all(Array.from({ length: 7 }, () => call(sandbox, 'GET', `${record}/customer/100`)));
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    const refused = responses.find((response) => response.status === 429);
    expect(refused?.json['o:errorDetails'][0]).toEqual({ detail: 'Concurrent request limit exceeded. Request blocked.', 'o:errorCode': 'CONCURRENCY_LIMIT_EXCEEDED' });
    // The slots are free again once the slow requests finished.
    expect((await call(sandbox, 'GET', `${record}/customer/100`)).status).toBe(200);
  });

  it('follows a concurrency limit changed at run time through the control endpoint', async () => {
    const changed = await control('POST', '/__sandbox/config', { concurrencyLimit: 2, latency: { perRequestMs: 600 } });
    expect(changed.status).toBe(200);
    expect(changed.json.concurrencyLimit).toBe(2);
    const responses = await Promise.all(Array.from({ length: 4 }, () => call(sandbox, 'GET', `${record}/customer/100`)));
    expect(responses.map((response) => response.status).sort()).toEqual([200, 200, 429, 429]);
  });

  it('keeps async jobs pending for latency.asyncJobMs set through the control endpoint', async () => {
    const changed = await control('POST', '/__sandbox/config', { latency: { asyncJobMs: 60_000 } });
    expect(changed.json.latency).toEqual({ perRequestMs: 0, perRowMs: 0, asyncJobMs: 60_000 });
    const accepted = await call(sandbox, 'POST', `${record}/customer`, { body: { companyName: 'Held Job Co', subsidiary: { id: '1' } }, headers: { prefer: 'respond-async' } });
    expect(accepted.status).toBe(202);
    expect((await call(sandbox, 'GET', accepted.headers.get('location') ?? '')).json).toMatchObject({ completed: false, progress: 'pending' });
  });

  it('refuses invalid control settings', async () => {
    const badRate = await control('POST', '/__sandbox/config', { faults: { rate500: 2 } });
    expect(badRate.status).toBe(400);
    expect(badRate.json['o:errorDetails'][0]['o:errorPath']).toBe('faults.rate500');
    expect((await control('POST', '/__sandbox/config', { bogus: 1 })).status).toBe(400);
    expect((await control('GET', '/__sandbox/config')).json.concurrencyLimit).toBe(5);
  });
});

describe('faults', () => {
  async function statuses(count: number): Promise<number[]> {
    const result: number[] = [];
    for (let index = 0; index < count; index += 1) result.push((await call(sandbox, 'GET', `${record}/customer/100`)).status);
    return result;
  }

  it('injects 500s and 429s in the same order for the same seed', async () => {
    sandbox.configure({ faults: { seed: 42, ...quiet, rate500: 0.3, rate429: 0.2 } });
    const first = await statuses(20);
    sandbox.configure({ faults: { seed: 7, ...quiet } });
    sandbox.configure({ faults: { seed: 42, ...quiet, rate500: 0.3, rate429: 0.2 } });
    const second = await statuses(20);
    expect(second).toEqual(first);
    expect(first).toContain(500);
    expect(first).toContain(429);
    expect(first).toContain(200);
  });

  it('answers an injected 500 in NetSuite words with an error id', async () => {
    sandbox.configure({ faults: { seed: 3, ...quiet, rate500: 1 } });
    const response = await call(sandbox, 'GET', `${record}/customer/100`);
    expect(response.status).toBe(500);
    expect(response.json.title).toBe('Internal Server Error');
    expect(response.json['o:errorDetails'][0].detail).toMatch(/^An unexpected error occurred\. Error ID: [a-z0-9]{21}$/);
  });

  it('drops the connection before a write commits: nothing is written', async () => {
    sandbox.configure({ faults: { seed: 5, ...quiet, resetBeforeCommitRate: 1 } });
    await expect(call(sandbox, 'POST', `${record}/customer`, { body: { entityId: 'RESET-BEFORE', subsidiary: { id: '1' } } })).rejects.toThrow();
    // Reads are never reset.
    expect((await call(sandbox, 'GET', `${record}/customer/100`)).status).toBe(200);
    sandbox.configure({ faults: { seed: 5, ...quiet } });
    const found = await call(sandbox, 'GET', `${record}/customer?q=${encodeURIComponent('entityId IS RESET-BEFORE')}`);
    expect(found.json.totalResults).toBe(0);
  });

  it('drops the connection after an async keyed write commits: the record exists and a retry is led to its job', async () => {
    sandbox.configure({ faults: { seed: 5, ...quiet, resetAfterCommitRate: 1 } });
    const headers = { prefer: 'respond-async', 'X-NetSuite-Idempotency-Key': randomUUID() };
    const body = { entityId: 'RESET-AFTER', subsidiary: { id: '1' } };
    await expect(call(sandbox, 'POST', `${record}/customer`, { body, headers })).rejects.toThrow();
    sandbox.configure({ faults: { seed: 5, ...quiet } });
    const found = await call(sandbox, 'GET', `${record}/customer?q=${encodeURIComponent('entityId IS RESET-AFTER')}`);
    expect(found.json.totalResults).toBe(1);
    const retry = await call(sandbox, 'POST', `${record}/customer`, { body, headers });
    expect(retry.status).toBe(409);
    const result = await call(sandbox, 'GET', `${retry.headers.get('location')}/task/1/result`);
    expect(idFromLocation(result)).toBe(found.json.items[0].id);
    const logged = sandbox.requestLog.list({ method: 'POST' }).filter((entry) => entry.fault === 'resetAfterCommit');
    expect(logged).toHaveLength(1);
  });

  it('drops the connection before an async write is queued: no job, no record, and the key is still free', async () => {
    sandbox.configure({ faults: { seed: 5, ...quiet, resetBeforeCommitRate: 1 } });
    const headers = { prefer: 'respond-async', 'X-NetSuite-Idempotency-Key': randomUUID() };
    const body = { entityId: 'RESET-BEFORE-ASYNC', subsidiary: { id: '1' } };
    await expect(call(sandbox, 'POST', `${record}/customer`, { body, headers })).rejects.toThrow();
    sandbox.configure({ faults: { seed: 5, ...quiet } });
    expect((await call(sandbox, 'GET', `${record}/customer?q=${encodeURIComponent('entityId IS RESET-BEFORE-ASYNC')}`)).json.totalResults).toBe(0);
    expect((await call(sandbox, 'POST', `${record}/customer`, { body, headers })).status).toBe(202);
  });
});

describe('request log', () => {
  it('records each request with its body and status, redacting credentials, queryable over HTTP', async () => {
    const since = sandbox.requestLog.lastSeq;
    const patched = await call(sandbox, 'PATCH', `${record}/customer/106`, { body: { companyName: 'Only This Changed' } });
    expect(patched.status).toBe(204);
    const listed = await control('GET', `/__sandbox/requests?since=${since}&method=PATCH`);
    expect(listed.status).toBe(200);
    expect(listed.json.items).toHaveLength(1);
    const entry = listed.json.items[0];
    expect(entry).toMatchObject({ method: 'PATCH', path: `${record}/customer/106`, body: { companyName: 'Only This Changed' }, status: 204 });
    expect(entry.headers.authorization).toBe('OAuth [redacted]');
    const everything = JSON.stringify((await control('GET', '/__sandbox/requests')).json);
    for (const secret of [sandbox.credentials.tba.consumerSecret, sandbox.credentials.tba.tokenSecret, sandbox.credentials.oauth2.clientSecret]) {
      expect(everything).not.toContain(secret);
    }
    expect(everything).not.toContain('oauth_signature');
  });

  it('redacts token-endpoint secrets and bearer tokens', async () => {
    const { clientId, certificateId, privateKeyPem } = sandbox.credentials.clientCredentials;
    const { key, algorithm } = assertionKey(privateKeyPem);
    const tokenUrl = new URL('/services/rest/auth/oauth2/v1/token', sandbox.baseUrl);
    const assertion = await signClientAssertion(key, algorithm, {
      clientId,
      certificateId,
      tokenUrl,
      scope: ['rest_webservices'],
      issuedAt: Math.floor(Date.now() / 1000),
      lifetimeSeconds: 600,
    });
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: assertion,
    });
    const token = await fetch(tokenUrl, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString() });
    expect(token.status).toBe(200);
    const accessToken = ((await token.json()) as { access_token: string }).access_token;
    const withBearer = await call(sandbox, 'GET', `${record}/customer/100`, { credentials: null, headers: { authorization: `Bearer ${accessToken}` } });
    expect(withBearer.status).toBe(200);
    const logged = JSON.stringify((await control('GET', '/__sandbox/requests')).json);
    expect(logged).not.toContain(assertion);
    expect(logged).not.toContain(accessToken);
    expect(logged).toContain('"client_assertion":"[redacted]"');
    expect(logged).toContain('"authorization":"Bearer [redacted]"');
  });

  it('filters by path prefix and can be cleared', async () => {
    await call(sandbox, 'GET', `${record}/customer/107`);
    const byPath = await control('GET', `/__sandbox/requests?path=${encodeURIComponent(`${record}/customer/107`)}`);
    expect(byPath.json.items.every((entry: { path: string }) => entry.path === `${record}/customer/107`)).toBe(true);
    expect(byPath.json.count).toBeGreaterThan(0);
    expect((await control('DELETE', '/__sandbox/requests')).status).toBe(204);
    expect((await control('GET', '/__sandbox/requests')).json.items).toEqual([]);
  });
});
