/**
 * The sandbox's HTTP front door: one pipeline every request goes through, in NetSuite's order —
 * auth endpoints, authentication, per-account concurrency governance, injected faults, the route, latency.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import type { SandboxAuthenticator, SandboxPrincipal } from './model/seams';
import type { RequestLogEntry } from './http/requestLog';
import { acceptLanguageRefusal } from './http/acceptLanguage';
import { handleControlRequest, isLoopback, type ControlState } from './http/controlEndpoints';
import { concurrencyLimitExceeded, NetSuiteHttpError, pathNotFound, methodNotAllowed, unexpectedError } from './http/errors';
import type { FaultInjector } from './http/faults';
import type { ConcurrencyGate } from './http/governance';
import { writeError, writeRaw, writeReply } from './http/replies';
import type { Router, SandboxReply } from './http/router';

/** NetSuite's documented maximum REST request size. */
const maxBodyBytes = 104 * 1024 * 1024;

export interface SandboxPipeline {
  baseUrl(): string;
  authenticator: SandboxAuthenticator;
  router: Router;
  gate: ConcurrencyGate;
  faults: FaultInjector;
  control: ControlState;
  /** The company's default language, which users of another language must send as `Accept-Language`. */
  companyLanguage: string;
  /** Reports errors that escaped a handler (a sandbox bug), without secrets. */
  onInternalError(error: unknown): void;
}

class BodyTooLarge extends Error {}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > maxBodyBytes) throw new BodyTooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** A connection reset as a client sees it on a dropped connection: RST, no response. */
function resetConnection(request: IncomingMessage): void {
  const socket = request.socket as IncomingMessage['socket'] & { resetAndDestroy?: () => void };
  if (socket.resetAndDestroy) socket.resetAndDestroy();
  else socket.destroy();
}

export function createRequestListener(pipeline: SandboxPipeline): (request: IncomingMessage, response: ServerResponse) => void {
  return (request, response) => {
    handle(pipeline, request, response).catch((error: unknown) => {
      pipeline.onInternalError(error);
      if (!response.headersSent) writeError(response, unexpectedError('internal'));
      else response.destroy();
    });
  };
}

async function handle(pipeline: SandboxPipeline, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const arrivedAt = performance.now();
  const method = request.method ?? 'GET';
  const url = new URL(request.url ?? '/', pipeline.baseUrl());
  let body: string;
  try {
    body = await readBody(request);
  } catch (error) {
    if (!(error instanceof BodyTooLarge)) throw error;
    writeError(response, new NetSuiteHttpError(413, [{ detail: 'The request body exceeds the maximum size of 104 MB.', 'o:errorCode': 'INVALID_CONTENT' }]));
    return;
  }

  if (url.pathname.startsWith('/__sandbox/')) {
    if (!isLoopback(request.socket.remoteAddress)) {
      writeError(response, pathNotFound(url.pathname));
      return;
    }
    await respond(response, () => Promise.resolve(handleControlRequest(pipeline.control, method, url, body)));
    return;
  }

  const started = Date.now();
  const entry = pipeline.control.requestLog.record(request, url, body);
  // 'finish' (response handed to the socket) comes before the client can read it; 'close' covers resets.
  const settle = () => {
    if (entry.durationMs !== undefined) return;
    entry.status = response.headersSent ? response.statusCode : undefined;
    entry.durationMs = Date.now() - started;
  };
  response.on('finish', settle);
  response.on('close', settle);

  const authAnswer = await pipeline.authenticator.handleAuthEndpoint(request, url, body);
  if (authAnswer) {
    writeRaw(response, authAnswer);
    return;
  }
  if (!url.pathname.toLowerCase().startsWith('/services/rest/')) {
    writeError(response, pathNotFound(url.pathname));
    return;
  }
  const authentication = await pipeline.authenticator.authenticate(request, url);
  if (!authentication.ok) {
    writeRaw(response, authentication.answer);
    return;
  }
  const principal = authentication.principal;
  entry.credentialId = principal.credentialId;
  const languageRefusal = acceptLanguageRefusal(principal.language, pipeline.companyLanguage, request.headers['accept-language']);
  if (languageRefusal) {
    writeError(response, languageRefusal);
    return;
  }

  const release = pipeline.gate.tryAcquire();
  if (!release) {
    writeError(response, concurrencyLimitExceeded());
    return;
  }
  response.on('close', release);
  try {
    await governed(pipeline, request, response, { method, url, body, principal, entry, arrivedAt });
  } finally {
    release();
  }
}

interface GovernedContext {
  method: string;
  url: URL;
  body: string;
  principal: SandboxPrincipal;
  entry: RequestLogEntry;
  /** When the request arrived (performance.now() clock): the configured latency counts from here. */
  arrivedAt: number;
}

/**
 * Waits until `ms` after the request arrived. The sandbox's own work is inside the configured latency, as NetSuite's
 * is inside its response time: 65 pages asked at once come back together after 200 ms, not one sandbox slice later
 * each, which is what this single-threaded process would add on top.
 */
async function latencyFrom(arrivedAt: number, ms: number): Promise<void> {
  const left = arrivedAt + ms - performance.now();
  if (left > 0) await delay(left);
}

async function governed(pipeline: SandboxPipeline, request: IncomingMessage, response: ServerResponse, context: GovernedContext): Promise<void> {
  const { method, url, body, principal, entry, arrivedAt } = context;
  // Any authenticated OPTIONS answers 204: clients use it as a cheap connectivity probe (netsuite-wire.md §0).
  if (method === 'OPTIONS') {
    writeReply(response, { status: 204 });
    return;
  }
  const match = pipeline.router.match(method, url.pathname);
  if (match.kind === 'none') {
    writeError(response, pathNotFound(url.pathname));
    return;
  }
  if (match.kind === 'wrongMethod') {
    writeError(response, methodNotAllowed(method, url.pathname, match.allowed));
    return;
  }
  const fault = pipeline.faults.decide(match.write);
  if (fault !== 'none') entry.fault = fault;
  const { latency } = pipeline.control.runtime;
  if (fault === 'error500' || fault === 'error429') {
    await latencyFrom(arrivedAt, latency.perRequestMs);
    writeError(response, fault === 'error500' ? unexpectedError(pipeline.faults.errorId()) : concurrencyLimitExceeded());
    return;
  }
  if (fault === 'resetBeforeCommit') {
    await latencyFrom(arrivedAt, latency.perRequestMs);
    resetConnection(request);
    return;
  }
  let reply: SandboxReply | NetSuiteHttpError;
  try {
    reply = await match.handler({ method, url, params: match.params, headers: request.headers, body, principal });
  } catch (error) {
    if (!(error instanceof NetSuiteHttpError)) throw error;
    reply = error;
  }
  const rows = reply instanceof NetSuiteHttpError ? 0 : (reply.rows ?? 0);
  await latencyFrom(arrivedAt, latency.perRequestMs + rows * latency.perRowMs);
  if (reply instanceof NetSuiteHttpError) {
    writeError(response, reply);
    return;
  }
  // The write has committed by now: dropping the connection is what makes a blind retry dangerous.
  if (fault === 'resetAfterCommit') {
    resetConnection(request);
    return;
  }
  writeReply(response, reply);
}

async function respond(response: ServerResponse, produce: () => Promise<SandboxReply>): Promise<void> {
  try {
    writeReply(response, await produce());
  } catch (error) {
    if (!(error instanceof NetSuiteHttpError)) throw error;
    writeError(response, error);
  }
}
