import * as assert from 'node:assert/strict';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import * as vscode from 'vscode';
import { agentTools } from '../../../src/agents/tools/agentTools';
import { languageModelToolContributions } from '../../../src/agents/tools/languageModelToolManifest';
import type { SuiteLensApi } from '../../../src/extension';
import type { AccessNode } from '../../../src/vscode/agents/accessTreeProvider';
import type { AgentsFeature } from '../../../src/vscode/agents/registerAgents';
import { activeSuiteLens, jsonOfDataPart } from './extension';

const chat = 'vscode-chat';

/**
 * The text parts: every VS Code gets the result's JSON inline there (1.106+ also as a data part, which newerApis
 * checks), because a chat may pass only the text on to the model.
 */
function textOf(result: vscode.LanguageModelToolResult): string {
  const text = result.content.filter((part) => part instanceof vscode.LanguageModelTextPart).map((part) => part.value).join('');
  const data = result.content.map(jsonOfDataPart).filter((json) => json !== '');
  for (const json of data) assert.ok(text.includes(json) || text.startsWith('denied'), 'the data part repeats what the text holds');
  return text;
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

/**
 * What a person reads of a confirmation or progress text: SuiteLens hands VS Code plain text as a MarkdownString
 * built with appendText, so Markdown's escapes are undone here.
 */
function shown(text: string | vscode.MarkdownString | undefined): string {
  const value = typeof text === 'string' || text === undefined ? String(text) : text.value;
  return value.replace(/&nbsp;/g, ' ').replace(/\n\n/g, '\n').replace(/\\(.)/g, '$1');
}

/** The access tree's account row under VS Code chat. */
async function accountNode(agents: AgentsFeature, accountId: string): Promise<AccessNode> {
  const tree = agents.accessTree;
  const roots = await tree.getChildren();
  const chatNode = roots.find((node) => node.kind === 'agent' && node.agent.id === chat);
  assert.ok(chatNode, 'VS Code chat is listed in the access view');
  const account = (await tree.getChildren(chatNode)).find((node) => node.kind === 'account' && node.accountId === accountId);
  assert.ok(account, `the demo account is listed under VS Code chat`);
  return account;
}

/** The row labelled `label` among `parent`'s children. */
async function childRow(agents: AgentsFeature, parent: AccessNode, label: string): Promise<{ node: AccessNode; item: vscode.TreeItem }> {
  for (const node of await agents.accessTree.getChildren(parent)) {
    const item = await agents.accessTree.getTreeItem(node);
    if (item.label === label) return { node, item };
  }
  throw new Error(`no "${label}" row under ${parent.id}`);
}

/** The access tree's row for one record type under VS Code chat → the account. */
async function switchRow(agents: AgentsFeature, accountId: string, label: string): Promise<vscode.TreeItem> {
  return (await childRow(agents, await accountNode(agents, accountId), label)).item;
}

/** A person at the dialogs: answers each one from the script and keeps what was asked. */
interface ScriptedPerson {
  asked: { question: string; modal: boolean; detail?: string }[];
  picked: string[][];
  typedProblems: (string | undefined)[];
}

/**
 * Answers the access commands' dialogs for one command run: types `typed` (after trying `mistyped`, to see the
 * validation), picks the items labelled `pick` (every offered item when `pick` is '*'), and presses `button`
 * in the modal (or dismisses it).
 */
async function asPerson(agents: AgentsFeature, script: { mistyped?: string; typed?: string; pick: string; button?: string }, run: () => Thenable<unknown>): Promise<ScriptedPerson> {
  const person: ScriptedPerson = { asked: [], picked: [], typedProblems: [] };
  const real = { ...agents.dialogs };
  const message = (text: unknown): string | undefined => (typeof text === 'string' ? text : (text as vscode.InputBoxValidationMessage | undefined)?.message);
  Object.assign(agents.dialogs, {
    showInputBox: async (options?: vscode.InputBoxOptions) => {
      if (script.mistyped !== undefined) person.typedProblems.push(message(await options?.validateInput?.(script.mistyped)));
      person.typedProblems.push(message(await options?.validateInput?.(script.typed ?? '')));
      return script.typed;
    },
    showQuickPick: async (items: readonly vscode.QuickPickItem[] | Thenable<readonly vscode.QuickPickItem[]>, options?: vscode.QuickPickOptions) => {
      const offered = await items;
      person.picked.push(offered.map((item) => item.label));
      const chosen = offered.filter((item) => (script.pick === '*' ? item.picked : item.label === script.pick));
      return options?.canPickMany ? chosen : chosen[0];
    },
    showWarningMessage: async (question: string, options: vscode.MessageOptions) => {
      person.asked.push({ question, modal: options.modal === true, detail: options.detail });
      return script.button;
    },
    showInformationMessage: async () => undefined,
  });
  try {
    await run();
  } finally {
    Object.assign(agents.dialogs, real);
  }
  return person;
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

  test('a new grant shows as "View" in NetSuite\'s words on customers in the access view, by label with the script id beside it', async () => {
    assert.equal((await switchRow(agents, accountId, 'Customer')).description, 'customer · None');
    await agents.access.setLevel(chat, accountId, 'customer', 'read');
    const row = await switchRow(agents, accountId, 'Customer');
    assert.equal(row.description, 'customer · View · can read customer records');
    assert.equal(row.tooltip, `View: VS Code chat can read customer records. On ${accountId} (sandbox); click to change.`);
    assert.equal(row.accessibilityInformation?.label, 'Customer (customer): View');
    assert.equal((await switchRow(agents, accountId, 'Invoice')).description, 'invoice · None');
    // The sentence names the type as people know it too.
    await agents.access.setLevel(chat, accountId, 'salesorder', 'write');
    assert.equal((await switchRow(agents, accountId, 'Sales Order')).description, 'salesorder · Edit · can read, create and change sales order records');
    await agents.access.clearSwitch(chat, accountId, 'salesorder');
    // Listed by label as the explorer lists them: Project ("job") among the P's, after Partner, not among the J's.
    const labels: string[] = [];
    for (const node of await agents.accessTree.getChildren(await accountNode(agents, accountId))) {
      const item = await agents.accessTree.getTreeItem(node);
      if (node.kind === 'switch' && !node.wildcard && typeof item.label === 'string') labels.push(item.label);
    }
    assert.ok(labels.indexOf('Partner') >= 0 && labels.indexOf('Partner') < labels.indexOf('Project'), 'Project (job) is listed by its label');
    assert.deepEqual(labels, [...labels].sort((a, b) => a.localeCompare(b)), 'rows in label order');
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
    assert.equal(text.split('\n')[0], 'denied: invoice not granted');
    assert.equal(await invoices(), before, 'no invoice reached NetSuite');
  });

  test('the activity view shows both calls in plain English, newest first, and filters by decision', async () => {
    const sentences = (await agents.activity.entries()).map((entry) => entry.sentence);
    assert.equal(sentences[0], `VS Code chat tried to create an invoice on ${accountId} — denied: invoice not granted`);
    assert.equal(sentences[1], `VS Code chat read customer '${customerName}' (id ${customerId}) on ${accountId} — allowed by 'customer: View'`);

    const rows = await agents.activityTree.getChildren();
    const [denied, allowed] = rows.slice(0, 2).map((node) => agents.activityTree.getTreeItem(node));
    assert.equal(denied.label, sentences[0]);
    assert.equal((denied.iconPath as vscode.ThemeIcon).id, 'shield');
    assert.equal(allowed.label, sentences[1]);
    assert.equal((allowed.iconPath as vscode.ThemeIcon).id, 'pass');
    assert.deepEqual(allowed.command?.arguments?.[0].entry.recordId, customerId, 'the allowed row opens the customer');

    // The allowed row's click opens the customer's read-only view, its tab named after the customer.
    await vscode.commands.executeCommand(allowed.command!.command, ...(allowed.command!.arguments ?? []));
    const opened = await waitFor(() =>
      vscode.window.tabGroups.all.flatMap((group) => group.tabs).find((tab) => tab.input instanceof vscode.TabInputCustom && tab.input.viewType === 'suitelens.recordView'),
    );
    assert.equal(opened.label, `Customer ${customerId} ${customerName} (View)`);
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
      assert.ok(shown(update.confirmationMessages.message).startsWith(
        `Update customer '${customerName}' (id ${customerId}) on ${accountId} (sandbox): 1 field\n  companyName: "${customerName}" → "Renamed Ltd"`,
      ), shown(update.confirmationMessages.message));

      const query = 'SELECT id, companyname\nFROM customer WHERE id < 10';
      const suiteql = await prepare(agents, 'suitelens_run_suiteql', { account: accountId, query });
      // The confirmation shows what will run: the guard's canonical print of the query (one space between tokens).
      assert.ok(shown(suiteql.confirmationMessages?.message).startsWith(`Run SuiteQL on ${accountId} (sandbox): SELECT id , companyname FROM customer WHERE id < 10`));

      const read = await prepare(agents, 'suitelens_get_record', { account: accountId, recordType: 'customer', id: customerId });
      assert.equal(read.confirmationMessages, undefined, 'a single read does not interrupt');
      assert.equal(shown(read.invocationMessage), `Read customer ${customerId} on ${accountId} (sandbox)`);

      const refused = await prepare(agents, 'suitelens_create_record', { account: accountId, recordType: 'invoice', fields: { memo: 'x' } });
      assert.equal(refused.confirmationMessages, undefined);
      assert.match(shown(refused.invocationMessage), /refused by SuiteLens — denied: invoice not granted/);
    } finally {
      await agents.access.setLevel(chat, accountId, 'customer', 'read');
    }
  });

  test('the access view lists transaction, item and entity under "SuiteQL tables" as None/View switches', async () => {
    const tables = await childRow(agents, await accountNode(agents, accountId), 'SuiteQL tables');
    const rows = await Promise.all((await agents.accessTree.getChildren(tables.node)).map((node) => agents.accessTree.getTreeItem(node)));
    assert.deepEqual(rows.slice(0, 3).map((row) => [row.label, row.description]), [
      ['transaction', 'None  · every transaction type, for SuiteQL'],
      ['item', 'None  · every item type, for SuiteQL'],
      ['entity', 'None  · every entity type, for SuiteQL'],
    ]);
  });

  test('Grant SuiteQL Table… grants transaction: View only after the modal, and the same SuiteQL call is then allowed', async () => {
    const call = { account: accountId, query: 'SELECT t.id, t.tranid FROM transaction t ORDER BY t.id', limit: 2 };
    await agents.access.clearSwitch(chat, accountId, 'transaction');
    try {
      assert.match(await invoke('suitelens_run_suiteql', call), /^denied: the query reads transaction, which needs View on transaction or on every transaction type/);
      const account = await accountNode(agents, accountId);

      // Dismissing the modal writes nothing.
      const dismissed = await asPerson(agents, { typed: 'transaction', pick: 'View' }, () => vscode.commands.executeCommand('suitelens.agents.grantTable', account));
      assert.equal(dismissed.asked.length, 1);
      assert.equal((await agents.access.access(chat, accountId, 'transaction')).level, 'none');
      assert.match(await invoke('suitelens_run_suiteql', call), /^denied/);

      const person = await asPerson(agents, { mistyped: 'transaction line', typed: 'transaction', pick: 'View', button: 'Change Access' }, () =>
        vscode.commands.executeCommand('suitelens.agents.grantTable', account),
      );
      assert.deepEqual(person.typedProblems, ['"transaction line" is not a SuiteQL table name: use letters, digits and _ (starting with a letter or _), without quotes or a schema.', undefined]);
      assert.deepEqual(person.picked, [['None', 'View']], 'a family offers only what the policy honours');
      assert.deepEqual(person.asked.map(({ question, modal }) => ({ question, modal })), [
        { question: `Let VS Code chat read transaction (every transaction type) through SuiteQL on ${accountId} (sandbox)?`, modal: true },
      ]);
      const allowed = await invoke('suitelens_run_suiteql', call);
      assert.match(allowed, /rows in total; 2 returned from offset 0\./, allowed);
      const [entry] = await agents.activity.entries();
      assert.equal(entry.reason, "allowed by 'transaction: View'");
    } finally {
      await agents.access.clearSwitch(chat, accountId, 'transaction');
    }
  });

  test('Grant What This Needed… on a denied SuiteQL row offers the missing grant, writes it after the modal, and the call then goes through', async () => {
    const call = { account: accountId, query: 'SELECT e.id, e.entitytitle FROM entity e ORDER BY e.id', limit: 1 };
    await agents.access.clearSwitch(chat, accountId, 'entity');
    try {
      assert.match(await invoke('suitelens_run_suiteql', call), /^denied: the query reads entity, which needs View on entity or on every entity type/);
      const [deniedRow] = await agents.activityTree.getChildren();
      assert.equal(agents.activityTree.getTreeItem(deniedRow).contextValue, 'suitelens.agentActivity.denied', 'the row offers Grant What This Needed…');

      const person = await asPerson(agents, { pick: '*', button: 'Change Access' }, () => vscode.commands.executeCommand('suitelens.agents.grantWhatNeeded', deniedRow));
      assert.deepEqual(person.picked, [['entity: View']]);
      assert.deepEqual(person.asked.map(({ question, modal }) => ({ question, modal })), [
        { question: `Let VS Code chat read entity (every entity type) through SuiteQL on ${accountId} (sandbox)?`, modal: true },
      ]);
      assert.match(await invoke('suitelens_run_suiteql', call), /rows in total; 1 returned from offset 0\./);
    } finally {
      await agents.access.clearSwitch(chat, accountId, 'entity');
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
