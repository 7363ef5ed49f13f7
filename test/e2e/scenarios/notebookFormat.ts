import * as assert from 'node:assert/strict';
import type { Scenario } from '../lib/scenario';
import { readGrid, runNotebookCell, screenshot } from '../lib/workbench';
import { demoNotebook } from './notebookGrid';

const oneLine = "select t.id, BUILTIN.DF(t.entity) as customer, t.trandate from transaction t where t.type = 'SalesOrd' and rownum <= 5 order by t.id";

export const scenario: Scenario = {
  name: 'Format Document in a notebook cell lays a one-line SuiteQL query out by clause, keeping BUILTIN.DF and ROWNUM, and it still runs',
  async run({ openWorkbench }) {
    const page = await openWorkbench();
    await demoNotebook(page);
    const editor = page.locator('.notebook-editor .code-cell-row .monaco-editor').first();
    await editor.locator('.view-lines').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type(oneLine);
    // Format Document's Linux key (the palette lists it only under "Format Document With…" in a notebook cell).
    await page.keyboard.press('Control+Shift+I');
    const lines = editor.locator('.view-line');
    await editor.locator('.view-line', { hasText: /^\s*from\s*$/ }).waitFor({ timeout: 30_000 });
    const text = (await lines.allInnerTexts()).map((line) => line.replace(/\u00a0/g, ' '));
    assert.ok(text.some((line) => line.trim() === 'BUILTIN.DF(t.entity) as customer,'), `BUILTIN.DF kept as written: ${text.join(' / ')}`);
    assert.ok(text.some((line) => line.trim() === 'and rownum <= 5'), `ROWNUM kept: ${text.join(' / ')}`);
    await screenshot(page, 'notebook-format-cell');
    assert.equal(await runNotebookCell(page, 0), 'success');
    const grid = await readGrid(page);
    assert.deepEqual(grid[0].slice(0, 3), ['id', 'customer', 'trandate']);
  },
};
