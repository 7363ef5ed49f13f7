// SuiteLens uses APIs newer than its engine floor (VS Code 1.100) only where the running VS Code has them. This suite
// runs on both harness versions (SUITELENS_VSCODE=min|current) and asserts each branch explicitly: on 1.100 the
// newer APIs are absent and SuiteLens takes the old path; on 1.139 it takes the new one.
import * as assert from 'node:assert/strict';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import * as vscode from 'vscode';
import type { SuiteLensApi } from '../../../src/extension';
import { languageModelDataPart } from '../../../src/vscode/agents/languageModelTools';
import type { McpHttpDefinition } from '../../../src/vscode/agents/mcpServerDefinitionProvider';
import { vscodeMcpAgent } from '../../../src/vscode/agents/mcpServerDefinitionProvider';
import versions from '../versions.json';
import { activeSuiteLens, jsonOfDataPart } from './extension';

// Unset means the minimum, as in the harness (test/vscode/harness/paths.ts).
const target = (process.env.SUITELENS_VSCODE || 'min') as keyof typeof versions;
const minor = Number(vscode.version.split('.')[1]);
const has = (owner: object, name: string): boolean => typeof (owner as Record<string, unknown>)[name] === 'function';
const never = new vscode.CancellationTokenSource().token;

suite(`Newer VS Code APIs, used only where present (VS Code ${vscode.version})`, () => {
  let api: SuiteLensApi;

  suiteSetup(async function () {
    this.timeout(120_000);
    api = (await activeSuiteLens()).exports as SuiteLensApi;
    await api.agents.ready;
  });

  test('the harness runs the VS Code it was asked for', () => {
    assert.equal(vscode.version, versions[target].vscode, `SUITELENS_VSCODE=${target}`);
  });

  test('the MCP definition provider is registered exactly where VS Code has the finalised API (1.101+)', () => {
    // 1.100 has the function too, but refuses an extension without the pre-release contribution: SuiteLens must
    // then carry on without it (it activated, or this suite's setup had failed).
    if (minor >= 101) assert.ok(has(vscode.lm, 'registerMcpServerDefinitionProvider'));
    assert.equal(api.agents.mcpDefinitions.registered, minor >= 101, `registered on ${vscode.version}`);
    assert.equal(api.agents.mcpDefinitions.provider === undefined, minor < 101);
  });

  test('VS Code\'s MCP list gets the running endpoint, and resolving it issues the VS Code MCP agent a key that works', async function () {
    this.timeout(60_000);
    const provider = api.agents.mcpDefinitions.provider;
    if (!provider) return this.skip(); // 1.100: asserted absent above
    const settings = vscode.workspace.getConfiguration('suitelens.agents.mcp');
    assert.deepEqual(await provider.provideMcpServerDefinitions(never), [], 'nothing is listed while the endpoint is off');
    let changes = 0;
    const listener = provider.onDidChangeMcpServerDefinitions(() => (changes += 1));
    try {
      await settings.update('port', 0, vscode.ConfigurationTarget.Global);
      await settings.update('enabled', true, vscode.ConfigurationTarget.Global);
      await api.agents.mcp.apply();
      assert.ok(changes >= 1, 'starting the endpoint refreshes VS Code\'s list');
      const [listed] = await provider.provideMcpServerDefinitions(never);
      assert.equal(listed.uri.toString(), api.agents.mcp.url);
      assert.equal(listed.headers.Authorization, undefined, 'listing issues no key');

      const resolved = (await provider.resolveMcpServerDefinition(listed, never)) as McpHttpDefinition;
      const bearer = /^Bearer (slk_\S+)$/.exec(resolved.headers.Authorization ?? '')?.[1];
      assert.ok(bearer, 'the resolved definition carries a SuiteLens key');
      assert.equal(await api.agents.guard.keys.keyOf(vscodeMcpAgent.id), bearer, 'the key belongs to the VS Code MCP agent');
      const client = new Client({ name: 'vscode-mcp-test', version: '1.0.0' });
      await client.connect(new StreamableHTTPClientTransport(new URL(resolved.uri.toString()), { requestInit: { headers: resolved.headers } }));
      assert.ok((await client.listTools()).tools.length > 0);
      await client.close();

      const before = changes;
      await api.agents.guard.keys.revoke(vscodeMcpAgent.id);
      api.agents.access.keysChanged();
      await waitUntil(() => changes > before);
    } finally {
      listener.dispose();
      await settings.update('enabled', undefined, vscode.ConfigurationTarget.Global);
      await settings.update('port', undefined, vscode.ConfigurationTarget.Global);
      await api.agents.mcp.apply();
      if (await api.agents.access.agent(vscodeMcpAgent.id)) await api.agents.access.removeAgent(vscodeMcpAgent.id);
    }
  });

  test('a person\'s own MCP agent called "VS Code MCP" keeps its key and grants when VS Code starts the listed SuiteLens server', async function () {
    this.timeout(60_000);
    const provider = api.agents.mcpDefinitions.provider;
    if (!provider) return this.skip(); // 1.100: asserted absent above
    const settings = vscode.workspace.getConfiguration('suitelens.agents.mcp');
    // Made before VS Code had an MCP list (on 1.100, its configuration copied into mcp.json by hand).
    const own = await api.agents.access.addAgent('VS Code MCP', 'mcp');
    const ownKey = await api.agents.guard.keys.issue(own);
    try {
      await settings.update('port', 0, vscode.ConfigurationTarget.Global);
      await settings.update('enabled', true, vscode.ConfigurationTarget.Global);
      await api.agents.mcp.apply();
      const [listed] = await provider.provideMcpServerDefinitions(never);
      const resolved = (await provider.resolveMcpServerDefinition(listed, never)) as McpHttpDefinition;
      const bearer = /^Bearer (slk_\S+)$/.exec(resolved.headers.Authorization ?? '')?.[1];
      assert.ok(bearer);
      assert.equal(await api.agents.guard.keys.keyOf(own.id), ownKey, "the person's agent keeps its key");
      assert.notEqual(bearer, ownKey);
      assert.notEqual(vscodeMcpAgent.id, own.id);
      assert.equal(await api.agents.guard.keys.keyOf(vscodeMcpAgent.id), bearer, "VS Code's list has an agent of its own");
      const names = (await api.agents.access.agents()).map((agent) => agent.name);
      assert.deepEqual(names.filter((name) => name.startsWith('VS Code MCP')).sort(), ['VS Code MCP', 'VS Code MCP (server list)']);
      await assert.rejects(api.agents.access.addAgent('vs code mcp (Server List)', 'mcp'), /already an agent named 'VS Code MCP \(server list\)'/);
    } finally {
      await settings.update('enabled', undefined, vscode.ConfigurationTarget.Global);
      await settings.update('port', undefined, vscode.ConfigurationTarget.Global);
      await api.agents.mcp.apply();
      for (const id of [own.id, vscodeMcpAgent.id]) {
        await api.agents.guard.keys.revoke(id);
        if (await api.agents.access.agent(id)) await api.agents.access.removeAgent(id);
      }
    }
  });

  test('a tool result is JSON data where VS Code has LanguageModelDataPart (1.106+), text with the JSON inline before', async function () {
    this.timeout(60_000);
    // 1.100 has a pre-release LanguageModelDataPart whose JSON parts tool results refuse: it must count as absent.
    const available = languageModelDataPart() !== undefined;
    assert.equal(available, minor >= 106, `LanguageModelDataPart.json usable: ${available} on ${vscode.version}`);
    const accountId = await api.startDemo();
    const result = await vscode.lm.invokeTool('suitelens_create_record', { input: { account: accountId, recordType: 'invoice', fields: { memo: 'x' } }, toolInvocationToken: undefined });
    const text = result.content.filter((part) => part instanceof vscode.LanguageModelTextPart).map((part) => part.value).join('');
    const data = result.content.map(jsonOfDataPart).filter((json) => json !== '');
    assert.match(text, /^denied: invoice not granted/);
    if (!available) {
      assert.deepEqual(data, [], 'no data part on a VS Code without it');
      return;
    }
    assert.equal(data.length, 1);
    const refusal = JSON.parse(data[0]) as { allowed: boolean; refusal: string; missingGrants: { recordType: string; level: string }[] };
    assert.equal(refusal.allowed, false);
    assert.deepEqual(refusal.missingGrants.map((grant) => [grant.recordType, grant.level]), [['invoice', 'create']]);
  });

  test('removing an account also deletes a secret of its own that SuiteLens does not name, where SecretStorage.keys() exists (1.105+)', async () => {
    const secrets = api.registry['secrets'];
    const accountId = '7777777_SB9';
    const unknownKind = `suitelens:${accountId}:fromAnotherVersion`;
    const neighbour = `suitelens:${accountId}0:tba`;
    await api.registry.save({ accountId, label: 'keys() test', authKind: 'tba', environment: 'sandbox', readOnly: true, confirmBeforeWrite: true, concurrencyLimit: 1, addedAt: new Date().toISOString() }, { tba: '{}' });
    await secrets.store(unknownKind, 'left behind?');
    await secrets.store(neighbour, 'another account');
    await api.registry.remove(accountId);
    const listed = await (secrets as { namesStartingWith?(prefix: string): Promise<string[] | undefined> }).namesStartingWith?.('suitelens:');
    assert.equal(listed !== undefined, minor >= 105, `SecretStorage.keys() ${listed ? 'present' : 'absent'} on ${vscode.version}`);
    assert.equal(await secrets.get(`suitelens:${accountId}:tba`), undefined, 'a named kind goes on every version');
    assert.equal(await secrets.get(unknownKind), listed ? undefined : 'left behind?');
    assert.equal(await secrets.get(neighbour), 'another account', 'another account\'s secret is untouched');
    await secrets.delete(neighbour);
    await secrets.delete(unknownKind);
  });
});

async function waitUntil(probe: () => boolean, attempts = 50): Promise<void> {
  for (let attempt = 0; attempt < attempts && !probe(); attempt += 1) await new Promise((resolve) => setTimeout(resolve, 100));
  assert.ok(probe(), 'timed out');
}
