import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/netsuite/log';

function capture(level: 'debug' | 'info' = 'debug') {
  const lines: string[] = [];
  const logger = createLogger({ sink: (line) => lines.push(line), level, now: () => new Date(0) });
  return { logger, lines };
}

const jwt = 'eyJhbGciOiJQUzI1NiJ9.eyJpc3MiOiJjbGllbnQiLCJzY29wZSI6WyJyZXN0Il19.c2lnbmF0dXJlLWJ5dGVz';
const pem = '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\nBKcwggSjAgEAAoIBAQC7\n-----END PRIVATE KEY-----';

describe('redacting logger', () => {
  it.each([
    ['an Authorization header', 'headers: {"authorization":"Bearer abc.def-123"}', 'abc.def-123'],
    ['a bearer token in prose', 'sent Bearer tok_9f8e7d6c5b4a', 'tok_9f8e7d6c5b4a'],
    ['OAuth 1.0a parameters', 'OAuth realm="123_SB1", oauth_token="2b0ce516420110bc", oauth_signature="i7MEtGwhCTIZbTsT%3D"', 'i7MEtGwhCTIZbTsT'],
    ['a token response', '{"access_token":"at-123456","refresh_token":"rt-654321","expires_in":"3600"}', 'rt-654321'],
    ['a client secret in a form body', 'grant_type=refresh_token&client_secret=s3cr3t-value&x=1', 's3cr3t-value'],
    ['a JWT assertion', `client_assertion_type=jwt&assertion=${jwt}`, 'c2lnbmF0dXJlLWJ5dGVz'],
    ['a PEM private key', `key: ${pem}`, 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASC'],
    ['an authorization code in a redirect', 'vscode://suitelens/auth?code=abc123xyz&state=s', 'abc123xyz'],
  ])('scrubs %s', (_name, text, secret) => {
    const { logger, lines } = capture();
    logger.info(text);
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain(secret);
    expect(lines[0]).toContain('[redacted]');
  });

  it('scrubs secret-named keys of logged objects and runtime-registered secrets everywhere', () => {
    const { logger, lines } = capture();
    logger.registerSecret('plain-looking-secret');
    logger.child('1234567_SB1').warn('retrying with plain-looking-secret', { tokenSecret: 'zzz', consumerSecret: 'yyy', status: 429 });
    expect(lines[0]).toContain('[1234567_SB1]');
    expect(lines[0]).toContain('"status":429');
    for (const secret of ['plain-looking-secret', 'zzz', 'yyy']) expect(lines[0]).not.toContain(secret);
  });

  it('keeps ordinary text and honours the level', () => {
    const { logger, lines } = capture('info');
    logger.debug('hidden');
    logger.info('GET /services/rest/record/v1/customer?limit=10 → 200');
    expect(lines).toEqual(['1970-01-01T00:00:00.000Z INFO GET /services/rest/record/v1/customer?limit=10 → 200']);
  });
});
