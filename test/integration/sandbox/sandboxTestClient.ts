/**
 * Talks to a running sandbox over real HTTP the way a NetSuite client does: TBA-signed requests (fresh nonce per
 * call), JSON bodies, and the raw status/headers/body back for assertions.
 */
import { randomBytes } from 'node:crypto';
import { tbaAuthorizationHeader, type TbaCredentials } from '../../../src/netsuite/auth/tba';
import type { RunningSandbox } from '../../../src/sandbox';

export interface SandboxResponse {
  status: number;
  headers: Headers;
  text: string;
  /** Parsed JSON body (undefined when empty or not JSON). */
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read arbitrary NetSuite JSON
}

export interface CallOptions {
  body?: unknown;
  /** A raw body, sent as-is. */
  rawBody?: string;
  headers?: Record<string, string>;
  /** Defaults to the sandbox's admin TBA credentials; `null` sends no Authorization header. */
  credentials?: TbaCredentials | null;
}

export function signedHeaders(sandbox: RunningSandbox, method: string, url: URL, credentials: TbaCredentials): Record<string, string> {
  return {
    authorization: tbaAuthorizationHeader({
      method,
      url,
      accountId: sandbox.accountId,
      credentials,
      nonce: randomBytes(16).toString('hex'),
      timestamp: Math.floor(Date.now() / 1000),
    }),
  };
}

export async function call(sandbox: RunningSandbox, method: string, path: string, options: CallOptions = {}): Promise<SandboxResponse> {
  const url = new URL(path, sandbox.baseUrl);
  const credentials = options.credentials === undefined ? sandbox.credentials.tba : options.credentials;
  const headers: Record<string, string> = { ...(credentials ? signedHeaders(sandbox, method, url, credentials) : {}), ...options.headers };
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  const response = await fetch(url, { method, headers, body });
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

/** The id at the end of a Location header. */
export function idFromLocation(response: SandboxResponse): string {
  const location = response.headers.get('location') ?? '';
  return location.slice(location.lastIndexOf('/') + 1);
}
