/**
 * The one place that decides what a secret looks like, for every log SuiteLens writes: the client log, the agent
 * activity log and the sandbox request log. A secret is found by where it sits (a header, query parameter, form field,
 * JSON key or `name=value` pair whose name says "secret") and by its shape (Bearer/Basic credentials, JWTs, PEM
 * private keys, SuiteLens agent keys, authorization codes in redirect URLs). Each log applies all of it, so a pattern
 * added here protects all three. It lives in the NetSuite core because the shapes are NetSuite's wire formats, and
 * both the agents and the sandbox may import the core (test/unit/layering.spec.ts).
 */

export const redactedMark = '[redacted]';

// Names whose value is secret whatever it looks like. Fragments, so `custentity_api_token`, `consumerSecret` and
// `oauth_signature` all count; `^key$` is whole-word only so `x-netsuite-idempotency-key` stays readable.
const secretNamePart =
  /token|secret|passw(?:or)?d|passphrase|signature|authorization|bearer|credential|cookie|assertion|verifier|nonce|(?:api|access|private|consumer).?key|^key$/i;
// `token_type`, `client_assertion_type`: they name the kind of secret, never hold one.
const secretKindName = /(?:_t|T)ype$/;

/** Whether a header, JSON key, tool argument or `name=value` name holds a secret. */
export function isSecretName(name: string): boolean {
  return secretNamePart.test(name) && !secretKindName.test(name);
}

/** Query and form parameters add the OAuth 2.0 authorization `code` (as a JSON key, `code` is usually an error code). */
export function isSecretParameterName(name: string): boolean {
  return name === 'code' || isSecretName(name);
}

// Values that cannot carry a secret, kept so a redacted entry still says e.g. `"isTokenValid":true`.
function carriesSecret(value: unknown): boolean {
  return value !== null && value !== undefined && typeof value !== 'boolean';
}

// Every pattern here runs in time linear in the text, whatever the text: agents send what they like, and a pattern
// that backtracks over the rest of the text at each of many starting points (a lazy `[\s\S]*?` between two markers,
// a run that can restart inside itself) holds the extension host for minutes on a megabyte
// (test/unit/secret-redaction-linear.spec.ts sends adversarial inputs to each). Spans between markers are found
// with indexOf (redactPemKeys); runs start only where the run starts (a lookbehind) and are consumed whole.

const pemHeader = /-----BEGIN ([A-Z]+ ){0,4}PRIVATE KEY-----/y;
const pemFooter = /-----END ([A-Z]+ ){0,4}PRIVATE KEY-----/y;

/**
 * PEM private keys (PKCS#1, PKCS#8, EC, encrypted), whole block, header kept. A block without its END (cut short, or
 * cut to size by a log) is redacted to the end of the text: what follows a private key header is the key.
 */
function redactPemKeys(text: string): string {
  let out = '';
  let from = 0;
  for (let begin = text.indexOf('-----BEGIN ', from); begin !== -1; begin = text.indexOf('-----BEGIN ', from)) {
    pemHeader.lastIndex = begin;
    if (!pemHeader.test(text)) {
      out += text.slice(from, begin + 1);
      from = begin + 1;
      continue;
    }
    const bodyStart = pemHeader.lastIndex;
    out += `${text.slice(from, bodyStart)}${redactedMark}`;
    // The first private-key END after the header closes the block; every other END is skipped once, moving forward.
    let end = -1;
    for (let candidate = text.indexOf('-----END ', bodyStart); candidate !== -1; candidate = text.indexOf('-----END ', candidate + 1)) {
      pemFooter.lastIndex = candidate;
      if (pemFooter.test(text)) {
        end = pemFooter.lastIndex;
        break;
      }
    }
    if (end === -1) return out;
    from = end;
  }
  return out + text.slice(from);
}

// Each pattern keeps its first group (the name or scheme) and replaces the rest of the match.
const secretShapes: RegExp[] = [
  // Credential headers in any rendering (`authorization: X`, `"cookie":"X"`). Only the value goes: an optional
  // scheme word and one credential for authorization, `name=value` pairs joined by `;` for cookies. Never the rest
  // of the line: in a one-line SuiteQL query the word sits in a comment and the query after it must stay readable.
  /(["']?\b(?:proxy-)?authorization["']?\s*[:=]\s*["']?(?:(?:Bearer|Basic|OAuth|Digest|NLAuth|Negotiate)[ \t]+)?)[^\s"']+/gi,
  /(["']?\b(?:set-)?cookie["']?\s*[:=]\s*["']?)[^\s"';]+(?:;[ \t]*[^\s"';]+)*/gi,
  // Bearer / Basic credentials wherever they appear.
  /(\b(?:Bearer|Basic)\s+)[A-Za-z0-9\-._~+/]+=*/g,
  // Authorization codes in redirect URLs (`?code=...`).
  /([?&]code=)[^&\s"']+/g,
  // JWTs (access tokens, client assertions) anywhere else. Each segment is taken whole (a lookahead captures the run
  // and the backreference consumes it, so nothing backtracks), and a token starts only where a run starts.
  /()(?<![A-Za-z0-9_-])eyJ(?=([A-Za-z0-9_-]{5,}))\2\.(?=([A-Za-z0-9_-]{5,}))\3\.[A-Za-z0-9_-]*/g,
  // SuiteLens agent keys (`slk_…`, see agents/mcp/agentKeys.ts).
  /()(?<![A-Za-z0-9_-])slk_[A-Za-z0-9_-]{20,}/g,
];

// `name: value`, `"name":"value"`, `name=value` in text (headers, JSON, form bodies, OAuth 1.0a header
// parameters); the value is replaced when isSecretName says so. A value opening an object or array is left to the
// names inside it.
const namedValue = /(["']?(?<![\w-])([A-Za-z][\w-]*)["']?\s*[:=]\s*["']?)([^"'&\s,}{[][^"'&\s,}]*)/g;

// A scheme word before a credential (`Authorization: Basic …`) names the kind of secret; the credential after it
// is replaced by the patterns above.
const credentialScheme = /^(?:Bearer|Basic|OAuth|Digest|NLAuth|Negotiate)$/i;

/** Text with every secret shape and every secret-named value replaced by the mark. */
export function redactText(text: string): string {
  let scrubbed = redactPemKeys(text);
  for (const pattern of secretShapes) scrubbed = scrubbed.replace(pattern, (_whole, kept: string) => `${kept}${redactedMark}`);
  return scrubbed.replace(namedValue, (whole, lead: string, name: string, value: string) =>
    isSecretName(name) && !/^(?:true|false|null)$/.test(value) && !credentialScheme.test(value) ? `${lead}${redactedMark}` : whole,
  );
}

// A lone long string of letters and digits without spaces: a key, whatever field it came in.
const opaqueKey = /^(?=\S*\d)(?=\S*[A-Za-z])[A-Za-z0-9+/_=-]{32,}$/;

export interface ValueRedactionOptions {
  /**
   * Also replace any string that is one long opaque token. For text an agent supplied, which may carry a key under
   * any name; not for request logs, where idempotency keys and ids of that shape must stay readable.
   */
  opaqueStrings?: boolean;
  /**
   * Cut every string to this many characters before redacting it (a log that keeps only the start of a long text
   * need not scan the rest), noting how much was left out. A private key cut before its END is still redacted.
   */
  maxStringLength?: number;
}

/** Nesting below this is not walked (nor kept): no log needs it, and the walk is recursive. */
const maxRedactedDepth = 64;

/**
 * A structured value (logged details, tool arguments, a parsed request body) with secret-named fields replaced and
 * every string redacted as text. Objects with `toJSON` (dates, URLs) are redacted as they would be serialised.
 */
export function redactValue(value: unknown, options: ValueRedactionOptions = {}, name = '', depth = 0): unknown {
  if (name && isSecretName(name) && carriesSecret(value)) return redactedMark;
  if (typeof value === 'string') {
    const max = options.maxStringLength ?? Infinity;
    const head = value.length > max ? value.slice(0, max) : value;
    const redacted = options.opaqueStrings && opaqueKey.test(head.trim()) ? redactedMark : redactText(head);
    return head === value ? redacted : `${redacted}… (${(value.length - head.length).toLocaleString('en-US')} more characters not logged)`;
  }
  if (value && typeof value === 'object' && depth >= maxRedactedDepth) return `[not logged: nested deeper than ${maxRedactedDepth} levels]`;
  if (Array.isArray(value)) return value.map((item) => redactValue(item, options, '', depth + 1));
  if (value && typeof value === 'object') {
    const serialisable = value as { toJSON?: () => unknown };
    if (typeof serialisable.toJSON === 'function') return redactValue(serialisable.toJSON(), options, '', depth + 1);
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, redactValue(inner, options, key, depth + 1)]));
  }
  return value;
}

/**
 * Request headers as text. A credential header keeps its scheme (`Bearer [redacted]`, `OAuth [redacted]`) so a reader
 * can still tell which kind of auth a client sent.
 */
export function redactHeaders(headers: NodeJS.Dict<string | string[]>): Record<string, string> {
  const redacted: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const text = Array.isArray(value) ? value.join(', ') : value;
    if (isSecretName(name)) {
      const scheme = /^([A-Za-z][\w-]*)\s+\S/.exec(text)?.[1];
      redacted[name] = scheme ? `${scheme} ${redactedMark}` : redactedMark;
    } else {
      redacted[name] = redactText(text);
    }
  }
  return redacted;
}

/** Query or form parameters as a record, secret-named ones replaced. */
export function redactParameters(parameters: URLSearchParams): Record<string, string> {
  const redacted: Record<string, string> = {};
  for (const [name, value] of parameters) redacted[name] = isSecretParameterName(name) ? redactedMark : redactText(value);
  return redacted;
}

// Tokens rotate (hourly for OAuth 2.0): keep the most recent ones; the oldest have long expired.
const maxRuntimeSecrets = 500;

/** redactText plus the secret values a logger was told about at runtime (a token just received, a consumer secret). */
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
    return redactText(scrubbed);
  }
}
