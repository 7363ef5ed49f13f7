/**
 * OAuth 2.0 client credentials (M2M): the client signs a short JWT assertion with its private key and trades it
 * for an access token (netsuite-wire.md §5b). NetSuite accepts PS256/384/512 (RSA ≥ 3072 bits) and
 * ES256/384/512 (P-256/384/521) only; keys and algorithms it would refuse are refused here, before any request,
 * with the reason. Tokens are cached until shortly before they expire.
 */
import { createPrivateKey, randomUUID, type KeyObject } from 'node:crypto';
import { SignJWT } from 'jose';
import type { Logger } from '../log';
import { AuthConfigurationError } from './authError';
import { tokenEndpointUrl, type AccountHosts } from './endpoints';
import { callTokenEndpoint, isFresh, type TokenSet } from './tokens';
import type { AuthProvider, AuthRequest } from './types';

export type AssertionAlgorithm = 'PS256' | 'PS384' | 'PS512' | 'ES256' | 'ES384' | 'ES512';

const curveAlgorithms: Record<string, AssertionAlgorithm> = { prime256v1: 'ES256', secp384r1: 'ES384', secp521r1: 'ES512' };
const rsaAlgorithms: AssertionAlgorithm[] = ['PS256', 'PS384', 'PS512'];
const minimumRsaBits = 3072;
const maxAssertionLifetimeSeconds = 3600;

export interface ClientCredentialsOptions {
  account: AccountHosts;
  clientId: string;
  /** The certificate id NetSuite shows on the M2M setup page; sent as the JWT `kid`. */
  certificateId: string;
  /** PEM: PKCS#8, PKCS#1 (RSA) or SEC1 (EC), unencrypted. */
  privateKeyPem: string;
  /** Default: PS256 for RSA, ES256/ES384/ES512 by the EC curve. A string, so a stored `RS256` is refused clearly. */
  algorithm?: string;
  /** Default `['rest_webservices']`. */
  scope?: string[];
  /** Default 300 s; NetSuite allows at most 3600. The assertion is used once, so short is safer. */
  assertionLifetimeSeconds?: number;
  refreshSkewSeconds?: number;
  now?: () => number;
  logger?: Logger;
}

/** The key, and the algorithm NetSuite will accept for it, or an AuthConfigurationError that says why not. */
export function assertionKey(privateKeyPem: string, requested?: string): { key: KeyObject; algorithm: AssertionAlgorithm } {
  if (requested === 'RS256' || requested === 'RS384' || requested === 'RS512') {
    throw new AuthConfigurationError(
      `${requested} (RSASSA-PKCS1-v1_5) is not accepted by NetSuite for client credentials: it accepts only PS256, PS384, PS512 (RSA-PSS) ` +
        'and ES256, ES384, ES512 (ECDSA). Use PS256 with the same RSA key.',
    );
  }
  let key: KeyObject;
  try {
    key = createPrivateKey(privateKeyPem);
  } catch (cause) {
    const encrypted = /ENCRYPTED/.test(privateKeyPem) ? ' It is encrypted: export it without a passphrase.' : '';
    throw new AuthConfigurationError(`The client-credentials private key is not a PEM private key (PKCS#8, PKCS#1 or SEC1).${encrypted} (${String(cause)})`);
  }
  const details = key.asymmetricKeyDetails ?? {};
  if (key.asymmetricKeyType === 'rsa' || key.asymmetricKeyType === 'rsa-pss') {
    const bits = details.modulusLength ?? 0;
    if (bits < minimumRsaBits) {
      throw new AuthConfigurationError(
        `The RSA key has ${bits} bits; NetSuite accepts only RSA certificates of 3072 or 4096 bits (or EC P-256/P-384/P-521). ` +
          'Generate a new key, e.g. openssl req -x509 -newkey rsa:3072 -nodes -keyout key.pem -out cert.pem -days 365, and upload the certificate.',
      );
    }
    const algorithm = (requested ?? 'PS256') as AssertionAlgorithm;
    if (!rsaAlgorithms.includes(algorithm)) throw new AuthConfigurationError(`An RSA key signs with PS256, PS384 or PS512, not ${requested}.`);
    return { key, algorithm };
  }
  if (key.asymmetricKeyType === 'ec') {
    const algorithm = curveAlgorithms[details.namedCurve ?? ''];
    if (!algorithm) throw new AuthConfigurationError(`The EC key is on ${details.namedCurve}; NetSuite accepts P-256, P-384 or P-521 only.`);
    if (requested !== undefined && requested !== algorithm) {
      throw new AuthConfigurationError(`A key on ${details.namedCurve} signs with ${algorithm}, not ${requested}.`);
    }
    return { key, algorithm };
  }
  throw new AuthConfigurationError(`The key is ${key.asymmetricKeyType}; NetSuite accepts RSA (3072/4096 bits) or EC (P-256/P-384/P-521) keys only.`);
}

export interface AssertionClaims {
  clientId: string;
  certificateId: string;
  tokenUrl: URL;
  scope: string[];
  /** Unix seconds. */
  issuedAt: number;
  lifetimeSeconds: number;
}

/** The signed JWT: header `{alg, kid, typ: JWT}`, claims `iss`, `scope`, `aud` = token URL, `iat`, `exp`, `jti`. */
export async function signClientAssertion(key: KeyObject, algorithm: AssertionAlgorithm, claims: AssertionClaims): Promise<string> {
  if (claims.lifetimeSeconds <= 0 || claims.lifetimeSeconds > maxAssertionLifetimeSeconds) {
    throw new AuthConfigurationError(`The assertion lifetime must be between 1 and 3600 seconds (NetSuite refuses longer); got ${claims.lifetimeSeconds}.`);
  }
  return new SignJWT({ scope: claims.scope })
    .setProtectedHeader({ alg: algorithm, kid: claims.certificateId, typ: 'JWT' })
    .setIssuer(claims.clientId)
    .setAudience(claims.tokenUrl.toString())
    .setIssuedAt(claims.issuedAt)
    .setExpirationTime(claims.issuedAt + claims.lifetimeSeconds)
    .setJti(randomUUID())
    .sign(key);
}

export class ClientCredentialsAuthProvider implements AuthProvider {
  readonly kind = 'clientCredentials' as const;
  private readonly key: KeyObject;
  private readonly algorithm: AssertionAlgorithm;
  private readonly now: () => number;
  private tokens: TokenSet | undefined;
  private fetching: Promise<TokenSet> | undefined;

  /** Throws AuthConfigurationError at once for a key or algorithm NetSuite would refuse. */
  constructor(private readonly options: ClientCredentialsOptions) {
    ({ key: this.key, algorithm: this.algorithm } = assertionKey(options.privateKeyPem, options.algorithm));
    this.now = options.now ?? Date.now;
    options.logger?.registerSecret(options.privateKeyPem);
  }

  async authorize(_request: AuthRequest): Promise<Record<string, string>> {
    const tokens = this.tokens && isFresh(this.tokens, this.now(), this.skewMs()) ? this.tokens : await this.fetchToken();
    return { Authorization: `Bearer ${tokens.accessToken}` };
  }

  async onUnauthorized(rejectedHeaders?: Record<string, string>): Promise<boolean> {
    const rejected = rejectedHeaders?.Authorization ?? rejectedHeaders?.authorization;
    if (this.tokens && rejected !== undefined && rejected !== `Bearer ${this.tokens.accessToken}`) return true;
    this.tokens = undefined;
    await this.fetchToken();
    return true;
  }

  /** One token request at a time; parallel requests wait for the same token. */
  private fetchToken(): Promise<TokenSet> {
    this.fetching ??= this.requestToken().finally(() => {
      this.fetching = undefined;
    });
    return this.fetching;
  }

  private async requestToken(): Promise<TokenSet> {
    const tokenUrl = tokenEndpointUrl(this.options.account);
    const assertion = await signClientAssertion(this.key, this.algorithm, {
      clientId: this.options.clientId,
      certificateId: this.options.certificateId,
      tokenUrl,
      scope: this.options.scope ?? ['rest_webservices'],
      issuedAt: Math.floor(this.now() / 1000),
      lifetimeSeconds: this.options.assertionLifetimeSeconds ?? 300,
    });
    this.options.logger?.registerSecret(assertion);
    this.tokens = await callTokenEndpoint({
      tokenUrl,
      form: {
        grant_type: 'client_credentials',
        client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
        client_assertion: assertion,
      },
      purpose: 'issue an access token for the client-credentials certificate',
      now: this.now(),
      logger: this.options.logger,
    });
    return this.tokens;
  }

  private skewMs(): number {
    return (this.options.refreshSkewSeconds ?? 60) * 1000;
  }
}
