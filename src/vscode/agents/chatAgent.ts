/**
 * VS Code chat as an agent: every language-model tool call made from VS Code's chat (or by another extension through
 * `vscode.lm.invokeTool`) acts as this one identity, so a person grants it access like any other agent.
 */
import type { AgentIdentity } from '../../agents/agent';
import { findAgent, withAgent } from '../../agents/policyEdits';
import type { AgentPolicyStore } from '../../agents/policyStore';

export const vscodeChatAgent: AgentIdentity = { id: 'vscode-chat', name: 'VS Code chat', kind: 'vscode-chat' };

/** Lists VS Code chat in the policy (with no grants) so the access view always shows it; never touches its grants. */
export async function ensureChatAgent(policyStore: AgentPolicyStore): Promise<void> {
  const policy = await policyStore.read();
  if (!findAgent(policy, vscodeChatAgent.id)) await policyStore.write(withAgent(policy, vscodeChatAgent));
}
