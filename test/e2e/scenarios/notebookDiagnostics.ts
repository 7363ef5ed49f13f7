import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { Scenario } from '../lib/scenario';
import { runNotebookCell, screenshot } from '../lib/workbench';
import { demoNotebook } from './notebookGrid';

const cellEditor = (page: Page) => page.locator('.notebook-editor .code-cell-row .monaco-editor').first();

async function replaceCellText(page: Page, text: string): Promise<void> {
  await cellEditor(page).locator('.view-lines').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}

/** Opens the suggest widget at the caret (it may already be open from typing) and waits for a row with `label`. */
async function suggestionsShowing(page: Page, label: string): Promise<string[]> {
  const rows = page.locator('.suggest-widget .monaco-list-row');
  try {
    await rows.first().waitFor({ timeout: 5_000 });
  } catch {
    await page.keyboard.press('Control+Space');
    await rows.first().waitFor({ timeout: 15_000 });
  }
  await page.locator('.suggest-widget .monaco-list-row', { hasText: label }).first().waitFor({ timeout: 15_000 });
  return (await page.locator('.suggest-widget .monaco-list-row .label-name').allInnerTexts()).map((text) => text.trim());
}

/** The Problems panel's rows, opened if it is closed. */
async function problemsText(page: Page, waitFor: RegExp): Promise<string> {
  const panel = page.locator('.markers-panel');
  if (!(await panel.isVisible())) await page.keyboard.press('Control+Shift+M');
  await panel.locator('.monaco-list-row', { hasText: waitFor }).first().waitFor({ timeout: 30_000 });
  return (await panel.locator('.monaco-list-row').allInnerTexts()).join('\n');
}

export const scenario: Scenario = {
  name: "The editor offers SuiteQL names and type ids, warns about a mistyped table with did-you-mean, and shows NetSuite's run error on the cell",
  async run({ openWorkbench }) {
    const page = await openWorkbench();
    await demoNotebook(page);
    // Room for the suggestion details: the chat pane on the right is not part of this story.
    if (await page.locator('.part.auxiliarybar').isVisible()) await page.keyboard.press('Control+Alt+B');
    if (await page.locator('.part.sidebar').isVisible()) await page.keyboard.press('Control+B');

    // Completion on customer: the SuiteQL column balancesearch, never the REST field balance NetSuite would refuse.
    await replaceCellText(page, 'SELECT  FROM customer');
    await page.keyboard.press('Home');
    for (let i = 0; i < 'SELECT '.length; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.type('bal');
    await suggestionsShowing(page, 'balancesearch');
    // The catalog's customer fields arrive with the first request; ask again so the list is the one with them.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Space');
    const labels = await suggestionsShowing(page, 'balancesearch');
    assert.equal(labels[0], 'balancesearch', `suggestions: ${labels.join(', ')}`);
    assert.ok(!labels.includes('balance'), `the REST field is not offered: ${labels.join(', ')}`);
    const focused = await page.locator('.suggest-widget .monaco-list-row.focused').innerText();
    assert.match(focused, /REST field: balance/);
    // Ctrl+Space again opens the focused item's details: the SuiteQL column and the REST field it stands for.
    await page.keyboard.press('Control+Space');
    await page.locator('.suggest-details', { hasText: 'balancesearch' }).first().waitFor({ timeout: 10_000 }).catch(() => undefined);
    await screenshot(page, 'notebook-completion-balancesearch');
    await page.keyboard.press('Escape');

    // A mistyped table: a warning squiggle before any run, "did you mean" in hover and in Problems.
    await replaceCellText(page, 'SELECT id FROM transactoin');
    await page.keyboard.press('Escape');
    const squiggle = cellEditor(page).locator('.squiggly-warning').first();
    await squiggle.waitFor({ timeout: 30_000 });
    // The squiggle is drawn under the text layer, which takes the pointer: hover the text it underlines.
    const box = await cellEditor(page).locator('.view-lines span', { hasText: 'transactoin' }).last().boundingBox();
    assert.ok(box, 'the table name is drawn');
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2);
    const hover = page.locator('.monaco-hover', { hasText: 'Did you mean "transaction"?' }).first();
    await hover.waitFor({ timeout: 15_000 });
    assert.match(await hover.innerText(), /Unknown table "transactoin"\. Did you mean "transaction"\?/);
    await screenshot(page, 'notebook-diagnostic-did-you-mean-hover');
    assert.match(await problemsText(page, /transactoin/), /Unknown table "transactoin"\. Did you mean "transaction"\?/);
    await screenshot(page, 'notebook-diagnostic-did-you-mean-problems');

    // NetSuite's own refusal after a run: an error diagnostic on the cell at the name it cites, gone once edited.
    await replaceCellText(page, 'SELECT id, nosuchcolumn FROM customer');
    await page.keyboard.press('Escape');
    assert.equal(await runNotebookCell(page, 0), 'error');
    const runError = cellEditor(page).locator('.squiggly-error').first();
    await runError.waitFor({ timeout: 30_000 });
    assert.match(await problemsText(page, /NetSuite: Unknown identifier/), /NetSuite: Unknown identifier 'nosuchcolumn'/);
    await screenshot(page, 'notebook-diagnostic-netsuite-run-error');
    await cellEditor(page).locator('.view-lines').click();
    await page.keyboard.press('End');
    await page.keyboard.type(' ');
    await runError.waitFor({ state: 'detached', timeout: 15_000 });

    // Type ids inside the quotes of `type = '…'`, with the label NetSuite shows beside each.
    await replaceCellText(page, "SELECT id, tranid FROM transaction t WHERE t.type = '");
    const typeIds = await suggestionsShowing(page, 'CustInvc');
    assert.ok(typeIds.includes('SalesOrd'), `type ids: ${typeIds.join(', ')}`);
    // Each row shows NetSuite's label beside the id; the common types come first.
    assert.match(await page.locator('.suggest-widget .monaco-list-row', { hasText: 'CustInvc' }).first().innerText(), /CustInvc\s+Invoice/);
    assert.equal(typeIds[0], 'SalesOrd');
    await screenshot(page, 'notebook-completion-transaction-type-ids');
    await page.keyboard.press('Escape');
  },
};
