// Reading back and printing the results file the in-host runner (`suite/index.ts`) writes.
import { existsSync, readFileSync } from 'node:fs';
import type { SuiteResults } from '../suite/results';

export function readResults(file: string): SuiteResults | undefined {
  if (!existsSync(file)) return undefined;
  return JSON.parse(readFileSync(file, 'utf8')) as SuiteResults;
}

export function printResults(results: SuiteResults): void {
  for (const title of results.passed) console.log(`  ✔ ${title}`);
  for (const title of results.pendingTitles) console.log(`  - ${title} (pending)`);
  for (const failure of results.failed) console.log(`  ✖ ${failure.title}\n${failure.error.replace(/^/gm, '      ')}`);
}
