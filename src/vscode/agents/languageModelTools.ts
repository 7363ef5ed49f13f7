/**
 * The agent tools as VS Code language-model tools (`vscode.lm.registerTool`), acting as the agent "VS Code chat".
 * Each call goes through the guarded invoker — the same policy check and activity log as the MCP endpoint — and the
 * model gets the invoker's compact text back, refusals included, so it can tell the person what is missing.
 */
import * as vscode from 'vscode';
import type { AgentIdentity } from '../../agents/agent';
import type { AgentToolInvoker } from '../../agents/toolInvoker';
import type { AgentTool } from '../../agents/tools/agentTool';
import { agentTools } from '../../agents/tools/agentTools';
import { toolInvocationText } from './toolConfirmation';

/** Called after every invocation, so views can refresh without waiting for the file watcher. */
export type ToolInvoked = () => void;

function accountOf(input: unknown): string | undefined {
  const account = (input as { account?: unknown } | null)?.account;
  return typeof account === 'string' ? account : undefined;
}

function abortSignalOf(token: vscode.CancellationToken): AbortSignal {
  const controller = new AbortController();
  if (token.isCancellationRequested) controller.abort();
  else token.onCancellationRequested(() => controller.abort());
  return controller.signal;
}

/** The language-model tool for one agent tool; exported so the extension-host tests can read its confirmation. */
export function languageModelTool(tool: AgentTool, agent: AgentIdentity, invoker: AgentToolInvoker, invoked: ToolInvoked): vscode.LanguageModelTool<object> {
  return {
    async prepareInvocation(options, token): Promise<vscode.PreparedToolInvocation> {
      const preparation = await invoker.prepare(agent, tool.name, options.input, abortSignalOf(token));
      const text = toolInvocationText(tool, agent.name, accountOf(options.input), preparation);
      return {
        invocationMessage: text.invocationMessage,
        ...(text.confirmation ? { confirmationMessages: text.confirmation } : {}),
      };
    },
    async invoke(options, token): Promise<vscode.LanguageModelToolResult> {
      try {
        const result = await invoker.invoke(agent, tool.name, options.input, abortSignalOf(token));
        return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(result.text)]);
      } finally {
        invoked();
      }
    },
  };
}

export function registerLanguageModelTools(agent: AgentIdentity, invoker: AgentToolInvoker, invoked: ToolInvoked): vscode.Disposable {
  return vscode.Disposable.from(...agentTools.map((tool) => vscode.lm.registerTool(tool.name, languageModelTool(tool, agent, invoker, invoked))));
}
