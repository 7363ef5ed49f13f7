/**
 * `X-NetSuite-Idempotency-Key` (netsuite-wire.md §1.9): a replayed key never creates twice. The key is stored in
 * the same transaction as the record it created, so a connection reset after commit still remembers it; the
 * replay is answered with IDEMPOTENCY_ERROR and a Location pointing at the record the first request created.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { NetSuiteHttpError } from '../http/errors';
import { recordHref } from './links';
import type { RecordServiceSettings } from './recordContext';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function idempotencyKey(headers: IncomingHttpHeaders): string | undefined {
  const header = headers['x-netsuite-idempotency-key'];
  const key = Array.isArray(header) ? header[0] : header;
  if (key === undefined) return undefined;
  if (!uuid.test(key.trim())) {
    throw new NetSuiteHttpError(400, [
      {
        detail: `Invalid value '${key}' for header X-NetSuite-Idempotency-Key. The key must be a UUID (RFC 4122).`,
        'o:errorCode': 'INVALID_PARAMETER',
        'o:errorHeader': 'X-NetSuite-Idempotency-Key',
      },
    ]);
  }
  return key.trim().toLowerCase();
}

export function duplicateSubmission(settings: RecordServiceSettings, previous: { type: string; id: string }): NetSuiteHttpError {
  const definition = settings.findRecordType(previous.type);
  return new NetSuiteHttpError(
    settings.idempotencyDuplicateStatus,
    [
      {
        detail: 'A request with the same idempotency key is already submitted. See the "Location" header for a link to the previously submitted request\'s record.',
        'o:errorCode': 'IDEMPOTENCY_ERROR',
        'o:errorHeader': 'X-NetSuite-Idempotency-Key',
      },
    ],
    { location: recordHref(settings.baseUrl(), definition?.id ?? previous.type, previous.id) },
  );
}
