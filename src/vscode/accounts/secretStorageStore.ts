import type * as vscode from 'vscode';
import type { SecretStore } from '../../netsuite/auth/types';

/**
 * SecretStorage said no — on Linux usually because no OS keyring (gnome-keyring/kwallet/libsecret) is running.
 * The message says how to get one, because SuiteLens will not fall back to storing tokens in plain files.
 */
export class SecretStorageUnavailableError extends Error {
  constructor(operation: string, cause: unknown) {
    super(
      `VS Code could not ${operation} a secret in its secure storage (${cause instanceof Error ? cause.message : String(cause)}). ` +
        'SuiteLens keeps NetSuite tokens and keys only there. On Linux, install and unlock a keyring (e.g. gnome-keyring or ' +
        'KWallet), or start VS Code with --password-store="gnome-libsecret"; see "Secrets on Linux" in the SuiteLens README.',
    );
    this.name = 'SecretStorageUnavailableError';
  }
}

/** The core's `SecretStore` over VS Code's SecretStorage. */
export class SecretStorageStore implements SecretStore {
  constructor(private readonly secrets: vscode.SecretStorage) {}

  async get(key: string): Promise<string | undefined> {
    try {
      return await this.secrets.get(key);
    } catch (error) {
      throw new SecretStorageUnavailableError('read', error);
    }
  }

  async store(key: string, value: string): Promise<void> {
    try {
      await this.secrets.store(key, value);
    } catch (error) {
      throw new SecretStorageUnavailableError('save', error);
    }
  }

  /**
   * The names of every stored secret that starts with `prefix`, where VS Code has `SecretStorage.keys()` (1.105+,
   * found at run time: @types/vscode 1.100 lacks it); undefined on older VS Code, where callers delete the names they
   * know. Lets removing an account also delete a secret kind an older or newer SuiteLens stored.
   */
  async namesStartingWith(prefix: string): Promise<string[] | undefined> {
    const keys = (this.secrets as { keys?: () => Thenable<string[]> }).keys;
    if (typeof keys !== 'function') return undefined;
    try {
      return (await keys.call(this.secrets)).filter((name) => name.startsWith(prefix));
    } catch (error) {
      throw new SecretStorageUnavailableError('list', error);
    }
  }

  async delete(key: string): Promise<void> {
    try {
      await this.secrets.delete(key);
    } catch (error) {
      throw new SecretStorageUnavailableError('delete', error);
    }
  }
}
