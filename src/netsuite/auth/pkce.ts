/** PKCE (RFC 7636) S256 and the OAuth `state`, from the CSPRNG. */
import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes → 43 base64url characters: the minimum length RFC 7636 allows, with 256 bits of entropy. */
export function createCodeVerifier(): string {
  return randomBytes(32).toString('base64url');
}

export function codeChallengeS256(codeVerifier: string): string {
  return createHash('sha256').update(codeVerifier).digest('base64url');
}

/** 43 characters: inside the 24–1024 range NetSuite is recalled to require (netsuite-wire.md §5a). */
export function createState(): string {
  return randomBytes(32).toString('base64url');
}
