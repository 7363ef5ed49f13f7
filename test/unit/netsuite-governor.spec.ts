import { describe, expect, it } from 'vitest';
import { ConcurrencyGovernor } from '../../src/netsuite/governor';
import { backoffDelay, isRetryable, mayHaveTakenEffect } from '../../src/netsuite/retry';

describe('concurrency governor', () => {
  it('never lets more than the limit run and serves waiters in order', async () => {
    const governor = new ConcurrencyGovernor({ limit: 2 });
    const a = await governor.acquire();
    const b = await governor.acquire();
    const order: string[] = [];
    const c = governor.acquire().then((release) => (order.push('c'), release));
    const d = governor.acquire().then((release) => (order.push('d'), release));
    expect(governor.state).toMatchObject({ inFlight: 2, queued: 2 });
    a();
    a(); // releasing twice frees one slot only
    const releaseC = await c;
    expect(governor.state).toMatchObject({ inFlight: 2, queued: 1 });
    b();
    (await d)();
    releaseC();
    expect(order).toEqual(['c', 'd']);
    expect(governor.state).toMatchObject({ inFlight: 0, queued: 0 });
  });

  it('serves background waiters only when no ordinary one waits, each kind in order', async () => {
    const governor = new ConcurrencyGovernor({ limit: 1 });
    const held = await governor.acquire();
    const order: string[] = [];
    const take = (name: string, priority?: 'background') => governor.acquire(undefined, priority).then((release) => (order.push(name), release));
    const read1 = take('read1', 'background');
    const submit = take('submit');
    const read2 = take('read2', 'background');
    const poll = take('poll');
    expect(governor.state).toMatchObject({ inFlight: 1, queued: 4 });
    held();
    for (const next of [submit, poll, read1, read2]) (await next)();
    expect(order).toEqual(['submit', 'poll', 'read1', 'read2']);
    // With a free slot and nobody waiting, a background request goes at once.
    const free = await governor.acquire(undefined, 'background');
    free();
    expect(governor.state).toMatchObject({ inFlight: 0, queued: 0 });
  });

  it('steps down on concurrency rejections (not below 1) and back up after a run of successes', async () => {
    const governor = new ConcurrencyGovernor({ limit: 3, successesPerStepUp: 2 });
    governor.recordConcurrencyRejection();
    expect(governor.state.limit).toBe(2);
    governor.recordConcurrencyRejection();
    governor.recordConcurrencyRejection();
    expect(governor.state.limit).toBe(1);
    const first = await governor.acquire();
    let secondGranted = false;
    const second = governor.acquire().then((release) => ((secondGranted = true), release));
    await Promise.resolve();
    expect(secondGranted).toBe(false);
    governor.recordSuccess();
    governor.recordSuccess();
    expect(governor.state.limit).toBe(2);
    (await second)();
    expect(secondGranted).toBe(true);
    first();
    for (let i = 0; i < 10; i += 1) governor.recordSuccess();
    expect(governor.state.limit).toBe(3);
  });

  it('drops a queued waiter at once when its signal aborts', async () => {
    const governor = new ConcurrencyGovernor({ limit: 1 });
    const held = await governor.acquire();
    const controller = new AbortController();
    const waiting = governor.acquire(controller.signal);
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ kind: 'cancelled' });
    expect(governor.state.queued).toBe(0);
    held();
    expect(governor.state.inFlight).toBe(0);
  });
});

describe('retry policy', () => {
  const backoff = { baseDelayMs: 1000, maxDelayMs: 8000, maxAttempts: 8 };

  it('doubles the step, caps it, and jitters within the upper half', () => {
    expect(backoffDelay(1, backoff, () => 0)).toBe(500);
    expect(backoffDelay(1, backoff, () => 1)).toBe(1000);
    expect(backoffDelay(3, backoff, () => 0.5)).toBe(3000);
    expect(backoffDelay(10, backoff, () => 1)).toBe(8000);
  });

  it('retries 429 always, 5xx and resets only when repeating is safe', () => {
    expect(isRetryable({ type: 'status', status: 429 }, 'unsafe')).toBe(true);
    expect(isRetryable({ type: 'status', status: 500 }, 'unsafe')).toBe(false);
    expect(isRetryable({ type: 'status', status: 500 }, 'idempotencyKey')).toBe(true);
    expect(isRetryable({ type: 'status', status: 400 }, 'idempotent')).toBe(false);
    expect(isRetryable({ type: 'network', errorCode: 'ECONNRESET' }, 'unsafe')).toBe(false);
    expect(isRetryable({ type: 'network', errorCode: 'ECONNRESET' }, 'delete')).toBe(true);
    expect(isRetryable({ type: 'network', errorCode: 'ECONNREFUSED' }, 'unsafe')).toBe(true);
  });

  it('knows which failures may hide a completed write', () => {
    expect(mayHaveTakenEffect({ type: 'network', errorCode: 'UND_ERR_SOCKET' })).toBe(true);
    expect(mayHaveTakenEffect({ type: 'network', errorCode: 'ECONNREFUSED' })).toBe(false);
    expect(mayHaveTakenEffect({ type: 'status', status: 429 })).toBe(false);
    expect(mayHaveTakenEffect({ type: 'status', status: 500 })).toBe(true);
  });
});
