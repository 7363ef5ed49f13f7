/**
 * Answers that are not NetSuite's, from small loopback servers that stand where a proxy or a single-sign-on gateway
 * would: a 200 HTML sign-in page, redirects, HTML error pages, an error that quotes the request's Authorization
 * header. The client must call each what it is (never "0 rows" or "created"), show no markup and no secret, and
 * the connection test (client.queryPage + describeConnectionFailure) must fail on them. Plus the clock: a 401 from
 * the sandbox signed with a clock 20 minutes fast says so.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseAccount } from '../../src/netsuite/account';
import { ClientCredentialsAuthProvider } from '../../src/netsuite/auth/clientCredentials';
import { TbaAuthProvider } from '../../src/netsuite/auth/tba';
import { NetSuiteClient } from '../../src/netsuite/client';
import { systemClock } from '../../src/netsuite/clock';
import { describeConnectionFailure, isFatalConnectionFailure } from '../../src/app/accounts/connectionFailure';
import { rejection, setUpClient, type ClientSetup } from './client-sandbox';

type Answer = (request: IncomingMessage, response: ServerResponse) => void;

const tokenSecret = 'tokensecret0123456789abcdefSECRET';
const consumerSecret = 'consumersecret0123456789abcdefXYZ';
const tokenId = 'tokenid0123456789abcdefTOKENID00';
let answer: Answer = (_request, response) => response.end();
let server: Server;
let baseUrl: string;
let setup: ClientSetup;
const clients: NetSuiteClient[] = [];
const seen: IncomingMessage[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    seen.push(request);
    request.resume();
    request.on('end', () => answer(request, response));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  setup = await setUpClient();
});

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.dispose()));
  seen.length = 0;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await setup?.stop();
});

function proxiedClient(): NetSuiteClient {
  const client = new NetSuiteClient({
    accountId: '1234567_SB1',
    auth: new TbaAuthProvider('1234567_SB1', { consumerKey: 'consumerkey0123456789abcdefCKEY0', consumerSecret, tokenId, tokenSecret }),
    overrides: { restBaseUrl: baseUrl },
    cacheRoot: setup.cacheRoot,
    backoff: { baseDelayMs: 1, maxDelayMs: 2, maxAttempts: 2 },
  });
  clients.push(client);
  return client;
}

const signInPage = '<!DOCTYPE html><html><head><title>Sign in &amp; continue - Corp SSO</title></head><body><form><input name="user"></form></body></html>';

function everyText(error: { message: string; advice: string; details: { detail: string }[] }): string {
  return [error.message, error.advice, ...error.details.map((detail) => detail.detail), describeConnectionFailure(error, 'tba')].join('\n');
}

describe('a 2xx that is not NetSuite JSON is an error, not an empty result', () => {
  it('a 200 HTML sign-in page fails the query and the connection test, named as an HTML page with its title', async () => {
    answer = (_request, response) => response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(signInPage);
    const error = await rejection(proxiedClient().queryPage('SELECT id FROM customer'));
    expect(error.message).toBe(`The answer was not NetSuite's: an HTML page titled "Sign in & continue - Corp SSO", perhaps a sign-in page or a proxy`);
    expect(error.message).not.toContain('<');
    expect(isFatalConnectionFailure(error)).toBe(true);
    expect(describeConnectionFailure(error, 'tba')).toContain('proxy or single-sign-on gateway');
  });

  it('HTML sent as application/json, and JSON that does not parse, are refused too', async () => {
    answer = (_request, response) => response.writeHead(200, { 'content-type': 'application/json' }).end(signInPage);
    expect((await rejection(proxiedClient().records.get('customer', '5'))).message).toContain("The answer was not NetSuite's: an HTML page titled");
    answer = (_request, response) => response.writeHead(200, { 'content-type': 'text/plain' }).end('OK');
    expect((await rejection(proxiedClient().records.list('customer'))).message).toBe("The answer was not NetSuite's: a text/plain body of 2 bytes, perhaps from a proxy");
  });
});

describe('JSON that is not a SuiteQL page is an error, not "0 rows"', () => {
  it("a proxy's {} or {\"status\":\"ok\"} answer to a query fails it, quoting what came back", async () => {
    answer = (_request, response) => response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    expect((await rejection(proxiedClient().queryPage('SELECT id FROM customer'))).message).toBe(
      "The answer was not NetSuite's: JSON without the rows of a SuiteQL page ({}), perhaps from a proxy",
    );
    answer = (_request, response) => response.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok","items":"none"}');
    const error = await rejection(proxiedClient().queryPage('SELECT id FROM customer'));
    expect(error.message).toContain('JSON without the rows of a SuiteQL page ({"status":"ok","items":"none"})');
    expect(isFatalConnectionFailure(error)).toBe(true);
  });

  it('a real empty SuiteQL page from the sandbox is still 0 rows', async () => {
    const page = await setup.client().queryPage('SELECT id FROM customer WHERE id < 0');
    expect(page).toMatchObject({ rows: [], totalResults: 0 });
  });
});

describe('a 3xx is an error', () => {
  it('a 302 after a create is not "created": the create fails, naming the redirect without its query', async () => {
    answer = (_request, response) => response.writeHead(302, { location: 'https://sso.example.com/login?ticket=abc123secret&next=/x' }).end();
    const error = await rejection(proxiedClient().records.create('customer', { companyName: 'Never Made Co' }));
    expect(error.message).toBe("The answer was not NetSuite's: a redirect (302) to https://sso.example.com/login, perhaps to a sign-in page or a proxy");
    expect(everyText(error)).not.toContain('abc123secret');
    // Not retried: a redirect is an answer, not a hiccup.
    expect(seen.filter((request) => request.method === 'POST')).toHaveLength(1);
  });

  it('a 301 or 307 on a query fails the connection test', async () => {
    for (const status of [301, 307]) {
      answer = (_request, response) => response.writeHead(status, { location: '/elsewhere' }).end();
      const error = await rejection(proxiedClient().queryPage('SELECT 1 AS one FROM dual'));
      expect(error.message).toBe(`The answer was not NetSuite's: a redirect (${status}) to /elsewhere, perhaps to a sign-in page or a proxy`);
      expect(isFatalConnectionFailure(error)).toBe(true);
    }
  });
});

describe('error pages and secrets', () => {
  it('an HTML error page is reduced to its status and title', async () => {
    answer = (_request, response) =>
      response.writeHead(403, { 'content-type': 'text/html' }).end('<html><head><title>403 Forbidden</title></head><body><h1>Forbidden</h1><p>nginx</p><script>x()</script></body></html>');
    const error = await rejection(proxiedClient().records.get('customer', '5'));
    expect(error.message).toBe('NetSuite answered 403: an HTML page titled "403 Forbidden"');
    expect(error.details.map((detail) => detail.detail)).toEqual(['an HTML page titled "403 Forbidden"']);
  });

  it("a proxy's error quoting the request's Authorization header shows no secret in any text", async () => {
    answer = (request, response) => {
      const quoted = `Upstream refused the request. authorization: ${String(request.headers.authorization)} token=${tokenId} Bearer ${tokenSecret}`;
      response.writeHead(502, { 'content-type': 'application/json' }).end(JSON.stringify({ 'o:errorDetails': [{ detail: quoted, 'o:errorCode': 'PROXY_ERROR' }] }));
    };
    const error = await rejection(proxiedClient().queryPage('SELECT id FROM customer'));
    const texts = everyText(error);
    expect(texts).toContain('Upstream refused the request');
    expect(texts).toContain('[redacted]');
    for (const secret of [tokenId, tokenSecret]) expect(texts).not.toContain(secret);
    expect(texts).not.toMatch(/oauth_signature="?[A-Za-z0-9%+/]{8,}/);
    expect(String(error)).not.toContain(tokenId);
  });

  it('a plain-text error quoting a bearer token is redacted the same way', async () => {
    answer = (_request, response) => response.writeHead(407, { 'content-type': 'text/plain' }).end(`Proxy authentication required for Authorization: Bearer ${tokenSecret}`);
    const error = await rejection(proxiedClient().records.get('customer', '5'));
    expect(everyText(error)).not.toContain(tokenSecret);
    expect(error.message).toContain('Proxy authentication required');
  });
});

describe('a refused login suggests the clock when NetSuite\u2019s answer fits', () => {
  it('TBA signed with a clock 20 minutes fast: the sandbox refuses (INVALID_LOGIN) and the message says the clock is ahead', async () => {
    // One computer, one clock: the signer and the client both read it.
    const fast = () => Date.now() + 20 * 60_000;
    const client = setup.client({ auth: new TbaAuthProvider(setup.sandbox.accountId, setup.sandbox.credentials.tba, fast), clock: { ...systemClock, now: fast } });
    const error = await rejection(client.queryPage('SELECT id FROM customer'));
    expect(error.kind).toBe('auth');
    expect(error.message).toMatch(/This computer's clock is about 20 minutes ahead of NetSuite's/);
    expect(describeConnectionFailure(error, 'tba')).toMatch(/clock is about 20 minutes ahead/);
    // A wrong secret with a right clock says nothing about the clock.
    const wrongSecret = setup.client({ auth: new TbaAuthProvider(setup.sandbox.accountId, { ...setup.sandbox.credentials.tba, tokenSecret: 'wrong-secret-0123456789' }) });
    const refused = await rejection(wrongSecret.queryPage('SELECT id FROM customer'));
    expect(refused.kind).toBe('auth');
    expect(refused.message).not.toMatch(/clock/);
  });

  it('client credentials with a clock two hours slow: the token endpoint refuses the expired assertion and the message names the clock', async () => {
    const { sandbox } = setup;
    const cc = sandbox.credentials.clientCredentials;
    const slow = () => Date.now() - 2 * 60 * 60_000;
    const auth = new ClientCredentialsAuthProvider({
      account: parseAccount(sandbox.accountId, { restBaseUrl: sandbox.baseUrl, uiBaseUrl: sandbox.baseUrl }),
      clientId: cc.clientId,
      certificateId: cc.certificateId,
      privateKeyPem: cc.privateKeyPem,
      now: slow,
    });
    const error = await rejection(setup.client({ auth }).queryPage('SELECT id FROM customer'));
    expect(error.kind).toBe('auth');
    expect(describeConnectionFailure(error, 'clientCredentials')).toMatch(/check that this computer's clock is right/);
  });
});
