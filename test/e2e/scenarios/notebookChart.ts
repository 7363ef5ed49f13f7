import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Scenario } from '../lib/scenario';
import { notebookOutput, replaceCellText, runCommand, runNotebookCell, screenshot, waitForNotification } from '../lib/workbench';
import { demoNotebook } from './notebookGrid';

/** 3,000 pairs of customers: more points than a scatter draws as symbols (2,000 per series). */
const manyPairs = 'SELECT a.id AS first_customer, b.id AS second_customer FROM customer a, customer b WHERE ROWNUM <= 3000';
const salesByMonth = "SELECT TO_CHAR(trandate, 'YYYY-MM') AS month, SUM(foreigntotal) AS sales FROM transaction GROUP BY TO_CHAR(trandate, 'YYYY-MM') ORDER BY month";

export const scenario: Scenario = {
  name: 'A bar chart of sales by month in light and dark themes, the result exported to XLSX and read back, then a scatter of 3,000 points',
  async run({ openWorkbench }) {
    const page = await openWorkbench({ settings: { 'workbench.colorTheme': 'Default Light Modern' } });
    const folder = new URL(page.url()).searchParams.get('folder');
    assert.ok(folder, 'the workbench URL names its workspace folder');
    await demoNotebook(page);
    await replaceCellText(page, salesByMonth);
    assert.equal(await runNotebookCell(page, 0), 'success');
    const output = notebookOutput(page);
    const status = await output.locator('.sl-grid-status').innerText();
    const months = Number(/^(\d+) rows/.exec(status)?.[1] ?? /of (\d+) rows/.exec(status)?.[1]);
    assert.ok(months > 1, `several months: ${status}`);

    await output.locator('.sl-grid-chart-toggle').click();
    const note = output.locator('.sl-chart-note', { hasText: /^Chart of/ });
    await note.waitFor({ timeout: 30_000 });
    assert.equal(await note.innerText(), `Chart of ${months} of ${months} loaded rows`);
    assert.equal(await output.locator('select.sl-chart-kind').inputValue(), 'bar');
    assert.equal(await output.locator('select.sl-chart-x').inputValue(), 'month', 'the text column is on X');
    assert.ok(await output.locator('.sl-chart-y input[value="sales"]').isChecked(), 'the number column is on Y');
    const canvas = output.locator('.sl-chart-canvas canvas').first();
    await canvas.waitFor({ timeout: 30_000 });
    const box = await canvas.boundingBox();
    assert.ok(box && box.width > 300 && box.height > 200, `the chart is drawn at a readable size: ${JSON.stringify(box)}`);
    await page.waitForTimeout(500);
    await screenshot(page, 'notebook-chart-sales-by-month-light');

    await runCommand(page, 'Preferences: Toggle between Light/Dark Themes');
    await page.locator('.monaco-workbench.vs-dark').waitFor({ timeout: 30_000 });
    await note.waitFor({ timeout: 30_000 });
    await page.waitForTimeout(1000);
    await screenshot(page, 'notebook-chart-sales-by-month-dark');

    await output.locator('.sl-grid-export-xlsx').click();
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ timeout: 30_000 });
    const proposal = /workspace\/suiteql-\d{4}-\d{2}-\d{2}\.xlsx$/;
    let proposed = '';
    for (let waited = 0; waited < 15_000 && !proposal.test(proposed); waited += 100) {
      proposed = await input.inputValue();
      if (!proposal.test(proposed)) await page.waitForTimeout(100);
    }
    assert.match(proposed, proposal);
    await page.keyboard.press('Enter');
    await waitForNotification(page, new RegExp(`Exported ${months} rows to suiteql-.*\\.xlsx`));
    // The progress notification ends with the export, while the "Exported" message waits to be answered.
    await page.locator('.notifications-toasts .notification-toast', { hasText: /Exporting to suiteql-/ }).waitFor({ state: 'detached', timeout: 10_000 });
    await screenshot(page, 'notebook-export-xlsx-done');

    const target = join(folder, `suiteql-${new Date().toISOString().slice(0, 10)}.xlsx`);
    assert.ok(existsSync(target), `${target} was written`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(target);
    const sheet = workbook.worksheets[0];
    assert.deepEqual((sheet.getRow(1).values as unknown[]).slice(1), ['month', 'sales']);
    assert.equal(sheet.actualRowCount, months + 1, 'every month is a row');
    const first = sheet.getRow(2);
    assert.match(String(first.getCell(1).value), /^\d{4}-\d{2}$/);
    assert.equal(typeof first.getCell(2).value, 'number', 'sales are numbers in the workbook, not text');

    // The chart is the cell's: a line chosen now is what the cell shows when it runs again.
    await output.locator('select.sl-chart-kind').selectOption('line');
    await output.locator('.sl-chart-note', { hasText: /^Chart of/ }).waitFor({ timeout: 30_000 });
    // Marks the drawn chart, so the one waited for below is the new output's, not this one.
    await output.locator('.sl-chart').evaluate((element) => element.setAttribute('data-before-rerun', ''));
    assert.equal(await runNotebookCell(page, 0), 'success');
    await output.locator('.sl-chart:not([data-before-rerun]) .sl-chart-note', { hasText: /^Chart of/ }).waitFor({ timeout: 60_000 });
    assert.equal(await output.locator('select.sl-chart-kind').inputValue(), 'line', 'the re-run result opens as the kept line chart');
    await screenshot(page, 'notebook-chart-kept-after-rerun');

    // A scatter of more points than ECharts' large mode: its points are drawn as one image (scatterRaster.ts).
    await replaceCellText(page, manyPairs);
    assert.equal(await runNotebookCell(page, 0), 'success');
    await output.locator('.sl-grid-load-all').click();
    await output.locator('.sl-grid-status', { hasText: /^3,000 rows/ }).waitFor({ timeout: 60_000 });
    if (!(await output.locator('.sl-chart').isVisible())) await output.locator('.sl-grid-chart-toggle').click();
    await output.locator('select.sl-chart-kind').selectOption('scatter');
    await output.locator('select.sl-chart-x').selectOption('first_customer');
    const second = output.locator('.sl-chart-y input[value="second_customer"]');
    if (!(await second.isChecked())) await second.check();
    await output.locator('.sl-chart-note', { hasText: /^Chart of 3,000 of 3,000 loaded rows$/ }).waitFor({ timeout: 30_000 });
    await page.waitForTimeout(500);
    await screenshot(page, 'notebook-chart-scatter-3000-points');
  },
};
