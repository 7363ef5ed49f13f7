/**
 * The MCP endpoint for agents outside VS Code: streamable HTTP on 127.0.0.1 only. Each request must carry an
 * agent's own key as a Bearer token; the agent then sees the SuiteLens tools, and every call goes through the same
 * guarded invoker (policy + activity log) as VS Code chat. The NetSuite token stays in the extension.
 *
 * Stateless: every POST gets a fresh MCP server bound to the authenticated agent, so a key revoked between two
 * requests is refused at the next one and no session can outlive its key.
 */
import { createServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { CallToolRequestSchema, ListToolsRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import type { AgentIdentity } from '../agent';
import type { AuditLog } from '../audit';
import type { AgentPolicyStore } from '../policyStore';
import type { AgentToolInvoker } from '../toolInvoker';
import { agentTools } from '../tools/agentTools';
import type { AgentKeyStore } from './agentKeys';
import { RefusedRequestLog } from './refusedRequests';

export const mcpPath = '/mcp';
const loopbackHost = '127.0.0.1';
/** Host header names a loopback client may use; anything else is a DNS-rebinding attempt from a web page. */
const loopbackHostNames = new Set(['127.0.0.1', 'localhost']);

/**
 * Whether the Host header names this endpoint: a loopback name AND this server's own port. A DNS-rebinding page
 * reaches us with its own domain as the host; a request relayed from another local port carries that port.
 */
export function isOwnHost(hostHeader: string | undefined, port: number): boolean {
  if (!hostHeader) return false;
  let url: URL;
  try {
    url = new URL(`http://${hostHeader}`);
  } catch {
    return false;
  }
  // `new URL` drops a default port (80), so a Host of `127.0.0.1` or `127.0.0.1:80` reads as port ''.
  const hostPort = url.port === '' ? 80 : Number(url.port);
  return loopbackHostNames.has(url.hostname) && hostPort === port && url.username === '' && url.pathname === '/' && `${url.host}` === hostHeader.toLowerCase();
}

/**
 * Whether an Origin header may call the endpoint: only its own origin, `http://127.0.0.1:<port>`, exactly. Not
 * `localhost`, which may resolve to ::1 where another process can serve pages on the same port number; not any
 * other port, where any local web server (a dev server, a notebook) serves pages a browser would let post here.
 * No Origin at all is a non-browser client (Claude Code, Cursor, curl) and is accepted; `null` is not.
 */
export function isOwnOrigin(origin: string, port: number): boolean {
  return origin === `http://${loopbackHost}:${port}`;
}

export interface AgentMcpServerOptions {
  /** Must be 127.0.0.1: the endpoint is never reachable from another machine. */
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  invoker: AgentToolInvoker;
  policyStore: AgentPolicyStore;
  keys: AgentKeyStore;
  version?: string;
  /** Where refused requests (no key, a wrong key, a web page, a foreign Host) are summarised; none when absent. */
  auditLog?: AuditLog;
  /** Length of the window refused requests are counted over before a summary is logged (default one minute). */
  refusalWindowMs?: number;
}

export interface RunningAgentMcpServer {
  /** `http://127.0.0.1:<port>/mcp` */
  url: string;
  /** The address the socket is bound to — always 127.0.0.1. */
  address: string;
  port: number;
  close(): Promise<void>;
}

function answer(response: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  // JSON-RPC error shape, as the SDK's own transport answers refused requests.
  response.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  response.end(JSON.stringify({ jsonrpc: '2.0', error: { code: -32000, message }, id: null }));
}

function bearerToken(request: IncomingMessage): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
  return match?.[1];
}

function mcpServerFor(agent: AgentIdentity, invoker: AgentToolInvoker, version: string): Server {
  // The low-level Server takes JSON Schemas as they are; McpServer would need every schema rewritten in zod, and
  // the same schemas also feed VS Code's language-model tools.
  const server = new Server(
    { name: 'suitelens', version },
    {
      capabilities: { tools: {} },
      instructions:
        'SuiteLens gives you guarded access to NetSuite accounts. Every call names an account id and is checked ' +
        'against what a person granted you, per record type; refusals say which grant is missing. Start with ' +
        'suitelens_list_record_types, read with suitelens_get_record / suitelens_search_records / suitelens_run_suiteql.',
    },
  );
  server.setRequestHandler(ListToolsRequestSchema, async () => ({
    tools: agentTools.map((tool) => ({
      name: tool.name,
      title: tool.title,
      description: tool.description,
      inputSchema: tool.inputSchema as { type: 'object'; properties?: Record<string, object> },
      annotations: { title: tool.title, readOnlyHint: tool.readOnly, destructiveHint: tool.destructive, openWorldHint: true },
    })),
  }));
  server.setRequestHandler(CallToolRequestSchema, async (request, extra) => {
    const result = await invoker.invoke(agent, request.params.name, request.params.arguments ?? {}, extra.signal);
    return { content: [{ type: 'text' as const, text: result.text }], isError: !result.ok };
  });
  return server;
}

export async function startAgentMcpServer(options: AgentMcpServerOptions): Promise<RunningAgentMcpServer> {
  const host = options.host ?? loopbackHost;
  if (host !== loopbackHost) {
    throw new Error(`The SuiteLens MCP endpoint listens on ${loopbackHost} only; refusing to bind ${host}.`);
  }
  const version = options.version ?? '0.1.0';

  const refusals = new RefusedRequestLog(options.auditLog, { windowMs: options.refusalWindowMs });
  let ownPort = 0;

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!isOwnHost(request.headers.host, ownPort)) {
      refusals.record('foreignHost');
      return answer(response, 403, `Forbidden: the Host header must be ${loopbackHost}:${ownPort}.`);
    }
    const origin = request.headers.origin;
    if (origin !== undefined && !isOwnOrigin(origin, ownPort)) {
      refusals.record('foreignOrigin');
      return answer(response, 403, 'Forbidden: requests from web pages are not accepted.');
    }
    if (new URL(request.url ?? '/', `http://${loopbackHost}`).pathname !== mcpPath) return answer(response, 404, `Not found: the MCP endpoint is ${mcpPath}.`);
    const challenge = { 'WWW-Authenticate': 'Bearer realm="SuiteLens"' };
    const presented = bearerToken(request);
    if (!presented) {
      refusals.record('missingKey');
      return answer(response, 401, 'Unauthorized: send the agent key from SuiteLens as "Authorization: Bearer <key>".', challenge);
    }
    const policy = await options.policyStore.read();
    const agent = await options.keys.authenticate(presented, policy.agents);
    if (!agent) {
      refusals.record('wrongKey');
      return answer(response, 401, 'Unauthorized: the key is wrong or has been revoked.', challenge);
    }
    if (request.method !== 'POST') return answer(response, 405, 'Method not allowed: this endpoint is stateless; send requests with POST.', { Allow: 'POST' });

    const server = mcpServerFor(agent, options.invoker, version);
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    response.on('close', () => {
      void transport.close();
      void server.close();
    });
    await server.connect(transport);
    await transport.handleRequest(request, response);
  }

  const httpServer: HttpServer = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) answer(response, 500, `Internal error: ${error instanceof Error ? error.message : String(error)}`);
      else response.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port ?? 0, loopbackHost, () => {
      httpServer.off('error', reject);
      resolve();
    });
  });
  const { port, address } = httpServer.address() as AddressInfo;
  ownPort = port;
  if (address !== loopbackHost) {
    httpServer.close();
    throw new Error(`The MCP endpoint bound ${address} instead of ${loopbackHost}; closed it.`);
  }
  return {
    url: `http://${loopbackHost}:${port}${mcpPath}`,
    address,
    port,
    close: async () => {
      await new Promise<void>((resolve) => {
        httpServer.closeAllConnections();
        httpServer.close(() => resolve());
      });
      await refusals.flush();
    },
  };
}
