/**
 * The one modal question every access change asks before it writes the policy — a switch in the tree, "Grant
 * SuiteQL Table…" and "Grant What This Needed…" alike — so a person always reads the same words for the same change.
 */
import { permissionPhrase, type AccessLevel } from '../../agents/accessLevel';
import { accountEnvironment, accountLabel } from '../../agents/accountEnvironment';
import { wildcardRecordType } from '../../agents/policyDocument';
import { tableAccessRule } from '../../agents/suiteqlAccess';
import { recordTypeNoun } from '../../netsuite/recordTypeLabels';
import type { WarningDialog } from './warningDialog';

export interface AccessChange {
  recordType: string;
  level: AccessLevel;
  /** A table that is no record type of the account: only SuiteQL reads it. */
  tableOnly?: boolean;
}

/**
 * "customer records", "sales order records" (by label, as people know the type), "transaction (every transaction
 * type) through SuiteQL", "the term table through SuiteQL".
 */
export function switchSubject(recordType: string, tableOnly = false): string {
  if (recordType === wildcardRecordType) return 'every record type';
  const rule = tableAccessRule(recordType);
  if (rule.kind === 'family' && rule.family.grantKey.toLowerCase() === recordType.toLowerCase()) {
    return `${rule.family.grantKey} (every ${rule.family.noun} type) through SuiteQL`;
  }
  return tableOnly ? `the ${recordType} table through SuiteQL` : `${recordTypeNoun(recordType)} records`;
}

export const changeAccessButton = 'Change Access';

/** "Let Billing helper read every transaction type through SuiteQL (…) and read term records on 1234567_SB1 (sandbox)?" */
export function accessQuestion(agentName: string, accountId: string, changes: readonly AccessChange[]): string {
  const where = accountLabel(accountId);
  if (changes.length === 1 && changes[0].level === 'none') return `Switch off ${agentName}'s access to ${switchSubject(changes[0].recordType, changes[0].tableOnly)} on ${where}?`;
  const phrases = changes.map((change) => permissionPhrase(change.level, switchSubject(change.recordType, change.tableOnly)));
  const joined = phrases.length > 1 ? `${phrases.slice(0, -1).join(', ')} and ${phrases.at(-1)}` : phrases[0];
  return `Let ${agentName} ${joined} on ${where}?`;
}

/** Asks in a modal dialog; true only when the person pressed the button. */
export async function confirmAccessChange(
  dialogs: WarningDialog,
  question: string,
  accountId: string,
  options: { button?: string; detail?: readonly string[] } = {},
): Promise<boolean> {
  const production = accountEnvironment(accountId) === 'production';
  const detail = [
    ...(options.detail ?? []),
    production ? 'This is a production account.' : '',
    'Every call is still checked and written to the Agent Activity log.',
  ].filter(Boolean).join('\n');
  const button = options.button ?? changeAccessButton;
  return (await dialogs.showWarningMessage(question, { modal: true, detail }, button)) === button;
}
