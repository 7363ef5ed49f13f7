/**
 * What the sandbox's OAuth 2.0 endpoints share: the registered integrations and certificates, the grant store,
 * and the account's realm and token URL.
 */
import type { SandboxRole } from '../model/seams';
import type { BearerTokenStore } from './bearerTokens';
import type { CertificateRegistration } from './clientAssertion';

export interface OAuth2ClientRegistration {
  clientId: string;
  clientSecret: string;
  /** Must match the authorize request's and the code exchange's `redirect_uri` exactly. */
  redirectUri: string;
  role: SandboxRole;
}

export interface OAuth2ServerState {
  realm: string;
  /** Absolute token endpoint URL: the `aud` a client assertion must carry. */
  tokenUrl: string;
  clients: Map<string, OAuth2ClientRegistration>;
  certificates: Map<string, CertificateRegistration>;
  store: BearerTokenStore;
  clock: () => number;
  /** Approve authorize requests without showing the Allow/Deny page (tests, the demo). */
  autoApprove: boolean;
}

const refusedSchemes = ['http:', 'javascript:', 'data:', 'file:', 'blob:', 'about:', 'ws:', 'wss:', 'ftp:'];

/**
 * NetSuite accepts `https://` or a custom scheme (`vscode://…`) as redirect URI — never plain `http://`
 * (netsuite-wire.md §5a). Returns why a URI is refused, or undefined when it is fine.
 */
export function redirectUriProblem(uri: string): string | undefined {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return `redirect_uri "${uri}" is not an absolute URI.`;
  }
  if (url.hash) return `redirect_uri "${uri}" must not contain a fragment.`;
  if (refusedSchemes.includes(url.protocol)) {
    return `redirect_uri "${uri}" uses ${url.protocol.slice(0, -1)}; NetSuite requires https:// or a custom scheme such as vscode://.`;
  }
  return undefined;
}
