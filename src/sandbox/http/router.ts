/**
 * A small path router: patterns are slash-separated segments where `:name` captures one decoded segment.
 * Literal segments match case-insensitively, as NetSuite treats its service paths.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { SandboxPrincipal } from '../model/seams';

export interface SandboxRequest {
  method: string;
  /** Absolute URL on the sandbox's base URL, as the client addressed it. */
  url: URL;
  params: Record<string, string>;
  headers: IncomingHttpHeaders;
  body: string;
  principal: SandboxPrincipal;
}

export interface SandboxReply {
  status: number;
  headers?: Record<string, string>;
  /** Serialised as JSON with `mediaType`; absent for 204. */
  json?: unknown;
  /** A body already serialised by another part (the metadata catalog, SuiteQL pages), written as-is with `headers`. */
  rawBody?: string | Buffer;
  mediaType?: string;
  /** Rows served, for per-row latency. */
  rows?: number;
}

export type RouteHandler = (request: SandboxRequest) => Promise<SandboxReply>;

interface Route {
  method: string;
  segments: string[];
  handler: RouteHandler;
  /** Writes are the requests a connection reset may interrupt before or after commit. */
  write: boolean;
}

export type RouteMatch =
  | { kind: 'found'; handler: RouteHandler; params: Record<string, string>; write: boolean }
  | { kind: 'wrongMethod'; allowed: string[] }
  | { kind: 'none' };

function splitPath(path: string): string[] {
  return path.split('/').filter((segment) => segment !== '');
}

export class Router {
  private readonly routes: Route[] = [];

  add(method: string, pattern: string, handler: RouteHandler, options: { write?: boolean } = {}): this {
    this.routes.push({ method, segments: splitPath(pattern), handler, write: options.write ?? false });
    return this;
  }

  match(method: string, path: string): RouteMatch {
    let segments: string[];
    try {
      segments = splitPath(path).map((segment) => decodeURIComponent(segment));
    } catch {
      return { kind: 'none' };
    }
    const allowed: string[] = [];
    for (const route of this.routes) {
      const params = matchSegments(route.segments, segments);
      if (!params) continue;
      if (route.method === method) return { kind: 'found', handler: route.handler, params, write: route.write };
      allowed.push(route.method);
    }
    return allowed.length > 0 ? { kind: 'wrongMethod', allowed } : { kind: 'none' };
  }
}

function matchSegments(pattern: string[], segments: string[]): Record<string, string> | undefined {
  if (pattern.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (let index = 0; index < pattern.length; index += 1) {
    const expected = pattern[index];
    const actual = segments[index];
    if (expected.startsWith(':')) params[expected.slice(1)] = actual;
    else if (expected.toLowerCase() !== actual.toLowerCase()) return undefined;
  }
  return params;
}
