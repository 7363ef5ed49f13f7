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

/** The clients a person copies a configuration for; each reads its own shape. */
export type McpClientKind = 'vscode' | 'cursor' | 'claudeCode' | 'json';

export const mcpClientKinds: ReadonlyArray<{ kind: McpClientKind; label: string; where: string }> = [
  { kind: 'vscode', label: 'VS Code', where: 'paste into .vscode/mcp.json or your user mcp.json ("servers")' },
  { kind: 'cursor', label: 'Cursor', where: 'paste into ~/.cursor/mcp.json or .cursor/mcp.json ("mcpServers")' },
  { kind: 'claudeCode', label: 'Claude Code', where: 'run the copied `claude mcp add` line in a terminal' },
  { kind: 'json', label: 'Other MCP client (JSON)', where: 'the "mcpServers" JSON most clients read' },
];

/**
 * The text to paste for one client. Shapes: VS Code's `mcp.json` has `servers` entries with `type: "http"`
 * (VS Code docs, "MCP servers" configuration format); Cursor's `mcp.json` has `mcpServers` entries with `url` and
 * `headers` (Cursor docs, "Model Context Protocol", remote servers); Claude Code adds a server with
 * `claude mcp add --transport http <name> <url> --header "…"` (Claude Code docs, "Connect Claude Code to tools via MCP").
 */
export function mcpClientSnippet(kind: McpClientKind, agent: AgentIdentity, url: string, key: string): string {
  const configuration = mcpClientConfiguration(agent, url, key);
  const name = mcpServerName(agent);
  switch (kind) {
    case 'vscode':
      return JSON.stringify({ servers: configuration.servers }, null, 2);
    case 'cursor':
      return JSON.stringify({ mcpServers: { [name]: { url, headers: configuration.headers } } }, null, 2);
    case 'claudeCode':
      // The name is a slug and the URL a loopback address; the key is quoted for the shell (it holds no quotes).
      return `claude mcp add --transport http ${name} ${url} --header ${shellQuoted(`Authorization: Bearer ${key}`)}`;
    case 'json':
      return JSON.stringify({ mcpServers: configuration.mcpServers }, null, 2);
  }
}

/** Single-quoted for POSIX shells, so nothing in the value is expanded. */
function shellQuoted(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
