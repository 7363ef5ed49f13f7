import * as vscode from 'vscode';

/**
 * Composition root: builds the services and registers every surface. Each registration is pushed to
 * `context.subscriptions` so that deactivation disposes everything.
 */
export function activate(context: vscode.ExtensionContext): void {
  const output = vscode.window.createOutputChannel('SuiteLens', { log: true });
  context.subscriptions.push(output);
  output.info('SuiteLens activated');
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
