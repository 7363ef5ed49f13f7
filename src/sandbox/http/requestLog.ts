/**
 * Every request the sandbox received, with secrets redacted, so tests (and the forms e2e over
 * `GET /__sandbox/requests`) can assert what a client really sent — e.g. that a PATCH carried only changed fields.
 */
import type { IncomingMessage } from 'node:http';
import type { FaultDecision } from './faults';
import { redactHeaders, redactParameters, redactValue } from '../../netsuite/secretRedaction';

export interface RequestLogEntry {
  seq: number;
  time: string;
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body?: unknown;
  status?: number;
  fault?: FaultDecision;
  /** The authenticated credential (never a secret). */
  credentialId?: string;
  durationMs?: number;
}

export interface RequestLogFilter {
  /** Only entries with `seq` greater than this. */
  since?: number;
  method?: string;
  /** Only entries whose path starts with this (case-insensitive). */
  pathPrefix?: string;
}

/** Bounded so a long-running demo does not grow without end. */
const maxEntries = 20_000;
/** Bodies beyond this are logged by size only (NetSuite allows 104 MB requests). */
const maxLoggedBodyChars = 256 * 1024;

export class RequestLog {
  private entries: RequestLogEntry[] = [];
  private nextSeq = 1;

  record(request: IncomingMessage, url: URL, body: string): RequestLogEntry {
    const entry: RequestLogEntry = {
      seq: this.nextSeq++,
      time: new Date().toISOString(),
      method: request.method ?? 'GET',
      path: url.pathname,
      query: redactParameters(url.searchParams),
      headers: redactHeaders(request.headers),
      body: body.length > maxLoggedBodyChars ? { truncated: true, chars: body.length } : redactBody(body, request.headers['content-type']),
    };
    this.entries.push(entry);
    if (this.entries.length > maxEntries) this.entries.splice(0, this.entries.length - maxEntries);
    return entry;
  }

  list(filter: RequestLogFilter = {}): RequestLogEntry[] {
    const method = filter.method?.toUpperCase();
    const prefix = filter.pathPrefix?.toLowerCase();
    return this.entries.filter(
      (entry) =>
        (filter.since === undefined || entry.seq > filter.since) &&
        (method === undefined || entry.method === method) &&
        (prefix === undefined || entry.path.toLowerCase().startsWith(prefix)),
    );
  }

  /** The highest sequence number so far: pass it as `since` to see only later requests. */
  get lastSeq(): number {
    return this.nextSeq - 1;
  }

  clear(): void {
    this.entries = [];
  }
}

/** The body as tests want to read it: parsed JSON or a form, redacted, or the raw text, redacted. */
function redactBody(body: string, contentType: string | undefined): unknown {
  if (body === '') return undefined;
  if (contentType?.includes('application/x-www-form-urlencoded')) return redactParameters(new URLSearchParams(body));
  try {
    return redactValue(JSON.parse(body));
  } catch {
    return redactValue(body);
  }
}
