import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SuiteLensApi } from '../../../src/extension';
import { activeSuiteLens } from './extension';

async function api(): Promise<SuiteLensApi> {
  return (await activeSuiteLens()).exports as SuiteLensApi;
}

// A real call to the sandbox through the extension's own services: the in-process demo sandbox, the account
// registry (secrets in SecretStorage), and the NetSuite client every surface uses.
suite('Demo sandbox through the extension services', () => {
  test("lists demo customers through the extension's NetSuite client", async function () {
    this.timeout(120_000);
    const suitelens = await api();
    const accountId = await suitelens.startDemo();
    const profile = suitelens.registry.get(accountId);
    assert.ok(profile?.demo, 'the demo account is registered');
    assert.equal(suitelens.registry.activeAccountId, accountId);
    const { client } = await suitelens.registry.scope(accountId);
    const page = await client.records.list('customer', { limit: 5 });
    assert.equal(page.items.length, 5);
    assert.ok(page.totalResults > 100, `expected the seeded customers, got ${page.totalResults}`);
    const rows = await client.queryPage("SELECT id, companyname FROM customer WHERE companyname = 'O''Brien & Sons'", 0);
    assert.equal(rows.rows.length, 1, 'the hostile-but-legal seeded name is found by SuiteQL');
  });

  test('keeps the demo credentials in SecretStorage only, never in settings or globalState', async () => {
    const suitelens = await api();
    const accountId = await suitelens.startDemo();
    const settings = JSON.stringify(vscode.workspace.getConfiguration('suitelens'));
    const profile = JSON.stringify(suitelens.registry.get(accountId));
    assert.doesNotMatch(`${settings}${profile}`, /secret|tokenSecret|consumerSecret|privateKey/i);
  });
});
