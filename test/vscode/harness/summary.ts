// The one result format every harness hands to `npm test` (scripts/test-all.mjs) and CI.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface RunSummary {
  readonly passes: number;
  readonly failures: number;
  readonly pending?: number;
}

/** Writes `$SUITELENS_SUMMARY` (when set) and prints the closing `N passed, N failed` line CI reads. */
export function reportSummary(summary: RunSummary): void {
  const file = process.env.SUITELENS_SUMMARY;
  if (file) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(summary));
  }
  if (summary.pending) console.log(`${summary.pending} pending (declared, not yet written)`);
  console.log(`${summary.passes} passed, ${summary.failures} failed`);
}
