import * as vscode from 'vscode';
import { describeProfile, type AccountProfile } from '../../app/accounts/accountProfile';
import type { AccountRegistry } from './accountRegistry';

export const authenticationProviderId = 'suitelens';

/**
 * Puts SuiteLens accounts in VS Code's Accounts menu. A session is an account; signing out there removes the
 * account and its secrets. The session's `accessToken` is deliberately empty: NetSuite credentials never leave
 * SuiteLens (other extensions and agents go through its guarded services instead).
 */
export class NetSuiteAuthenticationProvider implements vscode.AuthenticationProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.AuthenticationProviderAuthenticationSessionsChangeEvent>();
  readonly onDidChangeSessions = this.changed.event;
  private known: Map<string, vscode.AuthenticationSession>;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly registry: AccountRegistry<unknown>,
    /** Runs the add-account wizard; resolves with the new account id, or undefined when the user gave up. */
    private readonly addAccount: () => Promise<string | undefined>,
    private readonly removeAccount: (accountId: string) => Promise<void>,
  ) {
    this.known = this.currentSessions();
    this.subscription = registry.onDidChange(() => this.announceChanges());
  }

  async getSessions(_scopes: readonly string[] | undefined, options?: vscode.AuthenticationProviderSessionOptions): Promise<vscode.AuthenticationSession[]> {
    const sessions = [...this.currentSessions().values()];
    return options?.account ? sessions.filter((s) => s.account.id === options.account?.id) : sessions;
  }

  async createSession(): Promise<vscode.AuthenticationSession> {
    const accountId = await this.addAccount();
    const profile = accountId === undefined ? undefined : this.registry.get(accountId);
    if (!profile) throw new Error('No NetSuite account was added.');
    return sessionFor(profile);
  }

  async removeSession(sessionId: string): Promise<void> {
    await this.removeAccount(sessionId);
  }

  private currentSessions(): Map<string, vscode.AuthenticationSession> {
    // The demo account lives only as long as this window; it is not a sign-in the user made.
    return new Map(this.registry.list().filter((p) => !p.demo).map((p) => [p.accountId, sessionFor(p)]));
  }

  private announceChanges(): void {
    const next = this.currentSessions();
    const added = [...next.values()].filter((s) => !this.known.has(s.id));
    const removed = [...this.known.values()].filter((s) => !next.has(s.id));
    const changed = [...next.values()].filter((s) => this.known.has(s.id) && this.known.get(s.id)?.account.label !== s.account.label);
    this.known = next;
    if (added.length + removed.length + changed.length > 0) this.changed.fire({ added, removed, changed });
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

function sessionFor(profile: AccountProfile): vscode.AuthenticationSession {
  return { id: profile.accountId, accessToken: '', account: { id: profile.accountId, label: describeProfile(profile) }, scopes: [] };
}
