/**
 * Builds the core's AuthProvider for an account from its profile (non-secret) and SecretStorage (secret).
 * Secrets are stored as small JSON objects under `suitelens:<accountId>:<kind>`.
 */
import { ClientCredentialsAuthProvider } from '../../netsuite/auth/clientCredentials';
import { OAuth2CodeAuthProvider } from '../../netsuite/auth/oauth2Code';
import { TbaAuthProvider, type TbaCredentials } from '../../netsuite/auth/tba';
import { secretKey, type AuthProvider, type SecretStore } from '../../netsuite/auth/types';
import type { Logger } from '../../netsuite/log';
import { accountOf, type AccountProfile } from './accountProfile';

export interface ClientCredentialsSecret {
  privateKeyPem: string;
}

export interface OAuth2Secret {
  /** Confidential integrations only. */
  clientSecret?: string;
}

export class MissingSecretError extends Error {
  constructor(profile: AccountProfile, what: string) {
    super(`SuiteLens has no ${what} for ${profile.label} (${profile.accountId}) in VS Code's secret storage. Sign in again with "SuiteLens: Add NetSuite Account…".`);
    this.name = 'MissingSecretError';
  }
}

async function readSecret<T>(secrets: SecretStore, profile: AccountProfile, kind: 'tba' | 'oauth2' | 'clientCredentials', what: string): Promise<T> {
  const text = await secrets.get(secretKey(profile.accountId, kind));
  if (!text) throw new MissingSecretError(profile, what);
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new MissingSecretError(profile, `readable ${what}`);
  }
}

export async function authForProfile(profile: AccountProfile, secrets: SecretStore, logger?: Logger): Promise<AuthProvider> {
  const account = accountOf(profile);
  switch (profile.authKind) {
    case 'tba': {
      const credentials = await readSecret<TbaCredentials>(secrets, profile, 'tba', 'token-based authentication keys');
      return new TbaAuthProvider(account.id, credentials);
    }
    case 'clientCredentials': {
      const secret = await readSecret<ClientCredentialsSecret>(secrets, profile, 'clientCredentials', 'private key');
      if (!profile.clientId || !profile.certificateId) throw new MissingSecretError(profile, 'client id and certificate id');
      return new ClientCredentialsAuthProvider({ account, clientId: profile.clientId, certificateId: profile.certificateId, privateKeyPem: secret.privateKeyPem, logger });
    }
    case 'oauth2': {
      const secret = (await secrets.get(secretKey(profile.accountId, 'oauth2'))) ?? '{}';
      const { clientSecret } = JSON.parse(secret) as OAuth2Secret;
      if (!profile.clientId || !profile.redirectUri) throw new MissingSecretError(profile, 'OAuth 2.0 client id and redirect URI');
      return new OAuth2CodeAuthProvider({ account, clientId: profile.clientId, clientSecret, redirectUri: profile.redirectUri, secretStore: secrets, logger });
    }
  }
}
