/**
 * OAuth 2.0 tokens on the client: the token endpoint call (form POST, RFC 6749 JSON errors turned into
 * `AuthError`s with NetSuite's description), the response parsed tolerantly (`expires_in` arrives as a string
 * in NetSuite's docs, a number elsewhere), and the freshness rule with a skew so a token is renewed before it
 * expires mid-request.
 */
import { request } from 'undici';
import type { Logger } from '../log';
import { AuthError } from './authError';

export interface TokenSet {
  accessToken: string;
  /** Absent for client credentials, and when a confidential client's refresh returns none. */
  refreshToken?: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
}

export interface TokenEndpointCall {
  tokenUrl: URL;
  form: Record<string, string>;
  headers?: Record<string, string>;
  /** What the call is for, in the error message ("exchange the sign-in code"). */
  purpose: string;
  now: number;
  logger?: Logger;
  signal?: AbortSignal;
}

/** When NetSuite omits `expires_in`, assume its documented 60 minutes. */
const defaultLifetimeSeconds = 3600;

export function parseTokenResponse(body: unknown, now: number): TokenSet {
  if (typeof body !== 'object' || body === null) throw new AuthError('The token endpoint answered without a JSON object.');
  const record = body as Record<string, unknown>;
  if (typeof record.access_token !== 'string' || record.access_token === '') {
    throw new AuthError('The token endpoint answered without an access_token.');
  }
  const expiresIn = record.expires_in === undefined ? defaultLifetimeSeconds : Number(record.expires_in);
  if (!Number.isFinite(expiresIn) || expiresIn <= 0) {
    throw new AuthError(`The token endpoint answered with an unusable expires_in (${JSON.stringify(record.expires_in)}).`);
  }
  return {
    accessToken: record.access_token,
    ...(typeof record.refresh_token === 'string' && record.refresh_token !== '' ? { refreshToken: record.refresh_token } : {}),
    expiresAt: now + expiresIn * 1000,
  };
}

/** True while the token has more than `skewMs` to live. */
export function isFresh(tokens: Pick<TokenSet, 'expiresAt'>, now: number, skewMs: number): boolean {
  return tokens.expiresAt - skewMs > now;
}

export async function callTokenEndpoint(call: TokenEndpointCall): Promise<TokenSet> {
  const { status, body } = await postTokenForm(call);
  if (status >= 400) throw tokenEndpointError(status, body, call.purpose);
  const tokens = parseTokenResponse(body, call.now);
  call.logger?.registerSecret(tokens.accessToken);
  call.logger?.registerSecret(tokens.refreshToken);
  return tokens;
}

/** The raw form POST (token and revoke endpoints): status and parsed JSON body, if any. */
export async function postTokenForm(call: TokenEndpointCall): Promise<{ status: number; body: unknown }> {
  let status: number;
  let text: string;
  try {
    const response = await request(call.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', ...call.headers },
      body: new URLSearchParams(call.form).toString(),
      signal: call.signal,
    });
    status = response.statusCode;
    text = await response.body.text();
  } catch (cause) {
    throw new AuthError(`Could not reach NetSuite's token endpoint to ${call.purpose}: ${cause instanceof Error ? cause.message : String(cause)}.`, { cause });
  }
  try {
    return { status, body: JSON.parse(text) };
  } catch {
    return { status, body: undefined };
  }
}

function tokenEndpointError(status: number, body: unknown, purpose: string): AuthError {
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const code = typeof record.error === 'string' ? record.error : undefined;
  const description = typeof record.error_description === 'string' ? record.error_description : undefined;
  const said = [description, code && `(${code})`].filter(Boolean).join(' ') || `HTTP ${status}`;
  return new AuthError(`NetSuite refused to ${purpose}: ${said}`, { oauthError: code, status });
}
