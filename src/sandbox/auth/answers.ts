/**
 * The HTTP answers of NetSuite's authentication layer, byte for byte where netsuite-wire.md §4/§5 has a capture:
 * 401 `INVALID_LOGIN` with the Login-Audit-Trail sentence and a `WWW-Authenticate` challenge that names the
 * scheme the caller used, and RFC 6749 JSON errors from the token endpoint.
 */
import { errorBody, errorContentType } from '../http/errors';
import type { SandboxHttpAnswer } from '../model/seams';

const invalidLoginDetail =
  'Invalid login attempt. For more details, see the Login Audit Trail in the NetSuite UI at Setup > Users/Roles > User Management > View Login Audit Trail.';

export type ChallengeScheme = 'OAuth' | 'Bearer';

/** 401 INVALID_LOGIN as NetSuite sends it; the challenge says which kind of credential was refused. */
export function invalidLoginAnswer(realm: string, scheme: ChallengeScheme): SandboxHttpAnswer {
  const challenge =
    scheme === 'OAuth'
      ? `OAuth realm="${realm}", error="token_rejected", error_description="Invalid login attempt."`
      : `Bearer realm="${realm}", error="invalid_token", error_description="Invalid login attempt."`;
  return {
    status: 401,
    headers: { 'Content-Type': errorContentType(), 'WWW-Authenticate': challenge },
    body: errorBody(401, [{ detail: invalidLoginDetail, 'o:errorCode': 'INVALID_LOGIN' }]),
  };
}

/** RFC 6749 §5.2 error codes the token endpoint uses. */
export type OAuthErrorCode = 'invalid_request' | 'invalid_client' | 'invalid_grant' | 'unauthorized_client' | 'unsupported_grant_type' | 'invalid_scope';

/** Thrown inside the token endpoint; turned into the JSON answer at its edge. */
export class OAuthEndpointError extends Error {
  constructor(
    readonly code: OAuthErrorCode,
    readonly description: string,
    /** Set when the client authenticated with HTTP Basic: RFC 6749 then requires 401 with a challenge. */
    readonly basicChallenge = false,
  ) {
    super(`${code}: ${description}`);
    this.name = 'OAuthEndpointError';
  }
}

const tokenResponseHeaders = { 'Content-Type': 'application/json;charset=UTF-8', 'Cache-Control': 'no-store', Pragma: 'no-cache' };

export function oauthErrorAnswer(error: OAuthEndpointError, realm: string): SandboxHttpAnswer {
  // RFC 6749 §5.2: invalid_client is 401 (with a challenge when Basic was used); everything else is 400.
  const status = error.code === 'invalid_client' ? 401 : 400;
  const headers: Record<string, string> = { ...tokenResponseHeaders };
  if (status === 401) headers['WWW-Authenticate'] = error.basicChallenge ? `Basic realm="${realm}"` : `Bearer realm="${realm}", error="invalid_client"`;
  return { status, headers, body: JSON.stringify({ error: error.code, error_description: error.description }) };
}

export function tokenAnswer(body: Record<string, string>): SandboxHttpAnswer {
  return { status: 200, headers: { ...tokenResponseHeaders }, body: JSON.stringify(body) };
}

export function redirectAnswer(location: string): SandboxHttpAnswer {
  return { status: 302, headers: { Location: location, 'Cache-Control': 'no-store' }, body: '' };
}

export function htmlAnswer(status: number, html: string): SandboxHttpAnswer {
  return {
    status,
    headers: {
      'Content-Type': 'text/html; charset=UTF-8',
      'Cache-Control': 'no-store',
      // The page has no scripts. No form-action limit: the browser must follow the redirect to a custom scheme.
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
    },
    body: html,
  };
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
