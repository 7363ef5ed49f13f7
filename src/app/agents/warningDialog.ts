/**
 * The one dialog the agents' questions ask through: a modal warning with one button, answered with that button or
 * nothing — VS Code's `window.showWarningMessage`, which the adapters pass in (`AgentDialogs`,
 * src/vscode/agents/agentDialogs.ts), so the extension-host suite can answer it as a person would.
 */
export interface WarningDialog {
  showWarningMessage(message: string, options: { modal: boolean; detail?: string }, ...items: string[]): PromiseLike<string | undefined>;
}
