import { describe, expect, it } from 'vitest';
import type * as vscode from 'vscode';
import { SecretStorageStore, SecretStorageUnavailableError } from '../../src/vscode/accounts/secretStorageStore';

/** VS Code's SecretStorage as it behaves on Linux without a keyring: every call is refused. */
const noKeyring = {
  get: () => Promise.reject(new Error('Cannot create an item in a locked collection')),
  store: () => Promise.reject(new Error('Cannot create an item in a locked collection')),
  delete: () => Promise.reject(new Error('Cannot create an item in a locked collection')),
  keys: () => Promise.resolve([]),
  onDidChange: () => ({ dispose: () => undefined }),
} as unknown as vscode.SecretStorage;

describe('SecretStorage failures', () => {
  it('say what failed, why, and the documented way out', async () => {
    const store = new SecretStorageStore(noKeyring);
    const failure = await store.store('suitelens:1234567:tba', '{"tokenSecret":"s3cr3t"}').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SecretStorageUnavailableError);
    const message = (failure as Error).message;
    expect(message).toMatch(/^VS Code could not save a secret in its secure storage \(Cannot create an item in a locked collection\)/);
    expect(message).toMatch(/gnome-keyring or KWallet/);
    expect(message).toMatch(/--password-store="gnome-libsecret"/);
    expect(message).toMatch(/"Secrets on Linux" in the SuiteLens README/);
    expect(message).not.toContain('s3cr3t');
    await expect(store.get('k')).rejects.toThrow(/could not read a secret/);
    await expect(store.delete('k')).rejects.toThrow(/could not delete a secret/);
  });
});
