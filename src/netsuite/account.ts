/**
 * NetSuite account ids and everything derived from them: hosts, the TBA realm, the environment kind.
 * NetSuite spells one account two ways (netsuite-wire.md §5d): `1234567_SB1` in realms and JWT audiences,
 * `1234567-sb1` in host names. Users paste either, in any case, sometimes as a whole URL — we accept all of
 * them and keep one canonical form.
 */

import { describePastedCharacter, findPastedCharacter } from './pastedCharacters';

export type EnvironmentKind = 'production' | 'sandbox' | 'releasePreview';

export interface NetSuiteAccount {
  /** Canonical id: upper case with underscores (`1234567_SB1`, `TSTDRV123`) — also the TBA realm. */
  id: string;
  /** Host label: lower case with hyphens (`1234567-sb1`). */
  hostLabel: string;
  environment: EnvironmentKind;
  /** Sandbox number for `_SB<n>` accounts. */
  sandboxNumber?: number;
  /** Base URL of the REST API (`https://1234567-sb1.suitetalk.api.netsuite.com`, or the override). */
  restBaseUrl: string;
  /** Base URL of the NetSuite UI (`https://1234567-sb1.app.netsuite.com`, or the override). */
  uiBaseUrl: string;
  /** True when an override points the client somewhere other than NetSuite's own hosts (sandbox, proxy). */
  overridden: boolean;
}

export interface AccountOverrides {
  /** Replaces the REST base URL, e.g. the local sandbox `http://127.0.0.1:4567` or a corporate proxy. */
  restBaseUrl?: string;
  /** Replaces the UI base URL used for "open in NetSuite" links. */
  uiBaseUrl?: string;
}

const expectedForm =
  'Expected a NetSuite account id such as 1234567 (production), 1234567_SB1 (sandbox), 1234567_RP (release preview) ' +
  'or TSTDRV1234567 (test drive) — find it under Setup > Company > Company Information > Account ID.';

// Base: letters and digits. Suffix: SB<n> or RP, joined by `_` or `-` (host form).
const accountIdPattern = /^([A-Z0-9]+)(?:[_-](SB(\d+)|RP))?$/;

/**
 * Hosts under netsuite.com that belong to NetSuite itself, not to one account: the login and data-center hosts, the
 * marketing site, the old shared web-services host. Their first label parses as an id ("SYSTEM") but names no account.
 */
const nonAccountHostLabels = new Set([
  'system', 'app', 'www', 'netsuite', 'rest', 'webservices', 'suitetalk', 'debugger', 'checkout', 'shopping', 'forms',
  'extforms', 'content', 'docs', 'login', 'status', 'partners', 'suiteanswers', 'customer', 'support', 'api',
]);

function nonAccountHostProblem(host: string): string | undefined {
  const labels = host.toLowerCase().split('.');
  // Account hosts are <account>.<service>.netsuite.com (app, suitetalk.api, restlets.api, …): four labels or more.
  if (labels.length < 4 || nonAccountHostLabels.has(labels[0])) {
    return `${host.toLowerCase()} is one of NetSuite's own hosts (sign-in, data centre or website), not your account's; enter your account id (Setup > Company > Company Information > Account ID) or a host that starts with it, such as 1234567.app.netsuite.com`;
  }
  return undefined;
}

export class AccountIdError extends Error {
  constructor(readonly input: string, reason: string) {
    super(`"${input}" is not a NetSuite account id: ${reason}. ${expectedForm}`);
    this.name = 'AccountIdError';
  }
}

/** Accepts `1234567_SB1`, `1234567-sb1`, a host (`1234567-sb1.suitetalk.api.netsuite.com`) or a URL on it. */
export function normaliseAccountId(input: string): string {
  let candidate = input.trim();
  if (candidate === '') throw new AccountIdError(input, 'it is empty');
  const pasted = findPastedCharacter(candidate);
  if (pasted) throw new AccountIdError(input, `it contains ${describePastedCharacter(pasted)}; type the id again instead of pasting it`);
  if (/^https?:\/\//i.test(candidate)) {
    try {
      candidate = new URL(candidate).hostname;
    } catch {
      throw new AccountIdError(input, 'it is not a valid URL');
    }
  }
  if (candidate.includes('.')) {
    if (!/\.netsuite\.com$/i.test(candidate)) throw new AccountIdError(input, 'it is a host name outside netsuite.com');
    const notAnAccount = nonAccountHostProblem(candidate);
    if (notAnAccount) throw new AccountIdError(input, notAnAccount);
    candidate = candidate.split('.')[0];
  }
  const upper = candidate.toUpperCase();
  const match = accountIdPattern.exec(upper);
  if (!match) {
    const reason = /\s/.test(upper)
      ? 'it contains spaces'
      : /[^A-Z0-9_-]/.test(upper)
        ? 'it may contain only letters, digits and one _SB<n> or _RP suffix'
        : 'the suffix after the underscore must be SB<n> or RP';
    throw new AccountIdError(input, reason);
  }
  return match[2] ? `${match[1]}_${match[2]}` : match[1];
}

export function parseAccount(input: string, overrides: AccountOverrides = {}): NetSuiteAccount {
  const id = normaliseAccountId(input);
  const suffix = id.split('_')[1];
  const environment: EnvironmentKind = suffix === undefined ? 'production' : suffix === 'RP' ? 'releasePreview' : 'sandbox';
  const hostLabel = id.toLowerCase().replace(/_/g, '-');
  return {
    id,
    hostLabel,
    environment,
    ...(environment === 'sandbox' ? { sandboxNumber: Number(suffix.slice(2)) } : {}),
    restBaseUrl: overrides.restBaseUrl ? originOf(overrides.restBaseUrl) : `https://${hostLabel}.suitetalk.api.netsuite.com`,
    uiBaseUrl: overrides.uiBaseUrl ? originOf(overrides.uiBaseUrl) : `https://${hostLabel}.app.netsuite.com`,
    overridden: Boolean(overrides.restBaseUrl || overrides.uiBaseUrl),
  };
}

/** The realm TBA signs with and the company in OAuth 2.0 audiences: the canonical upper-case id. */
export function tbaRealm(account: NetSuiteAccount): string {
  return account.id;
}

/** `https://<host>/services/rest/` — the root every REST service path hangs under. */
export function restRoot(account: NetSuiteAccount): string {
  return `${account.restBaseUrl}/services/rest/`;
}

export function environmentLabel(kind: EnvironmentKind): string {
  return kind === 'production' ? 'Production' : kind === 'sandbox' ? 'Sandbox' : 'Release Preview';
}

function originOf(baseUrl: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new Error(`Base URL override "${baseUrl}" is not a URL; expected e.g. http://127.0.0.1:4567`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`Base URL override "${baseUrl}" must use http or https`);
  }
  // Keep a path prefix (proxies mount NetSuite under one) but drop a trailing slash.
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}
