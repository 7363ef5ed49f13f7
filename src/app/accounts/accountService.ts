/**
 * Adding, re-signing and removing accounts — the logic behind the wizard, the Accounts menu and the tests,
 * without any UI: secrets are staged in memory, the connection is tested with them, and only an account that
 * works is saved (secrets to SecretStorage, the profile to globalState, through the registry).
 */
import { OAuth2CodeAuthProvider } from '../../netsuite/auth/oauth2Code';
import { secretKey, type SecretKind, type SecretStore } from '../../netsuite/auth/types';
import { InMemorySecretStore } from '../../netsuite/auth/secretStore';
import type { NetSuiteClient } from '../../netsuite/client';
import type { Logger } from '../../netsuite/log';
import { splitDraft, type AccountDraft } from './accountDraft';
import { accountOf, type AccountProfile } from './accountProfile';
import type { Accounts } from './accountScope';
import { authForProfile, type OAuth2Secret } from './authForProfile';
import { describeConnectionFailure, isFatalConnectionFailure } from './connectionFailure';
import type { OAuth2Callbacks } from './oauth2Callbacks';

/** The connection test failed: the message quotes NetSuite and says what to check. Nothing was saved. */
export class ConnectionTestError extends Error {
  constructor(message: string, cause: unknown) {
    super(message, { cause });
    this.name = 'ConnectionTestError';
  }
}

export interface AddAccountResult {
  profile: AccountProfile;
  /** The credentials work but the test query was refused (e.g. a role without SuiteQL): shown, not fatal. */
  warning?: string;
}

/** Opens the NetSuite authorize page in the user's browser (`vscode.env.openExternal` in the extension). */
export type OpenBrowser = (url: URL) => Promise<void>;

export interface SignInOptions {
  signal?: AbortSignal;
  /** Replaces the browser for this sign-in (tests follow the URL themselves). */
  openBrowser?: OpenBrowser;
}

const secretKinds: SecretKind[] = ['tba', 'oauth2', 'clientCredentials', 'oauth2Tokens'];
/** The smallest query NetSuite answers for any role with SuiteQL: proves host, credentials and role at once. */
const connectionTestQuery = 'SELECT 1 AS ok FROM dual';

export class AccountService {
  constructor(
    private readonly registry: Accounts<NetSuiteClient>,
    private readonly secrets: SecretStore,
    private readonly callbacks: OAuth2Callbacks,
    private readonly openBrowser: OpenBrowser,
    private readonly logger: Logger,
  ) {}

  /** Tests the draft's connection and, when it works, saves the account and makes it the active one. */
  async add(draft: AccountDraft, options: SignInOptions = {}): Promise<AddAccountResult> {
    const { profile, secrets } = splitDraft(draft);
    for (const value of secretValues(draft)) this.logger.registerSecret(value);
    const staged = new InMemorySecretStore();
    for (const [kind, value] of Object.entries(secrets) as [SecretKind, string][]) await staged.store(secretKey(profile.accountId, kind), value);
    if (draft.credentials.kind === 'oauth2') await this.signInWithBrowser(profile, draft.credentials.clientSecret, staged, options);

    const warning = await this.testConnection(profile, staged);
    const toSave: Partial<Record<SecretKind, string>> = {};
    for (const kind of secretKinds) {
      const value = await staged.get(secretKey(profile.accountId, kind));
      if (value !== undefined) toSave[kind] = value;
    }
    await this.registry.save(profile, toSave);
    // A re-added account may have changed auth kind: drop the old kind's secrets (only now that the new ones are
    // saved, so a failing secret storage never costs the user the account they had).
    for (const kind of secretKinds) {
      if (toSave[kind] === undefined) await this.secrets.delete(secretKey(profile.accountId, kind));
    }
    await this.registry.setActive(profile.accountId);
    this.logger.info(`Added NetSuite account ${profile.accountId} (${profile.authKind}, ${profile.environment})`);
    return { profile, warning };
  }

  /** A new browser sign-in for an OAuth 2.0 account whose session ended (refresh token refused or expired). */
  async signInAgain(accountId: string, options: SignInOptions = {}): Promise<void> {
    const profile = this.registry.get(accountId);
    if (!profile) throw new Error(`SuiteLens has no account ${accountId}.`);
    if (profile.authKind !== 'oauth2') {
      throw new Error(`${profile.label} signs in with ${profile.authKind === 'tba' ? 'token-based authentication' : 'client credentials'}; add it again with new credentials instead.`);
    }
    const stored = await this.secrets.get(secretKey(accountId, 'oauth2'));
    const { clientSecret } = JSON.parse(stored ?? '{}') as OAuth2Secret;
    const staged = new InMemorySecretStore();
    await this.signInWithBrowser(profile, clientSecret, staged, options);
    const tokens = await staged.get(secretKey(accountId, 'oauth2Tokens'));
    await this.registry.save(profile, { oauth2Tokens: tokens });
    this.logger.info(`Signed in again to NetSuite account ${accountId}`);
  }

  /** Forgets the account and its secrets; an OAuth 2.0 refresh token is also revoked at NetSuite (best effort). */
  async remove(accountId: string): Promise<void> {
    const profile = this.registry.get(accountId);
    if (profile?.authKind === 'oauth2' && !profile.demo) {
      const auth = await authForProfile(profile, this.secrets, this.logger).catch(() => undefined);
      if (auth instanceof OAuth2CodeAuthProvider) await auth.signOut().catch(() => undefined);
    }
    await this.registry.remove(accountId);
    this.logger.info(`Removed NetSuite account ${accountId} and its secrets`);
  }

  private async signInWithBrowser(profile: AccountProfile, clientSecret: string | undefined, staged: SecretStore, options: SignInOptions): Promise<void> {
    const provider = new OAuth2CodeAuthProvider({
      account: accountOf(profile),
      clientId: profile.clientId ?? '',
      clientSecret,
      redirectUri: profile.redirectUri ?? '',
      secretStore: staged,
      logger: this.logger,
    });
    // The same provider instance finishes the sign-in: it alone holds the PKCE verifier for this state.
    const { authorizeUrl, state } = provider.beginSignIn();
    const redirect = this.callbacks.expect(state, options.signal);
    try {
      await (options.openBrowser ?? this.openBrowser)(authorizeUrl);
    } catch (error) {
      this.callbacks.cancel(state, 'The browser could not be opened for the NetSuite sign-in.');
      await redirect.catch(() => undefined);
      throw error;
    }
    await provider.completeSignIn(await redirect);
  }

  private async testConnection(profile: AccountProfile, staged: SecretStore): Promise<string | undefined> {
    let scope;
    try {
      scope = await this.registry.connect(profile, staged);
      await scope.client.queryPage(connectionTestQuery, 0);
      return undefined;
    } catch (error) {
      const message = describeConnectionFailure(error, profile.authKind);
      this.logger.warn(`Connection test for ${profile.accountId} failed: ${message}`);
      if (!isFatalConnectionFailure(error)) return `The credentials work, but the test query was refused: ${message}`;
      throw new ConnectionTestError(`Could not connect to ${profile.accountId}: ${message}`, error);
    } finally {
      scope?.dispose();
    }
  }
}

function secretValues(draft: AccountDraft): string[] {
  const c = draft.credentials;
  switch (c.kind) {
    case 'tba':
      return [c.consumerKey, c.consumerSecret, c.tokenId, c.tokenSecret];
    case 'oauth2':
      return c.clientSecret ? [c.clientSecret] : [];
    case 'clientCredentials':
      return [c.privateKeyPem];
  }
}
