/**
 * How the active account looks in the status bar. Production must be unmistakable — a red background and the word
 * PRODUCTION — because a write there is real; release preview is amber; sandboxes and the demo stay plain.
 */
import { environmentLabel } from '../../netsuite/account';
import { describeProfile, type AccountProfile } from './accountProfile';

export interface StatusBarLook {
  text: string;
  tooltip: string;
  /** A theme colour id VS Code allows as a status bar background, or undefined for the default. */
  backgroundColor?: 'statusBarItem.errorBackground' | 'statusBarItem.warningBackground';
  /** The matching foreground, so the text stays readable on the coloured background. */
  color?: 'statusBarItem.errorForeground' | 'statusBarItem.warningForeground';
}

export function statusBarLook(profile: AccountProfile | undefined): StatusBarLook {
  const look = lookFor(profile);
  // A read-only account carries a lock, so nobody wonders why a save is refused.
  return profile?.readOnly ? { ...look, text: `${look.text} $(lock)` } : look;
}

function lookFor(profile: AccountProfile | undefined): StatusBarLook {
  if (!profile) {
    return { text: '$(cloud) NetSuite: add account', tooltip: 'No NetSuite account yet. Click to add one.' };
  }
  const tooltip = `${describeProfile(profile)}\nClick to switch account.`;
  if (profile.demo) return { text: `$(beaker) ${profile.label}`, tooltip };
  switch (profile.environment) {
    case 'production':
      return {
        text: `$(warning) PRODUCTION · ${profile.label}`,
        tooltip: `${describeProfile(profile)}\nThis is a PRODUCTION account: changes are real${profile.confirmBeforeWrite ? ' (SuiteLens asks before each write)' : ''}.\nClick to switch account.`,
        backgroundColor: 'statusBarItem.errorBackground',
        color: 'statusBarItem.errorForeground',
      };
    case 'releasePreview':
      return {
        text: `$(eye) ${environmentLabel('releasePreview').toUpperCase()} · ${profile.label}`,
        tooltip,
        backgroundColor: 'statusBarItem.warningBackground',
        color: 'statusBarItem.warningForeground',
      };
    case 'sandbox':
      return { text: `$(beaker) Sandbox · ${profile.label}`, tooltip };
  }
}
