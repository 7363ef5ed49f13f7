import { describe, expect, it } from 'vitest';
import { redirectUriProblem } from '../../src/sandbox/auth/oauth2Registry';
import { checkedScopes } from '../../src/sandbox/auth/scopes';

describe('sandbox redirect URI rule (https or a custom scheme, as NetSuite requires)', () => {
  it.each(['https://example.com/callback', 'vscode://suitelens.suitelens/oauth2/callback', 'myapp://callback'])('accepts %s', (uri) => {
    expect(redirectUriProblem(uri)).toBeUndefined();
  });

  it.each([
    ['http://127.0.0.1:8080/callback', /uses http; NetSuite requires https:\/\/ or a custom scheme/],
    ['javascript:alert(1)', /uses javascript/],
    ['https://example.com/cb#fragment', /must not contain a fragment/],
    ['/relative/callback', /not an absolute URI/],
  ])('refuses %s', (uri, problem) => {
    expect(redirectUriProblem(uri)).toMatch(problem);
  });
});

describe('sandbox scopes', () => {
  it('reads space-separated, comma-separated and array scopes', () => {
    expect(checkedScopes('rest_webservices restlets')).toEqual(['rest_webservices', 'restlets']);
    expect(checkedScopes('rest_webservices,suite_analytics')).toEqual(['rest_webservices', 'suite_analytics']);
    expect(checkedScopes(['mcp'])).toEqual(['mcp']);
  });

  it('refuses an empty or unknown scope with invalid_scope', () => {
    expect(() => checkedScopes('')).toThrow(/A scope is required/);
    expect(() => checkedScopes('rest_webservices admin')).toThrow(expect.objectContaining({ code: 'invalid_scope', description: expect.stringContaining('Unknown scope admin') }));
  });
});
