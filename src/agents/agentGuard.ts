/**
 * The agent guard assembled from what the extension owns: its globalState (policy), SecretStorage (agent keys),
 * global storage folder (activity log) and the account clients (NetSuite operations). The VS Code layer builds one
 * guard and hands `invoker` to its language-model tools and `startMcpServer` to the MCP setting.
 */
import type { SecretStore } from '../netsuite/auth/types';
import { tablesReadBy } from '../suiteql/tables';
import { AuditLog, type AuditLogOptions } from './audit';
import { AgentKeyStore } from './mcp/agentKeys';
import { startAgentMcpServer, type RunningAgentMcpServer } from './mcp/agentMcpServer';
import { MementoAgentPolicyStore, type KeyValueMemento } from './policyStore';
import { AgentToolInvoker } from './toolInvoker';
import type { AgentNetSuiteOperations } from './tools/operations';

export interface AgentGuardOptions {
  /** `context.globalState` — outside the workspace, so an agent editing files cannot widen its access. */
  memento: KeyValueMemento;
  /** `context.secrets` behind the SecretStore interface. */
  secrets: SecretStore;
  /** Activity log location and rotation (`context.globalStorageUri.fsPath`). */
  log: AuditLogOptions;
  operations: AgentNetSuiteOperations;
  version?: string;
}

export interface AgentGuard {
  policyStore: MementoAgentPolicyStore;
  auditLog: AuditLog;
  keys: AgentKeyStore;
  invoker: AgentToolInvoker;
  /** Starts the loopback MCP endpoint (port 0 picks a free one). */
  startMcpServer(port?: number): Promise<RunningAgentMcpServer>;
}

export function createAgentGuard(options: AgentGuardOptions): AgentGuard {
  const policyStore = new MementoAgentPolicyStore(options.memento);
  const auditLog = new AuditLog(options.log);
  const keys = new AgentKeyStore(options.secrets);
  const invoker = new AgentToolInvoker({ policyStore, operations: options.operations, auditLog, tablesReadBy });
  return {
    policyStore,
    auditLog,
    keys,
    invoker,
    startMcpServer: (port = 0) => startAgentMcpServer({ port, invoker, policyStore, keys, version: options.version }),
  };
}
