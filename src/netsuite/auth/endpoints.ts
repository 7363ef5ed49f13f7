/** Where NetSuite's OAuth 2.0 endpoints live for an account (netsuite-wire.md §5a): UI host and REST host. */
import type { NetSuiteAccount } from '../account';

export type AccountHosts = Pick<NetSuiteAccount, 'id' | 'restBaseUrl' | 'uiBaseUrl'>;

export function tokenEndpointUrl(account: AccountHosts): URL {
  return new URL(`${account.restBaseUrl}/services/rest/auth/oauth2/v1/token`);
}

export function revokeEndpointUrl(account: AccountHosts): URL {
  return new URL(`${account.restBaseUrl}/services/rest/auth/oauth2/v1/revoke`);
}

export function authorizeEndpointUrl(account: AccountHosts): URL {
  return new URL(`${account.uiBaseUrl}/app/login/oauth2/authorize.nl`);
}
