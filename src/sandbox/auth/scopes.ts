/** OAuth 2.0 scopes NetSuite knows (netsuite-wire.md §5a); REST web services need `rest_webservices`. */
import { OAuthEndpointError } from './answers';

export const knownScopes = ['restlets', 'rest_webservices', 'suite_analytics', 'mcp'];
export const restScope = 'rest_webservices';

/** NetSuite's docs write scopes comma-separated; clients also send a JSON array or a space-separated string. */
export function scopeList(scope: unknown): string[] {
  const items = Array.isArray(scope) ? scope : typeof scope === 'string' ? scope.split(/[\s,]+/) : [];
  return items.filter((item): item is string => typeof item === 'string' && item !== '');
}

/** The scopes as a list, or OAuthEndpointError(invalid_scope) when empty or naming a scope NetSuite lacks. */
export function checkedScopes(scope: unknown): string[] {
  const scopes = scopeList(scope);
  if (scopes.length === 0) throw new OAuthEndpointError('invalid_scope', `A scope is required; use ${restScope}.`);
  const unknown = scopes.filter((item) => !knownScopes.includes(item));
  if (unknown.length > 0) {
    throw new OAuthEndpointError('invalid_scope', `Unknown scope ${unknown.join(', ')}; NetSuite knows ${knownScopes.join(', ')}.`);
  }
  return scopes;
}
