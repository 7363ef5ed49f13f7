/**
 * The SuiteQL check worker for tests: bundled once per test process with esbuild (as esbuild.mjs bundles it for
 * the extension), because a worker thread loads plain JavaScript, not the TypeScript vitest compiles on the fly.
 */
import { buildSync } from 'esbuild';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let built: string | undefined;

export function guardWorkerFile(): string {
  if (built) return built;
  const outfile = join(mkdtempSync(join(tmpdir(), 'suitelens-guard-worker-')), 'suiteql-guard-worker.js');
  buildSync({ entryPoints: ['src/suiteql/guardWorkerMain.ts'], outfile, bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning' });
  built = outfile;
  return outfile;
}
