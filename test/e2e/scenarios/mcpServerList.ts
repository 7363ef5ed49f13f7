import * as assert from 'node:assert/strict';
import { demoAccount, openAgentsWorkbench, uiTimeout, viewPane } from '../lib/agentPanes';
import type { Scenario } from '../lib/scenario';
import { customEndpointModels, startScriptedModelServer } from '../lib/scriptedModelServer';
import { chatResponses, openChatWithScriptedModel, sendChatPrompt } from '../lib/vscodeChat';
import { runCommand, screenshot } from '../lib/workbench';

export const scenario: Scenario = {
  name: "VS Code's MCP server list shows SuiteLens's endpoint (from its definition provider), starts it with the VS Code MCP agent's key, and a call through it lands in Agent Activity",
  async run({ openWorkbench, onCleanup }) {
    const model = await startScriptedModelServer([
      { when: /Read customer 100 through MCP/, tool: 'suitelens_get_record', through: 'mcp', arguments: { account: demoAccount, recordType: 'customer', id: '100' } },
    ]);
    onCleanup(() => model.stop());
    const { page } = await openAgentsWorkbench((options) => openWorkbench({ ...options, userFiles: { 'chatLanguageModels.json': customEndpointModels(model.url) } }));

    // VS Code's own list has the endpoint, with no configuration copied by hand.
    await runCommand(page, 'MCP: List Servers');
    // Listed but not started: listing issues no key; VS Code starts it (and asks for the key) when it is needed.
    await page.locator('.quick-input-list .monaco-list-row', { hasText: /SuiteLens\s*Stopped/ }).first().waitFor({ timeout: uiTimeout });
    await screenshot(page, 'mcp-1-vscode-server-list');
    await page.keyboard.press('Escape');

    // The chat's model calls SuiteLens's tool as VS Code's MCP client offers it: VS Code starts the server (the
    // provider issues the key then), and the call arrives as the VS Code MCP agent, which holds no grant yet.
    await openChatWithScriptedModel(page);
    await sendChatPrompt(page, 'Read customer 100 through MCP');
    const row = viewPane(page, 'Agent Activity').locator('.monaco-list-row .label-name', {
      hasText: new RegExp(`^VS Code MCP tried to read customer \\(id 100\\) on ${demoAccount} — denied: customer not granted`),
    });
    await row.first().waitFor({ timeout: 60_000 });
    await chatResponses(page).first().waitFor({ timeout: uiTimeout });
    const offered = model.requests.at(-1)?.tools?.map((tool) => tool.function?.name ?? '') ?? [];
    assert.ok(offered.some((name) => name !== 'suitelens_get_record' && name.endsWith('_suitelens_get_record')), `MCP tools offered: ${offered.join(', ')}`);
    await screenshot(page, 'mcp-2-call-in-agent-activity');

    await runCommand(page, 'MCP: List Servers');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: /SuiteLens\s*Running/ }).first().waitFor({ timeout: uiTimeout });
    await screenshot(page, 'mcp-3-server-running');
  },
};
