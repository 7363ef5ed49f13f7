// The results file the in-host mocha runner writes and the harnesses read. The extension host's own exit code is
// always 0 and its console goes to the browser, so this file is the dependable channel for counts and failures.

/** Env var (set on code-server / VS Code, inherited by the extension host) naming the results file. */
export const RESULTS_FILE_ENV = 'SUITELENS_TEST_RESULTS';

export interface FailedTest {
  readonly title: string;
  readonly error: string;
}

export interface SuiteResults {
  readonly passes: number;
  readonly failures: number;
  readonly pending: number;
  readonly passed: readonly string[];
  readonly failed: readonly FailedTest[];
  readonly pendingTitles: readonly string[];
}
