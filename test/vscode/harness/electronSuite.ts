// `npm run test:electron`: the same extension-host suite in desktop VS Code via @vscode/test-electron, for
// machines that can download VS Code (or that have one: SUITELENS_VSCODE_EXECUTABLE). Ours cannot download it,
// so a failed or stalled download ends with a clear message instead of a hang.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { RESULTS_FILE_ENV } from '../suite/results';
import { projectRoot } from './paths';
import { readResults, printResults } from './results';
import { reportSummary } from './summary';

const downloadTimeoutMs = Number(process.env.SUITELENS_VSCODE_DOWNLOAD_TIMEOUT_MS ?? 120_000);

export async function runElectronSuite(suiteDir: string): Promise<number> {
  const runDir = mkdtempSync(join(tmpdir(), 'suitelens-electron-suite-'));
  const workspace = join(runDir, 'workspace');
  mkdirSync(workspace);
  const resultsFile = join(runDir, 'results.json');
  try {
    const vscodeExecutablePath = process.env.SUITELENS_VSCODE_EXECUTABLE ?? (await downloadVSCode());
    const exitCode = await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: projectRoot,
      extensionTestsPath: join(suiteDir, 'index'),
      extensionTestsEnv: { [RESULTS_FILE_ENV]: resultsFile },
      // Trust off for the same reason as the code-server host suite (hostSuite.ts): no person answers the trust question.
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', `--user-data-dir=${join(runDir, 'user-data')}`],
    }).catch((error: unknown) => {
      console.log(`✖ VS Code exited with an error: ${error instanceof Error ? error.message : String(error)}`);
      return 1;
    });
    const results = readResults(resultsFile);
    if (results) printResults(results);
    else console.log('✖ no results file was written by the suite');
    const failures = results?.failures ?? 0;
    const ok = exitCode === 0 && results !== undefined && failures === 0;
    reportSummary({ passes: results?.passes ?? 0, failures: ok || failures > 0 ? failures : 1, pending: results?.pending ?? 0 });
    return ok ? 0 : 1;
  } catch (error) {
    console.log(`✖ ${error instanceof Error ? error.message : String(error)}`);
    reportSummary({ passes: 0, failures: 1 });
    return 1;
  } finally {
    rmSync(runDir, { recursive: true, force: true });
  }
}

async function downloadVSCode(): Promise<string> {
  const cachePath = join(projectRoot, '.vscode-test');
  let timer: NodeJS.Timeout | undefined;
  const stalled = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timed out')), downloadTimeoutMs);
  });
  try {
    return await Promise.race([downloadAndUnzipVSCode({ cachePath, timeout: 30_000 }), stalled]);
  } catch (error) {
    throw new Error(
      `test:electron needs desktop VS Code, downloaded by @vscode/test-electron from update.code.visualstudio.com, ` +
        `and the download failed (${error instanceof Error ? error.message : String(error)}). ` +
        'On machines without that access run the same suite in code-server: `npm run test:vscode`; ' +
        'or point SUITELENS_VSCODE_EXECUTABLE at an installed VS Code.',
    );
  } finally {
    clearTimeout(timer);
  }
}
