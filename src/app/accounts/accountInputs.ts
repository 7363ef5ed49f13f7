/**
 * Validation of what the user types while adding an account, run on every keystroke by the input boxes.
 * Pure (no `vscode`): each check returns a message to show under the box, or undefined when the text is fine.
 */
import { AccountIdError, environmentLabel, parseAccount } from '../../netsuite/account';
import { describePastedCharacter, findPastedCharacter } from '../../netsuite/pastedCharacters';

export interface InputFeedback {
  severity: 'info' | 'error';
  message: string;
}

/** Errors for a bad id; for a good one, what SuiteLens understood (canonical id and environment). */
export function accountIdFeedback(text: string): InputFeedback {
  try {
    const account = parseAccount(text);
    const environment = account.environment === 'production' ? 'PRODUCTION' : environmentLabel(account.environment);
    return { severity: 'info', message: `${environment} account ${account.id}` };
  } catch (error) {
    if (error instanceof AccountIdError) return { severity: 'error', message: error.message };
    throw error;
  }
}

/** A base URL override: absolute http(s), no query or fragment (the client appends `/services/rest/...`). */
export function baseUrlProblem(text: string): string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return 'Enter the address that serves the NetSuite REST API, e.g. http://127.0.0.1:4567 for the local sandbox.';
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return `"${trimmed}" is not a URL; expected e.g. http://127.0.0.1:4567 or https://proxy.example.com/netsuite`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `The address must start with http:// or https:// (got ${url.protocol}).`;
  if (url.search || url.hash) return 'The address must not contain a query (?…) or fragment (#…); SuiteLens adds the REST paths itself.';
  if (url.username || url.password) return 'Do not put credentials in the address; SuiteLens signs every request itself.';
  return undefined;
}

/**
 * Keys, token ids and secrets NetSuite shows once on screen: pasting them often drags a space or a line break
 * along, which NetSuite would reject later with a bare INVALID_LOGIN — so say it now.
 */
export function credentialProblem(what: string, text: string, optional = false): string | undefined {
  if (text === '') return optional ? undefined : `Enter the ${what}.`;
  const pasted = findPastedCharacter(text);
  if (pasted) return `The ${what} contains ${describePastedCharacter(pasted)}, which NetSuite would reject; paste it again from NetSuite's own page, or type it.`;
  if (/\s/.test(text)) return `The ${what} contains a space or line break; paste it again without them.`;
  return undefined;
}

/** A PKCS#8 / PKCS#1 / SEC1 private key in PEM: what NetSuite's certificate upload pairs with. */
export function privateKeyProblem(pem: string): string | undefined {
  if (/-----BEGIN (ENCRYPTED )?PRIVATE KEY-----|-----BEGIN (RSA|EC) PRIVATE KEY-----/.test(pem)) {
    if (pem.includes('ENCRYPTED')) return 'The private key is encrypted with a passphrase; export it without one (openssl pkey -in key.pem -out plain.pem).';
    return undefined;
  }
  if (/-----BEGIN CERTIFICATE-----/.test(pem)) {
    return 'This file is a certificate (the part uploaded to NetSuite); choose the matching PRIVATE KEY file instead.';
  }
  if (/-----BEGIN PUBLIC KEY-----/.test(pem)) return 'This file holds a public key; choose the matching PRIVATE KEY file instead.';
  return 'This file is not a PEM private key (expected a "-----BEGIN PRIVATE KEY-----" block).';
}

/** Whole number from 1 to 100, as `createProfile` requires. */
export function concurrencyLimitProblem(text: string): string | undefined {
  const value = Number(text.trim());
  if (text.trim() === '' || !Number.isInteger(value) || value < 1 || value > 100) {
    return 'Enter a whole number from 1 to 100 (NetSuite allows 5 parallel requests on developer accounts, more with SuiteCloud Plus).';
  }
  return undefined;
}
