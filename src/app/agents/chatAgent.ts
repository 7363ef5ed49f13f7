/**
 * VS Code chat as an agent: every language-model tool call made from VS Code's chat (or by another extension through
 * `vscode.lm.invokeTool`) acts as this one identity, so a person grants it access like any other agent.
 */
import type { AgentIdentity } from '../../agents/agent';

export const vscodeChatAgent: AgentIdentity = { id: 'vscode-chat', name: 'VS Code chat', kind: 'vscode-chat' };
