/**
 * `POST /services/rest/auth/oauth2/v1/token` (and `/revoke`): the authorization_code (PKCE S256), refresh_token
 * and client_credentials grants, answering with NetSuite's token shape (netsuite-wire.md §5a: `expires_in` as a
 * string) or RFC 6749 JSON errors.
 */
import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { SandboxHttpAnswer, SandboxPrincipal } from '../model/seams';
import { OAuthEndpointError, oauthErrorAnswer, tokenAnswer } from './answers';
import { verifyClientAssertion } from './clientAssertion';
import type { OAuth2ClientRegistration, OAuth2ServerState } from './oauth2Registry';
import { sameSecret } from './sameSecret';

export const tokenPath = '/services/rest/auth/oauth2/v1/token';
export const revokePath = '/services/rest/auth/oauth2/v1/revoke';

const jwtBearerAssertionType = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
const codeVerifierPattern = /^[A-Za-z0-9._~-]{43,128}$/;

interface AuthenticatedClient {
  client: OAuth2ClientRegistration;
  /** Public clients (no secret) get rotated refresh tokens; confidential ones keep theirs. */
  confidential: boolean;
}

export async function handleTokenEndpoint(state: OAuth2ServerState, method: string, headers: IncomingHttpHeaders, body: string): Promise<SandboxHttpAnswer> {
  try {
    const form = readForm(method, headers, body);
    switch (form.get('grant_type')) {
      case 'authorization_code':
        return exchangeCode(state, authenticateClient(state, headers, form), form);
      case 'refresh_token':
        return refresh(state, authenticateClient(state, headers, form), form);
      case 'client_credentials':
        return await clientCredentials(state, form);
      case null:
        throw new OAuthEndpointError('invalid_request', 'grant_type is required.');
      default:
        throw new OAuthEndpointError('unsupported_grant_type', `grant_type ${form.get('grant_type')} is not supported.`);
    }
  } catch (error) {
    if (error instanceof OAuthEndpointError) return oauthErrorAnswer(error, state.realm);
    throw error;
  }
}

/** RFC 7009: the answer is 200 whether or not the token was known, so it reveals nothing. */
export function handleRevokeEndpoint(state: OAuth2ServerState, method: string, headers: IncomingHttpHeaders, body: string): SandboxHttpAnswer {
  try {
    const form = readForm(method, headers, body);
    authenticateClient(state, headers, form);
    const token = form.get('token');
    if (!token) throw new OAuthEndpointError('invalid_request', 'token is required.');
    state.store.revoke(token);
    return { status: 200, headers: { 'Cache-Control': 'no-store' }, body: '' };
  } catch (error) {
    if (error instanceof OAuthEndpointError) return oauthErrorAnswer(error, state.realm);
    throw error;
  }
}

function readForm(method: string, headers: IncomingHttpHeaders, body: string): URLSearchParams {
  if (method !== 'POST') throw new OAuthEndpointError('invalid_request', 'The token endpoint accepts POST only.');
  const contentType = (headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (contentType !== 'application/x-www-form-urlencoded') {
    throw new OAuthEndpointError('invalid_request', 'The request body must be application/x-www-form-urlencoded.');
  }
  return new URLSearchParams(body);
}

/** HTTP Basic (confidential), `client_secret` in the body (confidential) or `client_id` alone (public, PKCE). */
function authenticateClient(state: OAuth2ServerState, headers: IncomingHttpHeaders, form: URLSearchParams): AuthenticatedClient {
  const basic = /^Basic\s+(\S+)$/i.exec(headers.authorization ?? '');
  if (basic) {
    const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
    const separator = decoded.indexOf(':');
    // RFC 6749 §2.3.1: id and secret are form-encoded before being joined.
    const clientId = decodeFormComponent(decoded.slice(0, separator));
    const secret = decodeFormComponent(decoded.slice(separator + 1));
    const client = state.clients.get(clientId);
    if (separator < 0 || !client || !sameSecret(client.clientSecret, secret)) {
      throw new OAuthEndpointError('invalid_client', 'The client id or secret in the Authorization header is wrong.', true);
    }
    return { client, confidential: true };
  }
  const client = state.clients.get(form.get('client_id') ?? '');
  if (!client) throw new OAuthEndpointError('invalid_client', 'Unknown client_id (or no client authentication at all).');
  const secret = form.get('client_secret');
  if (secret === null) return { client, confidential: false };
  if (!sameSecret(client.clientSecret, secret)) throw new OAuthEndpointError('invalid_client', 'The client_secret is wrong.');
  return { client, confidential: true };
}

function exchangeCode(state: OAuth2ServerState, { client }: AuthenticatedClient, form: URLSearchParams): SandboxHttpAnswer {
  const code = form.get('code') ?? '';
  const grant = state.store.findCode(code);
  if (!grant || grant.clientId !== client.clientId) {
    throw new OAuthEndpointError('invalid_grant', 'The authorization code is unknown, expired or was issued to another client.');
  }
  if (grant.used) {
    state.store.burnCode(code);
    throw new OAuthEndpointError('invalid_grant', 'The authorization code was already used; the tokens issued for it are revoked.');
  }
  if (form.get('redirect_uri') !== grant.redirectUri) {
    throw new OAuthEndpointError('invalid_grant', 'redirect_uri does not match the one used in the authorization request.');
  }
  const verifier = form.get('code_verifier') ?? '';
  if (!codeVerifierPattern.test(verifier)) {
    throw new OAuthEndpointError('invalid_request', 'code_verifier is required: 43 to 128 characters of A-Z a-z 0-9 - . _ ~.');
  }
  if (createHash('sha256').update(verifier).digest('base64url') !== grant.codeChallenge) {
    throw new OAuthEndpointError('invalid_grant', 'code_verifier does not match the code_challenge (PKCE S256).');
  }
  grant.used = true;
  const accessToken = state.store.issueAccessToken(grant.principal, grant.scopes);
  const refreshToken = state.store.issueRefreshToken({ clientId: client.clientId, scopes: grant.scopes, principal: grant.principal });
  grant.issuedTokens.push(accessToken, refreshToken);
  return tokenResponse(state, accessToken, refreshToken);
}

function refresh(state: OAuth2ServerState, { client, confidential }: AuthenticatedClient, form: URLSearchParams): SandboxHttpAnswer {
  const presented = form.get('refresh_token') ?? '';
  const grant = state.store.findRefreshToken(presented);
  if (!grant || grant.clientId !== client.clientId) {
    throw new OAuthEndpointError('invalid_grant', 'The refresh token is invalid, expired, revoked or was issued to another client.');
  }
  const accessToken = state.store.issueAccessToken(grant.principal, grant.scopes);
  if (confidential) return tokenResponse(state, accessToken);
  // Public clients: the presented token is retired and a new one continues the chain (netsuite-wire.md §5a).
  state.store.retireRefreshToken(presented);
  const rotated = state.store.issueRefreshToken({ clientId: grant.clientId, scopes: grant.scopes, principal: grant.principal }, grant.chain);
  return tokenResponse(state, accessToken, rotated);
}

async function clientCredentials(state: OAuth2ServerState, form: URLSearchParams): Promise<SandboxHttpAnswer> {
  if (form.get('client_assertion_type') !== jwtBearerAssertionType) {
    throw new OAuthEndpointError('invalid_request', `client_assertion_type must be ${jwtBearerAssertionType}.`);
  }
  const assertion = form.get('client_assertion');
  if (!assertion) throw new OAuthEndpointError('invalid_request', 'client_assertion is required.');
  const { certificate, scope } = await verifyClientAssertion(assertion, { certificates: state.certificates, tokenUrl: state.tokenUrl, now: state.clock() });
  const principal: SandboxPrincipal = { credentialKind: 'clientCredentials', credentialId: certificate.clientId, role: certificate.role };
  // M2M gets no refresh token: the client signs a new assertion instead (netsuite-wire.md §5b).
  return tokenResponse(state, state.store.issueAccessToken(principal, scope));
}

function tokenResponse(state: OAuth2ServerState, accessToken: string, refreshToken?: string): SandboxHttpAnswer {
  return tokenAnswer({
    access_token: accessToken,
    ...(refreshToken ? { refresh_token: refreshToken } : {}),
    expires_in: String(state.store.accessTokenTtl),
    token_type: 'bearer',
  });
}

function decodeFormComponent(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}
