/**
 * Keeps secrets out of the activity log. An agent may pass anything as a tool argument — including a token it
 * found somewhere — so arguments are redacted by field name (`password`, `apiKey`, `authorization`, …), by the
 * client core's text patterns (bearer headers, JWTs, PEM keys, OAuth parameters), and by shape: a long opaque
 * string of letters and digits without spaces is treated as a key.
 */
import { redactedMark, SecretRedactor } from '../netsuite/redact';

const secretFieldName = /(token|secret|passw(or)?d|api[-_]?key|private[-_]?key|access[-_]?key|signature|authorization|bearer|credential|^key$)/i;
const opaqueKey = /^(?=\S*\d)(?=\S*[A-Za-z])[A-Za-z0-9+/_=-]{32,}$/;
/** SuiteLens agent keys (`slk_…`, see mcp/agentKeys.ts), wherever they appear in a text. */
const agentKeyInText = /slk_[A-Za-z0-9_-]{20,}/g;
const textRedactor = new SecretRedactor();

function redactText(value: string): string {
  return opaqueKey.test(value.trim()) ? redactedMark : textRedactor.redact(value.replace(agentKeyInText, redactedMark));
}

export function redactSecrets(value: unknown, fieldName = ''): unknown {
  if (fieldName && secretFieldName.test(fieldName) && value !== null && value !== undefined && typeof value !== 'boolean') return redactedMark;
  if (typeof value === 'string') return redactText(value);
  if (Array.isArray(value)) return value.map((item) => redactSecrets(item));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, redactSecrets(inner, key)]));
  }
  return value;
}
