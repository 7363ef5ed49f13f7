import * as vscode from 'vscode';
import type { AccountRegistry } from './accountRegistry';
import { statusBarLook } from '../../app/accounts/statusBarLook';

/** The active account, always visible: click to switch. Production is red and says PRODUCTION. */
export function createAccountStatusBar(registry: AccountRegistry<unknown>): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('suitelens.activeAccount', vscode.StatusBarAlignment.Left, 100);
  item.name = 'SuiteLens: NetSuite Account';
  const render = (): void => {
    const activeId = registry.activeAccountId;
    const profile = activeId === undefined ? undefined : registry.get(activeId);
    const look = statusBarLook(profile);
    item.text = look.text;
    item.tooltip = look.tooltip;
    item.backgroundColor = look.backgroundColor ? new vscode.ThemeColor(look.backgroundColor) : undefined;
    item.color = look.color ? new vscode.ThemeColor(look.color) : undefined;
    item.accessibilityInformation = { label: look.tooltip.split('\n')[0] ?? look.text, role: 'button' };
    item.command = profile ? 'suitelens.switchAccount' : 'suitelens.addAccount';
    // Lets menus offer switch / options / remove only once there is an account to act on.
    void vscode.commands.executeCommand('setContext', 'suitelens.hasAccounts', registry.list().length > 0);
    item.show();
  };
  render();
  const subscription = registry.onDidChange(render);
  return vscode.Disposable.from(subscription, item);
}
