/**
 * Verifies TBA (OAuth 1.0a HMAC-SHA256) Authorization headers the way NetSuite does: realm = the account, known
 * consumer + token pair, timestamp within ±5 minutes, a nonce never seen before for that token, and the signature
 * over the URL exactly as the client signed it (scheme, host, port, path, query).
 */
import { hmacSha256Signature, oauthRealm, signatureBaseString } from '../../netsuite/auth/oauth1Signature';
import type { SandboxRole } from '../model/seams';
import { sameSecret } from './sameSecret';
import type { LoginAuditReason } from './loginAudit';

export interface TbaRegistration {
  consumerKey: string;
  consumerSecret: string;
  tokenId: string;
  tokenSecret: string;
  role: SandboxRole;
  /** The user's language preference, when it is not the company's. */
  language?: string;
}

export type TbaVerdict = { ok: true; registration: TbaRegistration } | { ok: false; reason: LoginAuditReason; credentialId: string };

const timestampWindowSeconds = 5 * 60;
const requiredParams = ['oauth_consumer_key', 'oauth_token', 'oauth_signature_method', 'oauth_timestamp', 'oauth_nonce', 'oauth_signature'] as const;

export class TbaVerifier {
  private readonly tokens = new Map<string, TbaRegistration>();
  /** `tokenId nonce` → the timestamp (s) after which the nonce may be forgotten (it would fail the window anyway). */
  private readonly seenNonces = new Map<string, number>();
  private noncesPrunedAt = 0;

  constructor(
    private readonly accountId: string,
    private readonly clock: () => number,
  ) {}

  register(registration: TbaRegistration): void {
    this.tokens.set(registration.tokenId, registration);
  }

  revokeAll(): void {
    this.tokens.clear();
  }

  verify(method: string, url: URL, params: Record<string, string>): TbaVerdict {
    const credentialId = params.oauth_token ?? params.oauth_consumer_key ?? '';
    const fail = (reason: LoginAuditReason): TbaVerdict => ({ ok: false, reason, credentialId });

    if (requiredParams.some((name) => !params[name])) return fail('MissingTokenPassportRequiredFields');
    if (!params.realm || oauthRealm(params.realm) !== oauthRealm(this.accountId)) return fail('InvalidRealm');
    if (params.oauth_signature_method !== 'HMAC-SHA256') return fail('UnsupportedSignatureMethod');
    if (params.oauth_version !== undefined && params.oauth_version !== '1.0') return fail('MissingTokenPassportRequiredFields');

    const registration = this.tokens.get(params.oauth_token);
    if (!registration || registration.consumerKey !== params.oauth_consumer_key) {
      return fail([...this.tokens.values()].some((t) => t.consumerKey === params.oauth_consumer_key) ? 'TokenRejected' : 'ConsumerKeyUnknown');
    }

    const nowSeconds = Math.floor(this.clock() / 1000);
    const timestamp = Number(params.oauth_timestamp);
    if (!/^\d+$/.test(params.oauth_timestamp) || Math.abs(nowSeconds - timestamp) > timestampWindowSeconds) return fail('TimestampOutsideWindow');

    const expected = hmacSha256Signature(
      signatureBaseString(method, url, {
        oauth_consumer_key: params.oauth_consumer_key,
        oauth_token: params.oauth_token,
        oauth_signature_method: 'HMAC-SHA256',
        oauth_timestamp: params.oauth_timestamp,
        oauth_nonce: params.oauth_nonce,
        oauth_version: '1.0',
      }),
      registration,
    );
    if (!sameSecret(expected, params.oauth_signature)) return fail('InvalidSignature');

    // Checked after the signature so that a forged request cannot burn a legitimate client's nonce.
    this.forgetOldNonces(nowSeconds);
    const nonceKey = `${params.oauth_token} ${params.oauth_nonce}`;
    if (this.seenNonces.has(nonceKey)) return fail('NonceReplayed');
    this.seenNonces.set(nonceKey, timestamp + timestampWindowSeconds);
    return { ok: true, registration };
  }

  private forgetOldNonces(nowSeconds: number): void {
    // At most every 10 s: pruning walks the whole map, and a busy export signs hundreds of requests a second.
    if (nowSeconds - this.noncesPrunedAt < 10) return;
    this.noncesPrunedAt = nowSeconds;
    for (const [key, forgetAfter] of this.seenNonces) {
      if (forgetAfter < nowSeconds) this.seenNonces.delete(key);
    }
  }
}
