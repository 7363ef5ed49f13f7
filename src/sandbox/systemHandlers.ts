/**
 * `GET /services/rest/system/v1/governanceLimits` (netsuite-wire.md §1.10, §6): the account's concurrency limit,
 * for administrators only. Key names follow the SOAP equivalents, as the REST ones were never seen publicly.
 */
import { insufficientPermission } from './http/errors';
import type { SandboxReply, SandboxRequest } from './http/router';
import { isAdministrator } from './roles';

export function governanceLimits(request: SandboxRequest, concurrencyLimit: number): SandboxReply {
  if (!isAdministrator(request.principal.role)) {
    throw insufficientPermission(
      `Permission Violation: You need the 'Integration Governance' permission (Setup) to view governance limits. Your role '${request.principal.role.name}' does not have it.`,
    );
  }
  return {
    status: 200,
    json: {
      links: [{ rel: 'self', href: request.url.href }],
      accountConcurrencyLimit: concurrencyLimit,
      integrationConcurrencyLimit: concurrencyLimit,
      limitType: 'accountLimit',
      unallocatedConcurrencyLimit: concurrencyLimit,
    },
  };
}
