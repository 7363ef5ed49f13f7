/**
 * What VS Code shows before a SuiteLens language-model tool runs, from the guard's preparation. Kept free of
 * `vscode` so the wording is decided in one plain function.
 *
 * The adapter hands the texts to VS Code as plain text (a MarkdownString built with appendText), never as Markdown:
 * an agent's value must not become a link, an image or a heading in the question.
 *
 * Calls that change NetSuite, and SuiteQL (which can read many tables at once), ask the person first with the exact
 * effect — the query text, or each field old → new — and the account with its environment. Single reads only show
 * what is being read. A call the policy refuses asks nothing: it will not run, and its refusal is logged.
 *
 * A write to an account where SuiteLens asks itself (production, or "confirm before write") gets no question from VS
 * Code: SuiteLens's own modal comes right before the write (agentWriteConfirmation.ts), where no approval setting of
 * VS Code can skip it, and asking twice would teach people to click through.
 */
import type { AgentAction } from '../../agents/accessLevel';
import { accountEnvironment } from '../../agents/accountEnvironment';
import type { AgentToolPreparation } from '../../agents/toolInvoker';
import { visibleLines, visibleText } from '../../agents/visibleText';

export interface ToolInvocationText {
  /** The progress line shown while the tool runs. */
  invocationMessage: string;
  /** Present when the person must press Continue first. */
  confirmation?: { title: string; message: string };
}

const writeActions: ReadonlySet<AgentAction> = new Set(['create', 'update', 'delete', 'transform']);
const confirmedActions: ReadonlySet<AgentAction> = new Set(['suiteql', ...writeActions]);

export function toolInvocationText(
  tool: { title: string; action: AgentAction },
  agentName: string,
  accountId: string | undefined,
  preparation: AgentToolPreparation,
  options: { suiteLensAsks?: boolean } = {},
): ToolInvocationText {
  // The effect and reason quote the agent's own values: a newline or a bidi override there must not reshape what the
  // person reads before pressing Continue (U+202E can make "gnp.exe" read "exe.png").
  if (!preparation.allowed) return { invocationMessage: `${tool.title}: refused by SuiteLens — ${visibleText(preparation.reason)}` };
  // A write's change is laid out in lines by SuiteLens (a summary, then one line per field or sublist line), every
  // agent value on them already quoted and escaped: its line breaks stay. Any other effect is one line.
  const effect = writeActions.has(tool.action) ? visibleLines(preparation.effect ?? tool.title) : visibleText(preparation.effect ?? tool.title);
  // The progress line is the summary alone.
  const summary = effect.split('\n')[0];
  if (!confirmedActions.has(tool.action)) return { invocationMessage: summary };
  if (options.suiteLensAsks && writeActions.has(tool.action)) return { invocationMessage: summary };
  const production = accountId !== undefined && accountEnvironment(accountId) === 'production';
  const lines = [
    effect,
    '',
    `${visibleText(agentName)} is ${visibleText(preparation.reason)} in SuiteLens.`,
    ...(production ? ['', 'This is a PRODUCTION account: the change is real and immediate.'] : []),
  ];
  return { invocationMessage: summary, confirmation: { title: `${tool.title}?`, message: lines.join('\n') } };
}
