import * as vscode from 'vscode';
import { secretKey, type SecretKind, type SecretStore } from '../../netsuite/auth/types';
import { isAccountProfile, type AccountProfile } from '../../app/accounts/accountProfile';
import { SecretStorageStore } from './secretStorageStore';
import { AccountState } from '../../app/accounts/accountState';
import type { Accounts, AccountScope, ScopeFactory } from '../../app/accounts/accountScope';

const profilesKey = 'suitelens.accounts.v1';
const activeKey = 'suitelens.activeAccount.v1';
const secretKinds: SecretKind[] = ['tba', 'oauth2', 'clientCredentials', 'oauth2Tokens'];

/**
 * The accounts SuiteLens knows. Profiles (never secrets) live in globalState — outside the workspace, so nothing in a
 * repository can add or alter an account; secrets live in SecretStorage under `suitelens:<accountId>:<kind>`.
 * The demo sandbox's profile is kept in memory only: its server lives and dies with this extension host.
 */
export class AccountRegistry<TClient> implements Accounts<TClient>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly scopes = new Map<string, Promise<AccountScope<TClient>>>();
  private readonly states = new Map<string, AccountState>();
  private readonly demoProfiles = new Map<string, AccountProfile>();

  constructor(
    private readonly globalState: vscode.Memento,
    private readonly secrets: SecretStore,
    private readonly createScope: ScopeFactory<TClient>,
  ) {}

  list(): AccountProfile[] {
    const stored = this.globalState.get<unknown[]>(profilesKey, []).filter(isAccountProfile);
    return [...stored, ...this.demoProfiles.values()];
  }

  get(accountId: string): AccountProfile | undefined {
    return this.list().find((profile) => profile.accountId === accountId);
  }

  get activeAccountId(): string | undefined {
    const active = this.globalState.get<string>(activeKey);
    const accounts = this.list();
    return accounts.some((p) => p.accountId === active) ? active : accounts[0]?.accountId;
  }

  async setActive(accountId: string): Promise<void> {
    await this.globalState.update(activeKey, accountId);
    this.changed.fire();
  }

  /** Adds or replaces an account: secrets first, so a profile never exists without the secrets it needs. */
  async save(profile: AccountProfile, secretValues: Partial<Record<SecretKind, string>>): Promise<void> {
    for (const [kind, value] of Object.entries(secretValues) as [SecretKind, string | undefined][]) {
      if (value !== undefined) await this.secrets.store(secretKey(profile.accountId, kind), value);
    }
    await this.disposeScope(profile.accountId);
    if (profile.demo) {
      this.demoProfiles.set(profile.accountId, profile);
    } else {
      const others = this.globalState.get<unknown[]>(profilesKey, []).filter((p) => isAccountProfile(p) && p.accountId !== profile.accountId);
      await this.globalState.update(profilesKey, [...others, profile]);
    }
    this.changed.fire();
  }

  /**
   * Remembers a language NetSuite asked for, without rebuilding the account's client (it already sends it, and a
   * rebuild would abort requests in flight).
   */
  async rememberCompanyLanguage(accountId: string, language: string): Promise<void> {
    const profile = this.get(accountId);
    if (!profile || profile.companyLanguage === language) return;
    const next = { ...profile, companyLanguage: language };
    if (profile.demo) {
      this.demoProfiles.set(accountId, next);
    } else {
      const others = this.globalState.get<unknown[]>(profilesKey, []).filter((p) => isAccountProfile(p) && p.accountId !== accountId);
      await this.globalState.update(profilesKey, [...others, next]);
    }
  }

  /** Removes an account and every secret stored for it, with everything SuiteLens kept for it (`state`). */
  async remove(accountId: string): Promise<void> {
    await this.disposeScope(accountId);
    this.states.get(accountId)?.dispose();
    this.states.delete(accountId);
    const known = secretKinds.map((kind) => secretKey(accountId, kind));
    // Where VS Code can list secrets, also the ones under this account's prefix that this version does not name.
    const listed = this.secrets instanceof SecretStorageStore ? await this.secrets.namesStartingWith(`suitelens:${accountId}:`) : undefined;
    for (const name of new Set([...known, ...(listed ?? [])])) await this.secrets.delete(name);
    this.demoProfiles.delete(accountId);
    const remaining = this.globalState.get<unknown[]>(profilesKey, []).filter((p) => isAccountProfile(p) && p.accountId !== accountId);
    await this.globalState.update(profilesKey, remaining);
    this.changed.fire();
  }

  /** The account's live resources, created once and shared by every surface. */
  scope(accountId: string): Promise<AccountScope<TClient>> {
    let scope = this.scopes.get(accountId);
    if (!scope) {
      const profile = this.get(accountId);
      if (!profile) return Promise.reject(new Error(`SuiteLens has no account ${accountId}. Add it with "SuiteLens: Add NetSuite Account…".`));
      scope = this.createScope(profile, this.secrets);
      scope.catch(() => this.scopes.delete(accountId));
      this.scopes.set(accountId, scope);
    }
    return scope;
  }

  /**
   * What features keep for the account (caches, notebook controller, view state), created on first use and disposed
   * when the account is removed. It outlives a rebuilt client (`save`), as the account itself does.
   */
  state(accountId: string): AccountState {
    let state = this.states.get(accountId);
    if (!state) {
      state = new AccountState(accountId);
      this.states.set(accountId, state);
    }
    return state;
  }

  /** The state of each account that has one (a feature reaching every account's entry of its own). */
  accountStates(): AccountState[] {
    return [...this.states.values()];
  }

  /**
   * Builds an account's resources without registering them, from secrets that are not saved yet: the connection
   * test before an account is added. The caller disposes the scope.
   */
  connect(profile: AccountProfile, secrets: SecretStore): Promise<AccountScope<TClient>> {
    return this.createScope(profile, secrets);
  }

  private async disposeScope(accountId: string): Promise<void> {
    const scope = this.scopes.get(accountId);
    this.scopes.delete(accountId);
    if (scope) (await scope.catch(() => undefined))?.dispose();
  }

  dispose(): void {
    for (const scope of this.scopes.values()) void scope.then((s) => s.dispose(), () => undefined);
    this.scopes.clear();
    for (const state of this.states.values()) state.dispose();
    this.states.clear();
    this.changed.dispose();
  }
}
