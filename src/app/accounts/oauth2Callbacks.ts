/**
 * Browser sign-ins waiting for NetSuite to redirect back to `vscode://suitelens.suitelens/oauth2/callback`.
 * Each waits under its OAuth `state`; a redirect whose state nobody waits for is refused (it is not a sign-in
 * started in this window, or it was cancelled), so a stray or forged link can never complete a sign-in.
 */

interface Waiting {
  resolve(url: URL): void;
  reject(error: Error): void;
}

export class SignInCancelledError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'SignInCancelledError';
  }
}

/** NetSuite's authorization codes live minutes; a sign-in nobody finished in this time is dropped. */
const defaultWaitMs = 10 * 60 * 1000;

export class OAuth2Callbacks {
  private readonly waiting = new Map<string, Waiting>();

  /** `onPendingChange` hears how many sign-ins wait after every change (drives the paste command's context key). */
  constructor(private readonly onPendingChange: (pending: number) => void = () => undefined) {}

  /** Resolves with the redirect URL carrying `state`; rejects on cancel or after `waitMs`. */
  expect(state: string, signal?: AbortSignal, waitMs = defaultWaitMs): Promise<URL> {
    return new Promise<URL>((resolve, reject) => {
      const finish = (): void => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        if (this.waiting.delete(state)) this.onPendingChange(this.waiting.size);
      };
      const onAbort = (): void => {
        finish();
        reject(new SignInCancelledError('The NetSuite sign-in was cancelled.'));
      };
      const timer = setTimeout(() => {
        finish();
        reject(new SignInCancelledError(`No answer from the NetSuite sign-in page within ${Math.round(waitMs / 60000)} minutes; start the sign-in again.`));
      }, waitMs);
      if (signal?.aborted) return onAbort();
      signal?.addEventListener('abort', onAbort);
      this.waiting.set(state, {
        resolve: (url) => {
          finish();
          resolve(url);
        },
        reject: (error) => {
          finish();
          reject(error);
        },
      });
      this.onPendingChange(this.waiting.size);
    });
  }

  /** Hands a redirect to the sign-in that waits for its state; false when none does. */
  deliver(url: URL): boolean {
    const waiting = this.waiting.get(url.searchParams.get('state') ?? '');
    waiting?.resolve(url);
    return waiting !== undefined;
  }

  isPending(state: string): boolean {
    return this.waiting.has(state);
  }

  /** Stops waiting for `state` (the browser could not be opened, the user gave up). */
  cancel(state: string, reason: string): void {
    this.waiting.get(state)?.reject(new SignInCancelledError(reason));
  }

  get pendingCount(): number {
    return this.waiting.size;
  }

  dispose(): void {
    for (const waiting of [...this.waiting.values()]) waiting.reject(new SignInCancelledError('SuiteLens stopped before the sign-in finished.'));
  }
}
