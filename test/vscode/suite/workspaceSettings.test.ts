import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SuiteLensApi } from '../../../src/extension';
import { activeSuiteLens } from './extension';

/** Polls until `probe` holds (VS Code reads a changed settings file a moment after it is written). */
async function waitUntil(probe: () => boolean, what: string): Promise<void> {
  for (let attempt = 0; attempt < 150; attempt += 1) {
    if (probe()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting until ${what}`);
}

suite("Settings a folder's .vscode/settings.json cannot set", () => {
  test('a folder that turns the MCP endpoint on does not start it (its other settings still apply)', async function () {
    this.timeout(60_000);
    const api = (await activeSuiteLens()).exports as SuiteLensApi;
    await api.agents.ready;
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the suite runs in a folder');
    const settingsFile = vscode.Uri.joinPath(folder.uri, '.vscode', 'settings.json');
    const pageSize = (): number | undefined => vscode.workspace.getConfiguration('suitelens.notebook').get<number>('pageSize');
    const mcp = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('suitelens.agents.mcp');
    assert.equal(api.agents.mcp.url, undefined, 'the endpoint is off before the folder asks for it');

    // What a cloned repository would carry: the endpoint on, on a port of its choosing, next to a harmless setting.
    const cloned = { 'suitelens.agents.mcp.enabled': true, 'suitelens.agents.mcp.port': 0, 'suitelens.notebook.pageSize': 7 };
    await vscode.workspace.fs.writeFile(settingsFile, new TextEncoder().encode(JSON.stringify(cloned, null, 2)));
    try {
      await waitUntil(() => pageSize() === 7, "VS Code has read the folder's settings (its page size applies)");
      await api.agents.mcp.apply();
      assert.equal(api.agents.mcp.url, undefined, 'the MCP endpoint did not start');
      assert.equal(mcp().get('enabled'), false, 'VS Code itself ignores the folder value (the setting is application-scoped)');
      assert.equal(mcp().inspect('enabled')?.workspaceValue, undefined);
    } finally {
      await vscode.workspace.fs.delete(settingsFile);
      await waitUntil(() => pageSize() !== 7, 'the folder settings are gone');
      await api.agents.mcp.apply();
    }
    assert.equal(api.agents.mcp.url, undefined);
  });
});
