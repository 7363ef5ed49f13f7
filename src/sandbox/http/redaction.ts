/**
 * Secrets never reach the request log: Authorization values keep only their scheme, and token-endpoint form
 * fields, OAuth signatures and secret-looking JSON keys are replaced.
 */
const REDACTED = '[redacted]';
const secretHeaders = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie']);
const secretParameterNames = new Set([
  'client_secret',
  'client_assertion',
  'code',
  'code_verifier',
  'refresh_token',
  'access_token',
  'oauth_signature',
  'token',
  'password',
]);
const secretJsonKey = /secret|password|token|assertion|privatekey|verifier|signature/i;

export function redactHeaders(headers: NodeJS.Dict<string | string[]>): Record<string, string> {
  const redacted: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const text = Array.isArray(value) ? value.join(', ') : value;
    if (secretHeaders.has(name)) {
      const scheme = text.split(' ')[0];
      redacted[name] = scheme && scheme !== text ? `${scheme} ${REDACTED}` : REDACTED;
    } else {
      redacted[name] = text;
    }
  }
  return redacted;
}

export function redactParameters(parameters: URLSearchParams): Record<string, string> {
  const redacted: Record<string, string> = {};
  for (const [name, value] of parameters) redacted[name] = secretParameterNames.has(name) ? REDACTED : value;
  return redacted;
}

function redactJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactJson);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, secretJsonKey.test(key) ? REDACTED : redactJson(inner)]));
  }
  return value;
}

/** The body as tests want to read it: parsed JSON, a redacted form, or the raw text. */
export function redactBody(body: string, contentType: string | undefined): unknown {
  if (body === '') return undefined;
  if (contentType?.includes('application/x-www-form-urlencoded')) return redactParameters(new URLSearchParams(body));
  try {
    return redactJson(JSON.parse(body));
  } catch {
    return body;
  }
}
