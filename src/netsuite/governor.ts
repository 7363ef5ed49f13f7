/**
 * The concurrency governor. NetSuite limits concurrent requests per account (not their rate), shared with every
 * other integration on the account (netsuite-wire.md §6): we keep our in-flight requests at or under the limit,
 * step down by one on each `429 CONCURRENCY_LIMIT_EXCEEDED` (someone else is using part of the budget), and
 * climb back one step after a run of successes.
 *
 * Waiters are served in order, except that `background` ones (reading the per-record results of a batch job that
 * has already finished) wait while any ordinary one does: a submission or a poll that keeps NetSuite busy is worth
 * more than a result that can be read a moment later, and the user's own queries must not stand behind a thousand
 * result reads.
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

/** `background`: served only when no ordinary request is waiting. */
export type GovernorPriority = 'normal' | 'background';

interface Waiter {
  grant: () => void;
}

export class ConcurrencyGovernor {
  readonly maxLimit: number;
  private currentLimit: number;
  private running = 0;
  private successStreak = 0;
  private readonly queue: Waiter[] = [];
  private readonly backgroundQueue: Waiter[] = [];
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
    return { limit: this.currentLimit, maxLimit: this.maxLimit, inFlight: this.running, queued: this.queue.length + this.backgroundQueue.length };
  }

  /**
   * Waits for a slot. The returned function releases it (idempotent). Rejects with a `cancelled` error, and
   * leaves the queue, as soon as `signal` aborts. A `background` request waits behind every ordinary one.
   */
  acquire(signal?: AbortSignal, priority: GovernorPriority = 'normal'): Promise<() => void> {
    if (signal?.aborted) return Promise.reject(cancelledError());
    const queue = priority === 'background' ? this.backgroundQueue : this.queue;
    if (this.running < this.currentLimit && this.queue.length === 0 && queue.length === 0) return Promise.resolve(this.takeSlot());
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        grant: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve(this.takeSlot());
        },
      };
      const onAbort = (): void => {
        const index = queue.indexOf(waiter);
        if (index >= 0) queue.splice(index, 1);
        reject(cancelledError());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      queue.push(waiter);
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
    while (this.running < this.currentLimit && this.queue.length + this.backgroundQueue.length > 0) {
      (this.queue.shift() ?? this.backgroundQueue.shift())!.grant();
    }
  }
}
