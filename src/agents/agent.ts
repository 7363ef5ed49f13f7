/**
 * Who is calling: an AI agent SuiteLens knows by name. Grants attach to the agent id, never to a NetSuite token,
 * so two agents on the same account can hold different access.
 */
export type AgentKind = 'vscode-chat' | 'mcp';

export interface AgentIdentity {
  /** Stable id used in grants, keys and the activity log (`billing-helper`). */
  id: string;
  /** What a person calls it in the activity log (`Billing helper`). */
  name: string;
  /** `vscode-chat` acts through VS Code's language-model tools; `mcp` through the loopback MCP endpoint with a key. */
  kind: AgentKind;
}
