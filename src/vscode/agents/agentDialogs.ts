/**
 * The dialogs the access commands ask the person through. One object the commands share, so the extension-host
 * suite can answer a dialog the way a person would (and see the modal question asked) — it cannot click VS Code's
 * own dialogs. Code in the extension host can already call the access service directly, so this opens nothing new;
 * agents that can only run commands still meet the real modal.
 */
import * as vscode from 'vscode';

export type AgentDialogs = Pick<typeof vscode.window, 'showQuickPick' | 'showInputBox' | 'showWarningMessage' | 'showInformationMessage'>;

export function windowDialogs(): AgentDialogs {
  return {
    showQuickPick: vscode.window.showQuickPick,
    showInputBox: vscode.window.showInputBox,
    showWarningMessage: vscode.window.showWarningMessage,
    showInformationMessage: vscode.window.showInformationMessage,
  };
}
