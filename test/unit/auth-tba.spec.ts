import { describe, expect, it } from 'vitest';
import { hmacSha256Signature, parseOAuthHeader, percentEncode, signatureBaseString } from '../../src/netsuite/auth/oauth1Signature';
import { TbaAuthProvider, tbaAuthorizationHeader } from '../../src/netsuite/auth/tba';

// netsuite-wire.md §5c: Oracle's documented inputs, reproduced by LedgerSync's spec.
const credentials = {
  consumerKey: 'ef40afdd8abaac111b13825dd5e5e2ddddb44f86d5a0dd6dcf38c20aae6b67e4',
  consumerSecret: 'd26ad321a4b2f23b0741c8d38392ce01c3e23e109df6c96eac6d099e9ab9e8b5',
  tokenId: '2b0ce516420110bcbd36b69e99196d1b7f6de3c6234c5afb799b73d87569f5cc',
  tokenSecret: 'c29a677df7d5439a458c063654187e3d678d73aca8e3c9d8bea1478a3eb0d295',
};
const nonce = 'fjaLirsIcCGVZWzBX0pg';
const timestamp = 1508242306;

function signatureOf(method: string, url: string, accountId = '1234567'): string {
  const header = tbaAuthorizationHeader({ method, url: new URL(url), accountId, credentials, nonce, timestamp });
  const params = parseOAuthHeader(header);
  if (!params) throw new Error(`not an OAuth header: ${header}`);
  return params.oauth_signature;
}

describe('TBA signature (OAuth 1.0a HMAC-SHA256)', () => {
  const restletUrl =
    'https://1234567.restlets.api.netsuite.com/app/site/hosting/restlet.nl?script=6&deploy=1&customParam=someValue&testParam=someOtherValue';

  it('builds the published base string exactly', () => {
    const baseString = signatureBaseString('POST', new URL(restletUrl), {
      oauth_consumer_key: credentials.consumerKey,
      oauth_token: credentials.tokenId,
      oauth_signature_method: 'HMAC-SHA256',
      oauth_timestamp: String(timestamp),
      oauth_nonce: nonce,
      oauth_version: '1.0',
    });
    expect(baseString).toBe(
      'POST&https%3A%2F%2F1234567.restlets.api.netsuite.com%2Fapp%2Fsite%2Fhosting%2Frestlet.nl&customParam%3DsomeValue%26deploy%3D1%26oauth_consumer_key%3Def40afdd8abaac111b13825dd5e5e2ddddb44f86d5a0dd6dcf38c20aae6b67e4%26oauth_nonce%3DfjaLirsIcCGVZWzBX0pg%26oauth_signature_method%3DHMAC-SHA256%26oauth_timestamp%3D1508242306%26oauth_token%3D2b0ce516420110bcbd36b69e99196d1b7f6de3c6234c5afb799b73d87569f5cc%26oauth_version%3D1.0%26script%3D6%26testParam%3DsomeOtherValue',
    );
    expect(hmacSha256Signature(baseString, credentials)).toBe('i7MEtGwhCTIZbTsTrNGw9LdcERn4wsjt5C7TxmKWIfU=');
  });

  it('reproduces the published NetSuite vector through the header builder', () => {
    expect(signatureOf('POST', restletUrl)).toBe('i7MEtGwhCTIZbTsTrNGw9LdcERn4wsjt5C7TxmKWIfU=');
  });

  it.each([
    ['GET', 'https://1234567.suitetalk.api.netsuite.com/services/rest/record/v1/customer/107', 'oBSvvd9y4lIPupAwcQEsCAlhwxxikV22vSGm4eoTWjo='],
    ['GET', 'https://1234567.suitetalk.api.netsuite.com/services/rest/record/v1/customer?limit=10&offset=0', 'o6WuuYALF7gWWfZEhhkKQXz0hDsxa55NOCXLE7953MQ='],
    ['POST', 'https://1234567.suitetalk.api.netsuite.com/services/rest/query/v1/suiteql?limit=5&offset=0', 'RhODaVNIdsSIMrcAi1WA0dFt3z4nZrnWzWnsTASUfv4='],
    ['GET', 'https://1234567-sb1.suitetalk.api.netsuite.com/services/rest/record/v1/customer?q=email%20START_WITH%20barbara', '1QT/ezGLbfwvIRogvld8jMuTDAwIImnKhDkLmaIeAVM='],
  ])('reproduces the computed vector for %s %s', (method, url, signature) => {
    expect(signatureOf(method, url)).toBe(signature);
  });

  it('puts the realm in upper case with underscores and percent-encodes the signature in the header', () => {
    const header = tbaAuthorizationHeader({
      method: 'GET',
      url: new URL('https://1234567-sb1.suitetalk.api.netsuite.com/services/rest/record/v1/customer?q=email%20START_WITH%20barbara'),
      accountId: '1234567-sb1',
      credentials,
      nonce,
      timestamp,
    });
    expect(header).toMatch(/^OAuth realm="1234567_SB1", /);
    expect(header).toContain('oauth_signature="1QT%2FezGLbfwvIRogvld8jMuTDAwIImnKhDkLmaIeAVM%3D"');
  });

  it('encodes the characters encodeURIComponent leaves alone', () => {
    expect(percentEncode("a!b'c(d)e*f ~")).toBe('a%21b%27c%28d%29e%2Af%20~');
  });

  it('signs every attempt with a fresh nonce and the current timestamp', async () => {
    let now = 1_700_000_000_000;
    const provider = new TbaAuthProvider('1234567_SB1', credentials, () => now);
    const request = { method: 'GET', url: new URL('https://1234567-sb1.suitetalk.api.netsuite.com/services/rest/record/v1/customer/1') };
    const first = parseOAuthHeader((await provider.authorize(request)).Authorization);
    now += 2000;
    const second = parseOAuthHeader((await provider.authorize(request)).Authorization);
    expect(first?.oauth_nonce).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(second?.oauth_nonce).not.toBe(first?.oauth_nonce);
    expect(first?.oauth_timestamp).toBe('1700000000');
    expect(second?.oauth_timestamp).toBe('1700000002');
    expect(second?.oauth_signature).not.toBe(first?.oauth_signature);
  });
});
