/**
 * A ready-to-paste MCP client configuration for one agent: the loopback URL and its key as a Bearer header, in the
 * `mcpServers` shape Claude, Cursor and most clients read, and the `servers` shape of VS Code's `mcp.json`.
 */
import type { AgentIdentity } from '../agent';

export interface McpClientConfiguration {
  url: string;
  headers: { Authorization: string };
  /** For `.mcp.json` / Claude / Cursor. */
  mcpServers: Record<string, { type: 'http'; url: string; headers: { Authorization: string } }>;
  /** For VS Code's `mcp.json`. */
  servers: Record<string, { type: 'http'; url: string; headers: { Authorization: string } }>;
}

export function mcpServerName(agent: AgentIdentity): string {
  const slug = agent.id.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return `suitelens-${slug || 'agent'}`;
}

export function mcpClientConfiguration(agent: AgentIdentity, url: string, key: string): McpClientConfiguration {
  const headers = { Authorization: `Bearer ${key}` };
  const entry = { type: 'http' as const, url, headers };
  const name = mcpServerName(agent);
  return { url, headers, mcpServers: { [name]: entry }, servers: { [name]: entry } };
}
