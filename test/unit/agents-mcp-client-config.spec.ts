import { describe, expect, it } from 'vitest';
import { mcpClientKinds, mcpClientSnippet } from '../../src/agents/mcp/clientConfiguration';

const agent = { id: 'billing-helper', name: 'Billing helper', kind: 'mcp' as const };
const url = 'http://127.0.0.1:40123/mcp';
const key = 'slk_abc123';

describe('MCP client configuration for each client', () => {
  it("VS Code's mcp.json: a servers entry of type http with the key as a Bearer header", () => {
    expect(JSON.parse(mcpClientSnippet('vscode', agent, url, key))).toEqual({
      servers: { 'suitelens-billing-helper': { type: 'http', url, headers: { Authorization: 'Bearer slk_abc123' } } },
    });
  });

  it("Cursor's mcp.json: an mcpServers entry with url and headers", () => {
    expect(JSON.parse(mcpClientSnippet('cursor', agent, url, key))).toEqual({
      mcpServers: { 'suitelens-billing-helper': { url, headers: { Authorization: 'Bearer slk_abc123' } } },
    });
  });

  it('Claude Code: one claude mcp add line with the header quoted for the shell', () => {
    expect(mcpClientSnippet('claudeCode', agent, url, key)).toBe(
      "claude mcp add --transport http suitelens-billing-helper http://127.0.0.1:40123/mcp --header 'Authorization: Bearer slk_abc123'",
    );
    expect(mcpClientSnippet('claudeCode', agent, url, "a'b")).toContain("'Authorization: Bearer a'\\''b'");
  });

  it('generic JSON keeps the mcpServers shape most clients read', () => {
    expect(JSON.parse(mcpClientSnippet('json', agent, url, key)).mcpServers['suitelens-billing-helper']).toEqual({
      type: 'http',
      url,
      headers: { Authorization: 'Bearer slk_abc123' },
    });
  });

  it('offers every client in the picker, each saying where the text goes', () => {
    expect(mcpClientKinds.map((client) => client.label)).toEqual(['VS Code', 'Cursor', 'Claude Code', 'Other MCP client (JSON)']);
    for (const client of mcpClientKinds) expect(client.where.length).toBeGreaterThan(10);
  });
});
