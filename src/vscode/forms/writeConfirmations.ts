/**
 * The questions before a write. Production accounts (and any account with confirm-before-write) see the exact
 * change — field, old → new — in a modal before the request goes out; a delete always names the record.
 */
import * as vscode from 'vscode';
import type { AccountProfile } from '../../app/accounts/accountProfile';
import type { FieldChange } from '../../app/forms/model/formValues';
import { recordLabel } from '../../app/forms/recordNames';
import type { ConflictChoice, SaveDialogs } from '../../app/forms/saveRecordForm';

/** True when the write may go ahead: asked only on accounts that want it. */
export async function confirmWrite(profile: AccountProfile, what: string, changes: readonly FieldChange[]): Promise<boolean> {
  if (!profile.confirmBeforeWrite) return true;
  const name = profile.label === profile.accountId ? profile.accountId : `${profile.label} (${profile.accountId})`;
  const where = profile.environment === 'production' ? `PRODUCTION account ${name}` : name;
  const detail = changes.map((c) => `${c.field}: ${c.before} → ${c.after}`).join('\n');
  const choice = await vscode.window.showWarningMessage(`${what} in ${where}?`, { modal: true, detail }, 'Save to NetSuite');
  return choice === 'Save to NetSuite';
}

export async function confirmDelete(profile: AccountProfile, recordType: string, id: string, name?: string): Promise<boolean> {
  const where = profile.environment === 'production' ? `PRODUCTION account ${profile.label}` : profile.label;
  const choice = await vscode.window.showWarningMessage(
    `Delete ${recordLabel(recordType, id, name)} from ${where}?`,
    { modal: true, detail: 'NetSuite deletes the record for good; this cannot be undone from SuiteLens.' },
    'Delete',
  );
  return choice === 'Delete';
}

/** The record changed in NetSuite since the form opened: Overwrite, Reload, or Keep Editing (also on Escape). */
export async function chooseOnConflict(question: string, detail: string): Promise<ConflictChoice> {
  const choice = await vscode.window.showWarningMessage(question, { modal: true, detail }, 'Overwrite', 'Reload', 'Keep Editing');
  return choice === 'Overwrite' ? 'overwrite' : choice === 'Reload' ? 'reload' : 'keepEditing';
}

/** The questions of a form's save, as VS Code's modal dialogs on this account. */
export function saveDialogs(profile: AccountProfile): SaveDialogs {
  return { confirmWrite: (what, changes) => confirmWrite(profile, what, changes), chooseOnConflict };
}
