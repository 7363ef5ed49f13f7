/**
 * OAuth 2.0 authorization code with PKCE: the browser sign-in. `beginSignIn` builds the authorize URL on the
 * account's UI host; `completeSignIn` checks the `state`, exchanges the code and keeps the tokens in the
 * SecretStore (so a restart needs no new sign-in). Requests get a bearer token that is refreshed shortly
 * before it expires, and once more after a 401; when the refresh itself is refused the session is over and an
 * `AuthError` says to sign in again.
 */
import type { Logger } from '../log';
import { AuthError } from './authError';
import { authorizeEndpointUrl, revokeEndpointUrl, tokenEndpointUrl, type AccountHosts } from './endpoints';
import { codeChallengeS256, createCodeVerifier, createState } from './pkce';
import { callTokenEndpoint, isFresh, postTokenForm, type TokenEndpointCall, type TokenSet } from './tokens';
import { secretKey, type AuthProvider, type AuthRequest, type SecretStore } from './types';

export interface OAuth2CodeOptions {
  account: AccountHosts;
  clientId: string;
  /** Confidential integrations only; without it the client is public and PKCE alone protects the code. */
  clientSecret?: string;
  /** https or a custom scheme (`vscode://…`), exactly as on the integration record. */
  redirectUri: string;
  /** Space-separated; default `rest_webservices`. */
  scope?: string;
  secretStore: SecretStore;
  /** Renew this long before expiry (default 60 s), so a token never expires between signing and arrival. */
  refreshSkewSeconds?: number;
  now?: () => number;
  logger?: Logger;
}

export interface SignInStart {
  /** Open this in the browser. */
  authorizeUrl: URL;
  state: string;
}

/** Pending sign-ins older than this are forgotten; NetSuite's codes are short-lived anyway. */
const pendingSignInTtlMs = 10 * 60 * 1000;

export class OAuth2CodeAuthProvider implements AuthProvider {
  readonly kind = 'oauth2' as const;
  private readonly pending = new Map<string, { codeVerifier: string; startedAt: number }>();
  private tokens: TokenSet | undefined;
  private loaded = false;
  private refreshing: Promise<TokenSet> | undefined;
  private readonly now: () => number;
  private readonly storageKey: string;

  constructor(private readonly options: OAuth2CodeOptions) {
    this.now = options.now ?? Date.now;
    this.storageKey = secretKey(options.account.id, 'oauth2Tokens');
    options.logger?.registerSecret(options.clientSecret);
  }

  beginSignIn(): SignInStart {
    this.forgetStalePending();
    const state = createState();
    const codeVerifier = createCodeVerifier();
    this.pending.set(state, { codeVerifier, startedAt: this.now() });
    const authorizeUrl = authorizeEndpointUrl(this.options.account);
    const params: Record<string, string> = {
      response_type: 'code',
      client_id: this.options.clientId,
      redirect_uri: this.options.redirectUri,
      scope: this.options.scope ?? 'rest_webservices',
      state,
      code_challenge: codeChallengeS256(codeVerifier),
      code_challenge_method: 'S256',
    };
    for (const [name, value] of Object.entries(params)) authorizeUrl.searchParams.set(name, value);
    return { authorizeUrl, state };
  }

  /** Finishes a sign-in from the URL NetSuite redirected the browser to (`redirect_uri?code=…&state=…`). */
  async completeSignIn(callbackUrl: URL | string): Promise<void> {
    const params = new URL(callbackUrl).searchParams;
    const state = params.get('state') ?? '';
    const pending = this.pending.get(state);
    // Unknown state: not a sign-in we started (or a stale tab) — never exchange such a code.
    if (!pending) throw new AuthError('This sign-in response does not belong to a sign-in started here (state mismatch); start the sign-in again.');
    this.pending.delete(state);
    const error = params.get('error');
    if (error) {
      const description = params.get('error_description');
      throw new AuthError(`NetSuite did not grant access: ${description ?? error} (${error}).`, { oauthError: error });
    }
    const code = params.get('code');
    if (!code) throw new AuthError('NetSuite redirected back without a code; start the sign-in again.');
    const tokens = await this.tokenCall('exchange the sign-in code', {
      grant_type: 'authorization_code',
      code,
      redirect_uri: this.options.redirectUri,
      code_verifier: pending.codeVerifier,
    });
    await this.keep(tokens);
  }

  async isSignedIn(): Promise<boolean> {
    return (await this.current()) !== undefined;
  }

  async authorize(_request: AuthRequest): Promise<Record<string, string>> {
    let tokens = await this.current();
    if (!tokens) throw new AuthError('Not signed in to NetSuite with OAuth 2.0; sign in to the account first.');
    if (!isFresh(tokens, this.now(), this.skewMs())) tokens = await this.refresh();
    return { Authorization: `Bearer ${tokens.accessToken}` };
  }

  async onUnauthorized(rejectedHeaders?: Record<string, string>): Promise<boolean> {
    const current = await this.current();
    if (!current) return false;
    // Another request already refreshed after the same expired token: just retry with the new one.
    const rejected = rejectedHeaders?.Authorization ?? rejectedHeaders?.authorization;
    if (rejected !== undefined && rejected !== `Bearer ${current.accessToken}`) return true;
    await this.refresh();
    return true;
  }

  /** Forgets the tokens here and asks NetSuite to revoke the refresh token (best effort). */
  async signOut(): Promise<void> {
    const tokens = await this.current();
    this.tokens = undefined;
    await this.options.secretStore.delete(this.storageKey);
    if (!tokens?.refreshToken) return;
    try {
      await postTokenForm({ ...this.tokenRequest('revoke the refresh token', { token: tokens.refreshToken }), tokenUrl: revokeEndpointUrl(this.options.account) });
    } catch {
      // Revocation is a courtesy: the tokens are gone from this machine either way.
    }
  }

  /** One refresh at a time: parallel requests share it (a public client's refresh token works only once). */
  private refresh(): Promise<TokenSet> {
    this.refreshing ??= this.doRefresh().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  private async doRefresh(): Promise<TokenSet> {
    const tokens = await this.current();
    if (!tokens?.refreshToken) {
      throw new AuthError('The OAuth 2.0 session has expired and cannot be refreshed; sign in to the account again.');
    }
    let renewed: TokenSet;
    try {
      renewed = await this.tokenCall('refresh the access token', { grant_type: 'refresh_token', refresh_token: tokens.refreshToken });
    } catch (error) {
      if (error instanceof AuthError && error.oauthError === 'invalid_grant') {
        // The refresh token is dead (expired, revoked, rotated away): drop it so the UI asks for a new sign-in.
        this.tokens = undefined;
        await this.options.secretStore.delete(this.storageKey);
        throw new AuthError(`${error.message}. Sign in to the account again.`, { oauthError: error.oauthError, status: error.status, cause: error });
      }
      throw error;
    }
    // Confidential clients keep their refresh token; public clients get a rotated one.
    const kept = { ...renewed, refreshToken: renewed.refreshToken ?? tokens.refreshToken };
    await this.keep(kept);
    return kept;
  }

  private tokenCall(purpose: string, form: Record<string, string>): Promise<TokenSet> {
    return callTokenEndpoint(this.tokenRequest(purpose, form));
  }

  /** Confidential clients authenticate with HTTP Basic; public ones name themselves with `client_id`. */
  private tokenRequest(purpose: string, form: Record<string, string>): TokenEndpointCall {
    const { clientId, clientSecret } = this.options;
    const basic = clientSecret === undefined ? undefined : Buffer.from(`${formEncode(clientId)}:${formEncode(clientSecret)}`).toString('base64');
    return {
      tokenUrl: tokenEndpointUrl(this.options.account),
      form: basic === undefined ? { ...form, client_id: clientId } : form,
      headers: basic === undefined ? {} : { authorization: `Basic ${basic}` },
      purpose,
      now: this.now(),
      logger: this.options.logger,
    };
  }

  private async current(): Promise<TokenSet | undefined> {
    if (!this.loaded) {
      this.loaded = true;
      const stored = await this.options.secretStore.get(this.storageKey);
      this.tokens = stored === undefined ? undefined : parseStoredTokens(stored);
      this.options.logger?.registerSecret(this.tokens?.accessToken);
      this.options.logger?.registerSecret(this.tokens?.refreshToken);
    }
    return this.tokens;
  }

  private async keep(tokens: TokenSet): Promise<void> {
    this.tokens = tokens;
    this.loaded = true;
    await this.options.secretStore.store(this.storageKey, JSON.stringify(tokens));
  }

  private skewMs(): number {
    return (this.options.refreshSkewSeconds ?? 60) * 1000;
  }

  private forgetStalePending(): void {
    for (const [state, pending] of this.pending) {
      if (this.now() - pending.startedAt > pendingSignInTtlMs) this.pending.delete(state);
    }
  }
}

/** RFC 6749 §2.3.1: client id and secret are form-encoded before Basic encoding. */
function formEncode(value: string): string {
  return new URLSearchParams({ v: value }).toString().slice(2);
}

/** Stored tokens written by an older version or by hand may be malformed: treat them as "not signed in". */
function parseStoredTokens(stored: string): TokenSet | undefined {
  try {
    const value = JSON.parse(stored) as Partial<TokenSet>;
    if (typeof value.accessToken !== 'string' || typeof value.expiresAt !== 'number') return undefined;
    return { accessToken: value.accessToken, expiresAt: value.expiresAt, ...(typeof value.refreshToken === 'string' ? { refreshToken: value.refreshToken } : {}) };
  } catch {
    return undefined;
  }
}
