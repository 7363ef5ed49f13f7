// Runs the mocha suite inside code-server's real extension host ("route A" of the recipe): the workbench URL's
// payload names SuiteLens as the development extension and the bundled suite as its tests; the workbench calls
// `window.codeAutomationExit(code)` when the suite settles, and the suite writes a results file we read back.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { format } from 'node:util';
import type { ConsoleMessage } from 'playwright-core';
import { RESULTS_FILE_ENV } from '../suite/results';
import { launchChromium, workbenchUrl } from './browser';
import { startCodeServer, tail } from './codeServer';
import { projectRoot } from './paths';
import { printResults, readResults } from './results';
import { reportSummary } from './summary';

const timeoutMs = Number(process.env.SUITELENS_HOST_SUITE_TIMEOUT_MS ?? 180_000);
const verbose = process.env.EXT_TEST_VERBOSE === '1';

/** Runs the suite bundled in `suiteDir` (its `index.js` exports `run`); returns the process exit code. */
export async function runHostSuite(suiteDir: string): Promise<number> {
  const runDir = mkdtempSync(join(tmpdir(), 'suitelens-host-suite-'));
  const workspace = join(runDir, 'workspace');
  const resultsFile = join(runDir, 'results.json');
  mkdirSync(workspace);
  const hostOutput: string[] = [];
  let outcome: { exitCode?: number; timedOut?: boolean; error?: string } = {};

  // Trust off here only: the suite drives SuiteLens through its API from inside the extension host (it runs notebook
  // cells by command, starts the MCP endpoint), and nobody is at the workbench to answer VS Code's trust question.
  // What Restricted Mode changes is shown by the e2e scenarios restrictedMode*, which answer it as a person does.
  const server = await startCodeServer({ folder: workspace, env: { [RESULTS_FILE_ENV]: resultsFile }, disableWorkspaceTrust: true, smokeTestDriver: true });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    page.on('console', (message) => void collectHostOutput(message, hostOutput));
    // Must be exposed BEFORE the page loads, or an early exit (e.g. a wrong tests path) is missed.
    const exited = new Promise<number>((resolve) => void page.exposeFunction('codeAutomationExit', (code: number) => resolve(code)));
    const timedOut = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), timeoutMs).unref());
    await page.goto(workbenchUrl(server.origin, workspace, {
      extensionDevelopmentPath: projectRoot,
      extensionTestsPath: join(suiteDir, 'index'),
    }));
    const result = await Promise.race([exited, timedOut]);
    outcome = result === 'timeout' ? { timedOut: true } : { exitCode: result };
  } catch (error) {
    outcome = { error: error instanceof Error ? error.message : String(error) };
  } finally {
    await browser.close().catch(() => undefined);
    // Without a results file the suite never ran: code-server's log usually says why.
    if (!existsSync(resultsFile)) console.log(`--- code-server log (last lines) ---\n${tail(server.logFile)}`);
    await server.stop();
  }

  const results = readResults(resultsFile);
  rmSync(runDir, { recursive: true, force: true });
  if (verbose || !results) console.log(`--- extension host output ---\n${hostOutput.join('\n')}`);
  if (results) printResults(results);

  let failures = results?.failures ?? 0;
  if (outcome.timedOut) console.log(`✖ the suite did not finish within ${timeoutMs / 1000} s`);
  if (outcome.error) console.log(`✖ harness error: ${outcome.error}`);
  if (outcome.exitCode !== undefined && outcome.exitCode !== 0 && failures === 0) {
    console.log(`✖ the extension host reported failure (codeAutomationExit(${outcome.exitCode})) without failed tests: the suite did not load`);
  }
  if (!results) console.log('✖ no results file was written by the suite');
  const ok = outcome.exitCode === 0 && results !== undefined && failures === 0;
  if (!ok && failures === 0) failures = 1; // a run that broke before counting still counts as a failure
  reportSummary({ passes: results?.passes ?? 0, failures, pending: results?.pending ?? 0 });
  return ok ? 0 : 1;
}

/**
 * The extension host's console (mocha's spec reporter) reaches the browser console as
 * `("%c INFO", "color: #33f", fmt, ...args)`.
 */
async function collectHostOutput(message: ConsoleMessage, into: string[]): Promise<void> {
  const args = await Promise.all(message.args().map((arg) => arg.jsonValue().catch(() => undefined)));
  if (typeof args[0] === 'string' && args[0].includes('%c') && args.length > 2) into.push(format(...(args.slice(2) as [unknown, ...unknown[]])));
}
