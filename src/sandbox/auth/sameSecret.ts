import { timingSafeEqual } from 'node:crypto';

/** Constant-time comparison of a presented secret or signature, so timing does not reveal how much matched. */
export function sameSecret(expected: string, presented: string): boolean {
  const expectedBytes = Buffer.from(expected);
  const presentedBytes = Buffer.from(presented);
  return expectedBytes.length === presentedBytes.length && timingSafeEqual(expectedBytes, presentedBytes);
}
