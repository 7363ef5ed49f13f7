/**
 * A minimal HTTP server around `createSandboxAuth` alone: auth endpoints first, then authentication, then a
 * 200 naming the principal. It lets the auth tests control the sandbox clock and register certificates while
 * still going over real HTTP on 127.0.0.1.
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';
import { createSandboxAuth, type SandboxAuth, type SandboxAuthOptions } from '../../src/sandbox/auth';
import type { SandboxHttpAnswer, SandboxRole } from '../../src/sandbox/model/seams';

export const adminRole: SandboxRole = { id: '3', name: 'Administrator', permissions: { '*': 'full' } };
export const narrowRole: SandboxRole = { id: '1001', name: 'Narrow', permissions: { customer: 'view', '*': 'none' } };

export interface AuthHarness {
  baseUrl: string;
  auth: SandboxAuth;
  /** Moves the sandbox clock forward. */
  advance(seconds: number): void;
  now(): number;
  close(): Promise<void>;
}

export async function startAuthHarness(options: Partial<SandboxAuthOptions> = {}): Promise<AuthHarness> {
  let now = Date.now();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      answerFor(req, Buffer.concat(chunks).toString('utf8')).then(
        (answer) => res.writeHead(answer.status, answer.headers).end(answer.body),
        // A throw in the harness answers 500 with its text: the test then fails on it, not on a request left hanging.
        (error: unknown) => res.writeHead(500, { 'Content-Type': 'text/plain' }).end(String(error)),
      );
    });
  });
  async function answerFor(req: IncomingMessage, body: string): Promise<SandboxHttpAnswer> {
    const fullUrl = new URL(req.url ?? '/', baseUrl);
    const endpointAnswer = await auth.authenticator.handleAuthEndpoint(req, fullUrl, body);
    if (endpointAnswer) return endpointAnswer;
    const result = await auth.authenticator.authenticate(req, fullUrl);
    if (!result.ok) return result.answer;
    const { credentialKind, credentialId, role } = result.principal;
    return { status: 200, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ kind: credentialKind, credentialId, role: role.name }) };
  }
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const auth = await createSandboxAuth({ accountId: '1234567_SB1', baseUrl, roles: { admin: adminRole, narrow: narrowRole }, clock: () => now, ...options });
  return {
    baseUrl,
    auth,
    advance: (seconds) => {
      now += seconds * 1000;
    },
    now: () => now,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export interface PlainResponse {
  status: number;
  headers: Record<string, string>;
  text: string;
  json(): Record<string, unknown>;
}

/** One HTTP call with undici, no redirects followed, body read as text. */
export async function call(url: string | URL, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<PlainResponse> {
  const response = await request(url, { method: (init.method ?? 'GET') as 'GET', headers: init.headers, body: init.body });
  const text = await response.body.text();
  const headers = Object.fromEntries(Object.entries(response.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : (value ?? '')]));
  return { status: response.statusCode, headers, text, json: () => JSON.parse(text) as Record<string, unknown> };
}

export function postForm(url: string, form: Record<string, string>, headers: Record<string, string> = {}): Promise<PlainResponse> {
  return call(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(form).toString(),
  });
}
