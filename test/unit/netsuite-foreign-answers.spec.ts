import { describe, expect, it } from 'vitest';
import { clockSkewHint } from '../../src/netsuite/clockSkew';
import { errorFromResponse } from '../../src/netsuite/errors';
import { htmlPageSummary } from '../../src/netsuite/htmlPage';

describe('clock skew hints', () => {
  const now = Date.parse('2026-12-03T12:00:00Z');
  it('names the direction and size when NetSuite\u2019s Date is beyond the 5-minute TBA window', () => {
    expect(clockSkewHint('Thu, 03 Dec 2026 11:48:00 GMT', now, [])).toMatch(/about 12 minutes ahead of NetSuite's/);
    expect(clockSkewHint('Thu, 03 Dec 2026 12:07:00 GMT', now, [])).toMatch(/about 7 minutes behind NetSuite's/);
  });

  it('stays quiet within the window and for refusals that are not about time', () => {
    expect(clockSkewHint('Thu, 03 Dec 2026 12:04:00 GMT', now, ['Invalid login attempt.'])).toBeUndefined();
    expect(clockSkewHint(undefined, now, ['invalid_client: unknown client id', 'The authorization code is unknown, expired or was issued to another client.'])).toBeUndefined();
  });

  it('suggests the clock for token wording about iat/exp or an expired assertion', () => {
    expect(clockSkewHint(undefined, now, ['invalid_grant: Please check the \u2018exp\u2019 claim.'])).toMatch(/clock is right/);
    expect(clockSkewHint(undefined, now, ['The client_assertion has expired (exp is in the past).'])).toMatch(/clock is right/);
  });
});

describe('HTML error pages', () => {
  it('are reduced to their title, or first heading, never markup', () => {
    expect(htmlPageSummary('<html><head><title>\n 502  Bad&nbsp;Gateway </title></head><body><script>alert(1)</script></body></html>')).toBe('an HTML page titled "502 Bad Gateway"');
    expect(htmlPageSummary('<html><body><h1>Service <b>Unavailable</b></h1></body></html>')).toBe('an HTML page saying "Service Unavailable"');
    expect(htmlPageSummary('<html><body><p>x</p></body></html>')).toBe('an HTML page without a title');
  });

  it('a 503 HTML body becomes status plus title in the error', () => {
    const error = errorFromResponse(503, '<!DOCTYPE html><html><head><title>Maintenance</title></head></html>', 'GET /x');
    expect(error.message).toBe('NetSuite answered 503: an HTML page titled "Maintenance"');
  });
});
