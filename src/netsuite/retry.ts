/**
 * When a failed attempt may be tried again, and how long to wait. Retrying is only safe when a repeat cannot
 * create a second effect: reads, SuiteQL, PATCH and PUT-by-external-id of body fields only, DELETE, and async
 * writes that carry an idempotency key NetSuite uses to recognise the repeat (it ignores the key on synchronous
 * requests): creates, transforms, and PATCH / PUT bodies with sublist lines, which a repeat would append again.
 * A 429 is always safe: NetSuite blocked the request before doing anything.
 */
import type { RandomSource } from './clock';

export interface BackoffOptions {
  /** First delay before jitter, in ms. Common NetSuite guidance: 1 s, 2 s, 4 s … capped near 30 s. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Total attempts, first included. */
  maxAttempts: number;
}

export const defaultBackoff: BackoffOptions = { baseDelayMs: 500, maxDelayMs: 30_000, maxAttempts: 8 };

/**
 * Delay before attempt `retryNumber` (1 = first retry): exponential, with "equal jitter" — half fixed, half random —
 * so concurrent clients spread out while every retry still waits at least half the step.
 */
export function backoffDelay(retryNumber: number, options: BackoffOptions, random: RandomSource): number {
  const step = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (retryNumber - 1));
  return Math.round(step / 2 + random() * (step / 2));
}

/** How a request may be repeated. */
export type RetrySafety =
  /** Repeating has no further effect (GET, SuiteQL, PATCH / PUT by external id of body fields only). */
  | 'idempotent'
  /** DELETE: repeating is harmless, and a 404 after an unclear attempt means the first one did it. */
  | 'delete'
  /** Async POST (`Prefer: respond-async`) with an `X-NetSuite-Idempotency-Key` that stays the same across attempts. */
  | 'idempotencyKey'
  /** Anything else: retried only when NetSuite provably did nothing (429, connection refused). */
  | 'unsafe';

export type AttemptOutcome =
  | { type: 'status'; status: number; code?: string }
  | { type: 'network'; errorCode?: string; timedOut?: boolean };

// Errors where the request never reached NetSuite.
const notSentCodes = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT']);

export function isRetryable(outcome: AttemptOutcome, safety: RetrySafety): boolean {
  if (outcome.type === 'status') {
    if (outcome.status === 429) return true;
    if (outcome.status >= 500 && outcome.status !== 501) return safety !== 'unsafe';
    return false;
  }
  if (outcome.errorCode && notSentCodes.has(outcome.errorCode)) return true;
  return safety !== 'unsafe';
}

/** True when an attempt might have been carried out by NetSuite although we got no success answer. */
export function mayHaveTakenEffect(outcome: AttemptOutcome): boolean {
  if (outcome.type === 'status') return outcome.status >= 500;
  return !(outcome.errorCode && notSentCodes.has(outcome.errorCode));
}
