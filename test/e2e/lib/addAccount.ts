// Adds a NetSuite account the way a person does: the palette's "Add NetSuite Account…", token-based authentication
// with the sandbox's TBA credentials, and "Another address" pointing at the sandbox's base URL.
import type { Page } from 'playwright-core';
import type { startSandbox } from '../../../src/sandbox/index';
import { runCommand } from './workbench';

const uiTimeout = 30_000;

/** Waits for the quick input whose title matches, then types `value` and presses Enter. */
export async function answerQuickInput(page: Page, title: RegExp, value: string): Promise<void> {
  await page.locator('.quick-input-widget .quick-input-title', { hasText: title }).waitFor({ timeout: uiTimeout });
  const input = page.locator('.quick-input-widget input');
  await input.fill(value);
  await page.keyboard.press('Enter');
}

export async function addTbaAccount(page: Page, accountId: string, sandbox: Awaited<ReturnType<typeof startSandbox>>): Promise<void> {
  const tba = sandbox.credentials.tba;
  await runCommand(page, 'SuiteLens: Add NetSuite Account…');
  await answerQuickInput(page, /\(1\/4\)/, accountId);
  await page.locator('.quick-input-list .monaco-list-row').filter({ hasText: /Token-based authentication \(TBA\)/ }).first().click({ timeout: uiTimeout });
  await answerQuickInput(page, /\(3\/4\): consumer key$/, tba.consumerKey);
  await answerQuickInput(page, /\(3\/4\): consumer secret$/, tba.consumerSecret);
  await answerQuickInput(page, /\(3\/4\): token id$/, tba.tokenId);
  await answerQuickInput(page, /\(3\/4\): token secret$/, tba.tokenSecret);
  await page.locator('.quick-input-widget .quick-input-title', { hasText: /\(4\/4\)/ }).waitFor({ timeout: uiTimeout });
  await page.locator('.quick-input-list .monaco-list-row').filter({ hasText: /Another address/ }).first().click({ timeout: uiTimeout });
  await answerQuickInput(page, /base URL/, sandbox.baseUrl);
}
