/**
 * Benchmarks' shared setup: an in-process sandbox on 127.0.0.1 and a NetSuiteClient on it (TBA, admin role, a
 * throwaway cache folder), and one `stop` that undoes all of it.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TbaAuthProvider, tbaAuthorizationHeader } from '../../../src/netsuite/auth/tba';
import { NetSuiteClient } from '../../../src/netsuite/client';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../../../src/sandbox/index';

export interface BenchSetup {
  sandbox: RunningSandbox;
  client: NetSuiteClient;
  stop(): Promise<void>;
}

export async function startBenchSandbox(options: Omit<SandboxOptions, 'host'>): Promise<BenchSetup> {
  const sandbox = await startSandbox({ host: '127.0.0.1', ...options });
  const cacheRoot = await mkdtemp(join(tmpdir(), 'suitelens-bench-'));
  const client = new NetSuiteClient({
    accountId: sandbox.accountId,
    auth: new TbaAuthProvider(sandbox.accountId, sandbox.credentials.tba),
    overrides: { restBaseUrl: sandbox.baseUrl },
    cacheRoot,
  });
  return {
    sandbox,
    client,
    async stop() {
      await client.dispose();
      await sandbox.stop();
      await rm(cacheRoot, { recursive: true, force: true });
    },
  };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export function round(value: number): number {
  return Math.round(value * 10) / 10;
}

/** Where a sandbox listens and its TBA credentials: a RunningSandbox, or what a sandbox in another process sent. */
export interface SandboxAddress {
  baseUrl: string;
  accountId: string;
  credentials: { tba: RunningSandbox['credentials']['tba'] };
}

/**
 * A SuiteQL page request signed with the sandbox's TBA credentials, as a client sends it — for benchmarks that time
 * the HTTP round trip itself, without the client's paging on top. The caller fetches (and times) it.
 */
export function signedSuiteQLRequest(sandbox: SandboxAddress, query: string, limit: number, offset = 0): { url: URL; init: RequestInit } {
  const url = new URL(`/services/rest/query/v1/suiteql?limit=${limit}&offset=${offset}`, sandbox.baseUrl);
  const authorization = tbaAuthorizationHeader({
    method: 'POST',
    url,
    accountId: sandbox.accountId,
    credentials: sandbox.credentials.tba,
    nonce: randomBytes(16).toString('hex'),
    timestamp: Math.floor(Date.now() / 1000),
  });
  return { url, init: { method: 'POST', headers: { authorization, 'content-type': 'application/json', prefer: 'transient' }, body: JSON.stringify({ q: query }) } };
}
