// Steps in the NetSuite explorer tree (the `suitelens.explorer` view), as a user takes them: start the demo from
// the welcome view, expand rows, use a row's inline actions, answer the input box. Each waits for what it names.
import type { Locator, Page } from 'playwright-core';
import { exactly, openSuiteLensView, runCommand, treeItems } from './workbench';

const uiTimeout = 30_000;

/** The tree row whose label is exactly `label` (the first one when several match). */
export function explorerRow(page: Page, label: string): Locator {
  return treeItems(page).filter({ has: page.locator('.label-name', { hasText: exactly(label) }) }).first();
}

/** Rows whose label matches `pattern`. */
export function explorerRows(page: Page, pattern: RegExp): Locator {
  return treeItems(page).filter({ has: page.locator('.label-name', { hasText: pattern }) });
}

/** Starts the demo with the welcome view's button and waits for the demo account and its record types. */
export async function startDemoFromWelcome(page: Page): Promise<void> {
  const sideBar = await openSuiteLensView(page);
  await sideBar.locator('.welcome-view-content').getByRole('button', { name: 'Try the demo sandbox' }).click({ timeout: uiTimeout });
  await explorerRow(page, 'Demo (sandbox)').waitFor({ timeout: 120_000 });
  await collapseOtherPanes(page);
  await widenSideBar(page);
  await explorerRow(page, 'Record Types').waitFor({ timeout: uiTimeout });
}

/**
 * A row by its label, or by its label at a tree depth (`aria-level`: account 1, type group 2, record type 3, record 4,
 * field or reference 5) where two rows share a label — the Customer type and a sales order's Customer reference.
 */
export type RowLabel = string | RegExp | { label: string | RegExp; level: number };

function rowLocator(page: Page, label: RowLabel): Locator {
  if (typeof label === 'string') return explorerRow(page, label);
  if (label instanceof RegExp) return explorerRows(page, label).first();
  const name = typeof label.label === 'string' ? exactly(label.label) : label.label;
  return treeItems(page).and(page.locator(`[aria-level="${label.level}"]`)).filter({ has: page.locator('.label-name', { hasText: name }) }).first();
}

/**
 * The row labelled `label`, scrolled into view. The tree renders only the rows in its viewport, so a row further
 * down does not exist in the page until the list is scrolled to it: wheel down, then up, until it shows.
 */
export async function findRow(page: Page, label: RowLabel): Promise<Locator> {
  return scrollToRow(page, rowLocator(page, label));
}

/** Scrolls the side bar's tree until `row` is drawn (it draws only the rows in view), then returns it. */
export async function scrollToRow(page: Page, row: Locator): Promise<Locator> {
  const list = page.locator('.part.sidebar .monaco-list').first();
  for (const direction of [1, -1]) {
    // A wheel step moves the list well under 300 px in 1.139, and a real catalog's ~200 types are ~4,500 px tall.
    for (let step = 0; step < 150; step += 1) {
      // A row can be re-rendered (detached) between the count and the scroll while the tree refreshes: try again.
      if ((await row.count()) > 0 && (await row.scrollIntoViewIfNeeded({ timeout: 5_000 }).then(() => true, () => false))) return row;
      // Over the scrollbar, not a row: a row's tooltip would open under the pointer and take the wheel events.
      const box = await list.boundingBox();
      if (box) await page.mouse.move(box.x + box.width - 4, box.y + box.height / 2);
      else await list.hover();
      await page.mouse.wheel(0, direction * 300);
      await page.waitForTimeout(100);
    }
    if (process.env.H9_DEBUG) await page.screenshot({ path: `/tmp/h9/scroll-${direction}.png` });
  }
  await row.waitFor({ timeout: uiTimeout });
  return row;
}

async function setExpanded(page: Page, label: RowLabel, expanded: boolean): Promise<Locator> {
  const row = await findRow(page, label);
  // A click that lands while the tree is re-rendering (a refresh, a hover) can be lost: check, and click again.
  for (let attempt = 0; attempt < 3; attempt += 1) {
    if (((await row.getAttribute('aria-expanded')) === 'true') === expanded) return row;
    // The twistie: a record row's own click opens its preview (its command) instead of expanding it.
    await row.locator('.monaco-tl-twistie').click({ timeout: uiTimeout });
    const handle = await row.elementHandle();
    const done = await page
      .waitForFunction(([element, want]) => element?.getAttribute('aria-expanded') === want, [handle, String(expanded)] as const, { timeout: 8_000 })
      .then(() => true, () => false);
    if (done) return row;
  }
  throw new Error(`the tree row ${JSON.stringify(String(typeof label === 'object' && !(label instanceof RegExp) ? label.label : label))} did not ${expanded ? 'expand' : 'collapse'}`);
}

/** Drags the side bar's edge to the right so labels and values are readable in screenshots. */
export async function widenSideBar(page: Page, width = 620): Promise<void> {
  const box = await page.locator('.part.sidebar').boundingBox();
  if (!box || box.width >= width) return;
  const edge = box.x + box.width + 1;
  const middle = box.y + box.height / 2;
  await page.mouse.move(edge, middle);
  await page.mouse.down();
  await page.mouse.move(box.x + width, middle, { steps: 5 });
  await page.mouse.up();
}

/** Collapses the container's other views (agents, …) so the explorer gets the whole side bar height. */
export async function collapseOtherPanes(page: Page): Promise<void> {
  const others = page.locator('.part.sidebar .pane-header[aria-expanded="true"]').filter({ hasNotText: /^\s*explorer\b/i });
  for (let count = await others.count(); count > 0; count = await others.count()) {
    await others.first().click({ timeout: uiTimeout });
    if ((await others.count()) === count) break; // a header that does not collapse: leave it
  }
}

/** Expands a collapsed row (a click toggles it) and waits until it says it is expanded. */
export function expandRow(page: Page, label: RowLabel): Promise<Locator> {
  return setExpanded(page, label, true);
}

export function collapseRow(page: Page, label: RowLabel): Promise<Locator> {
  return setExpanded(page, label, false);
}

/** Clicks one of a row's inline action buttons (shown on hover), found by its title. */
export async function rowAction(page: Page, row: Locator, title: string): Promise<void> {
  await row.hover({ timeout: uiTimeout });
  await row.locator(`.actions a.action-label[aria-label^="${title}"]`).click({ timeout: uiTimeout });
}

/** Types into the open input box and accepts it. */
export async function answerInputBox(page: Page, text: string, timeout = uiTimeout): Promise<void> {
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout });
  await input.fill(text, { timeout });
  await input.press('Enter', { timeout });
}

/**
 * Runs a palette command and answers its input boxes in turn; runs it again (twice at most) when VS Code closed a box
 * before it was answered. Seen on 1.139 under CI load: right after a form saved, the explorer's refresh of the saved
 * record took the focus from a quick input as it opened, which closes it (the box stays in the page, inert).
 */
export async function runCommandAnswering(page: Page, command: string, answers: readonly string[]): Promise<void> {
  for (let attempt = 0; ; attempt += 1) {
    await runCommand(page, command);
    try {
      for (const text of answers) await answerInputBox(page, text, 10_000);
      return;
    } catch (error) {
      if (attempt >= 2) throw error;
      await page.keyboard.press('Escape');
      await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => undefined);
    }
  }
}

/** Waits until no row of the tree says it is loading. */
export async function waitForTreeLoaded(page: Page): Promise<void> {
  await explorerRows(page, /^Loading/).first().waitFor({ state: 'detached', timeout: 60_000 });
}

/**
 * Narrows the account's record types with the view's "Filter Record Types…" action, as a person does in a real
 * catalog of ~200 types: the type they want then sits at the top of the tree, its records in view.
 */
export async function filterRecordTypes(page: Page, text: string): Promise<void> {
  // VS Code 1.139 shows a view's title actions only while its header is hovered or focused (1.100 always did).
  const filterAction = 'a.action-label[aria-label^="Filter Record Types"]';
  const explorerHeader = page.locator('.part.sidebar .pane-header').filter({ has: page.locator(filterAction) }).first();
  await explorerHeader.hover();
  await explorerHeader.locator(filterAction).click({ timeout: uiTimeout });
  await answerInputBox(page, text);
  await explorerRows(page, /\S/).filter({ hasText: new RegExp(`types: "${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`) }).first().waitFor({ timeout: uiTimeout });
  // The tree keeps its scroll offset as the filter applies: back to its top, where the filtered types are.
  await page.locator('.part.sidebar .monaco-list').first().hover();
  await page.mouse.wheel(0, -100_000);
}
