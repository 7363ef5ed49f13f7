/**
 * Keeps secrets out of the activity log. An agent may pass anything as a tool argument — including a token it
 * found somewhere — so arguments are redacted by name (`password`, `apiKey`, `authorization`, …) and by shape
 * (bearer headers, JWTs, PEM keys, long opaque strings) before they are written.
 */
export const redactedMarker = '[redacted]';

const secretFieldName = /(token|secret|passw(or)?d|api[-_]?key|private[-_]?key|access[-_]?key|signature|authorization|bearer|credential|^key$)/i;

const secretShapes: readonly RegExp[] = [
  /^bearer\s+\S+/i,
  /^eyJ[\w-]+\.[\w-]+\.[\w-]*$/, // JWT
  /-----BEGIN [A-Z ]*PRIVATE KEY-----/,
  /^(?=[^\s]*\d)(?=[^\s]*[A-Za-z])[A-Za-z0-9+/_=-]{32,}$/, // opaque token / key / hex signature, no spaces
];

export function looksSecret(value: string): boolean {
  return secretShapes.some((shape) => shape.test(value.trim()));
}

export function redactSecrets(value: unknown, fieldName = ''): unknown {
  if (fieldName && secretFieldName.test(fieldName) && value !== null && value !== undefined && typeof value !== 'boolean') return redactedMarker;
  if (typeof value === 'string') return looksSecret(value) ? redactedMarker : value;
  if (Array.isArray(value)) return value.map((item) => redactSecrets(item));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, redactSecrets(inner, key)]));
  }
  return value;
}
