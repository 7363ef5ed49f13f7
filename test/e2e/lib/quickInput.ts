// Steps in VS Code's quick input (input boxes and quick picks), as the add-account wizard and other multi-step
// prompts use it: wait for a step by its title, answer it, pick a row, read the validation message under the box.
import type { Locator, Page } from 'playwright-core';

const uiTimeout = 30_000;

export function quickInput(page: Page): Locator {
  return page.locator('.quick-input-widget input');
}

/** The validation message shown under the input box while the user types. */
export function quickInputMessage(page: Page): Locator {
  return page.locator('.quick-input-widget .quick-input-message');
}

export async function waitForQuickInputTitle(page: Page, title: RegExp): Promise<void> {
  await page.locator('.quick-input-widget .quick-input-title', { hasText: title }).waitFor({ timeout: uiTimeout });
}

/** Waits for the step titled `title`, fills in `text` (as a paste would) and accepts it with Enter. */
export async function answerQuickInput(page: Page, title: RegExp, text: string): Promise<void> {
  await waitForQuickInputTitle(page, title);
  await quickInput(page).fill(text);
  await page.keyboard.press('Enter');
}

export async function pickQuickInputRow(page: Page, label: RegExp): Promise<void> {
  await page.locator('.quick-input-list .monaco-list-row').filter({ hasText: label }).first().click({ timeout: uiTimeout });
}
