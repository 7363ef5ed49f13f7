/**
 * The question before an import writes, asked where a form's save asks it (writeConfirmations.ts): on production
 * accounts and any account with "confirm before write", as a modal naming the account, before any request goes out.
 */
import * as vscode from 'vscode';
import type { AccountProfile } from '../../app/accounts/accountProfile';

export async function confirmImport(profile: AccountProfile, what: string, detail: string): Promise<boolean> {
  if (!profile.confirmBeforeWrite) return true;
  const name = profile.label === profile.accountId ? profile.accountId : `${profile.label} (${profile.accountId})`;
  const where = profile.environment === 'production' ? `PRODUCTION account ${name}` : name;
  const choice = await vscode.window.showWarningMessage(`${what} in ${where}?`, { modal: true, detail }, 'Import to NetSuite');
  return choice === 'Import to NetSuite';
}
