import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { FrameLocator, Page } from 'playwright-core';
import { TbaAuthProvider } from '../../../src/netsuite/auth/tba';
import { NetSuiteClient } from '../../../src/netsuite/client';
import { startSandbox } from '../../../src/sandbox/index';
import { addTbaAccount } from '../lib/addAccount';
import type { Scenario } from '../lib/scenario';
import { exactly, runCommand, screenshot, waitForNotification, webviewPanel } from '../lib/workbench';
import { answerModal } from './formsSalesOrder';

const uiTimeout = 30_000;

/** Right-clicks the file in VS Code's explorer and runs "Import Records from CSV…", answering type and mode. */
async function importFromExplorer(page: Page, file: string): Promise<FrameLocator> {
  await runCommand(page, 'View: Show Explorer');
  const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: file }).first();
  await row.click({ button: 'right', timeout: uiTimeout });
  const item = page.locator('.context-view .monaco-menu .action-item', { hasText: 'Import Records from CSV…' }).first();
  await item.click({ timeout: uiTimeout });
  // A click that lands while the menu is still drawing (1.139 under load) leaves it open on the item.
  if (await item.waitFor({ state: 'hidden', timeout: 3_000 }).then(() => false, () => true)) await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Import into which record type?' }).waitFor({ timeout: uiTimeout });
  await page.locator('.quick-input-widget input').fill('Customer');
  await page.locator('.quick-input-list .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: exactly('Customer') }) }).first().click({ timeout: uiTimeout });
  await page.locator('.quick-input-widget .quick-input-title', { hasText: /Import Customer records: what should each row do\?/ }).waitFor({ timeout: uiTimeout });
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Create new records' }).first().click({ timeout: uiTimeout });
  const view = webviewPanel(page);
  await view.locator('table.mapping').waitFor({ timeout: 60_000 });
  return view;
}

async function mappingOf(view: FrameLocator): Promise<Record<string, string>> {
  const mapping: Record<string, string> = {};
  for (const select of await view.locator('select[data-column]').all()) mapping[(await select.getAttribute('data-column'))!] = await select.inputValue();
  return mapping;
}

export const scenario: Scenario = {
  // The mapping suggested and edited, a dry run listing bad rows by column, the production confirmation, the results
  // file opened; a cancelled import resumed without creating anything twice.
  name: 'CSV import: mapping, dry run with errors, import with results file, resume after cancel',
  async run({ openWorkbench, onCleanup }) {
    // Production's id (1234567) on a local sandbox: production rules (the confirmation), no risk.
    const sandbox = await startSandbox({ host: '127.0.0.1', port: 0, accountId: '1234567' });
    onCleanup(() => sandbox.stop());
    const cacheRoot = mkdtempSync(join(tmpdir(), 'suitelens-import-e2e-'));
    onCleanup(() => rmSync(cacheRoot, { recursive: true, force: true }));
    const client = new NetSuiteClient({ accountId: sandbox.accountId, auth: new TbaAuthProvider(sandbox.accountId, sandbox.credentials.tba), overrides: { restBaseUrl: sandbox.baseUrl }, cacheRoot });
    onCleanup(() => client.dispose());
    const query = async (sql: string) => (await client.queryPage(sql, 0, { pageSize: 1000 })).rows.map((row) => row.raw as Record<string, string>);
    const subsidiary = (await query('SELECT name FROM subsidiary ORDER BY id'))[0].name;

    const customers = stringify([
      ['Company Name', 'Primary Subsidiary', 'Credit Limit', 'Start Date', 'Mail'],
      ['E2E Import Alpha', subsidiary, '1000', '2026-03-01', 'alpha@example.com'],
      ['E2E Import Bravo', subsidiary, 'lots', '2026-03-01', 'bravo@example.com'],
      ['E2E Import Charlie', 'Atlantis Holdings', '500', '2026-03-01', 'charlie@example.com'],
      ['E2E Import Delta', subsidiary, '750', '03/01/2026', 'delta@example.com'],
      ['E2E Import Echo', subsidiary, '250', '2026-03-02', 'echo@example.com'],
      ['E2E Import Foxtrot', subsidiary, '9', '2026-03-03', 'foxtrot@example.com'],
    ]);
    const bulkNames = Array.from({ length: 700 }, (_, n) => `E2E Bulk ${String(n).padStart(3, '0')}`);
    const bulk = stringify([['Company Name', 'Primary Subsidiary'], ...bulkNames.map((name) => [name, subsidiary])]);
    // The chat's secondary side bar would take half of the import view's width.
    const page = await openWorkbench({ folderFiles: { 'customers.csv': customers, 'bulk.csv': bulk }, settings: { 'workbench.secondarySideBar.defaultVisibility': 'hidden' } });
    await addTbaAccount(page, '1234567', sandbox);
    await page.locator('.part.statusbar .statusbar-item', { hasText: /PRODUCTION/ }).first().waitFor({ timeout: 60_000 });

    // The mapping: suggested by name; "Mail" matches no field until the person picks Email.
    let view = await importFromExplorer(page, 'customers.csv');
    assert.deepEqual(await mappingOf(view), { 'Company Name': 'companyName', 'Primary Subsidiary': 'subsidiary', 'Credit Limit': 'creditLimit', 'Start Date': 'startDate', Mail: '' });
    assert.equal(await view.locator('select[data-match="Primary Subsidiary"]').inputValue(), 'name');
    await view.locator('select[data-column="Mail"]').selectOption('email');
    await view.locator('h1', { hasText: 'Import customers.csv into Customer' }).waitFor({ timeout: uiTimeout });
    await screenshot(page, 'import-csv-1-mapping');

    // Dry run: three bad rows, each problem on its column, nothing written.
    await view.locator('#dryRun').click();
    const summary = view.locator('#problems .summary');
    await summary.waitFor({ timeout: 60_000 });
    assert.equal(await summary.innerText(), '3 rows ready, 3 rows with problems (not sent on import). Nothing was written.');
    const problemRows = await view.locator('table.problems tbody tr').allInnerTexts();
    assert.deepEqual(
      problemRows.map((row) => row.split('\t').map((cell) => cell.trim())),
      [
        ['2', 'Credit Limit', "Credit Limit: 'lots' is not a number"],
        ['3', 'Primary Subsidiary', "Primary Subsidiary: no subsidiary with name 'Atlantis Holdings'"],
        ['4', 'Start Date', "Start Date: '03/01/2026' is not a date (YYYY-MM-DD)"],
      ],
    );
    assert.match(await view.locator('#problems .counts').innerText(), /Credit Limit 1 · Primary Subsidiary 1 · Start Date 1/);
    assert.deepEqual(await query(`SELECT id FROM customer WHERE companyname LIKE 'E2E Import%'`), []);
    await screenshot(page, 'import-csv-2-dry-run-errors');

    // Import: production asks first, naming the account; then the results file opens beside the view.
    await view.locator('#apply').click();
    await page.locator('.monaco-dialog-box', { hasText: /PRODUCTION account 1234567/ }).waitFor({ timeout: uiTimeout });
    assert.equal(sandbox.requestLog.list({ method: 'POST' }).filter((entry) => entry.path.endsWith('/customer')).length, 0, 'nothing sent before the answer');
    await screenshot(page, 'import-csv-3-production-confirmation');
    const question = await answerModal(page, /Create new records \(Customer\) from 6 rows of customers\.csv in PRODUCTION account 1234567/, 'Import to NetSuite');
    assert.match(question, /customers\.[A-Z0-9_]+\.results\.csv/);
    await waitForNotification(page, 'Imported 6 rows of customers.csv: 3 created, 3 not sent (invalid).');
    await view.locator('#problems h2', { hasText: 'Import results' }).waitFor({ timeout: uiTimeout });
    const resultsPath = (await view.locator('#openResults').getAttribute('title'))!;
    await view.locator('#openResults').click();
    await page.locator('.tab.active', { hasText: /customers\.[A-Z0-9_]+\.results\.csv/ }).waitFor({ timeout: uiTimeout });
    await page.locator('.editor-instance .view-lines', { hasText: 'E2E' }).or(page.locator('.editor-instance .view-lines', { hasText: 'created' })).first().waitFor({ timeout: uiTimeout });
    await screenshot(page, 'import-csv-4-results-open');

    const results = parse(readFileSync(resultsPath, 'utf8'), { columns: true }) as Record<string, string>[];
    assert.deepEqual(results.map((line) => [line.row, line.status]), [['1', 'created'], ['2', 'invalid'], ['3', 'invalid'], ['4', 'invalid'], ['5', 'created'], ['6', 'created']]);
    const made = await query(`SELECT id, companyname, creditlimit, email FROM customer WHERE companyname LIKE 'E2E Import%' ORDER BY companyname`);
    assert.deepEqual(made.map((row) => [row.companyname, String(row.creditlimit), row.email]), [
      ['E2E Import Alpha', '1000', 'alpha@example.com'],
      ['E2E Import Echo', '250', 'echo@example.com'],
      ['E2E Import Foxtrot', '9', 'foxtrot@example.com'],
    ]);
    assert.deepEqual(results.filter((line) => line.status === 'created').map((line) => line.recordId), made.map((row) => String(row.id)));

    // The person fixes the three rows NetSuite never got and adds one at the top, then imports the file again: the
    // view knows the three created rows wherever they moved, and only the four new entries are sent.
    await runCommand(page, 'View: Close All Editors');
    const fixed = stringify([
      ['Company Name', 'Primary Subsidiary', 'Credit Limit', 'Start Date', 'Mail'],
      ['E2E Import Golf', subsidiary, '300', '2026-03-04', 'golf@example.com'],
      ['E2E Import Alpha', subsidiary, '1000', '2026-03-01', 'alpha@example.com'],
      ['E2E Import Bravo', subsidiary, '400', '2026-03-01', 'bravo@example.com'],
      ['E2E Import Charlie', subsidiary, '500', '2026-03-01', 'charlie@example.com'],
      ['E2E Import Delta', subsidiary, '750', '2026-03-01', 'delta@example.com'],
      ['E2E Import Echo', subsidiary, '250', '2026-03-02', 'echo@example.com'],
      ['E2E Import Foxtrot', subsidiary, '9', '2026-03-03', 'foxtrot@example.com'],
    ]);
    writeFileSync(join(dirname(resultsPath), 'customers.csv'), fixed);
    view = await importFromExplorer(page, 'customers.csv');
    await view.locator('#resume', { hasText: /Resume import: 3 of 7 rows already done \(customers\.[A-Z0-9_]+\.results\.csv\); Import sends only the rest\./ }).waitFor({ timeout: uiTimeout });
    assert.equal(await view.locator('select[data-column="Mail"]').inputValue(), 'email', 'the mapping used last time is kept');
    await screenshot(page, 'import-csv-4b-fixed-file-resume-notice');
    await view.locator('#apply').click();
    await answerModal(page, /from 4 rows of customers\.csv in PRODUCTION/, 'Import to NetSuite');
    await waitForNotification(page, 'Imported 7 rows of customers.csv (3 rows done earlier): 4 created.');
    const all = await query(`SELECT companyname FROM customer WHERE companyname LIKE 'E2E Import%' ORDER BY companyname`);
    assert.deepEqual(all.map((row) => row.companyname), ['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo', 'Foxtrot', 'Golf'].map((name) => `E2E Import ${name}`), 'each row once');
    await screenshot(page, 'import-csv-4c-fixed-file-imported');
    // Mapped otherwise, no row is the entry sent before: the results file that records them is kept, and Import refused.
    await view.locator('select[data-column="Mail"]').selectOption('');
    await view.locator('#resume', { hasText: /customers\.[A-Z0-9_]+\.results\.csv records 7 rows that NetSuite has, or may have, from an import of this file with another record type, mode or column mapping/ }).waitFor({ timeout: uiTimeout });
    await screenshot(page, 'import-csv-4d-other-mapping-refused');

    // A long import cancelled while its first batches run: the batches already sent finish, the rest wait.
    await runCommand(page, 'View: Close All Editors');
    sandbox.configure({ latency: { perRequestMs: 0, perRowMs: 0, asyncJobMs: 3000 } });
    view = await importFromExplorer(page, 'bulk.csv');
    await view.locator('#apply').click();
    await answerModal(page, /Create new records \(Customer\) from 700 rows of bulk\.csv in PRODUCTION/, 'Import to NetSuite');
    const progress = page.locator('.notifications-toasts .notification-toast', { hasText: 'Importing bulk.csv into Customer' });
    await progress.waitFor({ timeout: uiTimeout });
    await progress.hover();
    await screenshot(page, 'import-csv-5-progress');
    await progress.locator('.monaco-button', { hasText: 'Cancel' }).click({ timeout: uiTimeout });
    // The five batches in flight (the account's concurrency) finish; the other two are never sent.
    await page.locator('.notifications-toasts .notification-toast', { hasText: 'Import stopped: 500 of 700 rows done: 500 created.' }).waitFor({ timeout: 120_000 });
    sandbox.configure({ latency: { perRequestMs: 0, perRowMs: 0, asyncJobMs: 0 } });
    assert.equal(Number((await query(`SELECT COUNT(*) AS n FROM customer WHERE companyname LIKE 'E2E Bulk%'`))[0].n), 500);

    // Run again on the same file: the view says how far the last run got, and Import sends only the rest.
    await runCommand(page, 'View: Close All Editors');
    view = await importFromExplorer(page, 'bulk.csv');
    await view.locator('#resume', { hasText: /Resume import: 500 of 700 rows already done \(bulk\.[A-Z0-9_]+\.results\.csv\); Import sends only the rest\./ }).waitFor({ timeout: uiTimeout });
    await screenshot(page, 'import-csv-6-resume-notice');
    await view.locator('#apply').click();
    const resumeQuestion = await answerModal(page, /from 200 rows of bulk\.csv in PRODUCTION/, 'Import to NetSuite');
    assert.match(resumeQuestion, /500 rows were imported by an earlier run and are not sent again/);
    await waitForNotification(page, 'Imported 700 rows of bulk.csv (500 rows done earlier): 200 created.');
    const bulkMade = await query(`SELECT companyname FROM customer WHERE companyname LIKE 'E2E Bulk%' ORDER BY companyname`);
    assert.deepEqual(bulkMade.map((row) => row.companyname), bulkNames, 'every row created exactly once');
    await screenshot(page, 'import-csv-7-resumed-import-done');

    // A read-only account: the view still checks rows, but Import is off and says why.
    // On 1.139 under load, the explorer's refresh after the import can take the focus from the quick pick as it opens,
    // which closes it: open it again then.
    for (let attempt = 0; ; attempt += 1) {
      await runCommand(page, 'SuiteLens: Account Options…');
      const opened = await page.locator('.quick-input-list .monaco-list-row', { hasText: /1234567/ }).first().click({ timeout: 10_000 }).then(() => true, () => false);
      if (opened && (await page.locator('.quick-input-list .monaco-list-row', { hasText: /Read-only/ }).first().waitFor({ timeout: 10_000 }).then(() => true, () => false))) break;
      if (attempt >= 2) throw new Error('Account Options did not stay open');
      await page.keyboard.press('Escape');
      await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => undefined);
    }
    await page.locator('.quick-input-list .monaco-list-row', { hasText: /Read-only/ }).first().click({ timeout: uiTimeout });
    await page.locator('.quick-input-list .monaco-list-row', { hasText: /Read-only/ }).filter({ hasText: /On/ }).first().waitFor({ timeout: uiTimeout });
    await page.keyboard.press('Escape');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: uiTimeout });
    await runCommand(page, 'View: Close All Editors');
    view = await importFromExplorer(page, 'customers.csv');
    await view.locator('.notice', { hasText: 'is read-only: a dry run works, Import is off' }).waitFor({ timeout: uiTimeout });
    assert.equal(await view.locator('#apply').getAttribute('disabled'), '');
    await screenshot(page, 'import-csv-8-read-only');
  },
};
