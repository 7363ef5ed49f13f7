import { generateKeyPairSync } from 'node:crypto';
import { SignJWT, importPKCS8 } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNonce, tbaAuthorizationHeader, type TbaCredentials } from '../../src/netsuite/auth/tba';
import { createSandboxAuth } from '../../src/sandbox/auth';
import { adminRole, call, narrowRole, postForm, startAuthHarness, type AuthHarness } from './sandbox-auth-harness';

const invalidLoginBody = {
  type: 'https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.2',
  title: 'Unauthorized',
  status: 401,
  'o:errorDetails': [
    {
      detail:
        'Invalid login attempt. For more details, see the Login Audit Trail in the NetSuite UI at Setup > Users/Roles > User Management > View Login Audit Trail.',
      'o:errorCode': 'INVALID_LOGIN',
    },
  ],
};

let harness: AuthHarness;
beforeAll(async () => {
  harness = await startAuthHarness();
});
afterAll(() => harness.close());

function lastAuditReason(): string | undefined {
  return harness.auth.loginAuditTrail().at(-1)?.reason;
}

describe('sandbox TBA', () => {
  const customerUrl = () => new URL(`${harness.baseUrl}/services/rest/record/v1/customer?limit=10&offset=0&q=companyName%20START_WITH%20%22O'Brien%22`);
  const sign = (url: URL, credentials: TbaCredentials = harness.auth.credentials.tba, overrides: { nonce?: string; timestamp?: number; accountId?: string; method?: string } = {}) =>
    tbaAuthorizationHeader({
      method: overrides.method ?? 'GET',
      url,
      accountId: overrides.accountId ?? '1234567_SB1',
      credentials,
      nonce: overrides.nonce ?? createNonce(),
      timestamp: overrides.timestamp ?? Math.floor(harness.now() / 1000),
    });

  it('accepts a correctly signed request and runs it as the admin role', async () => {
    const response = await call(customerUrl(), { headers: { authorization: sign(customerUrl()) } });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ kind: 'tba', credentialId: harness.auth.credentials.tba.tokenId, role: 'Administrator' });
  });

  it('runs the narrow token as the narrow role', async () => {
    const response = await call(customerUrl(), { headers: { authorization: sign(customerUrl(), harness.auth.narrowCredentials.tba) } });
    expect(response.json().role).toBe('Narrow');
    expect(harness.auth.narrowCredentials.tba.consumerKey).toBe(harness.auth.credentials.tba.consumerKey);
  });

  it('refuses a replayed nonce with NetSuite’s 401 body and OAuth challenge', async () => {
    const header = sign(customerUrl());
    expect((await call(customerUrl(), { headers: { authorization: header } })).status).toBe(200);
    const replay = await call(customerUrl(), { headers: { authorization: header } });
    expect(replay.status).toBe(401);
    expect(replay.json()).toEqual(invalidLoginBody);
    expect(replay.headers['content-type']).toBe('application/vnd.oracle.resource+json; type=error; charset=UTF-8');
    expect(replay.headers['www-authenticate']).toBe('OAuth realm="1234567_SB1", error="token_rejected", error_description="Invalid login attempt."');
    expect(lastAuditReason()).toBe('NonceReplayed');
  });

  it('refuses a wrong token secret, a tampered query, a foreign realm and an old timestamp', async () => {
    const wrongSecret = { ...harness.auth.credentials.tba, tokenSecret: 'not-the-secret' };
    expect((await call(customerUrl(), { headers: { authorization: sign(customerUrl(), wrongSecret) } })).status).toBe(401);
    expect(lastAuditReason()).toBe('InvalidSignature');

    const tampered = new URL(customerUrl());
    tampered.searchParams.set('limit', '1000');
    expect((await call(tampered, { headers: { authorization: sign(customerUrl()) } })).status).toBe(401);
    expect(lastAuditReason()).toBe('InvalidSignature');

    expect((await call(customerUrl(), { headers: { authorization: sign(customerUrl(), undefined, { accountId: '7654321' }) } })).status).toBe(401);
    expect(lastAuditReason()).toBe('InvalidRealm');

    const sixMinutesAgo = Math.floor(harness.now() / 1000) - 360;
    expect((await call(customerUrl(), { headers: { authorization: sign(customerUrl(), undefined, { timestamp: sixMinutesAgo }) } })).status).toBe(401);
    expect(lastAuditReason()).toBe('TimestampOutsideWindow');
  });

  it('signs the method: a GET signature does not authorize a POST', async () => {
    const response = await call(customerUrl(), { method: 'POST', headers: { authorization: sign(customerUrl()) }, body: '{}' });
    expect(response.status).toBe(401);
  });

  it('refuses a request with no credentials at all', async () => {
    const response = await call(customerUrl());
    expect(response.status).toBe(401);
    expect(response.json()).toEqual(invalidLoginBody);
    expect(lastAuditReason()).toBe('MissingCredentials');
  });
});

describe('sandbox OAuth 2.0 authorization code + PKCE', () => {
  const verifier = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
  const challenge = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM'; // RFC 7636 appendix B
  const state = 'state-0123456789-abcdefghij';

  function authorizeUrl(overrides: Record<string, string | undefined> = {}): string {
    const url = new URL(harness.auth.authorizeUrl);
    const params: Record<string, string | undefined> = {
      response_type: 'code',
      client_id: harness.auth.credentials.oauth2.clientId,
      redirect_uri: harness.auth.credentials.oauth2.redirectUri,
      scope: 'rest_webservices',
      state,
      code_challenge: challenge,
      code_challenge_method: 'S256',
      auto: '1',
      ...overrides,
    };
    for (const [name, value] of Object.entries(params)) if (value !== undefined) url.searchParams.set(name, value);
    return url.toString();
  }

  async function obtainCode(overrides: Record<string, string> = {}): Promise<string> {
    const response = await call(authorizeUrl(overrides));
    expect(response.status).toBe(302);
    const location = new URL(response.headers.location);
    expect(`${location.protocol}//${location.host}${location.pathname}`).toBe(harness.auth.credentials.oauth2.redirectUri);
    expect(location.searchParams.get('state')).toBe(state);
    return location.searchParams.get('code') ?? '';
  }

  function exchange(code: string, overrides: Record<string, string> = {}) {
    return postForm(harness.auth.tokenUrl, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: harness.auth.credentials.oauth2.redirectUri,
      code_verifier: verifier,
      client_id: harness.auth.credentials.oauth2.clientId,
      ...overrides,
    });
  }

  const restUrl = () => `${harness.baseUrl}/services/rest/record/v1/customer/1`;

  it('exchanges a code for NetSuite’s token shape and the bearer token authenticates', async () => {
    const response = await exchange(await obtainCode());
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const body = response.json();
    expect(Object.keys(body).sort()).toEqual(['access_token', 'expires_in', 'refresh_token', 'token_type']);
    expect(body.expires_in).toBe('3600');
    expect(body.token_type).toBe('bearer');
    const rest = await call(restUrl(), { headers: { authorization: `Bearer ${body.access_token}` } });
    expect(rest.json()).toEqual({ kind: 'oauth2', credentialId: harness.auth.credentials.oauth2.clientId, role: 'Administrator' });
  });

  it('does not let a token without the rest_webservices scope call REST web services', async () => {
    const tokens = (await exchange(await obtainCode({ scope: 'restlets' }))).json();
    expect((await call(restUrl(), { headers: { authorization: `Bearer ${tokens.access_token}` } })).status).toBe(401);
  });

  it('refuses a code_verifier that does not match the challenge', async () => {
    const response = await exchange(await obtainCode(), { code_verifier: 'x'.repeat(43) });
    expect(response.status).toBe(400);
    expect(response.json()).toEqual({ error: 'invalid_grant', error_description: 'code_verifier does not match the code_challenge (PKCE S256).' });
  });

  it('refuses a reused code and revokes what the first exchange issued', async () => {
    const code = await obtainCode();
    const first = (await exchange(code)).json();
    const second = await exchange(code);
    expect(second.status).toBe(400);
    expect(second.json().error).toBe('invalid_grant');
    const rest = await call(restUrl(), { headers: { authorization: `Bearer ${first.access_token}` } });
    expect(rest.status).toBe(401);
  });

  it('refuses a code that has expired', async () => {
    const code = await obtainCode();
    harness.advance(3 * 60);
    expect((await exchange(code)).json().error).toBe('invalid_grant');
  });

  it('refuses a redirect_uri at the token endpoint that differs from the authorize request', async () => {
    const response = await exchange(await obtainCode(), { redirect_uri: 'vscode://someone.else/callback' });
    expect(response.status).toBe(400);
    expect(response.json().error).toBe('invalid_grant');
  });

  it('shows an error page, without redirecting, for an unregistered redirect_uri or client', async () => {
    for (const overrides of [{ redirect_uri: 'https://evil.example/callback' }, { client_id: 'unknown' }]) {
      const response = await call(authorizeUrl(overrides));
      expect(response.status).toBe(400);
      expect(response.headers.location).toBeUndefined();
      expect(response.text).toContain('Cannot sign in');
    }
  });

  it('redirects with an OAuth error when PKCE, state or scope are missing or wrong', async () => {
    for (const [overrides, error] of [
      [{ code_challenge: undefined }, 'invalid_request'],
      [{ code_challenge_method: 'plain' }, 'invalid_request'],
      [{ state: 'short' }, 'invalid_request'],
      [{ scope: 'everything' }, 'invalid_scope'],
      [{ response_type: 'token' }, 'invalid_request'],
    ] as const) {
      const response = await call(authorizeUrl(overrides));
      expect(response.status).toBe(302);
      expect(new URL(response.headers.location).searchParams.get('error')).toBe(error);
    }
  });

  it('shows an Allow/Deny page without auto-approval and honours both answers', async () => {
    const pageUrl = authorizeUrl({ auto: undefined });
    const pageResponse = await call(pageUrl);
    expect(pageResponse.status).toBe(200);
    expect(pageResponse.text).toContain('<button type="submit" name="decision" value="allow">Allow</button>');
    const submit = (decision: string) =>
      call(pageUrl, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `decision=${decision}` });
    const allowed = new URL((await submit('allow')).headers.location);
    expect(allowed.searchParams.get('code')).toBeTruthy();
    const denied = new URL((await submit('deny')).headers.location);
    expect(denied.searchParams.get('error')).toBe('access_denied');
    expect(denied.searchParams.get('state')).toBe(state);
  });

  it('expires access tokens after the TTL; a refresh brings access back and rotates a public client’s refresh token', async () => {
    const tokens = (await exchange(await obtainCode())).json();
    harness.advance(3601);
    const expired = await call(restUrl(), { headers: { authorization: `Bearer ${tokens.access_token}` } });
    expect(expired.status).toBe(401);
    expect(expired.headers['www-authenticate']).toBe('Bearer realm="1234567_SB1", error="invalid_token", error_description="Invalid login attempt."');
    expect(expired.json()).toEqual(invalidLoginBody);
    expect(lastAuditReason()).toBe('AccessTokenExpired');

    const refreshForm = { grant_type: 'refresh_token', refresh_token: String(tokens.refresh_token), client_id: harness.auth.credentials.oauth2.clientId };
    const refreshed = (await postForm(harness.auth.tokenUrl, refreshForm)).json();
    expect(refreshed.refresh_token).not.toBe(tokens.refresh_token);
    expect((await call(restUrl(), { headers: { authorization: `Bearer ${refreshed.access_token}` } })).status).toBe(200);
    const reused = await postForm(harness.auth.tokenUrl, refreshForm);
    expect(reused.status).toBe(400);
    expect(reused.json().error).toBe('invalid_grant');
  });

  it('gives a confidential client (HTTP Basic) a new access token but keeps its refresh token', async () => {
    const { clientId, clientSecret } = harness.auth.credentials.oauth2;
    const basic = `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`;
    const tokens = (await exchange(await obtainCode(), {})).json();
    const form = { grant_type: 'refresh_token', refresh_token: String(tokens.refresh_token) };
    const first = (await postForm(harness.auth.tokenUrl, form, { authorization: basic })).json();
    expect(Object.keys(first).sort()).toEqual(['access_token', 'expires_in', 'token_type']);
    expect((await postForm(harness.auth.tokenUrl, form, { authorization: basic })).status).toBe(200);

    const wrong = await postForm(harness.auth.tokenUrl, form, { authorization: `Basic ${Buffer.from(`${clientId}:nope`).toString('base64')}` });
    expect(wrong.status).toBe(401);
    expect(wrong.json().error).toBe('invalid_client');
    expect(wrong.headers['www-authenticate']).toBe('Basic realm="1234567_SB1"');
  });

  it('stops every OAuth 2.0 token on revokeAll', async () => {
    const tokens = (await exchange(await obtainCode())).json();
    harness.auth.revokeAll();
    expect((await call(restUrl(), { headers: { authorization: `Bearer ${tokens.access_token}` } })).status).toBe(401);
    const refresh = await postForm(harness.auth.tokenUrl, { grant_type: 'refresh_token', refresh_token: String(tokens.refresh_token), client_id: harness.auth.credentials.oauth2.clientId });
    expect(refresh.json().error).toBe('invalid_grant');
  });

  it('refuses an unknown grant type and a non-form body', async () => {
    const unknownGrant = await postForm(harness.auth.tokenUrl, { grant_type: 'password' });
    expect(unknownGrant.status).toBe(400);
    expect(unknownGrant.json().error).toBe('unsupported_grant_type');
    const json = await call(harness.auth.tokenUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"grant_type":"client_credentials"}' });
    expect(json.json().error).toBe('invalid_request');
  });

  it('refuses a plain http redirect URI for the integration, as NetSuite does', async () => {
    await expect(
      createSandboxAuth({ accountId: '1', baseUrl: 'http://127.0.0.1:1', roles: { admin: adminRole, narrow: narrowRole }, redirectUri: 'http://127.0.0.1/callback' }),
    ).rejects.toThrow(/requires https:\/\/ or a custom scheme/);
  });
});

describe('sandbox OAuth 2.0 client credentials', () => {
  const rsaKeys = generateKeyPairSync('rsa', { modulusLength: 3072 });
  let rsaCertificateId: string;
  beforeAll(() => {
    rsaCertificateId = harness.auth.registerCertificate({ publicKeyPem: rsaKeys.publicKey.export({ type: 'spki', format: 'pem' }).toString() });
  });

  async function assertion(options: { alg?: string; kid?: string; key?: CryptoKey | import('node:crypto').KeyObject; aud?: string; lifetime?: number; iss?: string } = {}) {
    const cc = harness.auth.credentials.clientCredentials;
    const alg = options.alg ?? 'ES256';
    const key = options.key ?? (await importPKCS8(cc.privateKeyPem, 'ES256'));
    const iat = Math.floor(harness.now() / 1000);
    return new SignJWT({ scope: ['rest_webservices'] })
      .setProtectedHeader({ alg, kid: options.kid ?? cc.certificateId, typ: 'JWT' })
      .setIssuer(options.iss ?? cc.clientId)
      .setAudience(options.aud ?? harness.auth.tokenUrl)
      .setIssuedAt(iat)
      .setExpirationTime(iat + (options.lifetime ?? 3600))
      .sign(key);
  }

  const tokenRequest = (clientAssertion: string) =>
    postForm(harness.auth.tokenUrl, {
      grant_type: 'client_credentials',
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: clientAssertion,
    });

  it('issues an access token (no refresh token) for an ES256 assertion, usable as bearer', async () => {
    const response = await tokenRequest(await assertion());
    expect(response.status).toBe(200);
    const body = response.json();
    expect(Object.keys(body).sort()).toEqual(['access_token', 'expires_in', 'token_type']);
    const rest = await call(`${harness.baseUrl}/services/rest/query/v1/suiteql`, { method: 'POST', headers: { authorization: `Bearer ${body.access_token}` }, body: '{}' });
    expect(rest.json()).toEqual({ kind: 'clientCredentials', credentialId: harness.auth.credentials.clientCredentials.clientId, role: 'Administrator' });
  });

  it('accepts PS256 with a registered RSA 3072 certificate', async () => {
    const response = await tokenRequest(await assertion({ alg: 'PS256', kid: rsaCertificateId, key: rsaKeys.privateKey }));
    expect(response.status).toBe(200);
  });

  it('refuses RS256 and says why', async () => {
    const response = await tokenRequest(await assertion({ alg: 'RS256', kid: rsaCertificateId, key: rsaKeys.privateKey }));
    expect(response.status).toBe(401);
    expect(response.json().error).toBe('invalid_client');
    expect(String(response.json().error_description)).toMatch(/RS256 .* no longer accepted.*PS256, PS384, PS512, ES256, ES384, ES512/);
  });

  it('refuses an assertion signed with a key other than the registered certificate', async () => {
    const otherKey = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    const response = await tokenRequest(await assertion({ key: otherKey }));
    expect(response.status).toBe(401);
    expect(response.json().error_description).toBe('The client_assertion signature does not match the certificate registered under its kid.');
  });

  it('refuses a wrong audience, an unknown kid, a foreign issuer and a lifetime over 60 minutes', async () => {
    const cases: Array<[Parameters<typeof assertion>[0], RegExp]> = [
      [{ aud: 'https://1234567.suitetalk.api.netsuite.com/services/rest/auth/oauth2/v1/token' }, /aud must be the token endpoint URL/],
      [{ kid: 'no-such-certificate' }, /kid "no-such-certificate" is not a certificate id/],
      [{ iss: 'someone-else' }, /iss must be the client id/],
      [{ lifetime: 3601 }, /more than 60 minutes/],
    ];
    for (const [options, description] of cases) {
      const response = await tokenRequest(await assertion(options));
      expect(response.status).toBe(401);
      expect(String(response.json().error_description)).toMatch(description);
    }
  });

  it('refuses to register certificates NetSuite would refuse', () => {
    const rsa2048 = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(() => harness.auth.registerCertificate({ publicKeyPem: rsa2048 })).toThrow(/3072 or 4096 bits only; this key has 2048 bits/);
  });
});
