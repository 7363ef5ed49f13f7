/**
 * The seams between the sandbox's parts, so that the HTTP server, authentication and the SuiteQL engine can be
 * built and tested separately. The server owns routing, governance, faults and the error envelope; it asks
 * `SandboxAuthenticator` who is calling and `SuiteQLEngine` to run queries.
 */
import type { IncomingMessage } from 'node:http';

/** Per-record-type permission levels, as NetSuite roles grant them. */
export type PermissionLevel = 'none' | 'view' | 'create' | 'edit' | 'full';

export interface SandboxRole {
  id: string; // '3' for Administrator, as NetSuite numbers roles
  name: string; // 'Administrator', 'SuiteLens Narrow Role'
  /** Record type id (lower-case REST name, or SuiteQL table name) → level; `*` applies to any type not listed. */
  permissions: Record<string, PermissionLevel>;
}

/** Who made an authenticated request. */
export interface SandboxPrincipal {
  credentialKind: 'tba' | 'oauth2' | 'clientCredentials';
  /** The credential's id for logs and audit (consumer key, client id, token id) — never a secret. */
  credentialId: string;
  role: SandboxRole;
  /** The user's language preference when it differs from the company's (then `Accept-Language` is required). */
  language?: string;
}

/** A complete HTTP answer the server writes as-is (used for auth failures and token endpoints). */
export interface SandboxHttpAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface SandboxAuthenticator {
  /**
   * Checks the Authorization header of a REST request. `fullUrl` is the absolute URL as the client signed it
   * (scheme, host and port of the sandbox's base URL, path and query).
   */
  authenticate(request: IncomingMessage, fullUrl: URL): Promise<{ ok: true; principal: SandboxPrincipal } | { ok: false; answer: SandboxHttpAnswer }>;
  /** Handles the auth endpoints themselves (token, authorize page, revoke); undefined when the path is not one. */
  handleAuthEndpoint(request: IncomingMessage, fullUrl: URL, body: string): Promise<SandboxHttpAnswer | undefined>;
}

export interface SuiteQLPage {
  /** How many items the page holds. */
  count: number;
  /**
   * The items as the UTF-8 bytes NetSuite sends between `"items":[` and `]`: each `{"links":[], …}` with lower-case
   * keys, string values, NULL columns omitted, comma-separated. Serialised once per cursor, so a page is a slice.
   */
  itemsJson: Buffer;
  totalResults: number;
}

export interface SuiteQLEngine {
  /**
   * Runs one page of a SuiteQL query for a role. Throws `SuiteQLQueryError` (carrying NetSuite's detail text) for
   * queries NetSuite would refuse with 400 INVALID_PARAMETER.
   */
  runPage(query: string, options: { limit: number; offset: number; role: SandboxRole }): Promise<SuiteQLPage>;
}
