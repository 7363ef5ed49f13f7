/**
 * The words shown when the connection test before saving an account fails: NetSuite's own detail plus what to do,
 * and for an auth failure the usual causes per auth kind (NetSuite's INVALID_LOGIN says nothing more).
 */
import { AuthError } from '../../netsuite/auth/authError';
import type { AuthKind } from '../../netsuite/auth/types';
import { NetSuiteError } from '../../netsuite/errors';

const authHints: Record<AuthKind, string> = {
  tba: 'Check the consumer key/secret (Setup > Integration > Manage Integrations) and the token id/secret (Setup > Users/Roles > Access Tokens), and that the token belongs to this account.',
  oauth2: 'Check the client id and secret of the integration record, that "Authorization Code Grant" is enabled and that its redirect URI is vscode://suitelens.suitelens/oauth2/callback.',
  clientCredentials: 'Check the client id, that the certificate id is the one shown on the OAuth 2.0 Client Credentials (M2M) setup page, and that the private key matches the uploaded certificate.',
};

/** True when the test failed in a way that means the account cannot be used as entered. */
export function isFatalConnectionFailure(error: unknown): boolean {
  return !(error instanceof NetSuiteError && error.kind === 'permission');
}

export function describeConnectionFailure(error: unknown, authKind: AuthKind): string {
  if (error instanceof NetSuiteError) {
    // For a refused login the core's advice ("sign in again") is what the user is doing already: say what to check.
    const next = error.kind === 'auth' ? authHints[authKind] : error.advice;
    return `${error.message.replace(/\.$/, '')}. ${next}`;
  }
  if (error instanceof AuthError) return `${error.message} ${authHints[authKind]}`;
  return error instanceof Error ? error.message : String(error);
}
