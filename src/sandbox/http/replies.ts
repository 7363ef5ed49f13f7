/** Writing replies with the headers every NetSuite REST response carries (netsuite-wire.md §0). */
import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { errorBody, NetSuiteHttpError } from './errors';
import { ERROR_MEDIA_TYPE, JSON_MEDIA_TYPE } from './mediaTypes';
import type { SandboxReply } from './router';

function commonHeaders(): Record<string, string> {
  return { 'x-n-operationid': randomUUID(), 'cache-control': 'No-Cache', pragma: 'No-Cache', expires: '0' };
}

export function writeReply(response: ServerResponse, reply: SandboxReply): void {
  const headers: Record<string, string> = { ...commonHeaders(), ...reply.headers };
  if (reply.rawBody !== undefined) {
    headers['content-length'] = String(Buffer.byteLength(reply.rawBody));
    response.writeHead(reply.status, headers);
    response.end(reply.rawBody);
    return;
  }
  if (reply.json === undefined) {
    response.writeHead(reply.status, headers);
    response.end();
    return;
  }
  const body = JSON.stringify(reply.json);
  headers['content-type'] = reply.mediaType ?? JSON_MEDIA_TYPE;
  headers['content-length'] = String(Buffer.byteLength(body));
  response.writeHead(reply.status, headers);
  response.end(body);
}

export function writeError(response: ServerResponse, error: NetSuiteHttpError): void {
  const body = errorBody(error.status, error.details);
  response.writeHead(error.status, {
    ...commonHeaders(),
    ...error.headers,
    'content-type': ERROR_MEDIA_TYPE,
    'content-length': String(Buffer.byteLength(body)),
  });
  response.end(body);
}

export function writeRaw(response: ServerResponse, answer: { status: number; headers: Record<string, string>; body: string }): void {
  response.writeHead(answer.status, { ...answer.headers, 'content-length': String(Buffer.byteLength(answer.body)) });
  response.end(answer.body);
}
