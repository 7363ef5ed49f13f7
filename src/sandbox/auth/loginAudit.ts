/**
 * The sandbox's Login Audit Trail: NetSuite's 401 tells users to look there, and NetSuite records a reason code
 * per failed attempt (netsuite-wire.md §4.2) that never appears in the HTTP body. Tests and the demo UI read it to
 * see why a login failed without the sandbox leaking the reason to the caller.
 */
export type LoginAuditReason =
  | 'Success'
  | 'MissingCredentials'
  | 'InvalidSignature'
  | 'InvalidRealm'
  | 'UnsupportedSignatureMethod'
  | 'MissingTokenPassportRequiredFields'
  | 'ConsumerKeyUnknown'
  | 'TokenRejected'
  | 'TimestampOutsideWindow'
  | 'NonceReplayed'
  | 'AccessTokenExpired'
  | 'InvalidAccessToken';

export interface LoginAuditEntry {
  /** Milliseconds since the epoch, from the sandbox clock. */
  at: number;
  scheme: 'tba' | 'oauth2';
  /** Consumer key / token id / client id — never a secret. Empty when the request carried none. */
  credentialId: string;
  reason: LoginAuditReason;
}

const maxEntries = 1000;

export class LoginAuditTrail {
  private readonly entries: LoginAuditEntry[] = [];

  record(entry: LoginAuditEntry): void {
    this.entries.push(entry);
    // Bounded: a long-running demo sandbox must not grow without limit.
    if (this.entries.length > maxEntries) this.entries.splice(0, this.entries.length - maxEntries);
  }

  list(): readonly LoginAuditEntry[] {
    return [...this.entries];
  }
}
