import * as assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { Locator, Page } from 'playwright-core';
import { startDemoFromWelcome } from '../lib/explorerTree';
import type { Scenario } from '../lib/scenario';
import { exactly, runCommand, screenshot, waitForNotification } from '../lib/workbench';

const uiTimeout = 30_000;
const demoAccount = 'TSTDRV1234567_SB1';

/** A port nothing listens on right now, for the MCP endpoint setting. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** One view of the NetSuite side bar (Explorer, Agent Access, Agent Activity), by its header title. */
function viewPane(page: Page, title: string): Locator {
  return page.locator('.part.sidebar .pane').filter({ has: page.locator('.pane-header .title', { hasText: exactly(title) }) });
}

async function setPaneExpanded(page: Page, title: string, expanded: boolean): Promise<void> {
  const header = viewPane(page, title).locator('.pane-header');
  await header.waitFor({ timeout: uiTimeout });
  if (((await header.getAttribute('aria-expanded')) === 'true') !== expanded) await header.click();
}

function paneRow(page: Page, title: string, label: string | RegExp): Locator {
  const name = typeof label === 'string' ? exactly(label) : label;
  return viewPane(page, title).locator('.monaco-list-row[role="treeitem"]').filter({ has: page.locator('.label-name', { hasText: name }) }).first();
}

/** The row, scrolled into the pane's viewport (a tree only renders the rows it shows). */
async function findPaneRow(page: Page, title: string, label: string | RegExp): Promise<Locator> {
  const row = paneRow(page, title, label);
  const list = viewPane(page, title).locator('.monaco-list').first();
  for (let step = 0; step < 40 && (await row.count()) === 0; step += 1) {
    await list.hover();
    await page.mouse.wheel(0, 200);
    await page.waitForTimeout(100);
  }
  await row.waitFor({ timeout: uiTimeout });
  await row.scrollIntoViewIfNeeded();
  return row;
}

async function setRowExpanded(page: Page, title: string, label: string, expanded: boolean): Promise<void> {
  const row = await findPaneRow(page, title, label);
  if (((await row.getAttribute('aria-expanded')) === 'true') !== expanded) await row.click();
  await page.waitForFunction(([element, want]) => element?.getAttribute('aria-expanded') === want, [await row.elementHandle(), String(expanded)] as const, {
    timeout: uiTimeout,
  });
}

const expandPaneRow = (page: Page, title: string, label: string): Promise<void> => setRowExpanded(page, title, label, true);
const collapsePaneRow = (page: Page, title: string, label: string): Promise<void> => setRowExpanded(page, title, label, false);

async function pickQuickItem(page: Page, label: string): Promise<void> {
  const row = page.locator('.quick-input-list .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: exactly(label) }) });
  await row.first().click({ timeout: uiTimeout });
}

async function pressDialogButton(page: Page, label: string): Promise<string> {
  const dialog = page.locator('.monaco-dialog-box');
  await dialog.waitFor({ timeout: uiTimeout });
  const text = await dialog.innerText();
  await dialog.getByRole('button', { name: label }).click();
  await dialog.waitFor({ state: 'detached', timeout: uiTimeout });
  return text;
}

/** Widens the side bar by dragging its edge, so long activity sentences and switch strips are readable. */
async function widenSideBar(page: Page, width: number): Promise<void> {
  const box = await page.locator('.part.sidebar').boundingBox();
  if (!box) return;
  await page.mouse.move(box.x + box.width - 1, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + width, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
}

/** Clears toasts so they do not cover a screenshot. */
async function clearNotifications(page: Page): Promise<void> {
  await runCommand(page, 'Notifications: Clear All Notifications');
  await page.locator('.notifications-toasts .notification-toast').first().waitFor({ state: 'detached', timeout: uiTimeout });
}

export const scenario: Scenario = {
  name: 'Agents: create an MCP agent, switch customer read on in Agent Access, and see its allowed and denied calls in Agent Activity',
  async run({ openWorkbench }) {
    const port = await freePort();
    const page = await openWorkbench({ settings: { 'suitelens.agents.mcp.enabled': true, 'suitelens.agents.mcp.port': port } });
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
    await startDemoFromWelcome(page);
    await setPaneExpanded(page, 'Explorer', false);
    await setPaneExpanded(page, 'Agent Access', true);
    await setPaneExpanded(page, 'Agent Activity', true);
    await widenSideBar(page, 900);

    // A new MCP agent gets its own key; "Copy MCP Client Configuration" puts URL + key on the clipboard.
    await runCommand(page, 'SuiteLens: Create Agent for the MCP Endpoint…');
    const input = page.locator('.quick-input-widget input');
    await input.fill('Billing helper');
    await input.press('Enter');
    const created = page.locator('.notifications-toasts .notification-toast', { hasText: 'Created agent Billing helper' });
    await created.getByRole('button', { name: 'Copy MCP Client Configuration' }).click({ timeout: uiTimeout });
    await waitForNotification(page, /Copied the MCP client configuration for Billing helper/);
    const configuration = JSON.parse(await page.evaluate(() => navigator.clipboard.readText())) as {
      mcpServers: Record<string, { type: string; url: string; headers: { Authorization: string } }>;
    };
    const server = configuration.mcpServers['suitelens-billing-helper'];
    assert.equal(server.url, `http://127.0.0.1:${port}/mcp`);
    assert.match(server.headers.Authorization, /^Bearer slk_/);

    // The access view: the new agent holds nothing; the person switches customer read on (quick pick + modal).
    // VS Code chat (listed first) has the same account row: fold it so the rows below are Billing helper's.
    await collapsePaneRow(page, 'Agent Access', 'VS Code chat');
    await paneRow(page, 'Agent Access', 'Billing helper').waitFor({ timeout: uiTimeout });
    await expandPaneRow(page, 'Agent Access', `${demoAccount} (sandbox)`);
    const customer = await findPaneRow(page, 'Agent Access', 'customer');
    assert.equal(await customer.locator('.label-description').innerText(), '● Off  ○ Read  ○ Write  ○ Full');
    await customer.click();
    await pickQuickItem(page, 'Read');
    const question = await pressDialogButton(page, 'Change Access');
    assert.match(question, new RegExp(`Let Billing helper read customer records on ${demoAccount} \\(sandbox\\)\\?`));
    await page.waitForFunction(
      () => [...document.querySelectorAll('.part.sidebar .monaco-list-row .label-description')].some((e) => e.textContent === '○ Off  ● Read  ○ Write  ○ Full'),
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
    const allowedRow = paneRow(page, 'Agent Activity', new RegExp(`^Billing helper read customer '.+' \\(id ${customerId}\\) on ${demoAccount} — allowed by 'customer: read'$`));
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
