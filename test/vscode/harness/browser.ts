// Headless Chromium from Debian's package, driven by playwright-core (no browser download), with the flags the
// recipe verified for a shared CI machine.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const chromiumPath = process.env.SUITELENS_CHROMIUM ?? '/usr/bin/chromium';

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(`Chromium not found at ${chromiumPath}: install Debian's package (\`apt-get install chromium\`; \`.ci/run\` does this) or set SUITELENS_CHROMIUM.`);
  }
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export interface WorkbenchUrlOptions {
  /** Loads this folder as an unpacked development extension (what F5 does in desktop VS Code). */
  readonly extensionDevelopmentPath?: string;
  /** The extension host `require()`s this module and awaits its `run()`; the workbench then exits. */
  readonly extensionTestsPath?: string;
}

/**
 * The workbench URL. code-server rejects `--extensionDevelopmentPath/--extensionTestsPath` on its command line;
 * VS Code web takes the same options from the `payload` query parameter, as `vscode-remote://` URIs whose
 * authority must be the host:port the page is opened with.
 */
export function workbenchUrl(origin: string, folder: string, options: WorkbenchUrlOptions = {}): string {
  const authority = new URL(origin).host;
  const payload: [string, string][] = [];
  if (options.extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', `vscode-remote://${authority}${options.extensionDevelopmentPath}`]);
  if (options.extensionTestsPath) payload.push(['extensionTestsPath', `vscode-remote://${authority}${options.extensionTestsPath}`]);
  const query = new URLSearchParams({ folder });
  if (payload.length > 0) query.set('payload', JSON.stringify(payload));
  return `${origin}/?${query.toString()}`;
}
