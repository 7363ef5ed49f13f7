import { describe, expect, it } from 'vitest';
import {
  isSecretName,
  redactedMark,
  redactHeaders,
  redactParameters,
  redactText,
  redactValue,
  SecretRedactor,
} from '../../src/netsuite/secretRedaction';

// One redactor serves the client log, the agent activity log and the sandbox request log: every shape below must
// be caught in text, inside a structured value, and (where it can travel there) in headers and parameters.
const jwt = 'eyJhbGciOiJQUzI1NiJ9.eyJpc3MiOiJjbGllbnQiLCJzY29wZSI6WyJyZXN0Il19.c2lnbmF0dXJlLWJ5dGVz';
const pem = '-----BEGIN RSA PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\nBKcwggSjAgEAAoIBAQC7\n-----END RSA PRIVATE KEY-----';
const agentKey = 'slk_Q2hhbmdlTWVQbGVhc2VUaGlzSXNBS2V5';

const secretTexts: [string, string, string][] = [
  ['an Authorization header line', 'authorization: OAuth realm="1_SB1", oauth_signature="i7MEtG%3D"', 'i7MEtG'],
  ['a Proxy-Authorization header in JSON', '{"proxy-authorization":"Basic dXNlcjpwYXNz"}', 'dXNlcjpwYXNz'],
  ['a cookie header', 'cookie: NS_ROUTING=abc123; JSESSIONID=zzz999', 'zzz999'],
  ['a set-cookie header', '"set-cookie":"JSESSIONID=zzz999; Path=/"', 'zzz999'],
  ['a bearer token in prose', 'sent Bearer tok_9f8e7d6c5b4a', 'tok_9f8e7d6c5b4a'],
  ['a Basic credential in prose', 'retrying with Basic dXNlcjpwYXNz', 'dXNlcjpwYXNz'],
  ['an OAuth 1.0a signature', 'oauth_signature="i7MEtGwhCTIZbTsT%3D"', 'i7MEtGwhCTIZbTsT'],
  ['an OAuth 1.0a token', 'oauth_token="2b0ce516420110bc", oauth_version="1.0"', '2b0ce516420110bc'],
  ['an OAuth 1.0a consumer key', 'oauth_consumer_key="ef4e2b0ce5164201"', 'ef4e2b0ce5164201'],
  ['an OAuth 1.0a nonce', 'oauth_nonce="n0nc3v4lu3"', 'n0nc3v4lu3'],
  ['an oauth_signature query parameter', 'GET /x?oauth_signature=abc%2Bdef&limit=5', 'abc%2Bdef'],
  ['an access token in JSON', '{"access_token":"at-123456","expires_in":"3600"}', 'at-123456'],
  ['a refresh token in JSON', '{"refresh_token":"rt-654321"}', 'rt-654321'],
  ['an id token', 'id_token=idt-777777', 'idt-777777'],
  ['a client secret in a form body', 'grant_type=refresh_token&client_secret=s3cr3t-value&x=1', 's3cr3t-value'],
  ['a client assertion in a form body', 'client_assertion=assert-value-1&grant_type=client_credentials', 'assert-value-1'],
  ['a PKCE verifier', 'code_verifier=verifier-abcdef', 'verifier-abcdef'],
  ['a camelCase token secret', "{ tokenSecret: 'ts-999999' }", 'ts-999999'],
  ['a consumer secret', 'consumerSecret=cs-888888', 'cs-888888'],
  ['a password', 'password: hunter22', 'hunter22'],
  ['an API key', 'apiKey=ak-123123123', 'ak-123123123'],
  ['a private key field', '"privateKey":"pk-456456"', 'pk-456456'],
  ['a key field', '{"key":"k-789789"}', 'k-789789'],
  ['a JWT on its own', `assertion is ${jwt} here`, 'c2lnbmF0dXJlLWJ5dGVz'],
  ['a PEM private key', `key:\n${pem}`, 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASC'],
  ['an authorization code in a redirect', 'vscode://suitelens/auth?code=abc123xyz&state=s', 'abc123xyz'],
  ['a SuiteLens agent key', `the key ${agentKey} was pasted`, agentKey],
];

describe('secret redaction', () => {
  it.each(secretTexts)('scrubs %s in text, in any string of a value, in any header and in any parameter', (_name, text, secret) => {
    const scrubbed = redactText(text);
    expect(scrubbed).not.toContain(secret);
    expect(scrubbed).toContain(redactedMark);
    expect(JSON.stringify(redactValue({ note: text, lines: [text] }))).not.toContain(secret);
    expect(JSON.stringify(redactValue({ note: text }, { opaqueStrings: true }))).not.toContain(secret);
    expect(redactHeaders({ 'x-note': text })['x-note']).not.toContain(secret);
    expect(redactParameters(new URLSearchParams({ note: text })).note).not.toContain(secret);
    expect(new SecretRedactor().redact(text)).not.toContain(secret);
  });

  it('replaces secret-named fields of a value whatever they hold, and keeps what cannot be a secret', () => {
    const value = {
      companyName: 'Acme',
      custentity_api_token: 'tok-1',
      credentials: { consumerSecret: 'yyy', tokenId: 'abc' },
      tokenCount: 5,
      isTokenValid: true,
      passwordHint: null,
      token_type: 'Bearer',
      created: new Date(0),
    };
    expect(redactValue(value)).toEqual({
      companyName: 'Acme',
      custentity_api_token: redactedMark,
      credentials: redactedMark,
      tokenCount: redactedMark,
      isTokenValid: true,
      passwordHint: null,
      token_type: 'Bearer',
      created: '1970-01-01T00:00:00.000Z',
    });
  });

  it('treats a lone opaque key as a secret only when asked (agent-supplied text), not ids in request logs', () => {
    const hexKey = 'a3f9c2d4e5b6a7f8091a2b3c4d5e6f708192a3b4';
    const idempotencyKey = '0f8fad5b-d9cb-469f-a165-70867728950e';
    expect(redactValue({ note: hexKey }, { opaqueStrings: true })).toEqual({ note: redactedMark });
    expect(redactValue({ note: hexKey, idempotencyKey })).toEqual({ note: hexKey, idempotencyKey });
  });

  it('keeps ordinary text, SuiteQL and record fields as they were', () => {
    for (const text of [
      'GET /services/rest/record/v1/customer?limit=10&offset=20 → 200 in 12 ms (attempt 1)',
      "SELECT id, email FROM customer WHERE email LIKE '%acme%' AND id = 5",
      'x-netsuite-idempotency-key: 0f8fad5b-d9cb-469f-a165-70867728950e',
      '{"o:errorCode":"INVALID_KEY_OR_REF","grant_type":"refresh_token","token_type":"Bearer","isTokenValid":true}',
      'https://1234567-sb1.suitetalk.api.netsuite.com/services/rest/record/v1/customer/5',
    ]) {
      expect(redactText(text)).toBe(text);
    }
  });

  it('keeps the scheme of a credential header and redacts every other header as text', () => {
    expect(
      redactHeaders({
        authorization: 'OAuth realm="1_SB1", oauth_signature="abc"',
        'proxy-authorization': 'Bearer tok-1',
        cookie: 'JSESSIONID=zzz999; NS_ROUTING=abc',
        'x-netsuite-idempotency-key': '0f8fad5b-d9cb-469f-a165-70867728950e',
        accept: ['application/json', 'text/plain'],
        'x-forwarded-note': `Bearer ${jwt}`,
      }),
    ).toEqual({
      authorization: `OAuth ${redactedMark}`,
      'proxy-authorization': `Bearer ${redactedMark}`,
      cookie: redactedMark,
      'x-netsuite-idempotency-key': '0f8fad5b-d9cb-469f-a165-70867728950e',
      accept: 'application/json, text/plain',
      'x-forwarded-note': `Bearer ${redactedMark}`,
    });
  });

  it('replaces secret query and form parameters, the OAuth authorization code included', () => {
    const form = new URLSearchParams({ grant_type: 'authorization_code', code: 'c0de-123', code_verifier: 'v-1', client_assertion_type: 'jwt-bearer', q: `note IS ${jwt}` });
    expect(redactParameters(form)).toEqual({
      grant_type: 'authorization_code',
      code: redactedMark,
      code_verifier: redactedMark,
      client_assertion_type: 'jwt-bearer',
      q: `note IS ${redactedMark}`,
    });
  });

  it('keeps a JSON "code" (an error code) readable', () => {
    expect(redactValue({ error: { code: -32000, message: 'Unauthorized' } })).toEqual({ error: { code: -32000, message: 'Unauthorized' } });
    expect(isSecretName('code')).toBe(false);
  });

  it('scrubs registered runtime secrets wherever they appear, longest first', () => {
    const redactor = new SecretRedactor();
    redactor.registerSecret('plain-looking-secret');
    redactor.registerSecret('plain-looking-secret-and-more');
    redactor.registerSecret('abc');
    expect(redactor.redact('used plain-looking-secret-and-more, then plain-looking-secret; abc stays')).toBe(
      `used ${redactedMark}, then ${redactedMark}; abc stays`,
    );
  });
});
