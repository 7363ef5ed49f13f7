/**
 * The kind of NetSuite account an id names. Production is the default: an id we cannot classify gets the strictest
 * treatment (no wildcard grants), so a typo never loosens the policy.
 */
export type AccountEnvironment = 'production' | 'sandbox' | 'releasePreview';

export function accountEnvironment(accountId: string): AccountEnvironment {
  if (/_SB\d+$/i.test(accountId)) return 'sandbox';
  if (/_RP$/i.test(accountId)) return 'releasePreview';
  return 'production';
}

const environmentLabels: Record<AccountEnvironment, string> = {
  production: 'production',
  sandbox: 'sandbox',
  releasePreview: 'release preview',
};

export function environmentLabel(environment: AccountEnvironment): string {
  return environmentLabels[environment];
}
