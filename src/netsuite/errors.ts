/**
 * `NetSuiteError`: every failure the client reports, built from NetSuite's `o:errorDetails` envelope
 * (netsuite-wire.md §4) or from what went wrong on the way (network, cancellation). The core only throws; the
 * VS Code layer decides how to show it, using `kind` and the `advice` sentence. Every text an error carries goes
 * through the log redactor when the error is built: a proxy's error page may quote the request's Authorization
 * header, and these texts reach cell outputs, notifications and saved notebooks.
 */
import { htmlPageSummary, isHtml } from './htmlPage';
import { redactText } from './secretRedaction';

export type NetSuiteErrorKind =
  | 'auth'
  | 'permission'
  | 'notFound'
  | 'invalid'
  | 'conflict'
  | 'governance'
  | 'server'
  | 'network'
  | 'cancelled';

/** One entry of `o:errorDetails`. */
export interface NetSuiteErrorDetail {
  detail: string;
  code?: string;
  /** The field the detail is about (`item.items[0].item`), for putting the message on the form field. */
  errorPath?: string;
  errorQueryParam?: string;
  errorHeader?: string;
  errorUrl?: string;
}

export interface NetSuiteErrorInit {
  kind: NetSuiteErrorKind;
  message: string;
  advice: string;
  status?: number;
  details?: NetSuiteErrorDetail[];
  /** `METHOD path` of the request, without query string (which may carry signed parameters). */
  request?: string;
  cause?: unknown;
}

export class NetSuiteError extends Error {
  readonly kind: NetSuiteErrorKind;
  /** HTTP status, absent for network failures and cancellation. */
  readonly status?: number;
  readonly details: NetSuiteErrorDetail[];
  /** What the user can do about it, as one sentence. */
  readonly advice: string;
  readonly request?: string;

  constructor(init: NetSuiteErrorInit) {
    super(redactText(init.message), init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'NetSuiteError';
    this.kind = init.kind;
    this.status = init.status;
    this.details = (init.details ?? []).map(redactDetail);
    this.advice = redactText(init.advice);
    this.request = init.request === undefined ? undefined : redactText(init.request);
  }

  /** NetSuite's error code of the first detail (`INVALID_PARAMETER`, `INSUFFICIENT_PERMISSION`, …). */
  get code(): string | undefined {
    return this.details[0]?.code;
  }
  get detail(): string | undefined {
    return this.details[0]?.detail;
  }
  get errorPath(): string | undefined {
    return this.details.find((d) => d.errorPath)?.errorPath;
  }
  get errorQueryParam(): string | undefined {
    return this.details.find((d) => d.errorQueryParam)?.errorQueryParam;
  }
}

export function isNetSuiteError(value: unknown, kind?: NetSuiteErrorKind): value is NetSuiteError {
  return value instanceof NetSuiteError && (kind === undefined || value.kind === kind);
}

/** Reads the `o:errorDetails` array (or the flat 2020 form) out of a response body. */
export function parseErrorDetails(body: unknown): NetSuiteErrorDetail[] {
  if (typeof body === 'string' && isHtml(body)) return [{ detail: htmlPageSummary(body) }];
  if (!isObject(body)) return typeof body === 'string' && body.trim() ? [{ detail: body.trim().slice(0, 2000) }] : [];
  const raw = Array.isArray(body['o:errorDetails']) ? body['o:errorDetails'] : [body];
  return raw.filter(isObject).flatMap((entry): NetSuiteErrorDetail[] => {
    const detail = stringField(entry, 'detail') ?? stringField(entry, 'error_description') ?? stringField(entry, 'title');
    if (!detail) return [];
    return [
      {
        detail,
        code: stringField(entry, 'o:errorCode') ?? stringField(entry, 'error'),
        errorPath: stringField(entry, 'o:errorPath'),
        errorQueryParam: stringField(entry, 'o:errorQueryParam'),
        errorHeader: stringField(entry, 'o:errorHeader'),
        errorUrl: stringField(entry, 'o:errorUrl') ?? stringField(entry, 'o:urlPath'),
      },
    ];
  });
}

export function kindForResponse(status: number, code: string | undefined): NetSuiteErrorKind {
  if (code === 'CONCURRENCY_LIMIT_EXCEEDED' || status === 429) return 'governance';
  if (code === 'IDEMPOTENCY_ERROR' || status === 409 || status === 412) return 'conflict';
  if (status === 401 || code === 'INVALID_LOGIN') return 'auth';
  if (status === 403 || code === 'INSUFFICIENT_PERMISSION') return 'permission';
  if (status === 404 || code === 'NONEXISTENT_ID') return 'notFound';
  if (status >= 500) return 'server';
  return 'invalid';
}

/** The error for a non-2xx NetSuite response. */
export function errorFromResponse(status: number, body: unknown, request: string): NetSuiteError {
  const details = parseErrorDetails(body);
  const first = details[0];
  const kind = kindForResponse(status, first?.code);
  const detailText = details.map((d) => d.detail).join(' ');
  const message = detailText
    ? `NetSuite answered ${status}${first?.code ? ` ${first.code}` : ''}: ${detailText}`
    : `NetSuite answered ${status} with no error detail`;
  return new NetSuiteError({ kind, status, details, request, message, advice: adviceFor(kind, details) });
}

export function networkError(request: string, cause: unknown, timedOut = false): NetSuiteError {
  const reason = timedOut ? 'timed out' : describeCause(cause);
  return new NetSuiteError({
    kind: 'network',
    request,
    cause,
    message: `Could not reach NetSuite (${request}): ${reason}`,
    advice: timedOut
      ? 'NetSuite did not answer in time; try again, or narrow the request (fewer rows, fewer fields).'
      : 'Check your network connection (and proxy settings), then try again.',
  });
}

export function cancelledError(request?: string): NetSuiteError {
  return new NetSuiteError({ kind: 'cancelled', request, message: 'The request was cancelled', advice: 'Nothing to do: it was stopped on request.' });
}

function adviceFor(kind: NetSuiteErrorKind, details: NetSuiteErrorDetail[]): string {
  const first = details[0];
  switch (kind) {
    case 'auth':
      return 'NetSuite rejected the credentials even after a refresh: sign in to the account again (or check the token and the integration record), and see Setup > Users/Roles > User Management > View Login Audit Trail for the reason.';
    case 'permission': {
      const permission = first ? missingPermission(first.detail) : undefined;
      const level = first ? /at level\s+["'\u2018\u201c]?(\w+)/i.exec(first.detail)?.[1] : undefined;
      return permission
        ? `Your NetSuite role lacks the "${permission}" permission${level ? ` at level ${level}` : ''}: ask an administrator to add it to the role (Setup > Users/Roles > Manage Roles), or connect with a role that has it.`
        : 'Your NetSuite role lacks a permission this needs: ask an administrator to grant it (Setup > Users/Roles > Manage Roles), or connect with a role that has it.';
    }
    case 'notFound':
      return 'The record or record type does not exist (or was deleted): refresh the list and check the id.';
    case 'invalid': {
      const where = first?.errorPath ? ` in field "${first.errorPath}"` : first?.errorQueryParam ? ` in parameter "${first.errorQueryParam}"` : '';
      return `NetSuite refused the request${where}: correct it as the message says and try again.`;
    }
    case 'conflict':
      return 'NetSuite has already received this request or the record changed meanwhile: reload it before trying again.';
    case 'governance':
      return 'NetSuite is refusing requests because the account is at its concurrency limit: wait a moment and retry, or lower SuiteLens\u2019 concurrency setting.';
    case 'server':
      return 'NetSuite had an internal error; retrying usually works. If it persists, quote the error id to NetSuite support.';
    case 'cancelled':
    case 'network':
    default:
      return 'Try again.';
  }
}

/**
 * NetSuite names the missing permission in the detail text in a few shapes: `… the 'Lists > Customers' permission`,
 * `You need the "Customers" permission`, `Permission Violation: … permission: Customers`. We pick the quoted or
 * labelled name; otherwise the advice stays general and the detail (in the message) says it.
 */
export function missingPermission(detail: string): string | undefined {
  const patterns = [
    /["'\u2018\u201c]([^"'\u2019\u201d]{2,80})["'\u2019\u201d]\s+permission/i,
    /permission\s+(?:named\s+)?["'\u2018\u201c]([^"'\u2019\u201d]{2,80})["'\u2019\u201d]/i,
    /permission(?:s)?\s*(?:required)?\s*:\s*([^.;\n]{2,80})/i,
    /(?:need|needs|requires?|lacks?)\s+(?:the\s+)?([A-Z][\w >/&-]{1,60}?)\s+permission/,
  ];
  for (const pattern of patterns) {
    const match = pattern.exec(detail);
    if (match) return match[1].trim();
  }
  return undefined;
}

function redactDetail(detail: NetSuiteErrorDetail): NetSuiteErrorDetail {
  return { ...detail, detail: redactText(detail.detail) };
}

function describeCause(cause: unknown): string {
  if (cause instanceof Error) {
    const code = (cause as Error & { code?: unknown }).code;
    return typeof code === 'string' ? `${cause.message} (${code})` : cause.message;
  }
  return String(cause);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringField(entry: Record<string, unknown>, key: string): string | undefined {
  const value = entry[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}
