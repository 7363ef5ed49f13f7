import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeSuiteLens, EXTENSION_ID } from './extension';

suite('Activation', () => {
  test('SuiteLens activates in a real VS Code extension host', async () => {
    const extension = await activeSuiteLens();
    assert.equal(extension.id, EXTENSION_ID);
    assert.equal(extension.isActive, true);
  });

  test('the host is a VS Code the manifest accepts', async () => {
    const extension = await activeSuiteLens();
    const wanted = (extension.packageJSON as { engines: { vscode: string } }).engines.vscode;
    const [major, minor] = vscode.version.split('.').map(Number);
    const [wantedMajor, wantedMinor] = wanted.replace(/^\^/, '').split('.').map(Number);
    const satisfied = major > wantedMajor || (major === wantedMajor && minor >= wantedMinor);
    assert.ok(satisfied, `VS Code ${vscode.version} does not satisfy ${wanted}`);
  });
});
