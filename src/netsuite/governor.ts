/**
 * The concurrency governor. NetSuite limits concurrent requests per account (not their rate), shared with every
 * other integration on the account (netsuite-wire.md §6): we keep our in-flight requests at or under the limit,
 * step down by one on each `429 CONCURRENCY_LIMIT_EXCEEDED` (someone else is using part of the budget), and
 * climb back one step after a run of successes.
 */
import { cancelledError } from './errors';

export interface GovernorOptions {
  /** The account's concurrency limit (NetSuite's default for developer accounts is 5). */
  limit: number;
  /** Successes in a row, at the current limit, before it is raised by one again. */
  successesPerStepUp?: number;
}

export interface GovernorState {
  limit: number;
  maxLimit: number;
  inFlight: number;
  queued: number;
}

interface Waiter {
  grant: () => void;
}

export class ConcurrencyGovernor {
  readonly maxLimit: number;
  private currentLimit: number;
  private running = 0;
  private successStreak = 0;
  private readonly queue: Waiter[] = [];
  private readonly successesPerStepUp: number;

  constructor(options: GovernorOptions) {
    if (!Number.isInteger(options.limit) || options.limit < 1) {
      throw new RangeError(`Concurrency limit must be a whole number of at least 1, got ${options.limit}`);
    }
    this.maxLimit = options.limit;
    this.currentLimit = options.limit;
    this.successesPerStepUp = options.successesPerStepUp ?? 20;
  }

  get state(): GovernorState {
    return { limit: this.currentLimit, maxLimit: this.maxLimit, inFlight: this.running, queued: this.queue.length };
  }

  /**
   * Waits for a slot. The returned function releases it (idempotent). Rejects with a `cancelled` error, and
   * leaves the queue, as soon as `signal` aborts.
   */
  acquire(signal?: AbortSignal): Promise<() => void> {
    if (signal?.aborted) return Promise.reject(cancelledError());
    if (this.running < this.currentLimit && this.queue.length === 0) return Promise.resolve(this.takeSlot());
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        grant: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve(this.takeSlot());
        },
      };
      const onAbort = (): void => {
        const index = this.queue.indexOf(waiter);
        if (index >= 0) this.queue.splice(index, 1);
        reject(cancelledError());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.queue.push(waiter);
    });
  }

  /** NetSuite said the account is over its limit: step down (never below 1). */
  recordConcurrencyRejection(): void {
    this.successStreak = 0;
    this.currentLimit = Math.max(1, this.currentLimit - 1);
  }

  recordSuccess(): void {
    if (this.currentLimit >= this.maxLimit) return;
    this.successStreak += 1;
    if (this.successStreak >= this.successesPerStepUp) {
      this.successStreak = 0;
      this.currentLimit += 1;
      this.pump();
    }
  }

  private takeSlot(): () => void {
    this.running += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.running -= 1;
      this.pump();
    };
  }

  private pump(): void {
    while (this.running < this.currentLimit && this.queue.length > 0) {
      this.queue.shift()!.grant();
    }
  }
}
