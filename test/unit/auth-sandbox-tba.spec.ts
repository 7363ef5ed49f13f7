import { describe, expect, it } from 'vitest';
import { parseOAuthHeader } from '../../src/netsuite/auth/oauth1Signature';
import type { SandboxRole } from '../../src/sandbox/model/seams';
import { TbaVerifier } from '../../src/sandbox/auth/tbaVerifier';

const role: SandboxRole = { id: '3', name: 'Administrator', permissions: { '*': 'full' } };
// netsuite-wire.md §5c, the published vector: the header is written out by hand, not produced by our signer.
const vectorHeader =
  'OAuth realm="1234567", oauth_consumer_key="ef40afdd8abaac111b13825dd5e5e2ddddb44f86d5a0dd6dcf38c20aae6b67e4", ' +
  'oauth_token="2b0ce516420110bcbd36b69e99196d1b7f6de3c6234c5afb799b73d87569f5cc", oauth_signature_method="HMAC-SHA256", ' +
  'oauth_timestamp="1508242306", oauth_nonce="fjaLirsIcCGVZWzBX0pg", oauth_version="1.0", ' +
  'oauth_signature="i7MEtGwhCTIZbTsTrNGw9LdcERn4wsjt5C7TxmKWIfU%3D"';
const vectorUrl = new URL(
  'https://1234567.restlets.api.netsuite.com/app/site/hosting/restlet.nl?script=6&deploy=1&customParam=someValue&testParam=someOtherValue',
);

function verifierAt(seconds: number): TbaVerifier {
  const verifier = new TbaVerifier('1234567', () => seconds * 1000);
  verifier.register({
    consumerKey: 'ef40afdd8abaac111b13825dd5e5e2ddddb44f86d5a0dd6dcf38c20aae6b67e4',
    consumerSecret: 'd26ad321a4b2f23b0741c8d38392ce01c3e23e109df6c96eac6d099e9ab9e8b5',
    tokenId: '2b0ce516420110bcbd36b69e99196d1b7f6de3c6234c5afb799b73d87569f5cc',
    tokenSecret: 'c29a677df7d5439a458c063654187e3d678d73aca8e3c9d8bea1478a3eb0d295',
    role,
  });
  return verifier;
}

describe('sandbox TBA verifier', () => {
  const params = parseOAuthHeader(vectorHeader) ?? {};

  it('verifies the published NetSuite vector', () => {
    expect(verifierAt(1508242306).verify('POST', vectorUrl, params)).toMatchObject({ ok: true });
  });

  it('refuses the same vector replayed, or checked five minutes and one second later', () => {
    const verifier = verifierAt(1508242306);
    verifier.verify('POST', vectorUrl, params);
    expect(verifier.verify('POST', vectorUrl, params)).toMatchObject({ ok: false, reason: 'NonceReplayed' });
    expect(verifierAt(1508242306 + 301).verify('POST', vectorUrl, params)).toMatchObject({ ok: false, reason: 'TimestampOutsideWindow' });
  });

  it('refuses the vector for another method, URL or signature method', () => {
    expect(verifierAt(1508242306).verify('GET', vectorUrl, params)).toMatchObject({ ok: false, reason: 'InvalidSignature' });
    const otherPort = new URL(vectorUrl);
    otherPort.port = '8443';
    expect(verifierAt(1508242306).verify('POST', otherPort, params)).toMatchObject({ ok: false, reason: 'InvalidSignature' });
    expect(verifierAt(1508242306).verify('POST', vectorUrl, { ...params, oauth_signature_method: 'HMAC-SHA1' })).toMatchObject({
      ok: false,
      reason: 'UnsupportedSignatureMethod',
    });
  });

  it('tells an unknown consumer key from an unknown token of a known consumer', () => {
    expect(verifierAt(1508242306).verify('POST', vectorUrl, { ...params, oauth_consumer_key: 'x' })).toMatchObject({ reason: 'ConsumerKeyUnknown' });
    expect(verifierAt(1508242306).verify('POST', vectorUrl, { ...params, oauth_token: 'x' })).toMatchObject({ reason: 'TokenRejected' });
  });
});
