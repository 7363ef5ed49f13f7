/**
 * Shared setup of the client integration suites: a real sandbox on 127.0.0.1, a NetSuiteClient pointed at it
 * with fast backoff, and a captured (redacted) log that every suite checks for leaked secrets when it ends.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { AuthProvider } from '../../src/netsuite/auth/types';
import { TbaAuthProvider, type TbaCredentials } from '../../src/netsuite/auth/tba';
import { NetSuiteClient, type NetSuiteClientOptions } from '../../src/netsuite/client';
import { isNetSuiteError, type NetSuiteError } from '../../src/netsuite/errors';
import { createLogger } from '../../src/netsuite/log';
import { startSandbox } from '../../src/sandbox/index';
import type { SandboxOptions } from '../../src/sandbox/options';

export type Sandbox = Awaited<ReturnType<typeof startSandbox>>;

export interface CapturedLog {
  lines: string[];
  logger: ReturnType<typeof createLogger>;
}

export function captureLog(): CapturedLog {
  const lines: string[] = [];
  return { lines, logger: createLogger({ sink: (line) => lines.push(line), level: 'trace' }) };
}

export interface ClientSetup {
  sandbox: Sandbox;
  log: CapturedLog;
  cacheRoot: string;
  /** A client with the given auth (TBA with the sandbox's administrator token by default). */
  client(options?: Partial<NetSuiteClientOptions>): NetSuiteClient;
  /** Every secret the sandbox handed out, for the leak check. */
  secrets(): string[];
  /** Checks the captured log for secrets, disposes the clients and stops the sandbox. */
  stop(): Promise<void>;
}

export async function setUpClient(options: SandboxOptions = {}): Promise<ClientSetup> {
  const sandbox = await startSandbox({ host: '127.0.0.1', ...options });
  const log = captureLog();
  const cacheRoot = await mkdtemp(join(tmpdir(), 'suitelens-client-'));
  const clients: NetSuiteClient[] = [];
  const extraSecrets: string[] = [];
  const setup: ClientSetup = {
    sandbox,
    log,
    cacheRoot,
    client(overrides = {}) {
      const client = new NetSuiteClient({
        accountId: sandbox.accountId,
        auth: tbaAuth(sandbox, sandbox.credentials.tba),
        overrides: { restBaseUrl: sandbox.baseUrl },
        cacheRoot,
        logger: log.logger,
        backoff: { baseDelayMs: 2, maxDelayMs: 40 },
        ...overrides,
      });
      clients.push(client);
      return client;
    },
    secrets() {
      return [...credentialSecrets(sandbox), ...extraSecrets];
    },
    async stop() {
      await Promise.all(clients.map((client) => client.dispose()));
      await sandbox.stop();
      await rm(cacheRoot, { recursive: true, force: true });
      expectNoSecrets(log.lines, setup.secrets());
    },
  };
  return setup;
}

export function tbaAuth(sandbox: Sandbox, credentials: TbaCredentials): AuthProvider {
  return new TbaAuthProvider(sandbox.accountId, credentials);
}

function credentialSecrets(sandbox: Sandbox): string[] {
  const { tba, oauth2, clientCredentials } = sandbox.credentials;
  const narrow = sandbox.narrowCredentials as unknown as Record<string, unknown>;
  const pemBody = clientCredentials.privateKeyPem.split('\n').filter((line) => line && !line.startsWith('-----'));
  return [
    tba.consumerSecret,
    tba.tokenSecret,
    tba.tokenId,
    oauth2.clientSecret,
    ...pemBody,
    ...Object.values(flatten(narrow)).filter((value) => /secret|token/i.test(value.key)).map((value) => value.value),
  ];
}

function flatten(value: Record<string, unknown>, prefix = ''): { key: string; value: string }[] {
  return Object.entries(value ?? {}).flatMap(([key, inner]) =>
    typeof inner === 'string' ? [{ key: `${prefix}${key}`, value: inner }] : typeof inner === 'object' && inner !== null ? flatten(inner as Record<string, unknown>, `${prefix}${key}.`) : [],
  );
}

/** No secret value, and nothing shaped like a signature, bearer token or private key, in the log. */
export function expectNoSecrets(lines: string[], secrets: string[]): void {
  const text = lines.join('\n');
  for (const secret of secrets.filter((s) => s.length >= 8)) expect(text.includes(secret), `a secret (${secret.slice(0, 4)}…) leaked into the log`).toBe(false);
  expect(text).not.toMatch(/oauth_signature="?[A-Za-z0-9%+/]{8,}/);
  expect(text).not.toMatch(/Bearer\s+(?!\[redacted\])[A-Za-z0-9._~+/-]{8,}/);
  expect(text).not.toMatch(/eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\./);
  expect(text).not.toMatch(/-----BEGIN [A-Z ]*PRIVATE KEY-----\s*[A-Za-z0-9+/]/);
}

/** The id of the first row of `table`, for bodies that need a real reference (a subsidiary, a customer). */
/** Every row of a SuiteQL query as NetSuite's raw strings, all pages. */
export async function queryRows(client: NetSuiteClient, query: string): Promise<Record<string, string>[]> {
  const result: Record<string, string>[] = [];
  for await (const row of client.query(query)) result.push(row.raw as Record<string, string>);
  return result;
}

export async function firstId(client: NetSuiteClient, table: string): Promise<string> {
  const page = await client.queryPage(`SELECT id FROM ${table} ORDER BY id`, 0, { pageSize: 1 });
  return page.rows[0].raw.id;
}

/** The NetSuiteError a promise is rejected with; anything else (or no rejection) fails the test. */
export async function rejection(promise: Promise<unknown>): Promise<NetSuiteError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!isNetSuiteError(error)) throw new Error(`expected a NetSuiteError, got ${String(error)}`);
  return error;
}
