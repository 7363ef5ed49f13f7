/**
 * Scrubbing secrets out of text before it reaches a log. Patterns cover what NetSuite traffic carries
 * (Authorization headers, OAuth 1.0a parameters, OAuth 2.0 tokens and client assertions, PEM keys); values
 * registered at runtime (a token we just received, a consumer secret) are scrubbed wherever they appear.
 */

export const redactedMark = '[redacted]';

// Each pattern keeps its first group (the name) and replaces the value.
const secretPatterns: RegExp[] = [
  // PEM private keys (PKCS#1, PKCS#8, EC, encrypted), whole block.
  /(-----BEGIN [A-Z ]*PRIVATE KEY-----)[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g,
  // Authorization header in any rendering: `authorization: X`, `"authorization":"X"`, `Authorization=X`.
  /(["']?(?:proxy-)?authorization["']?\s*[:=]\s*["']?)[^"'\r\n]+/gi,
  // Bearer / Basic credentials wherever they appear.
  /(\b(?:Bearer|Basic)\s+)[A-Za-z0-9\-._~+/]+=*/g,
  // OAuth 1.0a header and query parameters.
  /(\boauth_(?:signature|token|consumer_key|nonce)["']?\s*[=:]\s*["']?)[^"',&\s]+/gi,
  // OAuth 2.0 / JSON / form fields that hold secrets.
  /(["']?\b(?:access_token|refresh_token|id_token|client_secret|client_assertion|code_verifier|consumer_secret|token_secret|tokenSecret|consumerSecret|clientSecret|consumer_key|consumerKey|token_id|tokenId|accessToken|refreshToken|password|privateKey|private_key)["']?\s*[:=]\s*["']?)[^"'&\s,}]+/gi,
  // Authorization codes in redirect URLs (`?code=...`).
  /([?&]code=)[^&\s"']+/g,
  // JWTs (access tokens, client assertions) anywhere else.
  /()\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g,
];

// Tokens rotate (hourly for OAuth 2.0): keep the most recent ones; the oldest have long expired.
const maxRuntimeSecrets = 500;

export class SecretRedactor {
  private readonly runtimeSecrets = new Set<string>();
  /** Longest first, so a secret containing another secret is removed whole. */
  private ordered: string[] = [];

  /** Registers a secret value (token, key, secret) so it is scrubbed wherever it later appears. */
  registerSecret(value: string | undefined): void {
    // Very short values would scrub ordinary words; the patterns catch short secrets in their usual places.
    if (!value || value.length < 6 || this.runtimeSecrets.has(value)) return;
    this.runtimeSecrets.add(value);
    if (this.runtimeSecrets.size > maxRuntimeSecrets) this.runtimeSecrets.delete(this.runtimeSecrets.values().next().value!);
    this.ordered = [...this.runtimeSecrets].sort((a, b) => b.length - a.length);
  }

  redact(text: string): string {
    let scrubbed = text;
    for (const secret of this.ordered) {
      if (scrubbed.includes(secret)) scrubbed = scrubbed.split(secret).join(redactedMark);
    }
    for (const pattern of secretPatterns) {
      scrubbed = scrubbed.replace(pattern, (_whole, name: string) => `${name}${redactedMark}`);
    }
    return scrubbed;
  }
}
