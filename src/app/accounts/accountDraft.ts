/**
 * What the add-account wizard (or a test, or another extension) collects before SuiteLens connects: the account,
 * where it is served, and the kind's credentials. Splitting it into the profile (globalState) and the secret
 * JSON values (SecretStorage) happens here, in one place, so no secret can end up in the profile by accident.
 */
import type { TbaCredentials } from '../../netsuite/auth/tba';
import type { SecretKind } from '../../netsuite/auth/types';
import { createProfile, type AccountProfile } from './accountProfile';
import type { ClientCredentialsSecret, OAuth2Secret } from './authForProfile';

/** NetSuite refuses plain-http redirects; the extension's own URI handler receives this one. */
export const oauth2RedirectUri = 'vscode://suitelens.suitelens/oauth2/callback';

export type DraftCredentials =
  | ({ kind: 'tba' } & TbaCredentials)
  | { kind: 'oauth2'; clientId: string; clientSecret?: string }
  | { kind: 'clientCredentials'; clientId: string; certificateId: string; privateKeyPem: string };

export interface AccountDraft {
  accountId: string;
  label?: string;
  /** REST and UI base URL override (the local sandbox, a proxy); absent for NetSuite's own hosts. */
  baseUrl?: string;
  credentials: DraftCredentials;
}

export interface SplitDraft {
  profile: AccountProfile;
  secrets: Partial<Record<SecretKind, string>>;
}

export function splitDraft(draft: AccountDraft, now = new Date()): SplitDraft {
  const { credentials } = draft;
  const baseUrl = draft.baseUrl?.trim() || undefined;
  const common = { accountId: draft.accountId, label: draft.label, authKind: credentials.kind, restBaseUrl: baseUrl, uiBaseUrl: baseUrl };
  switch (credentials.kind) {
    case 'tba': {
      const secret: TbaCredentials = {
        consumerKey: credentials.consumerKey,
        consumerSecret: credentials.consumerSecret,
        tokenId: credentials.tokenId,
        tokenSecret: credentials.tokenSecret,
      };
      return { profile: createProfile(common, now), secrets: { tba: JSON.stringify(secret) } };
    }
    case 'oauth2': {
      const secret: OAuth2Secret = credentials.clientSecret ? { clientSecret: credentials.clientSecret } : {};
      return {
        profile: createProfile({ ...common, clientId: credentials.clientId, redirectUri: oauth2RedirectUri }, now),
        secrets: { oauth2: JSON.stringify(secret) },
      };
    }
    case 'clientCredentials': {
      const secret: ClientCredentialsSecret = { privateKeyPem: credentials.privateKeyPem };
      return {
        profile: createProfile({ ...common, clientId: credentials.clientId, certificateId: credentials.certificateId }, now),
        secrets: { clientCredentials: JSON.stringify(secret) },
      };
    }
  }
}

/**
 * The wizard's starting point for entering new credentials for an account SuiteLens already has (a revoked TBA
 * token, a replaced certificate): everything non-secret filled in, every secret empty.
 */
export function draftForReentry(profile: AccountProfile): AccountDraft {
  const common = { accountId: profile.accountId, label: profile.label, ...(profile.restBaseUrl ? { baseUrl: profile.restBaseUrl } : {}) };
  switch (profile.authKind) {
    case 'tba':
      return { ...common, credentials: { kind: 'tba', consumerKey: '', consumerSecret: '', tokenId: '', tokenSecret: '' } };
    case 'oauth2':
      return { ...common, credentials: { kind: 'oauth2', clientId: profile.clientId ?? '' } };
    case 'clientCredentials':
      return { ...common, credentials: { kind: 'clientCredentials', clientId: profile.clientId ?? '', certificateId: profile.certificateId ?? '', privateKeyPem: '' } };
  }
}
