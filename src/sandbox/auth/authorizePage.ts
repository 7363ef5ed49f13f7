/**
 * The OAuth 2.0 authorize page at NetSuite's path (`/app/login/oauth2/authorize.nl`). It checks the request as
 * NetSuite does (known client, exact redirect URI, `state`, PKCE S256, scopes), then shows a tiny Allow/Deny
 * page — or approves at once with `?auto=1` or the `autoApprove` option — and redirects to
 * `redirect_uri?code=…&state=…`. Problems with the client or redirect URI are shown on the page, never
 * redirected (RFC 6749 §4.1.2.1), so a forged request cannot bounce a user to an unregistered site.
 */
import type { SandboxHttpAnswer, SandboxPrincipal } from '../model/seams';
import { escapeHtml, htmlAnswer, OAuthEndpointError, redirectAnswer } from './answers';
import type { OAuth2ServerState } from './oauth2Registry';
import { checkedScopes } from './scopes';

export const authorizePath = '/app/login/oauth2/authorize.nl';

const base64UrlSha256 = /^[A-Za-z0-9_-]{43}$/;
// netsuite-wire.md §5a recalls 24–1024 printable ASCII characters [I]; our client always sends 43.
const statePattern = /^[\x20-\x7e]{24,1024}$/;

export function handleAuthorize(state: OAuth2ServerState, method: string, url: URL, body: string): SandboxHttpAnswer {
  const params = url.searchParams;
  const client = state.clients.get(params.get('client_id') ?? '');
  if (!client) return errorPage('The client_id is not the id of an integration record in this account.');
  const redirectUri = params.get('redirect_uri') ?? '';
  if (redirectUri !== client.redirectUri) {
    return errorPage('The redirect_uri does not exactly match the redirect URI on the integration record.');
  }

  const redirectWith = (values: Record<string, string>): SandboxHttpAnswer => {
    const target = new URL(redirectUri);
    for (const [name, value] of Object.entries(values)) target.searchParams.set(name, value);
    const stateValue = params.get('state');
    if (stateValue !== null) target.searchParams.set('state', stateValue);
    return redirectAnswer(target.toString());
  };

  let scopes: string[];
  try {
    if (params.get('response_type') !== 'code') throw new OAuthEndpointError('invalid_request', 'response_type must be code.');
    if (!statePattern.test(params.get('state') ?? '')) {
      throw new OAuthEndpointError('invalid_request', 'state is required: 24 to 1024 printable ASCII characters.');
    }
    if (params.get('code_challenge_method') !== 'S256') {
      throw new OAuthEndpointError('invalid_request', 'PKCE is required: code_challenge_method must be S256.');
    }
    if (!base64UrlSha256.test(params.get('code_challenge') ?? '')) {
      throw new OAuthEndpointError('invalid_request', 'code_challenge must be the base64url SHA-256 of the code verifier (43 characters).');
    }
    scopes = checkedScopes(params.get('scope'));
  } catch (error) {
    if (!(error instanceof OAuthEndpointError)) throw error;
    return redirectWith({ error: error.code, error_description: error.description });
  }

  const decision = method === 'POST' ? new URLSearchParams(body).get('decision') : params.get('auto') === '1' || state.autoApprove ? 'allow' : undefined;
  if (decision === undefined) return consentPage(client.clientId, scopes, url);
  if (decision !== 'allow') return redirectWith({ error: 'access_denied', error_description: 'The user denied access.' });

  const principal: SandboxPrincipal = { credentialKind: 'oauth2', credentialId: client.clientId, role: client.role };
  const code = state.store.issueCode({
    clientId: client.clientId,
    redirectUri,
    codeChallenge: params.get('code_challenge') ?? '',
    scopes,
    principal,
  });
  return redirectWith({ code });
}

function errorPage(message: string): SandboxHttpAnswer {
  return htmlAnswer(400, page('Cannot sign in', `<p>${escapeHtml(message)}</p>`));
}

function consentPage(clientId: string, scopes: string[], url: URL): SandboxHttpAnswer {
  // The form posts back to the same URL, so the checked query parameters travel unchanged. Relative (query only),
  // so it also reaches the page through a proxy that prefixes the path (code-server's /proxy/<port>/).
  const action = escapeHtml(url.search);
  const content = `<p>The application <code>${escapeHtml(clientId)}</code> asks to access this NetSuite sandbox with the scopes
<code>${escapeHtml(scopes.join(' '))}</code>.</p>
<form method="post" action="${action}">
<button type="submit" name="decision" value="allow">Allow</button>
<button type="submit" name="decision" value="deny">Deny</button>
</form>`;
  return htmlAnswer(200, page('Allow access to NetSuite?', content));
}

function page(title: string, content: string): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font-family:sans-serif;max-width:32rem;margin:3rem auto}button{margin-right:1rem;padding:.4rem 1.2rem}</style></head>
<body><h1>${escapeHtml(title)}</h1>${content}</body></html>`;
}
