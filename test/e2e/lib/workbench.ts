// What a user does in the VS Code workbench, as Playwright steps (selectors verified on VS Code 1.100.3 web,
// see the shared e2e-recipe.md). Each helper waits for the UI to reach the state it names, so scenarios read as
// user stories and assert on what is on screen.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { screenshotsDir } from '../../vscode/harness/paths';

/** The activity-bar container SuiteLens contributes (package.json `viewsContainers.activitybar`). */
export const SUITELENS_CONTAINER_TITLE = 'NetSuite';
const uiTimeout = 30_000;

/** Matches a whole label exactly, so "Run" never picks "Run All". */
export function exactly(text: string): RegExp {
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
}

export async function waitForWorkbench(page: Page): Promise<void> {
  await page.locator('.monaco-workbench').waitFor({ timeout: uiTimeout });
}

/**
 * Answers VS Code's workspace-trust question as a person does. The harness keeps trust on (as every user has it):
 * VS Code 1.100 asks "Do you trust the authors of the files in this folder?" in a modal when a fresh browser opens a
 * folder; 1.139 opens the folder in Restricted Mode straight away with a banner, and the person trusts it from there.
 */
export async function answerWorkspaceTrust(page: Page, trust: boolean): Promise<void> {
  const dialog = page.locator('.monaco-dialog-box', { hasText: /trust the authors/i });
  const restricted = page.locator('.part.statusbar .statusbar-item', { hasText: 'Restricted Mode' });
  await dialog.or(restricted).first().waitFor({ timeout: uiTimeout });
  // The badge can show a moment before 1.100's modal does; give the modal a short chance to appear.
  if (!(await dialog.isVisible())) await dialog.waitFor({ timeout: 3_000 }).catch(() => undefined);
  if (await dialog.isVisible()) {
    const answer = trust ? /^Yes, I trust the authors/ : /^No, I don.t trust the authors/;
    await dialog.locator('.monaco-button', { hasText: answer }).first().click({ timeout: uiTimeout });
    await dialog.waitFor({ state: 'detached', timeout: uiTimeout });
  } else if (trust) {
    await grantWorkspaceTrust(page);
  }
}

/** Trusts the open folder from VS Code's Workspace Trust editor, then closes that editor. */
export async function grantWorkspaceTrust(page: Page): Promise<void> {
  await runCommand(page, 'Workspaces: Manage Workspace Trust');
  const editor = page.locator('.workspace-trust-editor');
  await editor.locator('.monaco-button', { hasText: /^Trust$/ }).first().click({ timeout: uiTimeout });
  await page.locator('.part.statusbar .statusbar-item', { hasText: 'Restricted Mode' }).waitFor({ state: 'detached', timeout: uiTimeout });
  await runCommand(page, 'View: Close Editor');
  await editor.waitFor({ state: 'detached', timeout: uiTimeout });
}

/** The NetSuite icon in the activity bar; present once SuiteLens has been scanned. */
export function suiteLensActivityIcon(page: Page): Locator {
  return page.locator(`.activitybar a.action-label[aria-label^="${SUITELENS_CONTAINER_TITLE}"]`);
}

/** The side bar while it shows SuiteLens's container. */
export function suiteLensSideBar(page: Page): Locator {
  return page.locator('.part.sidebar').filter({ has: page.locator('.composite.title', { hasText: new RegExp(SUITELENS_CONTAINER_TITLE, 'i') }) });
}

/** Opens the NetSuite view container (clicking its icon when it already shows would close the side bar). */
export async function openSuiteLensView(page: Page): Promise<Locator> {
  const sideBar = suiteLensSideBar(page);
  if (!(await sideBar.isVisible())) await suiteLensActivityIcon(page).click({ timeout: uiTimeout });
  await sideBar.waitFor({ timeout: uiTimeout });
  return sideBar;
}

/** The rows of the tree views in the side bar. */
export function treeItems(page: Page): Locator {
  return page.locator('.part.sidebar .monaco-list-row[role="treeitem"]');
}

export async function treeItemLabels(page: Page): Promise<string[]> {
  return treeItems(page).locator('.label-name').allInnerTexts();
}

export async function clickTreeItem(page: Page, label: string): Promise<void> {
  await treeItems(page).filter({ has: page.locator('.label-name', { hasText: exactly(label) }) }).first().click({ timeout: uiTimeout });
}

/**
 * Runs a command from the palette by its exact label (e.g. "SuiteLens: Try the Demo Sandbox"). Enter would take
 * the highlighted row, which is not always the exact match, so the matching row is clicked.
 */
export async function runCommand(page: Page, label: string): Promise<void> {
  const input = page.locator('.quick-input-widget input');
  // F1 pressed while a fresh workbench is still wiring its keybindings (seen on 1.139 under CI load, right after
  // the window opened) does nothing: press it again rather than wait on a palette that will not come.
  for (let attempt = 0; ; attempt += 1) {
    await page.keyboard.press('F1');
    if (await input.waitFor({ timeout: 10_000 }).then(() => true, () => false)) break;
    if (attempt >= 2) throw new Error(`The command palette did not open for "${label}" after pressing F1 three times`);
  }
  await input.fill(`>${label}`);
  const row = page.locator('.quick-input-list .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: exactly(label) }) });
  await row.first().click({ timeout: uiTimeout });
}

/**
 * Replaces the first notebook cell's text as a person does (click, select to the end, type, Escape), and checks that
 * the cell then holds exactly `text`, doing it again (twice at most) when not. In notebookChart on 1.139 a Ctrl+A
 * after the chart's output had the focus selected nothing, and the query was typed into the middle of the old one.
 */
export async function replaceCellText(page: Page, text: string): Promise<void> {
  const lines = page.locator('.notebook-editor .code-cell-row .monaco-editor .view-lines').first();
  for (let attempt = 0; ; attempt += 1) {
    await lines.click();
    await page.locator('.notebook-editor .code-cell-row .monaco-editor.focused').first().waitFor({ timeout: 10_000 }).catch(() => undefined);
    // Not Ctrl+A: after a chart output had the focus, 1.139 let the cell editor take the click but not Ctrl+A.
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Control+Shift+End');
    await page.keyboard.type(text);
    const shown = (await lines.innerText()).replace(/\u00a0/g, ' ').trim();
    await page.keyboard.press('Escape');
    if (shown === text) return;
    if (attempt >= 2) throw new Error(`the cell holds "${shown}" after typing "${text}"`);
  }
}

/** Runs the notebook cell at `index` (0-based) with its run button and waits until it has finished. */
export async function runNotebookCell(page: Page, index = 0): Promise<'success' | 'error'> {
  const cell = page.locator('.notebook-editor .code-cell-row').nth(index);
  await cell.hover({ timeout: uiTimeout });
  // Not `aria-label^="Execute Cell"`: that also matches "Execute Cell and Below".
  await cell.locator('a.codicon-notebook-execute').first().click({ timeout: uiTimeout });
  // Re-running a cell that still shows as executing is ignored, so wait for a final state.
  const done = cell.locator('.codicon-notebook-state-success, .codicon-notebook-state-error');
  await done.first().waitFor({ timeout: 120_000 });
  return (await cell.locator('.codicon-notebook-state-success').count()) > 0 ? 'success' : 'error';
}

/** The document inside the notebook's output webview (page → webview iframe → #active-frame). */
export function notebookOutput(page: Page): FrameLocator {
  return page.frameLocator('.notebook-editor iframe.webview').frameLocator('#active-frame');
}

/**
 * Reads the results grid the SuiteLens renderer draws in a notebook output, as rows of cell texts (header row
 * first). The grid follows the ARIA grid pattern: `[role=row]` holding `[role=columnheader]` / `[role=gridcell]`.
 */
export async function readGrid(page: Page): Promise<string[][]> {
  const output = notebookOutput(page);
  const rows = output.locator('[role="grid"] [role="row"]');
  await rows.first().waitFor({ timeout: uiTimeout });
  const texts: string[][] = [];
  for (const row of await rows.all()) texts.push(await row.locator('[role="columnheader"], [role="gridcell"]').allInnerTexts());
  return texts;
}

/** The document inside a webview panel, picked by the contributing extension (notebook outputs have none). */
export function webviewPanel(page: Page, extensionId = 'suitelens.suitelens'): FrameLocator {
  return page.frameLocator(`iframe.webview[src*="extensionId=${extensionId}"]`).frameLocator('#active-frame');
}

/**
 * Fills a form field in a webview found by its `name` or `id`. Works for plain inputs and for
 * @vscode-elements fields, whose real input lives in an open shadow root (Playwright's CSS pierces it).
 */
export async function fillWebviewField(page: Page, field: string, value: string, extensionId?: string): Promise<void> {
  const host = webviewPanel(page, extensionId).locator(`[name="${field}"], #${field}`).first();
  await host.waitFor({ timeout: uiTimeout });
  const tag = await host.evaluate((element) => element.tagName.toLowerCase());
  const input = ['input', 'textarea', 'select'].includes(tag) ? host : host.locator('input, textarea').first();
  if (tag === 'select') await input.selectOption(value);
  else await input.fill(value);
}

/** Texts of the notification toasts on screen. */
export async function readNotifications(page: Page): Promise<string[]> {
  return page.locator('.notifications-toasts .notification-toast').allInnerTexts();
}

/** Waits for a toast containing `text` and returns its full text. */
export async function waitForNotification(page: Page, text: string | RegExp): Promise<string> {
  const toast = page.locator('.notifications-toasts .notification-toast', { hasText: text }).first();
  await toast.waitFor({ timeout: uiTimeout });
  return toast.innerText();
}

/** Saves a screenshot as `test-results/screenshots/<name>.png` and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotsDir, { recursive: true });
  // File names stop at 255 bytes: a long scenario name (a FAILED-… shot) would fail to write, silently.
  const file = join(screenshotsDir, `${name.replace(/[^\w.-]+/g, '-').slice(0, 200)}.png`);
  await page.screenshot({ path: file });
  return file;
}

/**
 * Reloads the window through VS Code's own command, as a person does: it shuts the window down in order (editor
 * state and backups stored first). A bare browser reload races the workbench's state store; now and then a tab was
 * not restored at all (seen on 1.139 under CI load), which is the browser's loss, not the extension's.
 */
export async function reloadWindow(page: Page): Promise<void> {
  const reloaded = page.waitForEvent('load', { timeout: 60_000 });
  await runCommand(page, 'Developer: Reload Window');
  await reloaded;
  await waitForWorkbench(page);
}
