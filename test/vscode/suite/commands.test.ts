import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeSuiteLens, contributedCommands } from './extension';

suite('Commands', () => {
  test('every command in package.json is registered after activation', async () => {
    const extension = await activeSuiteLens();
    const contributed = contributedCommands(extension).map((c) => c.command);
    assert.ok(contributed.length > 0, 'the manifest contributes no commands');
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.filter((command) => !registered.has(command));
    assert.deepEqual(missing, [], `contributed but not registered: ${missing.join(', ')}`);
  });

  test('every contributed command has a category and a title', async () => {
    const extension = await activeSuiteLens();
    const incomplete = contributedCommands(extension).filter((c) => !c.title || !c.category).map((c) => c.command);
    assert.deepEqual(incomplete, []);
  });
});
