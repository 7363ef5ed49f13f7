import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { findFreePort } from '../../vscode/harness/codeServer';
import { projectRoot } from '../../vscode/harness/paths';
import type { Scenario } from '../lib/scenario';
import { openSuiteLensView, screenshot, suiteLensActivityIcon } from '../lib/workbench';

export const scenario: Scenario = {
  name: '`npm start` serves a workbench where SuiteLens (installed from its VSIX) shows the NetSuite view',
  async run({ openUrl, onCleanup }) {
    const port = await findFreePort();
    const started = spawn(process.execPath, ['scripts/start.mjs', '--port', String(port)], { cwd: projectRoot, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    onCleanup(() => {
      try {
        if (started.pid) process.kill(-started.pid, 'SIGTERM'); // start.mjs stops its code-server on SIGTERM
      } catch {
        // already gone
      }
    });
    let output = '';
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`npm start printed no URL within 120 s:\n${output}`)), 120_000);
      const read = (chunk: Buffer): void => {
        output += chunk.toString();
        const match = /^Open: (http:\/\/127\.0\.0\.1:\d+\/\S*)$/m.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      };
      started.stdout.on('data', read);
      started.stderr.on('data', read);
      started.once('exit', (code) => reject(new Error(`npm start exited (${code}) before printing a URL:\n${output}`)));
    });
    assert.match(output, /Extension 'suitelens\.vsix' was successfully installed/);

    const page = await openUrl(url);
    await suiteLensActivityIcon(page).waitFor({ timeout: 30_000 });
    const sideBar = await openSuiteLensView(page);
    await screenshot(page, 'npm-start-netsuite-view');
    assert.match(await sideBar.locator('.composite.title').innerText(), /NetSuite/i);
  },
};
