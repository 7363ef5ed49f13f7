/**
 * Token-based authentication (OAuth 1.0a, HMAC-SHA256). Every call gets a fresh nonce and timestamp, so a
 * retried request is re-signed and never trips NetSuite's nonce-replay check.
 */
import { randomBytes } from 'node:crypto';
import type { AuthProvider, AuthRequest } from './types';
import { formatOAuthHeader, hmacSha256Signature, oauthRealm, signatureBaseString, type OAuth1ProtocolParams } from './oauth1Signature';

export interface TbaCredentials {
  consumerKey: string;
  consumerSecret: string;
  tokenId: string;
  tokenSecret: string;
}

export interface TbaSignatureInput extends AuthRequest {
  accountId: string;
  credentials: TbaCredentials;
  nonce: string;
  /** Unix seconds. */
  timestamp: number;
}

/** The Authorization header for one request with a given nonce and timestamp (deterministic, for vectors). */
export function tbaAuthorizationHeader(input: TbaSignatureInput): string {
  const oauthParams: OAuth1ProtocolParams = {
    oauth_consumer_key: input.credentials.consumerKey,
    oauth_token: input.credentials.tokenId,
    oauth_signature_method: 'HMAC-SHA256',
    oauth_timestamp: String(input.timestamp),
    oauth_nonce: input.nonce,
    oauth_version: '1.0',
  };
  const signature = hmacSha256Signature(signatureBaseString(input.method, input.url, oauthParams), input.credentials);
  return formatOAuthHeader(oauthRealm(input.accountId), { ...oauthParams, oauth_signature: signature });
}

const nonceAlphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** 32 alphanumerics from the CSPRNG (alphanumeric so no encoding question arises; 190 bits of entropy). */
export function createNonce(length = 32): string {
  const bytes = randomBytes(length);
  // 62 does not divide 256, so there is a tiny bias; irrelevant for a nonce that only has to be unique.
  return Array.from(bytes, (byte) => nonceAlphabet[byte % nonceAlphabet.length]).join('');
}

export class TbaAuthProvider implements AuthProvider {
  readonly kind = 'tba' as const;

  constructor(
    private readonly accountId: string,
    private readonly credentials: TbaCredentials,
    private readonly clock: () => number = Date.now,
  ) {}

  async authorize(request: AuthRequest): Promise<Record<string, string>> {
    const header = tbaAuthorizationHeader({
      ...request,
      accountId: this.accountId,
      credentials: this.credentials,
      nonce: createNonce(),
      timestamp: Math.floor(this.clock() / 1000),
    });
    return { Authorization: header };
  }

  /** A TBA token does not expire or refresh: a 401 means the token was revoked or the clock is off. */
  async onUnauthorized(): Promise<boolean> {
    return false;
  }
}
