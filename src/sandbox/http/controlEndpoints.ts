/**
 * The sandbox's own endpoints under `/__sandbox/` (loopback only, unauthenticated): read the request log and the
 * login audit trail, and change latency, faults and the concurrency limit while running. Not NetSuite: tests and
 * the e2e use them.
 */
import type { SandboxFaults, SandboxLatency, SandboxRuntimeConfig } from '../options';
import { invalidContent, invalidParameter, pathNotFound, methodNotAllowed } from './errors';
import type { RequestLog } from './requestLog';
import type { SandboxReply } from './router';

export interface ControlState {
  runtime: SandboxRuntimeConfig;
  requestLog: RequestLog;
  /** Applies a changed runtime configuration (re-seeds faults when the seed changed). */
  applyRuntime(next: SandboxRuntimeConfig): void;
  /** Why logins succeeded or failed (no secrets): what NetSuite's 401 tells the user to look up. */
  loginAuditTrail(): readonly unknown[];
}

const loopbackAddresses = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

export function isLoopback(remoteAddress: string | undefined): boolean {
  return remoteAddress !== undefined && loopbackAddresses.has(remoteAddress);
}

export function handleControlRequest(state: ControlState, method: string, url: URL, body: string): SandboxReply {
  const path = url.pathname.replace(/\/+$/, '');
  if (path === '/__sandbox/requests') {
    if (method === 'GET') return listRequests(state, url);
    if (method === 'DELETE') {
      state.requestLog.clear();
      return { status: 204 };
    }
    throw methodNotAllowed(method, path, ['GET', 'DELETE']);
  }
  if (path === '/__sandbox/login-audit') {
    if (method !== 'GET') throw methodNotAllowed(method, path, ['GET']);
    const items = state.loginAuditTrail();
    return { status: 200, json: { items, count: items.length } };
  }
  if (path === '/__sandbox/config') {
    if (method === 'GET') return { status: 200, json: state.runtime };
    if (method === 'POST') {
      state.applyRuntime(mergeRuntime(state.runtime, parseJsonObject(body)));
      return { status: 200, json: state.runtime };
    }
    throw methodNotAllowed(method, path, ['GET', 'POST']);
  }
  throw pathNotFound(path);
}

function listRequests(state: ControlState, url: URL): SandboxReply {
  const sinceText = url.searchParams.get('since');
  const since = sinceText === null ? undefined : Number(sinceText);
  if (since !== undefined && !Number.isInteger(since)) throw invalidParameter(`Invalid value for since: '${sinceText}'.`, { 'o:errorQueryParam': 'since' });
  const items = state.requestLog.list({
    since,
    method: url.searchParams.get('method') ?? undefined,
    pathPrefix: url.searchParams.get('path') ?? undefined,
  });
  return { status: 200, json: { items, count: items.length, lastSeq: state.requestLog.lastSeq } };
}

function parseJsonObject(body: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(body);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // fall through to the error below
  }
  throw invalidContent('Invalid content in the request body: expected a JSON object.');
}

function numberIn(value: unknown, path: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw invalidContent(`${path} must be a number between ${min} and ${max}.`, path);
  }
  return value;
}

function mergeSection<T extends object>(current: T, update: unknown, path: string, range: (key: string) => [number, number]): T {
  if (update === undefined) return current;
  if (!update || typeof update !== 'object' || Array.isArray(update)) throw invalidContent(`${path} must be an object.`, path);
  const merged: Record<string, number> = { ...(current as Record<string, number>) };
  for (const [key, value] of Object.entries(update)) {
    if (!(key in merged)) throw invalidContent(`Unknown setting ${path}.${key}.`, `${path}.${key}`);
    const [min, max] = range(key);
    merged[key] = numberIn(value, `${path}.${key}`, min, max);
  }
  return merged as T;
}

function mergeRuntime(current: SandboxRuntimeConfig, update: Record<string, unknown>): SandboxRuntimeConfig {
  for (const key of Object.keys(update)) {
    if (!['concurrencyLimit', 'latency', 'faults'].includes(key)) throw invalidContent(`Unknown setting ${key}.`, key);
  }
  const concurrencyLimit = update.concurrencyLimit === undefined ? current.concurrencyLimit : numberIn(update.concurrencyLimit, 'concurrencyLimit', 1, 1000);
  const latency = mergeSection<SandboxLatency>(current.latency, update.latency, 'latency', () => [0, 60_000]);
  const faults = mergeSection<SandboxFaults>(current.faults, update.faults, 'faults', (key) => (key === 'seed' ? [0, 2 ** 32 - 1] : [0, 1]));
  return { concurrencyLimit: Math.floor(concurrencyLimit), latency, faults };
}
