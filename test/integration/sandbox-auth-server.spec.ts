/**
 * The auth refusals through the real sandbox server (`startSandbox`): its pipeline must hand NetSuite's auth
 * answers to the client unchanged — status, body and challenge — and run accepted credentials as their role.
 */
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { importPKCS8, SignJWT, type CryptoKey } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeChallengeS256, createCodeVerifier, createState } from '../../src/netsuite/auth/pkce';
import { createNonce, tbaAuthorizationHeader } from '../../src/netsuite/auth/tba';
import { startSandbox } from '../../src/sandbox/index';
import { call, postForm } from './sandbox-auth-harness';

type Sandbox = Awaited<ReturnType<typeof startSandbox>>;
let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({});
});
afterAll(() => sandbox.stop());

const tokenUrl = () => `${sandbox.baseUrl}/services/rest/auth/oauth2/v1/token`;
const customersUrl = () => new URL(`${sandbox.baseUrl}/services/rest/record/v1/customer?limit=5&offset=0`);

describe('auth through the sandbox server', () => {
  it('accepts a TBA request once and refuses its replay with NetSuite’s 401', async () => {
    const authorization = tbaAuthorizationHeader({
      method: 'GET',
      url: customersUrl(),
      accountId: sandbox.accountId,
      credentials: sandbox.credentials.tba,
      nonce: createNonce(),
      timestamp: Math.floor(Date.now() / 1000),
    });
    expect((await call(customersUrl(), { headers: { authorization } })).status).toBe(200);
    const replay = await call(customersUrl(), { headers: { authorization } });
    expect(replay.status).toBe(401);
    expect(replay.headers['content-type']).toBe('application/vnd.oracle.resource+json; type=error; charset=UTF-8');
    expect(replay.headers['www-authenticate']).toBe(`OAuth realm="${sandbox.accountId}", error="token_rejected", error_description="Invalid login attempt."`);
    expect(replay.json()['o:errorDetails']).toEqual([expect.objectContaining({ 'o:errorCode': 'INVALID_LOGIN' })]);
    expect(sandbox.loginAuditTrail().at(-1)?.reason).toBe('NonceReplayed');
  });

  it('runs the authorization code flow: PKCE mismatch and code reuse refused, the right verifier accepted', async () => {
    const { clientId, redirectUri } = sandbox.credentials.oauth2;
    const verifier = createCodeVerifier();
    const authorizeUrl = new URL(`${sandbox.baseUrl}/app/login/oauth2/authorize.nl`);
    const query = { response_type: 'code', client_id: clientId, redirect_uri: redirectUri, scope: 'rest_webservices', state: createState(), code_challenge: codeChallengeS256(verifier), code_challenge_method: 'S256', auto: '1' };
    for (const [name, value] of Object.entries(query)) authorizeUrl.searchParams.set(name, value);
    const codeFor = async () => new URL((await call(authorizeUrl)).headers.location).searchParams.get('code') ?? '';
    const exchange = (code: string, codeVerifier: string) =>
      postForm(tokenUrl(), { grant_type: 'authorization_code', code, redirect_uri: redirectUri, code_verifier: codeVerifier, client_id: clientId });

    const mismatch = await exchange(await codeFor(), createCodeVerifier());
    expect(mismatch.status).toBe(400);
    expect(mismatch.json().error).toBe('invalid_grant');

    const code = await codeFor();
    const tokens = await exchange(code, verifier);
    expect(tokens.status).toBe(200);
    const bearer = { authorization: `Bearer ${tokens.json().access_token}` };
    expect((await call(customersUrl(), { headers: bearer })).status).toBe(200);
    expect((await exchange(code, verifier)).json().error).toBe('invalid_grant');
    const revoked = await call(customersUrl(), { headers: bearer });
    expect(revoked.status).toBe(401);
    expect(revoked.headers['www-authenticate']).toContain('error="invalid_token"');

    const wrongRedirect = new URL(authorizeUrl);
    wrongRedirect.searchParams.set('redirect_uri', 'https://elsewhere.example/cb');
    const page = await call(wrongRedirect);
    expect(page.status).toBe(400);
    expect(page.headers.location).toBeUndefined();
  });

  describe('client credentials', () => {
    async function tokenFor(alg: string, key: CryptoKey | KeyObject) {
      const cc = sandbox.credentials.clientCredentials;
      const now = Math.floor(Date.now() / 1000);
      const assertion = await new SignJWT({ scope: ['rest_webservices'] })
        .setProtectedHeader({ alg, kid: cc.certificateId, typ: 'JWT' })
        .setIssuer(cc.clientId)
        .setAudience(tokenUrl())
        .setIssuedAt(now)
        .setExpirationTime(now + 600)
        .sign(key);
      return postForm(tokenUrl(), {
        grant_type: 'client_credentials',
        client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
        client_assertion: assertion,
      });
    }

    it('issues a token for the demo certificate that reads customers', async () => {
      const response = await tokenFor('ES256', await importPKCS8(sandbox.credentials.clientCredentials.privateKeyPem, 'ES256'));
      expect(response.status).toBe(200);
      expect((await call(customersUrl(), { headers: { authorization: `Bearer ${response.json().access_token}` } })).status).toBe(200);
    });

    it('refuses RS256, saying why, and a JWT signed with a key other than the certificate’s', async () => {
      const rs256 = await tokenFor('RS256', generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey);
      expect(rs256.status).toBe(401);
      expect(rs256.json()).toMatchObject({ error: 'invalid_client', error_description: expect.stringContaining('RS256 (PKCS#1 v1.5) is no longer accepted by NetSuite') });
      const wrongKey = await tokenFor('ES256', generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey);
      expect(wrongKey.status).toBe(401);
      expect(wrongKey.json().error_description).toMatch(/signature does not match/);
    });
  });
});
