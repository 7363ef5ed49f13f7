/**
 * Commands for agents outside VS Code: create an MCP agent (its key goes to SecretStorage), issue a new key, revoke
 * it, remove the agent, and copy a ready MCP client configuration (URL + key) for Claude, Cursor and the like.
 * Each destructive step asks first; a new agent starts with no access at all.
 */
import * as vscode from 'vscode';
import type { AgentIdentity } from '../../agents/agent';
import type { AgentKeyStore } from '../../agents/mcp/agentKeys';
import { mcpClientKinds, mcpClientSnippet, type McpClientKind } from '../../agents/mcp/clientConfiguration';
import type { AccessNode } from './accessTreeProvider';
import type { AgentAccessService } from './agentAccessService';
import { agentIdFor, agentNamed } from './agentAccessService';
import { mcpSettings, type McpEndpoint } from './mcpEndpoint';

function agentOfNode(value: unknown): AgentIdentity | undefined {
  const node = value as Partial<AccessNode> | null;
  if (typeof node !== 'object' || node === null || node.kind !== 'agent') return undefined;
  const agent = (node as { agent?: Partial<AgentIdentity> }).agent;
  return typeof agent?.id === 'string' && typeof agent.name === 'string' && agent.kind === 'mcp' ? (agent as AgentIdentity) : undefined;
}

export function registerMcpCommands(service: AgentAccessService, keys: AgentKeyStore, endpoint: McpEndpoint): vscode.Disposable {
  /** The MCP agent the command is about: the tree row it was run on, or one the person picks. */
  async function chooseAgent(node: unknown, purpose: string): Promise<AgentIdentity | undefined> {
    const fromNode = agentOfNode(node);
    if (fromNode) return fromNode;
    const agents = (await service.agents()).filter((agent) => agent.kind === 'mcp');
    if (agents.length === 0) {
      const create = 'Create Agent…';
      if ((await vscode.window.showInformationMessage('There is no MCP agent yet.', create)) === create) await vscode.commands.executeCommand('suitelens.agents.createAgent');
      return undefined;
    }
    const pick = await vscode.window.showQuickPick(
      agents.map((agent) => ({ label: agent.name, description: agent.id, agent })),
      { title: purpose, placeHolder: 'Choose an agent' },
    );
    return pick?.agent;
  }

  /**
   * The person picks the client the configuration is for; that pick is the one confirmation that the agent's key
   * goes to the clipboard (the command can be run by other extensions and by agents that run commands, and Escape
   * copies nothing). Opening the endpoint's port, when it is off, is a separate question.
   */
  async function chooseClient(agent: AgentIdentity): Promise<McpClientKind | undefined> {
    const pick = await vscode.window.showQuickPick(
      mcpClientKinds.map((client) => ({ label: client.label, detail: client.where, client: client.kind })),
      {
        title: `Copy ${agent.name}'s MCP configuration, with its key, for…`,
        placeHolder: 'Anything that can read your clipboard gets this agent\'s access until you revoke the key.',
        ignoreFocusOut: true,
      },
    );
    return pick?.client;
  }

  async function copyConfiguration(agent: AgentIdentity): Promise<void> {
    const client = await chooseClient(agent);
    if (!client) return;
    if (!endpoint.url) {
      const enable = 'Enable MCP Endpoint';
      const answer = await vscode.window.showInformationMessage(
        'The SuiteLens MCP endpoint is off. Enable it (on 127.0.0.1 only) so agents outside VS Code can connect?',
        { modal: true },
        enable,
      );
      if (answer !== enable) return;
      await vscode.workspace.getConfiguration(mcpSettings.section).update(mcpSettings.enabled, true, vscode.ConfigurationTarget.Global);
      await endpoint.apply();
      if (!endpoint.url) return;
    }
    let key = await keys.keyOf(agent.id);
    if (!key) {
      const issue = 'Issue New Key';
      if ((await vscode.window.showWarningMessage(`${agent.name} has no key (it was revoked). Issue a new one?`, { modal: true }, issue)) !== issue) return;
      key = await keys.issue(agent);
      service.keysChanged();
    }
    await vscode.env.clipboard.writeText(mcpClientSnippet(client, agent, endpoint.url, key));
    const where = mcpClientKinds.find((candidate) => candidate.kind === client)!;
    void vscode.window.showInformationMessage(
      `Copied ${agent.name}'s configuration for ${where.label}: ${where.where}. Keep it private: the key is the agent's identity.`,
    );
  }

  return vscode.Disposable.from(
    vscode.commands.registerCommand('suitelens.agents.createAgent', async () => {
      const name = await vscode.window.showInputBox({
        title: 'New agent for the MCP endpoint',
        prompt: 'A name people will read in the activity log, e.g. "Billing helper". The agent starts with no access.',
        validateInput: async (value) => {
          const id = agentIdFor(value);
          if (!id) return 'Give the agent a name with letters or digits.';
          if (await service.agent(id)) return `There is already an agent '${id}'.`;
          const sameName = agentNamed(await service.agents(), value);
          return sameName ? `There is already an agent named '${sameName.name}'.` : undefined;
        },
      });
      if (!name) return;
      const agent = await service.addAgent(name, 'mcp');
      await keys.issue(agent);
      service.keysChanged();
      // Straight to the client picker rather than a toast button that times out; Escape skips the copy.
      void vscode.window.showInformationMessage(
        `Created agent ${agent.name} with its own key. It can do nothing until you switch on access in the Agent Access view.`,
      );
      await copyConfiguration(agent);
    }),
    vscode.commands.registerCommand('suitelens.agents.copyMcpConfiguration', async (node?: unknown) => {
      const agent = await chooseAgent(node, 'Copy MCP client configuration');
      if (agent) await copyConfiguration(agent);
    }),
    vscode.commands.registerCommand('suitelens.agents.issueKey', async (node?: unknown) => {
      const agent = await chooseAgent(node, 'Issue a new agent key');
      if (!agent) return;
      const hasKey = (await keys.keyOf(agent.id)) !== undefined;
      const issue = 'Issue New Key';
      const question = hasKey ? `Issue a new key for ${agent.name}? The current key stops working at once.` : `Issue a key for ${agent.name}?`;
      if ((await vscode.window.showWarningMessage(question, { modal: true }, issue)) !== issue) return;
      await keys.issue(agent);
      service.keysChanged();
      await copyConfiguration(agent);
    }),
    vscode.commands.registerCommand('suitelens.agents.revokeKey', async (node?: unknown) => {
      const agent = await chooseAgent(node, 'Revoke an agent key');
      if (!agent) return;
      const revoke = 'Revoke Key';
      const detail = 'Its next request to the MCP endpoint is refused. Its grants stay, so a new key brings its access back.';
      if ((await vscode.window.showWarningMessage(`Revoke ${agent.name}'s key?`, { modal: true, detail }, revoke)) !== revoke) return;
      await keys.revoke(agent.id);
      service.keysChanged();
      void vscode.window.showInformationMessage(`Revoked ${agent.name}'s key.`);
    }),
    vscode.commands.registerCommand('suitelens.agents.removeAgent', async (node?: unknown) => {
      const agent = await chooseAgent(node, 'Remove an agent');
      if (!agent) return;
      const remove = 'Remove Agent';
      const detail = 'Its key is revoked and all its grants are deleted. The activity log keeps its past calls.';
      if ((await vscode.window.showWarningMessage(`Remove agent ${agent.name}?`, { modal: true, detail }, remove)) !== remove) return;
      await keys.revoke(agent.id);
      await service.removeAgent(agent.id);
    }),
  );
}
