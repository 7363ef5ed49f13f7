/**
 * Time and randomness as injectable services, so backoff, TTLs and adaptation are deterministic in tests.
 */
import { cancelledError } from './errors';

export interface Clock {
  now(): number;
  /** Resolves after `ms`, or rejects with a `cancelled` NetSuiteError as soon as `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export type RandomSource = () => number;

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(cancelledError());
      const onAbort = (): void => {
        clearTimeout(timer);
        reject(cancelledError());
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};
