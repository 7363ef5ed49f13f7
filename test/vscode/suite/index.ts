// Entry point the extension host loads through `extensionTestsPath` (code-server's payload or
// @vscode/test-electron): runs every `*.test.js` bundled next to it with mocha (tdd UI) inside the real host.
// Resolving means success; throwing makes the workbench report failure (`codeAutomationExit(1)`).
import { readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';
import { RESULTS_FILE_ENV, type FailedTest, type SuiteResults } from './results';

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', timeout: 30_000, color: false, reporter: 'spec' });
  // SUITELENS_HOST_SUITE_FILTER=explorer runs only the test files whose name contains it (iterating on one feature).
  const only = process.env.SUITELENS_HOST_SUITE_FILTER;
  const testFiles = readdirSync(__dirname)
    .filter((name) => name.endsWith('.test.js') && (!only || name.includes(only)))
    .sort();
  for (const name of testFiles) mocha.addFile(join(__dirname, name));

  const passed: string[] = [];
  const failed: FailedTest[] = [];
  const pendingTitles: string[] = [];
  await new Promise<void>((resolve) => {
    const runner = mocha.run(() => resolve());
    runner.on('pass', (test) => passed.push(test.fullTitle()));
    runner.on('pending', (test) => pendingTitles.push(test.fullTitle()));
    runner.on('fail', (test, error: Error) => failed.push({ title: test.fullTitle(), error: error.stack ?? String(error) }));
  });

  const results: SuiteResults = { passes: passed.length, failures: failed.length, pending: pendingTitles.length, passed, failed, pendingTitles };
  writeResults(results);
  if (testFiles.length === 0) throw new Error(`no *.test.js files next to ${__filename}`);
  if (failed.length > 0) throw new Error(`${failed.length} extension-host test(s) failed: ${failed.map((f) => f.title).join('; ')}`);
}

function writeResults(results: SuiteResults): void {
  const file = process.env[RESULTS_FILE_ENV];
  if (!file) return;
  // Write then rename: the harness polls for this file and must never read half of it.
  writeFileSync(`${file}.partial`, JSON.stringify(results, null, 2));
  renameSync(`${file}.partial`, file);
}
