/**
 * OAuth 1.0a HMAC-SHA256 signatures as NetSuite token-based authentication computes them (RFC 5849 §3.4,
 * netsuite-wire.md §5c). Shared by the client's signer and the sandbox's verifier so both follow one reading of
 * the RFC; the published NetSuite vector pins that reading down (test/unit/auth-tba.spec.ts).
 */
import { createHmac } from 'node:crypto';

/** The `oauth_*` protocol parameters that take part in the signature (never `realm` or `oauth_signature`). */
export interface OAuth1ProtocolParams {
  oauth_consumer_key: string;
  oauth_token: string;
  oauth_signature_method: 'HMAC-SHA256';
  oauth_timestamp: string;
  oauth_nonce: string;
  oauth_version: '1.0';
}

export interface OAuth1SigningSecrets {
  consumerSecret: string;
  tokenSecret: string;
}

/**
 * RFC 3986 unreserved-only percent-encoding (what PHP's rawurlencode does). `encodeURIComponent` leaves
 * `!'()*` alone, which would make our signature differ from NetSuite's for any value containing them.
 */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Scheme and host lower-case, default ports dropped, no query or fragment (RFC 5849 §3.4.1.2). */
function baseStringUri(url: URL): string {
  // URL already lower-cases scheme and host and omits the scheme's default port.
  return `${url.protocol}//${url.host}${url.pathname}`;
}

/**
 * The signature base string: METHOD & enc(base URI) & enc(sorted, encoded query + oauth parameters).
 * Query parameters are form-decoded first (so `%20` and `+` both become a space) and then re-encoded, which is
 * why an already-encoded query value appears double-encoded (`%2520`) in the result.
 */
export function signatureBaseString(method: string, url: URL, oauthParams: OAuth1ProtocolParams): string {
  const pairs: Array<[string, string]> = [...url.searchParams.entries(), ...Object.entries(oauthParams)].map(
    ([name, value]) => [percentEncode(name), percentEncode(value)],
  );
  pairs.sort(([nameA, valueA], [nameB, valueB]) => compareAscii(nameA, nameB) || compareAscii(valueA, valueB));
  const normalized = pairs.map(([name, value]) => `${name}=${value}`).join('&');
  return [method.toUpperCase(), percentEncode(baseStringUri(url)), percentEncode(normalized)].join('&');
}

// Byte order, not locale order: RFC 5849 sorts by the encoded octets.
function compareAscii(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** base64(HMAC-SHA256(enc(consumerSecret) & enc(tokenSecret), baseString)). */
export function hmacSha256Signature(baseString: string, secrets: OAuth1SigningSecrets): string {
  const key = `${percentEncode(secrets.consumerSecret)}&${percentEncode(secrets.tokenSecret)}`;
  return createHmac('sha256', key).update(baseString).digest('base64');
}

/** Account id as NetSuite writes the OAuth realm: upper case, underscores (`1234567-sb1` → `1234567_SB1`). */
export function oauthRealm(accountId: string): string {
  return accountId.trim().toUpperCase().replace(/-/g, '_');
}

/** `OAuth realm="…", k="v", …` with every value percent-encoded, as NetSuite expects the header. */
export function formatOAuthHeader(realm: string, params: OAuth1ProtocolParams & { oauth_signature: string }): string {
  const fields = [`realm="${percentEncode(realm)}"`, ...Object.entries(params).map(([name, value]) => `${name}="${percentEncode(value)}"`)];
  return `OAuth ${fields.join(', ')}`;
}

/** Parses an `OAuth …` Authorization header into decoded parameters; undefined when it is not one. */
export function parseOAuthHeader(header: string): Record<string, string> | undefined {
  const match = /^OAuth\s+(.*)$/is.exec(header.trim());
  if (!match) return undefined;
  const params: Record<string, string> = {};
  const fieldPattern = /([A-Za-z0-9_]+)\s*=\s*"([^"]*)"/g;
  for (const field of match[1].matchAll(fieldPattern)) {
    try {
      params[field[1]] = decodeURIComponent(field[2]);
    } catch {
      return undefined; // malformed percent-encoding: not a header we can verify
    }
  }
  return params;
}
