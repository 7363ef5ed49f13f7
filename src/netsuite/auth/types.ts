/**
 * The one interface every NetSuite auth kind implements, so the HTTP layer never knows which kind it holds:
 * it asks for headers before each attempt and, on a 401, asks once whether a refresh makes a retry worthwhile.
 */

export type AuthKind = 'tba' | 'oauth2' | 'clientCredentials';

export interface AuthRequest {
  method: string;
  /** The absolute URL exactly as it will be sent (TBA signs its scheme, host, port, path and query). */
  url: URL;
}

export interface AuthProvider {
  readonly kind: AuthKind;
  /** Headers to add to this attempt. Called again for every retry, so each attempt gets a fresh signature. */
  authorize(request: AuthRequest): Promise<Record<string, string>>;
  /**
   * Called once after a 401. Resolves true when new credentials were obtained and a retry may succeed, false
   * when retrying cannot help; throws `AuthError` when the session is gone (e.g. the refresh token was refused).
   * `rejectedHeaders` are the headers of the refused attempt: when several parallel requests fail with the same
   * expired token, only the first refreshes and the others just retry with the new token.
   */
  onUnauthorized?(rejectedHeaders?: Record<string, string>): Promise<boolean>;
}

/** Where secrets live: VS Code SecretStorage in the extension, memory in tests and the CLI. */
export interface SecretStore {
  get(key: string): Promise<string | undefined>;
  store(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
}

/** What a secret is for, within one account. */
export type SecretKind = AuthKind | 'oauth2Tokens';

/** `suitelens:<accountId>:<kind>` (DESIGN.md §3), so accounts never read each other's secrets. */
export function secretKey(accountId: string, kind: SecretKind): string {
  return `suitelens:${accountId}:${kind}`;
}
