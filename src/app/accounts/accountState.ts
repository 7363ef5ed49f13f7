/**
 * What SuiteLens keeps per account besides its client: a feature's caches, its notebook controller, its view state.
 * The account registry owns one `AccountState` per account and disposes it when the account is removed, so no
 * feature keeps a per-account map of its own that it must remember to clean up (issue 18). Entries are created on
 * first use; an entry with a `dispose()` is disposed with the state.
 */

/** Names one kind of entry, and its type: `accountStateKey<SuiteQLSchema>('suiteql.schema')`. */
export interface AccountStateKey<T> {
  readonly name: string;
  /** Carries `T` for the compiler only; never set. */
  readonly type?: T;
}

export function accountStateKey<T>(name: string): AccountStateKey<T> {
  return { name };
}

interface Disposable {
  dispose(): unknown;
}

function isDisposable(value: unknown): value is Disposable {
  return typeof value === 'object' && value !== null && typeof (value as Partial<Disposable>).dispose === 'function';
}

export class AccountState {
  private readonly entries = new Map<AccountStateKey<unknown>, unknown>();
  private disposed = false;

  constructor(readonly accountId: string) {}

  /** The entry for `key`, made by `create` the first time it is asked for. */
  get<T>(key: AccountStateKey<T>, create: () => T): T {
    if (this.entries.has(key)) return this.entries.get(key) as T;
    if (this.disposed) throw new Error(`SuiteLens no longer has account ${this.accountId}.`);
    const value = create();
    this.entries.set(key, value);
    return value;
  }

  /** The entry for `key` if there is one, without making it. */
  peek<T>(key: AccountStateKey<T>): T | undefined {
    return this.entries.get(key) as T | undefined;
  }

  /** Removes (and disposes) the entry for `key`. */
  delete(key: AccountStateKey<unknown>): void {
    const value = this.entries.get(key);
    this.entries.delete(key);
    if (isDisposable(value)) value.dispose();
  }

  get isDisposed(): boolean {
    return this.disposed;
  }

  dispose(): void {
    this.disposed = true;
    for (const key of [...this.entries.keys()]) this.delete(key);
  }
}

/** `state` for one account outside the registry (the explorer model's tests and benchmarks): the same state each time. */
export function oneAccountState(accountId: string): (asked: string) => AccountState {
  const state = new AccountState(accountId);
  return (asked) => {
    if (asked !== accountId) throw new Error(`Only account ${accountId} is known here, not ${asked}.`);
    return state;
  };
}
