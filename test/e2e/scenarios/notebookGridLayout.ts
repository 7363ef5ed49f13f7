import * as assert from 'node:assert/strict';
import type { FrameLocator, Page } from 'playwright-core';
import type { Scenario } from '../lib/scenario';
import { notebookOutput, runNotebookCell, screenshot, webviewPanel } from '../lib/workbench';
import { demoNotebook } from './notebookGrid';

// Blank lines after the query make the cell tall, so the notebook has room to scroll past the grid.
const balances = [
  'SELECT id, entityid, companyname, balancesearch',
  'FROM customer',
  'WHERE balancesearch > 0',
  'ORDER BY companyname',
  ...Array.from({ length: 12 }, () => ''),
].join('\n');

async function typeQuery(page: Page, query: string): Promise<void> {
  await page.locator('.notebook-editor .code-cell-row .monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  // Line by line with Enter and Home: typed newlines would be auto-indented by the editor.
  for (const line of query.split('\n')) {
    await page.keyboard.type(line);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Shift+Home');
    await page.keyboard.press('Delete');
  }
  await page.keyboard.press('Escape');
}

/** Where the first cell is drawn on the page: it moves up when the notebook scrolls down. */
async function firstCellTop(page: Page): Promise<number> {
  const box = await page.locator('.notebook-editor .code-cell-row').first().boundingBox();
  assert.ok(box, 'the first cell is on screen');
  return box.y;
}

/** Turns the mouse wheel over the visible middle of the grid and says how far the notebook moved (px, positive = down). */
async function wheelOverGrid(page: Page, output: FrameLocator, deltaY: number): Promise<number> {
  const grid = await output.locator('.sl-grid').boundingBox();
  assert.ok(grid, 'the grid is on screen');
  const top = Math.max(grid.y, 120);
  const bottom = Math.min(grid.y + grid.height, 740);
  assert.ok(bottom - top > 40, `enough of the grid is on screen to wheel over: ${JSON.stringify(grid)}`);
  await page.mouse.move(grid.x + grid.width / 2, (top + bottom) / 2);
  const before = await firstCellTop(page);
  for (let notch = 0; notch < 3; notch++) {
    await page.mouse.wheel(0, deltaY / 3);
    await page.waitForTimeout(150);
  }
  await page.waitForTimeout(400);
  return before - (await firstCellTop(page));
}

/** Each header label's text and whether it is cut off. */
async function headerLabels(output: FrameLocator): Promise<Array<{ text: string; cut: boolean }>> {
  return output.locator('.sl-grid-header-label').evaluateAll((labels) => labels.map((label) => ({ text: label.textContent ?? '', cut: label.scrollWidth > label.clientWidth + 1 })));
}

/** The shown cells of one column that are cut off (their text wider than the cell). */
async function cutCells(output: FrameLocator, column: number): Promise<string[]> {
  return output
    .locator(`.sl-grid-row:visible .sl-grid-cell[data-column="${column}"]`)
    .evaluateAll((cells) => cells.filter((cell) => cell.scrollWidth > cell.clientWidth + 1).map((cell) => cell.textContent ?? ''));
}

/** Whether the sort glyph is drawn inside its header: a visible ▲/▼ with room of its own. */
async function sortGlyph(output: FrameLocator, column: number): Promise<{ glyph: string; inside: boolean; width: number }> {
  return output.locator(`.sl-grid-header-cell[data-column="${column}"]`).evaluate((header) => {
    const glyph = header.querySelector('.sl-grid-sort-glyph');
    const outer = header.getBoundingClientRect();
    const box = glyph?.getBoundingClientRect();
    return {
      glyph: glyph ? getComputedStyle(glyph, '::before').content : 'none',
      inside: box !== undefined && box.width > 0 && box.left >= outer.left && box.right <= outer.right,
      width: box?.width ?? 0,
    };
  });
}

export const scenario: Scenario = {
  name: 'The grid shows amounts formatted with full headers and a visible sort glyph, lets the wheel scroll the notebook, grows to full height and opens in an editor',
  async run({ openWorkbench }) {
    // VS Code 1.139's chat in the secondary side bar would take half of the notebook's width.
    const page = await openWorkbench({ settings: { 'workbench.secondarySideBar.defaultVisibility': 'hidden' } });
    await demoNotebook(page);
    await typeQuery(page, balances);
    assert.equal(await runNotebookCell(page, 0), 'success');
    const output = notebookOutput(page);
    const status = output.locator('.sl-grid-status');
    await status.waitFor({ timeout: 30_000 });
    const rowCount = Number(/^([\d,]+) rows/.exec(await status.innerText())?.[1].replace(/,/g, ''));
    assert.ok(rowCount > 25, `more rows than the grid shows at once: ${await status.innerText()}`);

    // Amounts in the reader's locale (en-US here) to two decimals; ids as NetSuite sent them; nothing cut off.
    const balanceCells = await output.locator('.sl-grid-row:visible .sl-grid-cell[data-column="3"]').allInnerTexts();
    assert.ok(balanceCells.length > 5, 'balances are drawn');
    for (const balance of balanceCells) assert.match(balance, /^\d{1,3}(,\d{3})*\.\d\d$/, `balance shown as an amount: ${balanceCells.join(' | ')}`);
    for (const id of await output.locator('.sl-grid-row:visible .sl-grid-cell[data-column="0"]').allInnerTexts()) assert.match(id, /^\d+$/);
    assert.deepEqual(await headerLabels(output), ['id', 'entityid', 'companyname', 'balancesearch'].map((text) => ({ text, cut: false })));
    for (const column of [0, 3]) assert.deepEqual(await cutCells(output, column), [], `no value of column ${column} is cut off`);
    const balanceHeader = output.locator('.sl-grid-header-cell[data-column="3"]');
    assert.equal(await balanceHeader.evaluate((header) => getComputedStyle(header.closest('.sl-grid')!.querySelector('.sl-grid-cell.sl-number')!).textAlign), 'right');

    // Sorted by amount, highest first: the glyph shows beside the full name.
    await balanceHeader.click();
    await balanceHeader.click();
    assert.equal(await balanceHeader.getAttribute('aria-sort'), 'descending');
    const wideGlyph = await sortGlyph(output, 3);
    assert.ok(wideGlyph.glyph === '"▼"' && wideGlyph.inside, `the sort glyph shows: ${JSON.stringify(wideGlyph)}`);
    const sorted = (await output.locator('.sl-grid-row:visible .sl-grid-cell[data-column="3"]').allInnerTexts()).slice(0, 5).map((text) => Number(text.replace(/,/g, '')));
    assert.deepEqual(sorted, [...sorted].sort((a, b) => b - a), `highest balances first: ${sorted.join(' | ')}`);
    await screenshot(page, 'notebook-grid-amounts-sorted');

    // Dragged narrow, the header truncates its name, not the glyph.
    const handle = balanceHeader.locator('.sl-grid-resize');
    const handleBox = await handle.boundingBox();
    assert.ok(handleBox, 'the resize handle is on screen');
    await page.mouse.move(handleBox.x + handleBox.width / 2, handleBox.y + handleBox.height / 2);
    await page.mouse.down();
    await page.mouse.move(handleBox.x - 90, handleBox.y + handleBox.height / 2, { steps: 5 });
    await page.mouse.up();
    const narrow = await headerLabels(output);
    assert.equal(narrow[3].cut, true, 'the narrowed header cuts its name');
    const glyph = await sortGlyph(output, 3);
    assert.equal(glyph.glyph, '"▼"');
    assert.ok(glyph.inside && glyph.width >= 8, `the sort glyph keeps its room: ${JSON.stringify(glyph)}`);
    await screenshot(page, 'notebook-grid-narrow-header-keeps-sort-glyph');

    // The grid scrolled to its last row: the wheel goes on to the notebook.
    await output.locator('.sl-grid').evaluate((grid) => grid.scrollTo({ top: grid.scrollHeight }));
    await page.waitForTimeout(300);
    const movedAtEnd = await wheelOverGrid(page, output, 300);
    assert.ok(movedAtEnd > 20, `at the grid's last row the notebook scrolled (moved ${movedAtEnd}px)`);
    await wheelOverGrid(page, output, -600);

    // Full height: every row drawn, nothing to scroll inside the grid, the wheel scrolls the notebook.
    await output.locator('.sl-grid-full-height').click();
    assert.equal(await output.locator('.sl-grid-full-height').getAttribute('aria-pressed'), 'true');
    await output.locator('.sl-grid').evaluate((grid) => grid.scrollTo({ top: 0 }));
    const gridSize = await output.locator('.sl-grid').evaluate((grid) => ({ client: grid.clientHeight, scroll: grid.scrollHeight }));
    assert.ok(gridSize.scroll <= gridSize.client + 1, `the grid has nothing to scroll at full height: ${JSON.stringify(gridSize)}`);
    assert.equal(await output.locator('.sl-grid-row:visible').count(), rowCount, 'every loaded row is drawn');
    const movedFull = await wheelOverGrid(page, output, 400);
    assert.ok(movedFull > 100, `the notebook scrolled under the wheel at full height (moved ${movedFull}px)`);
    assert.equal(await output.locator('.sl-grid').evaluate((grid) => grid.scrollTop), 0, 'the grid itself did not scroll');
    await screenshot(page, 'notebook-grid-full-height-scrolled');

    // Open in Editor: the loaded rows in an editor tab of their own, with the same grid.
    await output.locator('.sl-grid-open-editor').click();
    const tab = page.locator('.tabs-container .tab', { hasText: 'Results: SELECT id, entityid' });
    await tab.waitFor({ timeout: 30_000 });
    const editorGrid = webviewPanel(page);
    await editorGrid.locator('.sl-grid-status', { hasText: new RegExp(`^${rowCount.toLocaleString('en-US')} rows`) }).waitFor({ timeout: 30_000 });
    const editorBalances = await editorGrid.locator('.sl-grid-row:visible .sl-grid-cell[data-column="3"]').allInnerTexts();
    assert.ok(editorBalances.length > 10, 'the tab draws the rows');
    for (const balance of editorBalances) assert.match(balance, /^\d{1,3}(,\d{3})*\.\d\d$/);
    assert.equal(await editorGrid.locator('.sl-grid-open-editor').isHidden(), true, 'no Open in Editor inside the editor');
    const tabGrid = await editorGrid.locator('.sl-grid').boundingBox();
    assert.ok(tabGrid && tabGrid.height > 450, `the grid fills the tab: ${JSON.stringify(tabGrid)}`);
    await editorGrid.locator('.sl-grid-header-cell[data-column="2"]').click();
    assert.equal(await editorGrid.locator('.sl-grid-header-cell[data-column="2"]').getAttribute('aria-sort'), 'ascending');
    await screenshot(page, 'notebook-grid-open-in-editor');
  },
};
