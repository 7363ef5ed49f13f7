/**
 * What VS Code shows before a SuiteLens language-model tool runs, from the guard's preparation. Kept free of
 * `vscode` so the wording is decided in one plain function.
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
import { visibleText } from '../../agents/visibleText';

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
  const effect = visibleText(preparation.effect ?? tool.title);
  if (!confirmedActions.has(tool.action)) return { invocationMessage: effect };
  if (options.suiteLensAsks && writeActions.has(tool.action)) return { invocationMessage: effect };
  const production = accountId !== undefined && accountEnvironment(accountId) === 'production';
  const lines = [
    effect,
    '',
    `${visibleText(agentName)} is ${visibleText(preparation.reason)} in SuiteLens.`,
    ...(production ? ['', 'This is a PRODUCTION account: the change is real and immediate.'] : []),
  ];
  return { invocationMessage: effect, confirmation: { title: `${tool.title}?`, message: lines.join('\n') } };
}
