import { generateKeyPairSync } from 'node:crypto';
import { decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { AuthConfigurationError } from '../../src/netsuite/auth/authError';
import { assertionKey, ClientCredentialsAuthProvider, signClientAssertion } from '../../src/netsuite/auth/clientCredentials';

const pem = (key: { export(options: { type: 'pkcs8' | 'pkcs1'; format: 'pem' }): string | Buffer }, type: 'pkcs8' | 'pkcs1' = 'pkcs8') =>
  key.export({ type, format: 'pem' }).toString();
const rsa3072 = generateKeyPairSync('rsa', { modulusLength: 3072 });
const rsa2048 = generateKeyPairSync('rsa', { modulusLength: 2048 });
const account = { id: '1234567', restBaseUrl: 'https://1234567.suitetalk.api.netsuite.com', uiBaseUrl: 'https://1234567.app.netsuite.com' };
const tokenUrl = new URL('https://1234567.suitetalk.api.netsuite.com/services/rest/auth/oauth2/v1/token');

describe('client-credentials keys and algorithms', () => {
  it('picks PS256 for RSA 3072 (PKCS#8 or PKCS#1) and the curve’s ES algorithm for EC keys', () => {
    expect(assertionKey(pem(rsa3072.privateKey)).algorithm).toBe('PS256');
    expect(assertionKey(pem(rsa3072.privateKey, 'pkcs1')).algorithm).toBe('PS256');
    expect(assertionKey(pem(rsa3072.privateKey), 'PS512').algorithm).toBe('PS512');
    for (const [namedCurve, algorithm] of [['P-256', 'ES256'], ['P-384', 'ES384'], ['P-521', 'ES512']]) {
      expect(assertionKey(pem(generateKeyPairSync('ec', { namedCurve }).privateKey)).algorithm).toBe(algorithm);
    }
  });

  it('refuses RSA keys under 3072 bits and says what NetSuite accepts', () => {
    expect(() => assertionKey(pem(rsa2048.privateKey))).toThrow(AuthConfigurationError);
    expect(() => assertionKey(pem(rsa2048.privateKey))).toThrow(/has 2048 bits; NetSuite accepts only RSA certificates of 3072 or 4096 bits/);
  });

  it('refuses an explicit RS256 request with the reason, even for a good key', () => {
    expect(() => assertionKey(pem(rsa3072.privateKey), 'RS256')).toThrow(/RS256 \(RSASSA-PKCS1-v1_5\) is not accepted by NetSuite.*Use PS256/);
  });

  it('refuses an algorithm that does not fit the key, a wrong curve and a non-key', () => {
    expect(() => assertionKey(pem(rsa3072.privateKey), 'ES256')).toThrow(/PS256, PS384 or PS512, not ES256/);
    expect(() => assertionKey(pem(generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey), 'ES384')).toThrow(/signs with ES256, not ES384/);
    expect(() => assertionKey(pem(generateKeyPairSync('ec', { namedCurve: 'secp256k1' }).privateKey))).toThrow(/P-256, P-384 or P-521 only/);
    expect(() => assertionKey(pem(generateKeyPairSync('ed25519').privateKey))).toThrow(/ed25519/);
    expect(() => assertionKey('not a key')).toThrow(/not a PEM private key/);
  });

  it('refuses the key at construction, before any request is made', () => {
    expect(() => new ClientCredentialsAuthProvider({ account, clientId: 'c', certificateId: 'k', privateKeyPem: pem(rsa2048.privateKey) })).toThrow(/2048 bits/);
  });
});

describe('client assertion', () => {
  it('carries kid = certificate id, iss = client id, aud = token URL, scope and exp = iat + lifetime, verifiable with the public key', async () => {
    const { key, algorithm } = assertionKey(pem(rsa3072.privateKey));
    const jwt = await signClientAssertion(key, algorithm, { clientId: 'client-9', certificateId: 'cert-7', tokenUrl, scope: ['rest_webservices'], issuedAt: 1_735_689_600, lifetimeSeconds: 3600 });
    expect(decodeProtectedHeader(jwt)).toEqual({ alg: 'PS256', kid: 'cert-7', typ: 'JWT' });
    const claims = decodeJwt(jwt);
    expect(claims).toMatchObject({ iss: 'client-9', aud: tokenUrl.toString(), scope: ['rest_webservices'], iat: 1_735_689_600, exp: 1_735_693_200 });
    expect(typeof claims.jti).toBe('string');
    await expect(jwtVerify(jwt, rsa3072.publicKey, { currentDate: new Date(1_735_689_700_000) })).resolves.toBeTruthy();
  });

  it('refuses a lifetime over NetSuite’s 60 minutes', async () => {
    const { key, algorithm } = assertionKey(pem(rsa3072.privateKey));
    await expect(signClientAssertion(key, algorithm, { clientId: 'c', certificateId: 'k', tokenUrl, scope: [], issuedAt: 0, lifetimeSeconds: 3601 })).rejects.toThrow(/at most|between 1 and 3600/);
  });
});
