// Helpers for the agent scenarios: the NetSuite side bar's Agent Access and Agent Activity panes, quick picks,
// modal dialogs, and an MCP agent created through the UI (its client configuration read from the clipboard).
import type { Locator, Page } from 'playwright-core';
import { startDemoFromWelcome } from './explorerTree';
import { findFreePort } from '../../vscode/harness/codeServer';
import type { ScenarioContext } from './scenario';
import { exactly, runCommand, screenshot, waitForNotification } from './workbench';

export const uiTimeout = 30_000;
export const demoAccount = 'TSTDRV1234567_SB1';

/** One view of the NetSuite side bar (Explorer, Agent Access, Agent Activity), by its header title. */
export function viewPane(page: Page, title: string): Locator {
  return page.locator('.part.sidebar .pane').filter({ has: page.locator('.pane-header .title', { hasText: exactly(title) }) });
}

export async function setPaneExpanded(page: Page, title: string, expanded: boolean): Promise<void> {
  const header = viewPane(page, title).locator('.pane-header');
  await header.waitFor({ timeout: uiTimeout });
  if (((await header.getAttribute('aria-expanded')) === 'true') !== expanded) await header.click();
}

export function paneRow(page: Page, title: string, label: string | RegExp): Locator {
  const name = typeof label === 'string' ? exactly(label) : label;
  return viewPane(page, title).locator('.monaco-list-row[role="treeitem"]').filter({ has: page.locator('.label-name', { hasText: name }) }).first();
}

/** The row, scrolled into the pane's viewport (a tree only renders the rows it shows). */
export async function findPaneRow(page: Page, title: string, label: string | RegExp): Promise<Locator> {
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

export const expandPaneRow = (page: Page, title: string, label: string): Promise<void> => setRowExpanded(page, title, label, true);
export const collapsePaneRow = (page: Page, title: string, label: string): Promise<void> => setRowExpanded(page, title, label, false);

export async function pickQuickItem(page: Page, label: string): Promise<void> {
  const row = page.locator('.quick-input-list .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: exactly(label) }) });
  await row.first().click({ timeout: uiTimeout });
}

/** The modal dialog's text, once it shows. */
export async function dialogText(page: Page): Promise<string> {
  const dialog = page.locator('.monaco-dialog-box');
  await dialog.waitFor({ timeout: uiTimeout });
  return dialog.innerText();
}

export async function pressDialogButton(page: Page, label: string): Promise<string> {
  const dialog = page.locator('.monaco-dialog-box');
  const text = await dialogText(page);
  await dialog.getByRole('button', { name: label }).click();
  await dialog.waitFor({ state: 'detached', timeout: uiTimeout });
  return text;
}

/** Widens the side bar by dragging its edge, so long activity sentences and switch strips are readable. */
export async function widenSideBar(page: Page, width: number): Promise<void> {
  const box = await page.locator('.part.sidebar').boundingBox();
  if (!box) return;
  await page.mouse.move(box.x + box.width - 1, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + width, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
}

/** Clears toasts so they do not cover a screenshot. */
export async function clearNotifications(page: Page): Promise<void> {
  await runCommand(page, 'Notifications: Clear All Notifications');
  await page.locator('.notifications-toasts .notification-toast').first().waitFor({ state: 'detached', timeout: uiTimeout });
}

export interface McpServerConfiguration {
  type: string;
  url: string;
  headers: { Authorization: string };
}

/**
 * Creates an MCP agent from the palette, picks "VS Code" in the client picker that follows, and returns the entry of
 * the `mcp.json` configuration put on the clipboard (the page needs clipboard permissions).
 */
export async function createMcpAgent(page: Page, name: string, serverKey: string): Promise<McpServerConfiguration> {
  await runCommand(page, 'SuiteLens: Create Agent for the MCP Endpoint…');
  const input = page.locator('.quick-input-widget input');
  await input.fill(name);
  await input.press('Enter');
  await page.locator('.quick-input-widget .quick-input-title', { hasText: `Copy ${name}'s MCP configuration` }).waitFor({ timeout: uiTimeout });
  await screenshot(page, 'agents-mcp-client-picker');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: /^VS Code/ }).first().click({ timeout: uiTimeout });
  await waitForNotification(page, new RegExp(`Copied ${name}'s configuration for VS Code`));
  const configuration = JSON.parse(await page.evaluate(() => navigator.clipboard.readText())) as { servers: Record<string, McpServerConfiguration> };
  return configuration.servers[serverKey];
}

/**
 * A workbench with the MCP endpoint on a free port, the demo sandbox started, and the side bar showing Agent Access
 * and Agent Activity (Explorer folded), wide enough to read the sentences.
 */
export async function openAgentsWorkbench(openWorkbench: ScenarioContext['openWorkbench']): Promise<{ page: Page; port: number }> {
  const port = await findFreePort();
  const page = await openWorkbench({ settings: { 'suitelens.agents.mcp.enabled': true, 'suitelens.agents.mcp.port': port } });
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
  await startDemoFromWelcome(page);
  await setPaneExpanded(page, 'Explorer', false);
  await setPaneExpanded(page, 'Agent Access', true);
  await setPaneExpanded(page, 'Agent Activity', true);
  await widenSideBar(page, 900);
  return { page, port };
}
