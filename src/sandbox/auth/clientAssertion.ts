/**
 * OAuth 2.0 client credentials (M2M): the registered certificates and the verification of the client's signed
 * JWT assertion (netsuite-wire.md §5b). NetSuite accepts only PSS and ECDSA signatures, so RS256 — which older
 * clients still send — is refused with a message that says so.
 */
import { createPublicKey, type KeyObject } from 'node:crypto';
import { decodeProtectedHeader, errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';
import type { SandboxRole } from '../model/seams';
import { OAuthEndpointError } from './answers';
import { checkedScopes } from './scopes';

export const acceptedAssertionAlgorithms = ['PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512'];
const maxAssertionLifetimeSeconds = 3600;
const acceptedCurves = ['prime256v1', 'secp384r1', 'secp521r1'];

export interface CertificateRegistration {
  certificateId: string;
  clientId: string;
  publicKey: KeyObject;
  role: SandboxRole;
}

/**
 * A public key or X.509 certificate in PEM (as uploaded on NetSuite's M2M setup page), or a private key whose
 * public half is meant; refused unless NetSuite would accept it.
 */
export function certificatePublicKey(pem: string | KeyObject): KeyObject {
  let key: KeyObject;
  try {
    key = createPublicKey(pem);
  } catch (cause) {
    throw new Error('The certificate is not a PEM public key or X.509 certificate.', { cause });
  }
  const details = key.asymmetricKeyDetails ?? {};
  // NetSuite's upload rules (ns-help subsect_162755332391): RSA 3072/4096, or EC P-256/P-384/P-521.
  if (key.asymmetricKeyType === 'rsa' || key.asymmetricKeyType === 'rsa-pss') {
    if ((details.modulusLength ?? 0) < 3072) {
      throw new Error(`NetSuite accepts RSA certificates of 3072 or 4096 bits only; this key has ${details.modulusLength} bits.`);
    }
  } else if (key.asymmetricKeyType === 'ec') {
    if (!acceptedCurves.includes(details.namedCurve ?? '')) {
      throw new Error(`NetSuite accepts EC certificates on P-256, P-384 or P-521 only; this key is on ${details.namedCurve}.`);
    }
  } else {
    throw new Error(`NetSuite accepts RSA or EC certificates only; this key is ${key.asymmetricKeyType}.`);
  }
  return key;
}

export interface VerifiedAssertion {
  certificate: CertificateRegistration;
  scope: string[];
}

/**
 * Verifies a client assertion: accepted `alg`, `kid` = a registered certificate, signature by that certificate's
 * key, `iss` = the certificate's client id, `aud` = this token endpoint, `iat`/`exp` present with `exp − iat` ≤
 * 60 minutes and not expired. Throws `OAuthEndpointError` (invalid_client / invalid_scope) with the reason.
 */
export async function verifyClientAssertion(
  assertion: string,
  context: { certificates: ReadonlyMap<string, CertificateRegistration>; tokenUrl: string; now: number },
): Promise<VerifiedAssertion> {
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(assertion);
  } catch {
    throw new OAuthEndpointError('invalid_request', 'client_assertion is not a JWT.');
  }
  const alg = header.alg ?? '';
  if (!acceptedAssertionAlgorithms.includes(alg)) {
    const why = alg === 'RS256' ? 'RS256 (PKCS#1 v1.5) is no longer accepted by NetSuite. ' : '';
    throw new OAuthEndpointError(
      'invalid_client',
      `The client_assertion is signed with alg "${alg}". ${why}Use one of ${acceptedAssertionAlgorithms.join(', ')}.`,
    );
  }
  const certificate = header.kid ? context.certificates.get(header.kid) : undefined;
  if (!certificate) {
    throw new OAuthEndpointError('invalid_client', `The client_assertion kid "${header.kid ?? ''}" is not a certificate id registered for this account.`);
  }

  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(assertion, certificate.publicKey, {
      algorithms: acceptedAssertionAlgorithms,
      issuer: certificate.clientId,
      audience: context.tokenUrl,
      requiredClaims: ['iss', 'aud', 'iat', 'exp'],
      currentDate: new Date(context.now),
    }));
  } catch (error) {
    throw new OAuthEndpointError('invalid_client', assertionFailure(error, context.tokenUrl));
  }
  if ((payload.exp ?? 0) - (payload.iat ?? 0) > maxAssertionLifetimeSeconds) {
    throw new OAuthEndpointError('invalid_client', 'The client_assertion is valid for more than 60 minutes (exp - iat > 3600).');
  }
  return { certificate, scope: checkedScopes(payload.scope) };
}

function assertionFailure(error: unknown, tokenUrl: string): string {
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) {
    return 'The client_assertion signature does not match the certificate registered under its kid.';
  }
  if (error instanceof joseErrors.JWTExpired) return 'The client_assertion has expired (exp is in the past).';
  if (error instanceof joseErrors.JWTClaimValidationFailed) {
    if (error.claim === 'aud') return `The client_assertion aud must be the token endpoint URL ${tokenUrl}.`;
    if (error.claim === 'iss') return 'The client_assertion iss must be the client id of the integration the certificate belongs to.';
    return `The client_assertion claim "${error.claim}" is invalid: ${error.reason}.`;
  }
  // Wrong key type for the alg (an ES256 header on an RSA certificate) and malformed tokens end here.
  return `The client_assertion could not be verified: ${error instanceof Error ? error.message : String(error)}.`;
}
