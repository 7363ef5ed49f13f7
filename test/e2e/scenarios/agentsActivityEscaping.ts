import * as assert from 'node:assert/strict';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { clearNotifications, createMcpAgent, demoAccount, openAgentsWorkbench, paneRow, setPaneExpanded, uiTimeout, viewPane } from '../lib/agentPanes';
import type { Scenario } from '../lib/scenario';
import { screenshot } from '../lib/workbench';

/**
 * An agent's text with a newline and a right-to-left override (U+202E) would split a row of the Agent Activity view
 * or flip "gnp.exe" into "exe.png": the view must show both as escapes. A request with a wrong key shows up too.
 */
export const scenario: Scenario = {
  name: 'Agents: a denied call whose arguments hold a newline and U+202E shows them escaped in Agent Activity, beside a refused wrong key',
  async run({ openWorkbench }) {
    const { page } = await openAgentsWorkbench(openWorkbench);
    const server = await createMcpAgent(page, 'Billing helper', 'suitelens-billing-helper');
    await clearNotifications(page);
    await setPaneExpanded(page, 'Agent Access', false);

    const client = new Client({ name: 'e2e-hostile-agent', version: '1.0.0' });
    await client.connect(new StreamableHTTPClientTransport(new URL(server.url), { requestInit: { headers: server.headers } }));
    const account = `${demoAccount}\n\u202Egnp.exe`;
    const denied = await client.callTool({ name: 'suitelens_get_record', arguments: { account, recordType: 'customer', id: '7' } });
    assert.equal(denied.isError, true);
    const unknownTool = await client.callTool({ name: 'suitelens_get_record\nBilling helper read everything\u202E', arguments: { account: demoAccount } });
    assert.equal(unknownTool.isError, true);
    await client.close();
    const wrongKey = await fetch(server.url, {
      method: 'POST',
      headers: { Authorization: 'Bearer slk_not-the-key-at-all-000000000', 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list', params: {} }),
    });
    assert.equal(wrongKey.status, 401);

    // Each call is one row whose text shows the escapes literally; no row holds the raw characters.
    const deniedRow = paneRow(page, 'Agent Activity', new RegExp(`^Billing helper tried to read .* on ${demoAccount}\\\\n\\\\u202Egnp\\.exe \\(production\\) — denied: `));
    const toolRow = paneRow(page, 'Agent Activity', /^Billing helper tried to call the unknown tool 'suitelens_get_record\\nBilling helper read everything\\u202E' on /);
    const refusedRow = paneRow(page, 'Agent Activity', '1 request with a wrong key was refused at the MCP endpoint — denied: the key is wrong or has been revoked');
    await deniedRow.waitFor({ timeout: uiTimeout });
    await toolRow.waitFor({ timeout: uiTimeout });
    await refusedRow.waitFor({ timeout: uiTimeout });
    const labels = await viewPane(page, 'Agent Activity').locator('.monaco-list-row .label-name').allInnerTexts();
    for (const label of labels) assert.doesNotMatch(label, /[\n\u202E]/, `raw control character in: ${JSON.stringify(label)}`);
    await screenshot(page, 'agents-escaping-1-activity');

    // The tooltip (hover) shows the account and the tool as escapes as well.
    await toolRow.hover();
    const hover = page.locator('.monaco-hover, .custom-hover').filter({ hasText: 'Tool:' }).first();
    await hover.waitFor({ timeout: uiTimeout });
    const tooltip = await hover.innerText();
    assert.match(tooltip, /Tool: suitelens_get_record\\nBilling helper read everything\\u202E/);
    assert.doesNotMatch(tooltip, /\u202E/);
    await screenshot(page, 'agents-escaping-2-tooltip');
  },
};
