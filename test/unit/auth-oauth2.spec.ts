import { describe, expect, it } from 'vitest';
import { InMemorySecretStore } from '../../src/netsuite/auth/secretStore';
import { OAuth2CodeAuthProvider } from '../../src/netsuite/auth/oauth2Code';
import { codeChallengeS256, createCodeVerifier, createState } from '../../src/netsuite/auth/pkce';
import { isFresh, parseTokenResponse } from '../../src/netsuite/auth/tokens';
import { secretKey } from '../../src/netsuite/auth/types';

const account = { id: '1234567_SB1', restBaseUrl: 'https://1234567-sb1.suitetalk.api.netsuite.com', uiBaseUrl: 'https://1234567-sb1.app.netsuite.com' };

describe('PKCE', () => {
  it('computes the RFC 7636 appendix B challenge', () => {
    expect(codeChallengeS256('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('makes verifiers and states of 43 unreserved characters, different every time', () => {
    const verifiers = new Set(Array.from({ length: 50 }, createCodeVerifier));
    expect(verifiers.size).toBe(50);
    for (const value of [...verifiers, createState()]) expect(value).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});

describe('token responses', () => {
  it('accepts expires_in as NetSuite’s string or as a number', () => {
    expect(parseTokenResponse({ access_token: 'a', refresh_token: 'r', expires_in: '3600', token_type: 'bearer' }, 1000)).toEqual({
      accessToken: 'a',
      refreshToken: 'r',
      expiresAt: 1000 + 3_600_000,
    });
    expect(parseTokenResponse({ access_token: 'a', expires_in: 1800 }, 0)).toEqual({ accessToken: 'a', expiresAt: 1_800_000 });
  });

  it('refuses a response without an access token or with a nonsense lifetime', () => {
    expect(() => parseTokenResponse({ token_type: 'bearer' }, 0)).toThrow(/without an access_token/);
    expect(() => parseTokenResponse({ access_token: 'a', expires_in: 'soon' }, 0)).toThrow(/unusable expires_in/);
  });

  it('treats a token as stale inside the skew', () => {
    expect(isFresh({ expiresAt: 100_000 }, 39_999, 60_000)).toBe(true);
    expect(isFresh({ expiresAt: 100_000 }, 40_000, 60_000)).toBe(false);
  });
});

describe('OAuth 2.0 code sign-in start', () => {
  it('builds the authorize URL on the account’s UI host with PKCE S256 and a state', () => {
    const provider = new OAuth2CodeAuthProvider({ account, clientId: 'client-1', redirectUri: 'vscode://suitelens.suitelens/oauth2/callback', secretStore: new InMemorySecretStore() });
    const { authorizeUrl, state } = provider.beginSignIn();
    expect(`${authorizeUrl.origin}${authorizeUrl.pathname}`).toBe('https://1234567-sb1.app.netsuite.com/app/login/oauth2/authorize.nl');
    expect(Object.fromEntries(authorizeUrl.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'client-1',
      redirect_uri: 'vscode://suitelens.suitelens/oauth2/callback',
      scope: 'rest_webservices',
      state,
      code_challenge: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      code_challenge_method: 'S256',
    });
  });

  it('refuses a callback whose state it did not issue, without calling NetSuite', async () => {
    const provider = new OAuth2CodeAuthProvider({ account, clientId: 'c', redirectUri: 'vscode://x/cb', secretStore: new InMemorySecretStore() });
    provider.beginSignIn();
    await expect(provider.completeSignIn('vscode://x/cb?code=abc&state=forged-state-value-123456')).rejects.toThrow(/state mismatch/);
  });

  it('reports a denied sign-in with NetSuite’s reason', async () => {
    const provider = new OAuth2CodeAuthProvider({ account, clientId: 'c', redirectUri: 'vscode://x/cb', secretStore: new InMemorySecretStore() });
    const { state } = provider.beginSignIn();
    await expect(provider.completeSignIn(`vscode://x/cb?error=access_denied&error_description=The+user+denied+access.&state=${state}`)).rejects.toMatchObject({
      kind: 'auth',
      oauthError: 'access_denied',
      message: 'NetSuite did not grant access: The user denied access. (access_denied).',
    });
  });

  it('says "sign in first" when asked for headers with no tokens, and reads stored tokens by the namespaced key', async () => {
    const store = new InMemorySecretStore();
    const provider = new OAuth2CodeAuthProvider({ account, clientId: 'c', redirectUri: 'vscode://x/cb', secretStore: store, now: () => 0 });
    const request = { method: 'GET', url: new URL(`${account.restBaseUrl}/services/rest/record/v1/customer`) };
    await expect(provider.authorize(request)).rejects.toThrow(/Not signed in/);

    await store.store(secretKey('1234567_SB1', 'oauth2Tokens'), JSON.stringify({ accessToken: 'stored-token', refreshToken: 'r', expiresAt: 3_600_000 }));
    const restarted = new OAuth2CodeAuthProvider({ account, clientId: 'c', redirectUri: 'vscode://x/cb', secretStore: store, now: () => 0 });
    expect(await restarted.authorize(request)).toEqual({ Authorization: 'Bearer stored-token' });
    expect(secretKey('1234567_SB1', 'oauth2Tokens')).toBe('suitelens:1234567_SB1:oauth2Tokens');
  });
});
