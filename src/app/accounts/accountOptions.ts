/**
 * Per-account options ("SuiteLens: Account Options…"): the rules for changing them, apart from the quick picks.
 */
import { isLanguageTag } from '../../netsuite/companyLanguage';
import { checkedConcurrencyLimit, type AccountProfile } from './accountProfile';

export interface AccountOptionChange {
  label?: string;
  readOnly?: boolean;
  confirmBeforeWrite?: boolean;
  concurrencyLimit?: number;
  /** An empty string clears it (no `Accept-Language` is sent). */
  companyLanguage?: string;
}

export function applyAccountOptions(profile: AccountProfile, change: AccountOptionChange): AccountProfile {
  const next: AccountProfile = { ...profile };
  if (change.label !== undefined) {
    const label = change.label.trim();
    if (label === '') throw new Error('An account name cannot be empty.');
    next.label = label;
  }
  if (change.concurrencyLimit !== undefined) {
    next.concurrencyLimit = checkedConcurrencyLimit(change.concurrencyLimit);
  }
  if (change.companyLanguage !== undefined) {
    const problem = companyLanguageProblem(change.companyLanguage);
    if (problem) throw new Error(problem);
    const language = change.companyLanguage.trim();
    if (language === '') delete next.companyLanguage;
    else next.companyLanguage = language;
  }
  if (change.readOnly !== undefined) next.readOnly = change.readOnly;
  if (change.confirmBeforeWrite !== undefined) next.confirmBeforeWrite = change.confirmBeforeWrite;
  return next;
}

/** Why a typed company language cannot be sent as a header value; undefined when it can (empty = none). */
export function companyLanguageProblem(text: string): string | undefined {
  const language = text.trim();
  if (language === '' || isLanguageTag(language)) return undefined;
  return `"${language}" is not a language code: enter it as NetSuite names it, e.g. zh, de or en_US (or leave it empty).`;
}

/** Turning off write confirmation on production is allowed, but only after the user says so twice. */
export function needsExtraConfirmation(profile: AccountProfile, change: AccountOptionChange): boolean {
  return profile.environment === 'production' && !profile.demo && change.confirmBeforeWrite === false && profile.confirmBeforeWrite;
}

export interface AccountOptionRow {
  option: 'readOnly' | 'confirmBeforeWrite' | 'concurrencyLimit' | 'companyLanguage' | 'label';
  label: string;
  /** The current value, as the quick pick shows it. */
  value: string;
  detail: string;
}

export function accountOptionRows(profile: AccountProfile): AccountOptionRow[] {
  const onOff = (on: boolean): string => (on ? 'On' : 'Off');
  return [
    {
      option: 'readOnly',
      label: 'Read-only',
      value: onOff(profile.readOnly),
      detail: 'Refuse every write from SuiteLens: forms open read-only and agents get no write tools.',
    },
    {
      option: 'confirmBeforeWrite',
      label: 'Confirm before each write',
      value: onOff(profile.confirmBeforeWrite),
      detail: 'Show the exact change and ask before it is sent (on by default for production).',
    },
    {
      option: 'concurrencyLimit',
      label: 'Concurrency limit',
      value: String(profile.concurrencyLimit),
      detail: 'Requests SuiteLens sends in parallel; NetSuite limits each account (5 on developer accounts).',
    },
    {
      option: 'companyLanguage',
      label: 'Company language',
      value: profile.companyLanguage ?? 'Not set',
      detail: "Sent as Accept-Language: NetSuite requires the company's default language when yours differs (learned automatically when NetSuite asks).",
    },
    { option: 'label', label: 'Name', value: profile.label, detail: 'What SuiteLens calls the account in the status bar and pickers.' },
  ];
}
