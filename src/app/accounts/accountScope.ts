/**
 * What the surfaces need of the account registry, without the VS Code API: the registry
 * (src/vscode/accounts/accountRegistry.ts) keeps profiles in VS Code's globalState and secrets in SecretStorage, and
 * implements this; the pure logic (adding accounts, the agents' operations) is written against it.
 */
import type { SecretKind, SecretStore } from '../../netsuite/auth/types';
import type { AccountProfile } from './accountProfile';

/** Per-account resources (HTTP pool, client, caches) created on first use and disposed when the account goes. */
export interface AccountScope<TClient> {
  readonly profile: AccountProfile;
  readonly client: TClient;
  dispose(): void;
}

export type ScopeFactory<TClient> = (profile: AccountProfile, secrets: SecretStore) => Promise<AccountScope<TClient>>;

export interface Accounts<TClient> {
  get(accountId: string): AccountProfile | undefined;
  setActive(accountId: string): Promise<void>;
  /** Adds or replaces an account: secrets first, so a profile never exists without the secrets it needs. */
  save(profile: AccountProfile, secretValues: Partial<Record<SecretKind, string>>): Promise<void>;
  /** Removes an account and every secret stored for it. */
  remove(accountId: string): Promise<void>;
  /** The account's live resources, created once and shared by every surface. */
  scope(accountId: string): Promise<AccountScope<TClient>>;
  /** Builds an account's resources from secrets that are not saved yet (the connection test); the caller disposes it. */
  connect(profile: AccountProfile, secrets: SecretStore): Promise<AccountScope<TClient>>;
}
