import * as assert from 'node:assert/strict';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import {
  clearNotifications,
  collapsePaneRow,
  createMcpAgent,
  demoAccount,
  expandPaneRow,
  findPaneRow,
  openAgentsWorkbench,
  paneRow,
  pickQuickItem,
  pressDialogButton,
  setPaneExpanded,
  uiTimeout,
  viewPane,
} from '../lib/agentPanes';
import type { Scenario } from '../lib/scenario';
import { runCommand, screenshot, waitForNotification } from '../lib/workbench';

export const scenario: Scenario = {
  name: 'Agents: create an MCP agent, switch customer read on in Agent Access, and see its allowed and denied calls in Agent Activity',
  async run({ openWorkbench }) {
    const { page, port } = await openAgentsWorkbench(openWorkbench);

    // A new MCP agent gets its own key; "Copy MCP Client Configuration" puts URL + key on the clipboard.
    const server = await createMcpAgent(page, 'Billing helper', 'suitelens-billing-helper');
    assert.equal(server.url, `http://127.0.0.1:${port}/mcp`);
    assert.match(server.headers.Authorization, /^Bearer slk_/);

    // The access view: the new agent holds nothing; the person switches customer read on (quick pick + modal).
    // VS Code chat (listed first) has the same account row: fold it so the rows below are Billing helper's.
    await collapsePaneRow(page, 'Agent Access', 'VS Code chat');
    await paneRow(page, 'Agent Access', 'Billing helper').waitFor({ timeout: uiTimeout });
    await expandPaneRow(page, 'Agent Access', `${demoAccount} (sandbox)`);
    const customer = await findPaneRow(page, 'Agent Access', 'Customer');
    assert.equal(await customer.locator('.label-description').innerText(), 'customer · None');
    await customer.click();
    await pickQuickItem(page, 'View');
    const question = await pressDialogButton(page, 'Change Access');
    assert.match(question, new RegExp(`Let Billing helper read customer records on ${demoAccount} \\(sandbox\\)\\?`));
    await page.waitForFunction(
      () => [...document.querySelectorAll('.part.sidebar .monaco-list-row .label-description')].some((e) => e.textContent === 'customer · View · can read customer records'),
      undefined,
      { timeout: uiTimeout },
    );
    await clearNotifications(page);
    await screenshot(page, 'agents-1-access-customer-read');

    // The agent, outside VS Code, calls through the MCP endpoint with its key.
    const client = new Client({ name: 'e2e-billing-helper', version: '1.0.0' });
    await client.connect(new StreamableHTTPClientTransport(new URL(server.url), { requestInit: { headers: server.headers } }));
    const text = (result: Awaited<ReturnType<Client['callTool']>>): string => (result.content as { text: string }[]).map((part) => part.text).join('');
    const search = await client.callTool({ name: 'suitelens_search_records', arguments: { account: demoAccount, recordType: 'customer', limit: 1 } });
    const customerId = (JSON.parse(text(search).split('\n').at(-1) ?? '{}') as { ids: string[] }).ids[0];
    const read = await client.callTool({ name: 'suitelens_get_record', arguments: { account: demoAccount, recordType: 'customer', id: customerId } });
    assert.equal(read.isError, false, text(read));
    const denied = await client.callTool({ name: 'suitelens_create_record', arguments: { account: demoAccount, recordType: 'invoice', fields: { entity: { id: customerId } } } });
    assert.equal(denied.isError, true);
    assert.equal(text(denied), 'denied: invoice not granted');
    await client.close();

    // The activity view updates by itself: the denied call first, then the allowed read, in plain English.
    const activity = viewPane(page, 'Agent Activity');
    const deniedRow = paneRow(page, 'Agent Activity', `Billing helper tried to create an invoice on ${demoAccount} — denied: invoice not granted`);
    await deniedRow.waitFor({ timeout: uiTimeout });
    const allowedRow = paneRow(page, 'Agent Activity', new RegExp(`^Billing helper read customer '.+' \\(id ${customerId}\\) on ${demoAccount} — allowed by 'customer: View'$`));
    await allowedRow.waitFor({ timeout: uiTimeout });
    const labels = await activity.locator('.monaco-list-row .label-name').allInnerTexts();
    assert.ok(labels.indexOf(await deniedRow.locator('.label-name').innerText()) < labels.indexOf(await allowedRow.locator('.label-name').innerText()), 'newest first');
    await setPaneExpanded(page, 'Agent Access', false);
    await screenshot(page, 'agents-2-activity-allowed-and-denied');

    // Filter to denied calls only.
    await activity.locator('.pane-header').hover();
    await activity.locator('.pane-header a.action-label[aria-label^="Filter Agent Activity"]').click({ timeout: uiTimeout });
    await pickQuickItem(page, 'Denied');
    await allowedRow.waitFor({ state: 'detached', timeout: uiTimeout });
    await deniedRow.waitFor({ timeout: uiTimeout });
    assert.match(await activity.locator('.pane-header').innerText(), /denied/);
    await screenshot(page, 'agents-3-activity-filtered-denied');

    // Revoking the key (palette → agent → modal) shuts the agent out at its next request.
    await clearNotifications(page);
    await runCommand(page, 'SuiteLens: Revoke Agent Key…');
    await pickQuickItem(page, 'Billing helper');
    assert.match(await pressDialogButton(page, 'Revoke Key'), /Revoke Billing helper's key\?/);
    await waitForNotification(page, "Revoked Billing helper's key.");
    const revoked = new Client({ name: 'e2e-billing-helper', version: '1.0.0' });
    await assert.rejects(
      revoked.connect(new StreamableHTTPClientTransport(new URL(server.url), { requestInit: { headers: server.headers } })),
      /401|Unauthorized|revoked/,
    );
  },
};
