/**
 * NetSuite's error envelope (netsuite-wire.md §4): RFC 9110 `type` URL, `title`, `status` and one or more
 * `o:errorDetails`, always served as `application/vnd.oracle.resource+json; type=error`.
 */
import { ERROR_MEDIA_TYPE } from './mediaTypes';

export interface ErrorDetail {
  detail: string;
  'o:errorCode': string;
  'o:errorPath'?: string;
  'o:errorQueryParam'?: string;
  'o:errorHeader'?: string;
  'o:errorUrl'?: string;
}

interface StatusDescription {
  type: string;
  title: string;
}

// 429 is not in RFC 9110 (it comes from RFC 6585), so its type URL points there.
const statusDescriptions: Record<number, StatusDescription> = {
  400: { type: 'https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.1', title: 'Bad Request' },
  401: { type: 'https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.2', title: 'Unauthorized' },
  403: { type: 'https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.4', title: 'Forbidden' },
  404: { type: 'https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.5', title: 'Not Found' },
  405: { type: 'https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.6', title: 'Method Not Allowed' },
  409: { type: 'https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.10', title: 'Conflict' },
  413: { type: 'https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.14', title: 'Content Too Large' },
  415: { type: 'https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.16', title: 'Unsupported Media Type' },
  429: { type: 'https://www.rfc-editor.org/rfc/rfc6585.html#section-4', title: 'Too Many Requests' },
  500: { type: 'https://www.rfc-editor.org/rfc/rfc9110.html#section-15.6.1', title: 'Internal Server Error' },
};

/** Thrown anywhere in request handling; the server turns it into the envelope. */
export class NetSuiteHttpError extends Error {
  readonly headers: Record<string, string>;

  constructor(
    readonly status: number,
    readonly details: ErrorDetail[],
    headers: Record<string, string> = {},
  ) {
    super(details.map((d) => d.detail).join(' '));
    this.name = 'NetSuiteHttpError';
    this.headers = headers;
  }
}

export function errorBody(status: number, details: ErrorDetail[]): string {
  const description = statusDescriptions[status] ?? statusDescriptions[500];
  return JSON.stringify({ type: description.type, title: description.title, status, 'o:errorDetails': details });
}

export function errorContentType(): string {
  return ERROR_MEDIA_TYPE;
}

/** Shorthands for the errors the record, query and system services raise. */
export function invalidParameter(detail: string, where: Pick<ErrorDetail, 'o:errorQueryParam' | 'o:errorPath' | 'o:errorHeader'> = {}): NetSuiteHttpError {
  return new NetSuiteHttpError(400, [{ detail, 'o:errorCode': 'INVALID_PARAMETER', ...where }]);
}

export function invalidContent(detail: string, errorPath?: string): NetSuiteHttpError {
  return new NetSuiteHttpError(400, [{ detail, 'o:errorCode': 'INVALID_CONTENT', ...(errorPath ? { 'o:errorPath': errorPath } : {}) }]);
}

export function recordTypeNotFound(typeName: string): NetSuiteHttpError {
  return new NetSuiteHttpError(404, [{ detail: `Record type '${typeName}' does not exist.`, 'o:errorCode': 'NONEXISTENT_ID' }]);
}

export function recordNotFound(): NetSuiteHttpError {
  return new NetSuiteHttpError(404, [
    { detail: 'The record instance does not exist. Provide a valid record instance ID.', 'o:errorCode': 'NONEXISTENT_ID' },
  ]);
}

export function pathNotFound(path: string): NetSuiteHttpError {
  return new NetSuiteHttpError(404, [{ detail: `The requested resource '${path}' does not exist.`, 'o:errorCode': 'NONEXISTENT_ID', 'o:errorUrl': path }]);
}

export function methodNotAllowed(method: string, path: string, allowed: string[]): NetSuiteHttpError {
  return new NetSuiteHttpError(
    405,
    [{ detail: `HTTP method ${method} is not allowed for the resource '${path}'.`, 'o:errorCode': 'METHOD_NOT_ALLOWED', 'o:errorUrl': path }],
    { allow: allowed.join(', ') },
  );
}

export function insufficientPermission(detail: string): NetSuiteHttpError {
  return new NetSuiteHttpError(403, [{ detail, 'o:errorCode': 'INSUFFICIENT_PERMISSION' }]);
}

export function concurrencyLimitExceeded(): NetSuiteHttpError {
  return new NetSuiteHttpError(429, [{ detail: 'Concurrent request limit exceeded. Request blocked.', 'o:errorCode': 'CONCURRENCY_LIMIT_EXCEEDED' }]);
}

export function unexpectedError(errorId: string): NetSuiteHttpError {
  return new NetSuiteHttpError(500, [{ detail: `An unexpected error occurred. Error ID: ${errorId}`, 'o:errorCode': 'UNEXPECTED_ERROR' }]);
}
