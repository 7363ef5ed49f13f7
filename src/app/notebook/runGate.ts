/**
 * What the notebook controller does with a run it cannot put down to a person at the notebook (personAtNotebook.ts):
 * run it, or ask the person first. Pure, so the rule is unit-tested.
 *
 * Why: VS Code's own chat tools (`copilot_runNotebookCell`, `copilot_editNotebook`) can edit and run SuiteQL cells
 * with the person's own NetSuite access, outside every agent grant SuiteLens keeps, and VS Code's Bypass Approvals and
 * Autopilot modes skip their confirmations. SuiteQL only reads, so the harm is data read with the person's rights
 * and handed to whoever started the run. The controller therefore asks before such a run where reading matters most:
 * production accounts, accounts the person marked read-only, and, while the folder is in Restricted Mode, every
 * account (a notebook from a folder the person has not trusted may have been written to be run by an agent).
 */
import type { EnvironmentKind } from '../../netsuite/account';

export interface RunGateInput {
  /** The run can be put down to a person at this notebook. */
  personAtNotebook: boolean;
  /** `vscode.workspace.isTrusted`: false in Restricted Mode. */
  folderTrusted: boolean;
  environment: EnvironmentKind;
  demo: boolean;
  readOnly: boolean;
}

export type RunGateDecision = { action: 'run' } | { action: 'ask'; why: string };

export function runGate(input: RunGateInput): RunGateDecision {
  if (input.personAtNotebook) return { action: 'run' };
  if (!input.folderTrusted) return { action: 'ask', why: 'this folder is in Restricted Mode' };
  if (input.environment === 'production' && !input.demo) return { action: 'ask', why: 'this is a production account' };
  if (input.readOnly) return { action: 'ask', why: 'this account is marked read-only' };
  return { action: 'run' };
}

/** The question the person answers; it names who might have started the run and shows what would run. */
export function runQuestion(accountLabel: string, why: string, queries: readonly string[]): { message: string; detail: string } {
  const shown = queries.slice(0, 3).map((query) => (query.length > 400 ? `${query.slice(0, 400)}…` : query));
  const more = queries.length > 3 ? `\n\n…and ${queries.length - 3} more cells.` : '';
  return {
    message: `Run ${queries.length === 1 ? 'this SuiteQL' : `${queries.length} SuiteQL cells`} on ${accountLabel}?`,
    detail:
      `SuiteLens cannot tell that you started this run at the notebook: an agent (such as VS Code chat's notebook tools) or another extension may have started it, and ${why}. ` +
      `It would read with your own NetSuite access, outside any agent grant.\n\n${shown.join('\n\n')}${more}`,
  };
}

/** The output a cell shows when the person said no (or closed the question). */
export const notRunText = 'Not run: you were asked whether to run this query and did not allow it. Run the cell yourself to run it.';
