/**
 * SuiteLens's own question before an agent changes an account that asks before writes: production always, and any
 * account whose profile has "confirm before write" on (as the record forms do). It is asked by the guard itself, right
 * before the write runs (agents/toolInvoker.ts), so VS Code's "Allow in this Session", Bypass Approvals and Autopilot,
 * or an MCP client's auto-approve, cannot skip it. Asked through the shared dialogs so the extension-host suite can
 * answer it as a person would.
 */
import { accountEnvironment, canonicalAccountId } from '../../agents/accountEnvironment';
import { WriteNotAsked, type WriteQuestion } from '../../agents/toolInvoker';
import { visibleLines, visibleText } from '../../agents/visibleText';
import type { WarningDialog } from './warningDialog';

export const allowChangeButton = 'Allow This Change';

/**
 * Longest change the modal shows. A longer one is refused, not cut: what is cut is not read, and padding could push
 * the real change past the cut. Its summary line comes first, so a change that fits is read from the top.
 */
export const maxShownEffect = 4000;

interface ProfileLookup {
  list(): readonly { accountId: string; label: string; confirmBeforeWrite: boolean }[];
}

export interface AgentWriteConfirmation {
  /** True when SuiteLens asks before an agent writes to this account (VS Code's own question is then left out). */
  asksBeforeWrite(accountId: string): boolean;
  confirmWrite(question: WriteQuestion): Promise<boolean>;
}

export function agentWriteConfirmation(accounts: ProfileLookup, dialogs: WarningDialog): AgentWriteConfirmation {
  const profileOf = (accountId: string) => accounts.list().find((profile) => canonicalAccountId(profile.accountId) === canonicalAccountId(accountId));
  const asksBeforeWrite = (accountId: string): boolean => accountEnvironment(accountId) === 'production' || profileOf(accountId)?.confirmBeforeWrite === true;
  // One question at a time: an agent firing writes in parallel must not stack modals over the editor. A write that
  // arrives while one is open is refused at once (and logged), never queued behind it.
  let questionOpen = false;
  return {
    asksBeforeWrite,
    async confirmWrite(question) {
      if (!question.production && !asksBeforeWrite(question.accountId)) return true;
      if (questionOpen) throw new WriteNotAsked('another agent change is already waiting for the person to answer; ask again after that one');
      const effect = visibleLines(question.effect);
      if (effect.length > maxShownEffect) {
        throw new WriteNotAsked(`the change takes ${effect.length.toLocaleString('en-US')} characters to show, more than the ${maxShownEffect.toLocaleString('en-US')} a person can be asked to read; nothing was sent: change fewer records or fields per call`);
      }
      const profile = profileOf(question.accountId);
      const account = profile && profile.label !== profile.accountId ? `${profile.label} (${question.accountId})` : question.accountId;
      const where = question.production ? `PRODUCTION account ${account}` : `account ${account}`;
      // The agent's own values are in the effect and the name: escaped so they cannot reshape the question.
      const detail = [
        effect,
        '',
        `${visibleText(question.agentName)} is ${visibleText(question.reason)} in SuiteLens.`,
        ...(question.production ? ['', 'This is a PRODUCTION account: the change is real and immediate.'] : []),
      ].join('\n');
      questionOpen = true;
      try {
        const choice = await dialogs.showWarningMessage(`${visibleText(question.agentName)} wants to change ${where}. Allow it?`, { modal: true, detail }, allowChangeButton);
        return choice === allowChangeButton;
      } finally {
        questionOpen = false;
      }
    },
  };
}
