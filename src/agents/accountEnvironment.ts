/**
 * Account ids and environments as the agent guard uses them, on top of the client core's account parsing. Two
 * rules are the guard's own: an id that cannot be read counts as production (the strictest treatment, so a typo
 * never loosens the policy), and ids are compared in canonical form (`1234567-sb1` is `1234567_SB1`).
 */
import { environmentLabel, normaliseAccountId, parseAccount, type EnvironmentKind } from '../netsuite/account';

export type AccountEnvironment = EnvironmentKind;

export function accountEnvironment(accountId: string): AccountEnvironment {
  try {
    return parseAccount(accountId).environment;
  } catch {
    return 'production';
  }
}

/** The canonical id, or the input unchanged when it is not an account id (it then matches no grant). */
export function canonicalAccountId(accountId: string): string {
  try {
    return normaliseAccountId(accountId);
  } catch {
    return accountId;
  }
}

/** `1234567_SB1 (sandbox)` — how confirmations name the account a call acts on. */
export function accountLabel(accountId: string): string {
  return `${accountId} (${environmentLabel(accountEnvironment(accountId)).toLowerCase()})`;
}
