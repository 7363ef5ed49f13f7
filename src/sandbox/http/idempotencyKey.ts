/**
 * `X-NetSuite-Idempotency-Key` (netsuite-wire.md §1.9). NetSuite honours the key only on asynchronous requests
 * (`Prefer: respond-async`) and ignores it on synchronous ones, so only the async job queue reads it: a second
 * submission with a known key is refused with IDEMPOTENCY_ERROR and a `Location` of the job the first one made.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { NetSuiteHttpError } from './errors';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const headerName = 'X-NetSuite-Idempotency-Key';

/** The key of an async submission, lower-cased; a key that is not a UUID (RFC 4122, as documented) is refused. */
export function idempotencyKey(headers: IncomingHttpHeaders): string | undefined {
  const header = headers['x-netsuite-idempotency-key'];
  const key = Array.isArray(header) ? header[0] : header;
  if (key === undefined) return undefined;
  if (!uuid.test(key.trim())) {
    throw new NetSuiteHttpError(400, [
      {
        detail: `Invalid value '${key}' for header ${headerName}. The key must be a UUID (RFC 4122).`,
        'o:errorCode': 'INVALID_PARAMETER',
        'o:errorHeader': headerName,
      },
    ]);
  }
  return key.trim().toLowerCase();
}

/** The documented answer to a replayed key; `status` is 409 by default, 400 as the docs' example says. */
export function duplicateSubmission(status: 400 | 409, earlierJobPath: string): NetSuiteHttpError {
  return new NetSuiteHttpError(
    status,
    [
      {
        detail: 'A request with the same idempotency key is already submitted. See the "Location" header for a link to the previously submitted job',
        'o:errorCode': 'IDEMPOTENCY_ERROR',
      },
    ],
    { location: earlierJobPath, 'preference-applied': 'respond-async' },
  );
}
