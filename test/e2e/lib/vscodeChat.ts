// Steps in VS Code's own chat view (1.139): open it, pick the loopback "Custom Endpoint" model, send a prompt, and
// read or answer what it shows. The model list comes from chatLanguageModels.json (see scriptedModelServer.ts).
import type { Locator, Page } from 'playwright-core';
import { scriptedModelName } from './scriptedModelServer';

const uiTimeout = 30_000;

/** The chat view in the secondary side bar. */
export function chatView(page: Page): Locator {
  return page.locator('.interactive-session').first();
}

/**
 * Opens the chat from the title bar and picks the scripted model. VS Code lists a bring-your-own-key model in the
 * picker once its provider has been asked for its models, which the Language Models editor does: open it through
 * the picker's "Manage Models...", wait for the model's row, close it, then pick the model.
 */
export async function openChatWithScriptedModel(page: Page): Promise<Locator> {
  await page.locator('.titlebar .action-item').filter({ has: page.locator('.codicon-chat-sparkle') }).first().click({ timeout: uiTimeout });
  const picker = page.locator('.interactive-session a.model-picker-name').first();
  await picker.click({ timeout: uiTimeout });
  await page.locator('.monaco-list-row[role="option"][aria-label^="Manage Models"]').first().click({ timeout: uiTimeout });
  await page.locator('.monaco-list-row', { hasText: scriptedModelName }).first().waitFor({ timeout: 120_000 });
  await page.keyboard.press('Escape');
  await picker.click({ timeout: uiTimeout });
  await page.locator(`.monaco-list-row[role="option"][aria-label^="${scriptedModelName}"]`).first().click({ timeout: uiTimeout });
  await picker.filter({ hasText: /^SuiteLens/ }).waitFor({ timeout: uiTimeout });
  // VS Code then suggests "Set BYOK utility models" (Copilot's own helper models) over the transcript: dismissed.
  const dismiss = page.locator('.chat-input-notification-widget [aria-label="Dismiss notification"]').first();
  await dismiss.click({ timeout: 10_000 }).catch(() => undefined);
  return chatView(page);
}

/** Types a prompt into the chat input and sends it. */
export async function sendChatPrompt(page: Page, prompt: string): Promise<void> {
  await chatView(page).locator('.interactive-input-editor').first().click({ timeout: uiTimeout });
  await page.keyboard.type(prompt);
  await page.keyboard.press('Enter');
}

/** The chat's responses (the model's turns), in order. */
export function chatResponses(page: Page): Locator {
  return chatView(page).locator('.interactive-item-container.interactive-response');
}

