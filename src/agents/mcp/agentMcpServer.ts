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
import type { AgentPolicyStore } from '../policyStore';
import type { AgentToolInvoker } from '../toolInvoker';
import { agentTools } from '../tools/agentTools';
import type { AgentKeyStore } from './agentKeys';

export const mcpPath = '/mcp';
const loopbackHost = '127.0.0.1';
/** Host header names a loopback client may use; anything else is a DNS-rebinding attempt from a web page. */
const loopbackHostNames = new Set(['127.0.0.1', 'localhost']);

export interface AgentMcpServerOptions {
  /** Must be 127.0.0.1: the endpoint is never reachable from another machine. */
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  invoker: AgentToolInvoker;
  policyStore: AgentPolicyStore;
  keys: AgentKeyStore;
  version?: string;
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

function hostNameOf(hostHeader: string | undefined): string | undefined {
  if (!hostHeader) return undefined;
  try {
    return new URL(`http://${hostHeader}`).hostname;
  } catch {
    return undefined;
  }
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

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!loopbackHostNames.has(hostNameOf(request.headers.host) ?? '')) return answer(response, 403, 'Forbidden: unexpected Host header.');
    const origin = request.headers.origin;
    if (origin !== undefined && !loopbackHostNames.has(hostNameOf(origin.replace(/^https?:\/\//, '')) ?? '')) {
      return answer(response, 403, 'Forbidden: requests from web pages are not accepted.');
    }
    if (new URL(request.url ?? '/', `http://${loopbackHost}`).pathname !== mcpPath) return answer(response, 404, `Not found: the MCP endpoint is ${mcpPath}.`);
    const challenge = { 'WWW-Authenticate': 'Bearer realm="SuiteLens"' };
    const presented = bearerToken(request);
    if (!presented) return answer(response, 401, 'Unauthorized: send the agent key from SuiteLens as "Authorization: Bearer <key>".', challenge);
    const policy = await options.policyStore.read();
    const agent = await options.keys.authenticate(presented, policy.agents);
    if (!agent) return answer(response, 401, 'Unauthorized: the key is wrong or has been revoked.', challenge);
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
  if (address !== loopbackHost) {
    httpServer.close();
    throw new Error(`The MCP endpoint bound ${address} instead of ${loopbackHost}; closed it.`);
  }
  return {
    url: `http://${loopbackHost}:${port}${mcpPath}`,
    address,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        httpServer.closeAllConnections();
        httpServer.close(() => resolve());
      }),
  };
}
