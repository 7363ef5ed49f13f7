/** Switch account, account options and remove account: the quick picks behind the status bar and the palette. */
import * as vscode from 'vscode';
import { describeProfile, type AccountProfile } from '../../app/accounts/accountProfile';
import type { AccountRegistry } from './accountRegistry';
import { accountOptionRows, applyAccountOptions, companyLanguageProblem, needsExtraConfirmation, type AccountOptionChange } from '../../app/accounts/accountOptions';
import { concurrencyLimitProblem } from '../../app/accounts/accountInputs';
import type { AccountService } from '../../app/accounts/accountService';

/** Commands get an account id, a tree node carrying `accountId`, or nothing (then the user picks). */
export function accountIdArgument(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  if (typeof arg === 'object' && arg !== null && typeof (arg as { accountId?: unknown }).accountId === 'string') return (arg as { accountId: string }).accountId;
  return undefined;
}

interface AccountItem extends vscode.QuickPickItem {
  accountId?: string;
  action?: 'add';
}

function accountItems(registry: AccountRegistry<unknown>): AccountItem[] {
  const active = registry.activeAccountId;
  return registry.list().map((profile) => ({
    accountId: profile.accountId,
    label: `${profile.accountId === active ? '$(check)' : '$(blank)'} ${profile.label}`,
    description: describeProfile(profile).split(' · ').slice(1).join(' · '),
  }));
}

export async function pickAccount(registry: AccountRegistry<unknown>, placeHolder: string, arg?: unknown): Promise<AccountProfile | undefined> {
  const given = accountIdArgument(arg);
  if (given) return registry.get(given);
  const items = accountItems(registry);
  if (items.length === 0) {
    void vscode.window.showInformationMessage('SuiteLens has no NetSuite account yet. Add one with "SuiteLens: Add NetSuite Account…".');
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(items, { placeHolder });
  return picked?.accountId ? registry.get(picked.accountId) : undefined;
}

export async function switchAccount(registry: AccountRegistry<unknown>, arg?: unknown): Promise<void> {
  const given = accountIdArgument(arg);
  if (given) return registry.setActive(given);
  const items: AccountItem[] = [...accountItems(registry), { label: '', kind: vscode.QuickPickItemKind.Separator }, { action: 'add', label: '$(add) Add NetSuite Account…' }];
  const picked = await vscode.window.showQuickPick(items, { placeHolder: 'Switch the active NetSuite account' });
  if (picked?.action === 'add') await vscode.commands.executeCommand('suitelens.addAccount');
  else if (picked?.accountId) await registry.setActive(picked.accountId);
}

export async function editAccountOptions(registry: AccountRegistry<unknown>, arg?: unknown): Promise<void> {
  let profile = await pickAccount(registry, 'Options of which account?', arg);
  while (profile) {
    const rows = accountOptionRows(profile);
    const picked = await vscode.window.showQuickPick(
      rows.map((row) => ({ label: row.label, description: row.value, detail: row.detail, row })),
      { title: `Account Options: ${describeProfile(profile)}`, placeHolder: 'Pick an option to change it' },
    );
    if (!picked) return;
    const change = await askChange(profile, picked.row.option);
    if (!change) continue;
    if (needsExtraConfirmation(profile, change)) {
      const sure = await vscode.window.showWarningMessage(
        `${profile.label} is a PRODUCTION account. Turn off confirmation before writes?`,
        { modal: true, detail: 'SuiteLens will then send creates, edits and deletes without showing them first.' },
        'Turn Off',
      );
      if (sure !== 'Turn Off') continue;
    }
    profile = applyAccountOptions(profile, change);
    await registry.save(profile, {});
  }
}

async function askChange(profile: AccountProfile, option: ReturnType<typeof accountOptionRows>[number]['option']): Promise<AccountOptionChange | undefined> {
  switch (option) {
    case 'readOnly':
      return { readOnly: !profile.readOnly };
    case 'confirmBeforeWrite':
      return { confirmBeforeWrite: !profile.confirmBeforeWrite };
    case 'concurrencyLimit': {
      const text = await vscode.window.showInputBox({ title: 'Concurrency limit', value: String(profile.concurrencyLimit), validateInput: concurrencyLimitProblem });
      return text === undefined ? undefined : { concurrencyLimit: Number(text.trim()) };
    }
    case 'companyLanguage': {
      const text = await vscode.window.showInputBox({
        title: 'Company language (Accept-Language)',
        value: profile.companyLanguage ?? '',
        placeHolder: 'e.g. zh, de or en_US; empty sends no Accept-Language',
        validateInput: companyLanguageProblem,
      });
      return text === undefined ? undefined : { companyLanguage: text };
    }
    case 'label': {
      const text = await vscode.window.showInputBox({ title: 'Account name', value: profile.label, validateInput: (t) => (t.trim() ? undefined : 'Enter a name.') });
      return text === undefined ? undefined : { label: text };
    }
  }
}

export async function removeAccount(registry: AccountRegistry<unknown>, service: AccountService, arg?: unknown): Promise<void> {
  const profile = await pickAccount(registry, 'Remove which account?', arg);
  if (!profile) return;
  const answer = await vscode.window.showWarningMessage(
    `Remove ${describeProfile(profile)} from SuiteLens?`,
    { modal: true, detail: 'Its keys and tokens are deleted from VS Code\'s secret storage. Nothing changes in NetSuite.' },
    'Remove',
  );
  if (answer === 'Remove') await service.remove(profile.accountId);
}
