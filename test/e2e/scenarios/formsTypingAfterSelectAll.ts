import * as assert from 'node:assert/strict';
import { expandRow, findRow, startDemoFromWelcome } from '../lib/explorerTree';
import type { Scenario } from '../lib/scenario';
import { screenshot } from '../lib/workbench';
import { createAndWait, fieldValue, fill, formsDemoEnv, openNewForm, pickReference, saveAndWait } from './formsCustomer';

/**
 * A person replaces a field's text as people do: click, Ctrl+A, type at an ordinary pace. Every character must
 * arrive. The cause of the lost first character: VS Code's webview forwards each keydown to the workbench, whose
 * Select All for webviews sends `selectAll` back into the form a moment later — after the first character had
 * already replaced the selection, so the next one replaced it again.
 */
export const scenario: Scenario = {
  name: 'Record form: text typed after Ctrl+A replaces the field completely, first character included',
  async run({ openWorkbench }) {
    const page = await openWorkbench({ env: await formsDemoEnv() });
    await startDemoFromWelcome(page);
    const draft = await openNewForm(page, 'customer');
    await fill(draft, 'companyName', 'Typing E2E GmbH');
    await fill(draft, 'entityId', 'Typing E2E GmbH');
    await fill(draft, 'phone', '030 0000 0000');
    await fill(draft, 'email', 'old@example.com');
    await pickReference(draft, 'subsidiary', 'honey', /Honeycomb/);
    const { frame } = await createAndWait(page, draft, 'customer');
    // Read-only date-times are for reading: the person's date format, not NetSuite's ISO text.
    const created = await fieldValue(frame, 'dateCreated');
    assert.doesNotMatch(created, /^\d{4}-\d{2}-\d{2}T/, `Date Created reads as a date: ${created}`);
    assert.match(created, /\d{4}/);
    // The saved record's form is clean: each replacement below is the first edit after a save, as in the report.
    const typed: Array<[string, string]> = [
      ['phone', '+49 30 9018 2091'],
      ['email', 'noah@example.com'],
      ['companyName', 'noah and sons'],
    ];
    // The record's fields in the tree, to see them follow the saves.
    await expandRow(page, /^Typing E2E GmbH/);
    // With a real catalog's ~200 types the Customer type sits low in the tree: scroll to the record's Phone row.
    const phoneRow = await findRow(page, 'Phone');
    await phoneRow.filter({ hasText: '030 0000 0000' }).waitFor({ timeout: 30_000 });
    for (const [path, after] of typed) {
      const input = frame.locator(`vscode-textfield[data-path="${path}"] input`);
      await input.click();
      await page.keyboard.press('Control+A');
      // The first character right away, then a pause a person might make: long enough for anything VS Code sends
      // back for Ctrl+A to arrive before the rest is typed, which makes the old loss happen every time.
      await page.keyboard.type(after[0]);
      await page.waitForTimeout(800);
      await page.keyboard.type(after.slice(1), { delay: 150 });
      // Let any late message from VS Code land before reading the field.
      await page.waitForTimeout(500);
      assert.equal(await fieldValue(frame, path), after, `${path} holds exactly what was typed`);
      await saveAndWait(frame, /Saved/);
      if (path === 'phone') await phoneRow.filter({ hasText: after }).waitFor({ timeout: 30_000 });
    }
    await screenshot(page, 'forms-typing-after-select-all');
  },
};
