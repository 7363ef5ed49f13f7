import * as assert from 'node:assert/strict';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { Page } from 'playwright-core';
import {
  clearNotifications,
  collapsePaneRow,
  createMcpAgent,
  demoAccount,
  dialogText,
  expandPaneRow,
  findPaneRow,
  openAgentsWorkbench,
  paneRow,
  pickQuickItem,
  pressDialogButton,
  uiTimeout,
  viewPane,
} from '../lib/agentPanes';
import { rowAction } from '../lib/explorerTree';
import type { Scenario } from '../lib/scenario';
import { exactly, runCommand, screenshot } from '../lib/workbench';

/** The switch strip shown next to a row of the Agent Access view. */
async function switchDescription(page: Page, label: string): Promise<string> {
  return (await findPaneRow(page, 'Agent Access', label)).locator('.label-description').innerText();
}

async function waitForSwitch(page: Page, label: string, description: RegExp): Promise<void> {
  await page.waitForFunction(
    ([name, pattern]) =>
      [...document.querySelectorAll('.part.sidebar .monaco-list-row')].some(
        (row) => row.querySelector('.label-name')?.textContent === name && new RegExp(pattern).test(row.querySelector('.label-description')?.textContent ?? ''),
      ),
    [label, description.source] as const,
    { timeout: uiTimeout },
  );
}

const query = 'SELECT t.id, t.tranid, BUILTIN.DF(t.entity) AS customer FROM transaction t ORDER BY t.id';

export const scenario: Scenario = {
  name: 'Agents: a denied SuiteQL call in Agent Activity → Grant What This Needed… → modal → the same call allowed; Grant SuiteQL Table… from the palette',
  async run({ openWorkbench }) {
    const { page } = await openAgentsWorkbench(openWorkbench);
    const server = await createMcpAgent(page, 'Report writer', 'suitelens-report-writer');

    // The new agent's account shows "SuiteQL tables" with the three families, all off.
    await collapsePaneRow(page, 'Agent Access', 'VS Code chat');
    await paneRow(page, 'Agent Access', 'Report writer').waitFor({ timeout: uiTimeout });
    await expandPaneRow(page, 'Agent Access', `${demoAccount} (sandbox)`);
    await findPaneRow(page, 'Agent Access', 'SuiteQL tables');
    assert.equal(await switchDescription(page, 'transaction'), 'None  · every transaction type, for SuiteQL');
    assert.equal(await switchDescription(page, 'entity'), 'None  · every entity type, for SuiteQL');
    await clearNotifications(page);
    await screenshot(page, 'agents-grant-1-suiteql-tables-off');

    // The agent runs SuiteQL over transactions with the customer's name: refused (transaction and, through
    // BUILTIN.DF(t.entity), entity are not granted).
    const client = new Client({ name: 'e2e-report-writer', version: '1.0.0' });
    await client.connect(new StreamableHTTPClientTransport(new URL(server.url), { requestInit: { headers: server.headers } }));
    const text = (result: Awaited<ReturnType<Client['callTool']>>): string => (result.content as { text: string }[]).map((part) => part.text).join('');
    const call = { name: 'suitelens_run_suiteql', arguments: { account: demoAccount, query, limit: 3 } };
    const denied = await client.callTool(call);
    assert.equal(denied.isError, true);
    assert.match(text(denied), /^denied: the query reads transaction, which needs View on transaction or on every transaction type/);

    // Agent Activity: the denied row offers "Grant What This Needed…", listing both missing grants, both chosen.
    const deniedRow = paneRow(page, 'Agent Activity', /^Report writer tried to run SuiteQL .* — denied: the query reads transaction/);
    await deniedRow.waitFor({ timeout: uiTimeout });
    await rowAction(page, deniedRow, 'Grant What This Needed…');
    const picks = page.locator('.quick-input-list .monaco-list-row');
    await picks.first().waitFor({ timeout: uiTimeout });
    // Each grant, then the detail line saying what needed it.
    assert.deepEqual(await picks.locator('.label-name').allInnerTexts(), ['transaction: View', 'needed for transaction', 'entity: View', 'needed for BUILTIN.DF(t.entity)']);
    assert.equal(await page.locator('.quick-input-widget .quick-input-count').innerText(), '2 Selected', 'every missing grant is chosen to start with');
    await screenshot(page, 'agents-grant-2-what-this-needed');
    await page.locator('.quick-input-widget input').press('Enter');

    // The same modal as every switch: nothing is written until the person presses the button.
    const question = await dialogText(page);
    assert.match(
      question,
      new RegExp(
        `Let Report writer read transaction \\(every transaction type\\) through SuiteQL and read entity \\(every entity type\\) through SuiteQL on ${demoAccount} \\(sandbox\\)\\?`,
      ),
    );
    await screenshot(page, 'agents-grant-3-modal');
    await pressDialogButton(page, 'Change Access');
    await waitForSwitch(page, 'transaction', /^View · can read/);
    await waitForSwitch(page, 'entity', /^View · can read/);

    // The agent tries again: allowed, with the names.
    const allowed = await client.callTool(call);
    assert.equal(allowed.isError, false, text(allowed));
    assert.match(text(allowed), /rows in total; 3 returned from offset 0\./);
    await paneRow(page, 'Agent Activity', /^Report writer ran SuiteQL .* — allowed by 'transaction: View', 'entity: View'$/).waitFor({ timeout: uiTimeout });
    await clearNotifications(page);
    await screenshot(page, 'agents-grant-4-allowed');

    // Grant SuiteQL Table… from the palette: the name is checked as it is typed, then the level and the modal.
    await runCommand(page, 'SuiteLens: Grant SuiteQL Table…');
    await pickQuickItem(page, 'Report writer');
    const input = page.locator('.quick-input-widget input');
    await input.fill('system note');
    const message = page.locator('.quick-input-widget .quick-input-message');
    await message.filter({ hasText: /is not a SuiteQL table name/ }).waitFor({ timeout: uiTimeout });
    await screenshot(page, 'agents-grant-5-table-name-checked');
    await input.fill('systemnote');
    await message.filter({ hasText: /is not a SuiteQL table name/ }).waitFor({ state: 'detached', timeout: uiTimeout });
    await input.press('Enter');
    await page.locator('.quick-input-list .monaco-list-row .label-name', { hasText: exactly('View') }).waitFor({ timeout: uiTimeout });
    // A table that is no record type (system notes; customer statuses are a REST record type now the demo catalog
    // lists every documented type) is only read, through SuiteQL: None and View, nothing more.
    for (const level of ['None', 'View']) assert.equal(await page.locator('.quick-input-list .monaco-list-row .label-name', { hasText: exactly(level) }).count(), 1, level);
    for (const level of ['Write', 'Full']) assert.equal(await page.locator('.quick-input-list .monaco-list-row .label-name', { hasText: exactly(level) }).count(), 0, level);
    await screenshot(page, 'agents-grant-6-table-levels');
    await pickQuickItem(page, 'View');
    assert.match(await pressDialogButton(page, 'Change Access'), new RegExp(`Let Report writer read the systemnote table through SuiteQL on ${demoAccount} \\(sandbox\\)\\?`));
    await waitForSwitch(page, 'systemnote', /^View · can read the systemnote table through SuiteQL$/);
    await viewPane(page, 'Agent Access').locator('.monaco-list').first().hover();
    await (await findPaneRow(page, 'Agent Access', 'SuiteQL tables')).scrollIntoViewIfNeeded();
    await screenshot(page, 'agents-grant-7-suiteql-tables-granted');
    await client.close();
  },
};
