/**
 * Why authentication failed, in words a user can act on. The HTTP layer maps it to a NetSuiteError of kind
 * `auth`; `oauthError` carries the token endpoint's RFC 6749 code (`invalid_grant`, …) when there was one.
 * Messages never contain tokens, secrets or signatures.
 */
export class AuthError extends Error {
  readonly kind = 'auth' as const;
  readonly oauthError: string | undefined;
  readonly status: number | undefined;

  constructor(message: string, details: { oauthError?: string; status?: number; cause?: unknown } = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'AuthError';
    this.oauthError = details.oauthError;
    this.status = details.status;
  }
}

/** Thrown before any request when the configured key or algorithm cannot work with NetSuite. */
export class AuthConfigurationError extends AuthError {
  constructor(message: string) {
    super(message);
    this.name = 'AuthConfigurationError';
  }
}
