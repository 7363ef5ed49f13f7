import * as assert from 'node:assert/strict';
import type { Scenario } from '../lib/scenario';
import { pickQuickInputRow } from '../lib/quickInput';
import { runCommand, screenshot } from '../lib/workbench';

export const scenario: Scenario = {
  name: 'A new user finds the "Get started with SuiteLens" walkthrough and starts the demo from its first step',
  async run({ openWorkbench }) {
    const page = await openWorkbench();
    await runCommand(page, 'Welcome: Open Walkthrough...');
    await pickQuickInputRow(page, /Get started with SuiteLens/);
    const walkthrough = page.locator('.gettingStartedContainer');
    await walkthrough.locator('.getting-started-step', { hasText: 'Try the demo sandbox' }).first().waitFor({ timeout: 30_000 });
    for (const title of ['Browse records', 'Query with SuiteQL', 'Edit a record', 'Let an AI agent in, safely', 'Add your NetSuite account']) {
      assert.equal(await walkthrough.locator('.getting-started-step', { hasText: title }).count(), 1, `the "${title}" step is listed`);
    }
    // (The step's markdown is drawn beside the steps when the editor is wide enough; 1.139's chat panel narrows it.)
    await screenshot(page, 'walkthrough-getting-started');

    await walkthrough.getByRole('button', { name: 'Try the Demo Sandbox', exact: true }).click();
    await page.locator('.part.sidebar .monaco-list-row[role="treeitem"]', { hasText: 'Demo (sandbox)' }).first().waitFor({ timeout: 60_000 });
    await walkthrough.locator('.getting-started-step[aria-checked="true"]', { hasText: 'Try the demo sandbox' }).first().waitFor({ timeout: 30_000 });
    await screenshot(page, 'walkthrough-demo-started');
  },
};
