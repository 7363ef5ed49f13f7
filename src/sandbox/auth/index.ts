/**
 * The sandbox's authentication: TBA, OAuth 2.0 authorization code + PKCE, refresh and client credentials, each
 * credential running as a role. `createSandboxAuth` returns the `SandboxAuthenticator` the server consults on
 * every request, plus freshly generated demo credentials (admin-like) and a narrow-role TBA token.
 */
import { createPublicKey, randomBytes } from 'node:crypto';
import { oauthRealm, parseOAuthHeader } from '../../netsuite/auth/oauth1Signature';
import type { SandboxAuthenticator, SandboxHttpAnswer, SandboxRole } from '../model/seams';
import { invalidLoginAnswer } from './answers';
import { authorizePath, handleAuthorize } from './authorizePage';
import { BearerTokenStore } from './bearerTokens';
import { certificatePublicKey, type CertificateRegistration } from './clientAssertion';
import { generateSandboxCredentials, newTbaToken, type SandboxCredentials, type TbaCredentialSet } from './credentials';
import { LoginAuditTrail, type LoginAuditEntry } from './loginAudit';
import { redirectUriProblem, type OAuth2ServerState } from './oauth2Registry';
import { restScope } from './scopes';
import { TbaVerifier } from './tbaVerifier';
import { handleRevokeEndpoint, handleTokenEndpoint, revokePath, tokenPath } from './tokenEndpoint';

export type { SandboxCredentials, TbaCredentialSet } from './credentials';
export type { LoginAuditEntry, LoginAuditReason } from './loginAudit';
export { acceptedAssertionAlgorithms } from './clientAssertion';
export { authorizePath } from './authorizePage';
export { revokePath, tokenPath } from './tokenEndpoint';

export interface ExtraCertificate {
  /** Defaults to a fresh random id. */
  certificateId?: string;
  /** The integration the certificate belongs to; defaults to the demo client-credentials client id. */
  clientId?: string;
  /** PEM public key or X.509 certificate (a private key works too: its public half is used). */
  publicKeyPem: string;
  /** Defaults to `admin`. */
  role?: 'admin' | 'narrow';
}

export interface SandboxAuthOptions {
  accountId: string;
  /** Scheme, host and port the sandbox is reached at, e.g. `http://127.0.0.1:4567`. */
  baseUrl: string;
  accessTokenTtlSeconds?: number;
  /** NetSuite's refresh tokens last 7 days (netsuite-wire.md §5a). */
  refreshTokenTtlSeconds?: number;
  roles: { admin: SandboxRole; narrow: SandboxRole };
  /** Language preference of the "different language" demo user (administrator role); absent: no such user. */
  otherUserLanguage?: string;
  /** Milliseconds since the epoch; tests move it to expire tokens. */
  clock?: () => number;
  /** Redirect URI of the demo OAuth 2.0 integration (https or a custom scheme). */
  redirectUri?: string;
  /** Approve every authorize request without the Allow/Deny page. `?auto=1` does the same per request. */
  autoApprove?: boolean;
  /** More certificates for client credentials (e.g. an RSA key to see RS256 refused). */
  extraCertificates?: ExtraCertificate[];
}

export interface SandboxAuth {
  authenticator: SandboxAuthenticator;
  /** Admin-like role. */
  credentials: SandboxCredentials;
  /** A second TBA token of the same integration, running as the narrow role. */
  narrowCredentials: { tba: TbaCredentialSet };
  /** A TBA token of an administrator whose language preference differs from the company's. */
  otherLanguageCredentials: { tba: TbaCredentialSet };
  tokenUrl: string;
  authorizeUrl: string;
  /** Registers a certificate (NetSuite's upload rules apply); returns its certificate id, the JWT `kid`. */
  registerCertificate(certificate: ExtraCertificate): string;
  /** Revokes every OAuth 2.0 code, access and refresh token; TBA tokens keep working. */
  revokeAll(): void;
  /** Why logins failed or succeeded, newest last — what NetSuite's 401 tells the user to look up. */
  loginAuditTrail(): readonly LoginAuditEntry[];
}

export async function createSandboxAuth(options: SandboxAuthOptions): Promise<SandboxAuth> {
  const clock = options.clock ?? Date.now;
  const realm = oauthRealm(options.accountId);
  const origin = new URL(options.baseUrl).origin;
  const tokenUrl = `${origin}${tokenPath}`;
  const credentials = await generateSandboxCredentials(options.redirectUri);
  const redirectProblem = redirectUriProblem(credentials.oauth2.redirectUri);
  if (redirectProblem) throw new Error(redirectProblem);

  const tba = new TbaVerifier(options.accountId, clock);
  tba.register({ ...credentials.tba, role: options.roles.admin });
  const narrowTba = newTbaToken(credentials.tba);
  tba.register({ ...narrowTba, role: options.roles.narrow });
  const otherLanguageTba = newTbaToken(credentials.tba);
  tba.register({ ...otherLanguageTba, role: options.roles.admin, language: options.otherUserLanguage });

  const state: OAuth2ServerState = {
    realm,
    tokenUrl,
    clients: new Map([[credentials.oauth2.clientId, { ...credentials.oauth2, role: options.roles.admin }]]),
    certificates: new Map<string, CertificateRegistration>(),
    store: new BearerTokenStore(clock, options.accessTokenTtlSeconds ?? 3600, options.refreshTokenTtlSeconds ?? 7 * 24 * 3600),
    clock,
    autoApprove: options.autoApprove ?? false,
  };
  const cc = credentials.clientCredentials;
  state.certificates.set(cc.certificateId, {
    certificateId: cc.certificateId,
    clientId: cc.clientId,
    publicKey: createPublicKey(cc.privateKeyPem),
    role: options.roles.admin,
  });

  const registerCertificate = (certificate: ExtraCertificate): string => {
    const certificateId = certificate.certificateId ?? randomBytes(24).toString('base64url');
    state.certificates.set(certificateId, {
      certificateId,
      clientId: certificate.clientId ?? cc.clientId,
      publicKey: certificatePublicKey(certificate.publicKeyPem),
      role: options.roles[certificate.role ?? 'admin'],
    });
    return certificateId;
  };
  for (const certificate of options.extraCertificates ?? []) registerCertificate(certificate);

  const audit = new LoginAuditTrail();
  const authenticator: SandboxAuthenticator = {
    async authenticate(request, fullUrl) {
      const header = request.headers.authorization ?? '';
      const bearer = /^Bearer\s+(\S+)$/i.exec(header);
      if (bearer) {
        const found = state.store.findAccessToken(bearer[1]);
        const ok = found.ok && found.scopes.includes(restScope);
        audit.record({ at: clock(), scheme: 'oauth2', credentialId: found.ok ? found.principal.credentialId : '', reason: found.ok ? (ok ? 'Success' : 'InvalidAccessToken') : found.reason });
        return found.ok && ok ? { ok: true, principal: found.principal } : { ok: false, answer: invalidLoginAnswer(realm, 'Bearer') };
      }
      const oauthParams = parseOAuthHeader(header);
      if (!oauthParams) {
        audit.record({ at: clock(), scheme: 'tba', credentialId: '', reason: 'MissingCredentials' });
        return { ok: false, answer: invalidLoginAnswer(realm, 'OAuth') };
      }
      const verdict = tba.verify(request.method ?? 'GET', fullUrl, oauthParams);
      if (!verdict.ok) {
        audit.record({ at: clock(), scheme: 'tba', credentialId: verdict.credentialId, reason: verdict.reason });
        return { ok: false, answer: invalidLoginAnswer(realm, 'OAuth') };
      }
      audit.record({ at: clock(), scheme: 'tba', credentialId: verdict.registration.tokenId, reason: 'Success' });
      return { ok: true, principal: { credentialKind: 'tba', credentialId: verdict.registration.tokenId, role: verdict.registration.role, language: verdict.registration.language } };
    },

    async handleAuthEndpoint(request, fullUrl, body): Promise<SandboxHttpAnswer | undefined> {
      const method = request.method ?? 'GET';
      switch (fullUrl.pathname) {
        case tokenPath:
          return handleTokenEndpoint(state, method, request.headers, body);
        case revokePath:
          return handleRevokeEndpoint(state, method, request.headers, body);
        case authorizePath:
          return handleAuthorize(state, method, fullUrl, body);
        default:
          return undefined;
      }
    },
  };

  return {
    authenticator,
    credentials,
    narrowCredentials: { tba: narrowTba },
    otherLanguageCredentials: { tba: otherLanguageTba },
    tokenUrl,
    authorizeUrl: `${origin}${authorizePath}`,
    registerCertificate,
    revokeAll: () => state.store.revokeAll(),
    loginAuditTrail: () => audit.list(),
  };
}
