// Runs the Playwright scenarios one after another against real VS Code (code-server), one Chromium for all and a
// fresh code-server + browser context per scenario; a failed scenario leaves a `FAILED-<name>.png` screenshot.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, workbenchUrl } from '../../vscode/harness/browser';
import { startCodeServer, tail } from '../../vscode/harness/codeServer';
import { projectRoot } from '../../vscode/harness/paths';
import { reportSummary } from '../../vscode/harness/summary';
import { extensionsDirWithSuiteLens, installsSuiteLens } from './installedSuiteLens';
import type { Scenario, ScenarioContext, WorkbenchOptions } from './scenario';
import { answerWorkspaceTrust, screenshot, suiteLensActivityIcon, waitForWorkbench } from './workbench';

export async function runScenarios(scenarios: readonly Scenario[]): Promise<number> {
  const browser = await launchChromium();
  let passes = 0;
  let failures = 0;
  try {
    for (const scenario of scenarios) {
      const started = Date.now();
      const error = await runOne(browser, scenario);
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      if (error === undefined) {
        passes += 1;
        console.log(`  ✔ ${scenario.name} (${seconds} s)`);
      } else {
        failures += 1;
        console.log(`  ✖ ${scenario.name} (${seconds} s)\n${error.replace(/^/gm, '      ')}`);
      }
    }
  } finally {
    await browser.close().catch(() => undefined);
  }
  reportSummary({ passes, failures });
  return failures === 0 ? 0 : 1;
}

/** Returns the failure's description, or undefined when the scenario passed. */
async function runOne(browser: Browser, scenario: Scenario): Promise<string | undefined> {
  const cleanups: (() => Promise<void> | void)[] = [];
  const browserContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  cleanups.push(() => browserContext.close());
  let lastPage: Page | undefined;
  let serverLog: string | undefined;

  const newPage = async (url: string, trustFolder = true): Promise<Page> => {
    lastPage = await browserContext.newPage();
    await lastPage.goto(url);
    await waitForWorkbench(lastPage);
    await answerWorkspaceTrust(lastPage, trustFolder);
    return lastPage;
  };
  const context: ScenarioContext = {
    async openWorkbench(options: WorkbenchOptions = {}) {
      const runDir = mkdtempSync(join(tmpdir(), 'suitelens-e2e-'));
      cleanups.push(() => rmSync(runDir, { recursive: true, force: true }));
      const workspace = join(runDir, 'workspace');
      mkdirSync(workspace);
      for (const [path, text] of Object.entries(options.folderFiles ?? {})) {
        mkdirSync(dirname(join(workspace, path)), { recursive: true });
        writeFileSync(join(workspace, path), text);
      }
      const installed = installsSuiteLens();
      const extensionsDir = installed ? extensionsDirWithSuiteLens(runDir) : undefined;
      const server = await startCodeServer({ folder: workspace, settings: options.settings, userFiles: options.userFiles, env: options.env, extensionsDir });
      serverLog = server.logFile;
      cleanups.push(() => server.stop());
      const page = await newPage(workbenchUrl(server.origin, workspace, installed ? {} : { extensionDevelopmentPath: projectRoot }), options.trustFolder ?? true);
      await suiteLensActivityIcon(page).waitFor({ timeout: 30_000 });
      return page;
    },
    openUrl: (url) => newPage(url),
    onCleanup: (cleanup) => void cleanups.push(cleanup),
  };

  let failure: string | undefined;
  try {
    await scenario.run(context);
  } catch (error) {
    failure = error instanceof Error ? (error.stack ?? error.message) : String(error);
    if (lastPage) {
      const file = await screenshot(lastPage, `FAILED-${scenario.name}`).catch(() => undefined);
      if (file) failure += `\nscreenshot: ${file}`;
    }
    if (serverLog) failure += `\n--- code-server log (last lines) ---\n${tail(serverLog, 15)}`;
  } finally {
    for (const cleanup of cleanups.reverse()) await Promise.resolve(cleanup()).catch(() => undefined);
  }
  return failure;
}
