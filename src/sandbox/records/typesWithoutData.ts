/**
 * Writes to a record type the demo catalog lists without data (`catalog/typesWithoutData.ts`). Reads need nothing
 * special: the store holds no rows of such a type, so its collection answers empty and a record 404s. A write is
 * refused in NetSuite's error envelope, naming the limit, because the sandbox has no SuiteQL tables or seed for
 * these types; this is the sandbox's own rule, not NetSuite's (src/sandbox/README.md).
 */
import { hasNoData } from '../catalog';
import { NetSuiteHttpError } from '../http/errors';
import type { RouteHandler } from '../http/router';

function writeWithoutDataRefused(recordType: string): NetSuiteHttpError {
  return new NetSuiteHttpError(400, [
    {
      detail: `The demo sandbox lists the record type '${recordType}' in its metadata catalog but keeps no records of it, so it cannot create, change or delete them. Try a type with demo data, such as customer or salesOrder.`,
      'o:errorCode': 'USER_ERROR',
    },
  ]);
}

/** `handler`, unless the request writes to a type without data. */
export function refusingTypesWithoutData(handler: RouteHandler): RouteHandler {
  return (request) => (hasNoData(request.params.type ?? '') ? Promise.reject(writeWithoutDataRefused(request.params.type)) : handler(request));
}
