/**
 * Benchmarks' shared setup: an in-process sandbox on 127.0.0.1 and a NetSuiteClient on it (TBA, admin role, a
 * throwaway cache folder), and one `stop` that undoes all of it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TbaAuthProvider } from '../../../src/netsuite/auth/tba';
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
