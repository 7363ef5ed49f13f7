/**
 * The agent tools as VS Code language-model tools (`vscode.lm.registerTool`), acting as the agent "VS Code chat".
 * Each call goes through the guarded invoker — the same policy check and activity log as the MCP endpoint — and the
 * model gets the invoker's answer back, refusals included, so it can tell the person what is missing: where VS Code
 * has `LanguageModelDataPart.json` (1.106+) as the invoker's text plus the result as JSON data (rows, the record, or
 * the refusal with its missing grants); on older VS Code (our 1.100 floor) as the invoker's compact text alone.
 */
import * as vscode from 'vscode';
import type { AgentIdentity } from '../../agents/agent';
import type { AgentToolCallResult, AgentToolInvoker } from '../../agents/toolInvoker';
import type { AgentTool } from '../../agents/tools/agentTool';
import { agentTools } from '../../agents/tools/agentTools';
import { toolInvocationText } from '../../app/agents/toolConfirmation';

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

type DataPartFactory = { json(value: unknown, mime?: string): { mimeType?: unknown } };

/**
 * `vscode.LanguageModelDataPart` where this VS Code takes JSON data in tool results (found at run time: @types/vscode
 * 1.100 lacks it). VS Code 1.100 has a pre-release class whose json() tags the data "json" and whose tool results
 * refuse anything but images ("Invalid MIME type", seen in the host suite); the finalised json() gives a real MIME
 * type (text/x-json), which is what is checked.
 */
export function languageModelDataPart(api: typeof vscode = vscode): DataPartFactory | undefined {
  const dataPart = (api as unknown as { LanguageModelDataPart?: Partial<DataPartFactory> }).LanguageModelDataPart;
  if (typeof dataPart?.json !== 'function') return undefined;
  const probe = dataPart.json({});
  return typeof probe?.mimeType === 'string' && probe.mimeType.includes('/') ? (dataPart as DataPartFactory) : undefined;
}

/** The result's parts: summary + JSON data where VS Code takes data parts, else the invoker's text (JSON inline). */
export function toolResultParts(result: AgentToolCallResult, dataPart = languageModelDataPart()): unknown[] {
  if (!dataPart) return [new vscode.LanguageModelTextPart(result.text)];
  if (!result.ok) {
    const missing = result.decision?.missing ?? [];
    return [new vscode.LanguageModelTextPart(result.text), dataPart.json({ allowed: result.decision?.allowed ?? false, refusal: result.text, missingGrants: missing })];
  }
  if (result.data === undefined) return [new vscode.LanguageModelTextPart(result.text)];
  // The text keeps the JSON inline as well: VS Code 1.139's chat passed only the text part on to a bring-your-own-key
  // model (seen in the chat e2e: the scripted endpoint never received the data part), and a model that is not sent
  // the rows cannot answer with them.
  return [new vscode.LanguageModelTextPart(result.text), dataPart.json(result.data)];
}

/** True when SuiteLens itself asks before a write to this account (then VS Code's question would only repeat it). */
export type AsksBeforeWrite = (accountId: string) => boolean;

/** The language-model tool for one agent tool; exported so the extension-host tests can read its confirmation. */
export function languageModelTool(tool: AgentTool, agent: AgentIdentity, invoker: AgentToolInvoker, invoked: ToolInvoked, asksBeforeWrite: AsksBeforeWrite): vscode.LanguageModelTool<object> {
  return {
    async prepareInvocation(options, token): Promise<vscode.PreparedToolInvocation> {
      const preparation = await invoker.prepare(agent, tool.name, options.input, abortSignalOf(token));
      const account = accountOf(options.input);
      const text = toolInvocationText(tool, agent.name, account, preparation, { suiteLensAsks: account !== undefined && asksBeforeWrite(account) });
      // As text, never Markdown: the effect quotes the agent's values (a `[link](…)` or `![](…)` must stay characters).
      return {
        invocationMessage: new vscode.MarkdownString().appendText(text.invocationMessage),
        ...(text.confirmation ? { confirmationMessages: { title: text.confirmation.title, message: new vscode.MarkdownString().appendText(text.confirmation.message) } } : {}),
      };
    },
    async invoke(options, token): Promise<vscode.LanguageModelToolResult> {
      try {
        const result = await invoker.invoke(agent, tool.name, options.input, abortSignalOf(token));
        return new vscode.LanguageModelToolResult(toolResultParts(result) as vscode.LanguageModelTextPart[]);
      } finally {
        invoked();
      }
    },
  };
}

export function registerLanguageModelTools(agent: AgentIdentity, invoker: AgentToolInvoker, invoked: ToolInvoked, asksBeforeWrite: AsksBeforeWrite): vscode.Disposable {
  return vscode.Disposable.from(...agentTools.map((tool) => vscode.lm.registerTool(tool.name, languageModelTool(tool, agent, invoker, invoked, asksBeforeWrite))));
}
