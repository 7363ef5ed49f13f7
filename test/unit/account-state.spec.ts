import { describe, expect, it } from 'vitest';
import { AccountState, accountStateKey } from '../../src/app/accounts/accountState';

const counterKey = accountStateKey<{ count: number }>('test.counter');
const resourceKey = accountStateKey<{ disposed: number; dispose(): void }>('test.resource');

const resource = () => ({
  disposed: 0,
  dispose() {
    this.disposed++;
  },
});

describe('AccountState', () => {
  it('makes an entry once and hands the same one out after', () => {
    const state = new AccountState('123');
    let made = 0;
    const first = state.get(counterKey, () => ({ count: ++made }));
    const second = state.get(counterKey, () => ({ count: ++made }));
    expect(second).toBe(first);
    expect(made).toBe(1);
    expect(state.peek(counterKey)).toBe(first);
    expect(state.peek(resourceKey)).toBeUndefined();
  });

  it('disposes its entries with itself, once, and makes none after', () => {
    const state = new AccountState('123');
    const held = state.get(resourceKey, resource);
    state.get(counterKey, () => ({ count: 1 }));
    state.dispose();
    state.dispose();
    expect(held.disposed).toBe(1);
    expect(state.peek(resourceKey)).toBeUndefined();
    expect(state.isDisposed).toBe(true);
    expect(() => state.get(resourceKey, resource)).toThrow(/no longer has account 123/);
  });

  it('deletes one entry, disposing it, and makes a new one on the next ask', () => {
    const state = new AccountState('123');
    const first = state.get(resourceKey, resource);
    state.delete(resourceKey);
    expect(first.disposed).toBe(1);
    const second = state.get(resourceKey, resource);
    expect(second).not.toBe(first);
    expect(second.disposed).toBe(0);
  });
});
