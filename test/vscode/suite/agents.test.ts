import * as assert from 'node:assert/strict';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import * as vscode from 'vscode';
import { agentTools } from '../../../src/agents/tools/agentTools';
import { languageModelToolContributions } from '../../../src/agents/tools/languageModelToolManifest';
import type { SuiteLensApi } from '../../../src/extension';
import type { AccessNode } from '../../../src/vscode/agents/accessTreeProvider';
import type { AgentsFeature } from '../../../src/vscode/agents/registerAgents';
import { activeSuiteLens } from './extension';

const chat = 'vscode-chat';

function textOf(result: vscode.LanguageModelToolResult): string {
  return result.content.map((part) => (part instanceof vscode.LanguageModelTextPart ? part.value : '')).join('');
}

/** Polls until `probe` answers (the workbench shows editors a moment after the command resolves). */
async function waitFor<T>(probe: () => T | undefined, attempts = 100): Promise<T> {
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    const value = probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('timed out waiting for the workbench');
}

async function invoke(name: string, input: object): Promise<string> {
  return textOf(await vscode.lm.invokeTool(name, { input, toolInvocationToken: undefined }));
}

async function prepare(agents: AgentsFeature, name: string, input: object): Promise<vscode.PreparedToolInvocation> {
  const tool = agents.languageModelTool(name);
  assert.ok(tool?.prepareInvocation, `${name} is registered with a prepareInvocation`);
  const prepared = await tool.prepareInvocation({ input }, new vscode.CancellationTokenSource().token);
  assert.ok(prepared);
  return prepared;
}

/** The access tree's row for one record type under VS Code chat → the account. */
async function switchRow(agents: AgentsFeature, accountId: string, label: string): Promise<vscode.TreeItem> {
  const tree = agents.accessTree;
  const roots = await tree.getChildren();
  const chatNode = roots.find((node) => node.kind === 'agent' && node.agent.id === chat);
  assert.ok(chatNode, 'VS Code chat is listed in the access view');
  const account = (await tree.getChildren(chatNode)).find((node) => node.kind === 'account' && node.accountId === accountId);
  assert.ok(account, `the demo account is listed under VS Code chat`);
  const rows = await tree.getChildren(account);
  for (const node of rows as AccessNode[]) {
    const item = await tree.getTreeItem(node);
    if (item.label === label) return item;
  }
  throw new Error(`no "${label}" switch under ${accountId}`);
}

// VS Code chat through the real language-model tool API, over the in-process demo sandbox, with the access view's
// service granting and the activity view's model showing what happened.
suite('Agents: language-model tools, access and activity views, MCP endpoint', () => {
  let api: SuiteLensApi;
  let agents: AgentsFeature;
  let accountId: string;
  let customerId: string;
  let customerName: string;

  suiteSetup(async function () {
    this.timeout(120_000);
    api = (await activeSuiteLens()).exports as SuiteLensApi;
    accountId = await api.startDemo();
    agents = api.agents;
    await agents.ready;
    // Start from VS Code chat holding nothing on the demo account.
    for (const type of ['*', 'customer', 'invoice']) await agents.access.clearSwitch(chat, accountId, type);
    const { client } = await api.registry.scope(accountId);
    const page = await client.queryPage("SELECT id, companyname FROM customer WHERE companyname LIKE 'A%' ORDER BY id", 0, { pageSize: 1 });
    customerId = String(page.rows[0].raw.id);
    customerName = String(page.rows[0].raw.companyname);
  });

  test('every agent tool is a language-model tool, with the schema the guard validates', () => {
    const manifest = (vscode.extensions.getExtension('suitelens.suitelens')!.packageJSON as { contributes: { languageModelTools: unknown } }).contributes.languageModelTools;
    assert.deepEqual(manifest, JSON.parse(JSON.stringify(languageModelToolContributions())), 'package.json matches the tool definitions');
    for (const tool of agentTools) {
      const registered = vscode.lm.tools.find((info) => info.name === tool.name);
      assert.ok(registered, `${tool.name} is registered with vscode.lm`);
      assert.deepEqual(registered.inputSchema, tool.inputSchema);
    }
  });

  test('a new grant shows as the "Read" switch on customers in the access view', async () => {
    assert.match(String((await switchRow(agents, accountId, 'customer')).description), /● Off/);
    await agents.access.setLevel(chat, accountId, 'customer', 'read');
    const row = await switchRow(agents, accountId, 'customer');
    assert.equal(row.description, '○ Off  ● Read  ○ Write  ○ Full');
    assert.equal((await switchRow(agents, accountId, 'invoice')).description, '● Off  ○ Read  ○ Write  ○ Full');
  });

  test('VS Code chat reads the customer through vscode.lm.invokeTool: allowed', async () => {
    const text = await invoke('suitelens_get_record', { account: accountId, recordType: 'customer', id: customerId });
    assert.match(text, new RegExp(`^customer '${customerName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}' \\(id ${customerId}\\)\\.`));
    assert.ok(text.includes(`"companyName":"${customerName}"`), text);
  });

  test('VS Code chat may not create an invoice: denied, and nothing is created', async () => {
    const { client } = await api.registry.scope(accountId);
    const invoices = async (): Promise<string> => String((await client.queryPage('SELECT COUNT(*) AS n FROM transaction WHERE type = \'CustInvc\'', 0)).rows[0].raw.n);
    const before = await invoices();
    const text = await invoke('suitelens_create_record', { account: accountId, recordType: 'invoice', fields: { entity: { id: customerId } } });
    assert.equal(text, 'denied: invoice not granted');
    assert.equal(await invoices(), before, 'no invoice reached NetSuite');
  });

  test('the activity view shows both calls in plain English, newest first, and filters by decision', async () => {
    const sentences = (await agents.activity.entries()).map((entry) => entry.sentence);
    assert.equal(sentences[0], `VS Code chat tried to create an invoice on ${accountId} — denied: invoice not granted`);
    assert.equal(sentences[1], `VS Code chat read customer '${customerName}' (id ${customerId}) on ${accountId} — allowed by 'customer: read'`);

    const rows = await agents.activityTree.getChildren();
    const [denied, allowed] = rows.slice(0, 2).map((node) => agents.activityTree.getTreeItem(node));
    assert.equal(denied.label, sentences[0]);
    assert.equal((denied.iconPath as vscode.ThemeIcon).id, 'shield');
    assert.equal(allowed.label, sentences[1]);
    assert.equal((allowed.iconPath as vscode.ThemeIcon).id, 'pass');
    assert.deepEqual(allowed.command?.arguments?.[0].entry.recordId, customerId, 'the allowed row opens the customer');

    // The allowed row's click opens the customer as a read-only JSON document.
    await vscode.commands.executeCommand(allowed.command!.command, ...(allowed.command!.arguments ?? []));
    const opened = await waitFor(() => vscode.window.visibleTextEditors.find((editor) => editor.document.uri.scheme === 'suitelens-record'));
    assert.ok(opened.document.getText().includes(`"companyName": ${JSON.stringify(customerName)}`), opened.document.getText().slice(0, 300));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');

    agents.activity.setFilter({ decision: 'denied', agentId: chat });
    try {
      const onlyDenied = await agents.activity.entries();
      assert.ok(onlyDenied.length >= 1 && onlyDenied.every((entry) => entry.decision === 'denied'));
      assert.equal(onlyDenied[0].sentence, sentences[0]);
    } finally {
      agents.activity.setFilter({});
    }
  });

  test('the confirmation shows the exact effect and the account with its environment; a refused call asks nothing', async () => {
    await agents.access.setLevel(chat, accountId, 'customer', 'write');
    try {
      const update = await prepare(agents, 'suitelens_update_record', { account: accountId, recordType: 'customer', id: customerId, fields: { companyName: 'Renamed Ltd' } });
      assert.ok(update.confirmationMessages, 'an update asks first');
      assert.equal(update.confirmationMessages.title, 'Update a NetSuite record?');
      assert.ok(String(update.confirmationMessages.message).startsWith(
        `Update customer '${customerName}' (id ${customerId}) on ${accountId} (sandbox): companyName ${customerName} → Renamed Ltd`,
      ), String(update.confirmationMessages.message));

      const query = 'SELECT id, companyname\nFROM customer WHERE id < 10';
      const suiteql = await prepare(agents, 'suitelens_run_suiteql', { account: accountId, query });
      assert.ok(String(suiteql.confirmationMessages?.message).startsWith(`Run SuiteQL on ${accountId} (sandbox): ${query}`));

      const read = await prepare(agents, 'suitelens_get_record', { account: accountId, recordType: 'customer', id: customerId });
      assert.equal(read.confirmationMessages, undefined, 'a single read does not interrupt');
      assert.equal(read.invocationMessage, `Read customer ${customerId} on ${accountId} (sandbox)`);

      const refused = await prepare(agents, 'suitelens_create_record', { account: accountId, recordType: 'invoice', fields: { memo: 'x' } });
      assert.equal(refused.confirmationMessages, undefined);
      assert.match(String(refused.invocationMessage), /refused by SuiteLens — denied: invoice not granted/);
    } finally {
      await agents.access.setLevel(chat, accountId, 'customer', 'read');
    }
  });

  test('the MCP endpoint is off by default, serves 127.0.0.1 when enabled, and refuses a revoked key', async function () {
    this.timeout(60_000);
    const settings = vscode.workspace.getConfiguration('suitelens.agents.mcp');
    assert.equal(settings.get('enabled'), false);
    assert.equal(agents.mcp.url, undefined);
    const agent = await agents.access.addAgent('Host test helper', 'mcp');
    try {
      await settings.update('port', 0, vscode.ConfigurationTarget.Global);
      await settings.update('enabled', true, vscode.ConfigurationTarget.Global);
      await agents.mcp.apply();
      const url = agents.mcp.url;
      assert.match(url ?? '', /^http:\/\/127\.0\.0\.1:\d+\/mcp$/);
      const key = await agents.guard.keys.issue(agent);

      const connect = async (bearer: string): Promise<Client> => {
        const client = new Client({ name: 'host-test', version: '1.0.0' });
        await client.connect(new StreamableHTTPClientTransport(new URL(url!), { requestInit: { headers: { Authorization: `Bearer ${bearer}` } } }));
        return client;
      };
      const client = await connect(key);
      const tools = await client.listTools();
      assert.deepEqual(tools.tools.map((tool) => tool.name), agentTools.map((tool) => tool.name));
      const refused = await client.callTool({ name: 'suitelens_get_record', arguments: { account: accountId, recordType: 'customer', id: customerId } });
      assert.equal(refused.isError, true, 'the new agent holds nothing');
      await client.close();

      await agents.guard.keys.revoke(agent.id);
      await assert.rejects(connect(key), /401|Unauthorized/);
    } finally {
      await settings.update('enabled', undefined, vscode.ConfigurationTarget.Global);
      await settings.update('port', undefined, vscode.ConfigurationTarget.Global);
      await agents.mcp.apply();
      await agents.access.removeAgent(agent.id);
    }
    assert.equal(agents.mcp.url, undefined, 'turning the setting off stops the endpoint');
  });
});
