/**
 * NetSuite's per-account concurrency governance (netsuite-wire.md §6): a request over the limit is refused at
 * once with 429 CONCURRENCY_LIMIT_EXCEEDED — never queued — so clients must pace themselves.
 */
export class ConcurrencyGate {
  private inFlight = 0;

  constructor(private readonly limit: () => number) {}

  /** Takes a slot; returns the release function, or undefined when the account is at its limit. */
  tryAcquire(): (() => void) | undefined {
    if (this.inFlight >= this.limit()) return undefined;
    this.inFlight += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.inFlight -= 1;
    };
  }

  get current(): number {
    return this.inFlight;
  }
}
