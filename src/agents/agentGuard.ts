/**
 * The agent guard assembled from what the extension owns: its globalState (policy), SecretStorage (agent keys),
 * global storage folder (activity log) and the account clients (NetSuite operations). The VS Code layer builds one
 * guard and hands `invoker` to its language-model tools and `startMcpServer` to the MCP setting.
 */
import { join } from 'node:path';
import type { SecretStore } from '../netsuite/auth/types';
import { workerSuiteQLReads, type LimitsSource, type SuiteQLReads } from '../suiteql/guardedRead';
import type { AgentIdentity } from './agent';
import { AuditLog, type AuditLogOptions } from './audit';
import { AgentKeyStore } from './mcp/agentKeys';
import { startAgentMcpServer, type RunningAgentMcpServer } from './mcp/agentMcpServer';
import { MementoAgentPolicyStore, type KeyValueMemento } from './policyStore';
import { AgentToolInvoker, type WriteQuestion } from './toolInvoker';
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
  /**
   * How agents' SuiteQL is checked: the worker file (default: dist/suiteql-guard-worker.js beside the extension
   * bundle) and the current length/depth caps (settings).
   */
  suiteql?: { workerFile?: string; limits?: LimitsSource; timeLimitMs?: number };
  /** Agents the policy always lists, with no grants of their own (VS Code chat): see MementoAgentPolicyStore. */
  listedAgents?: readonly AgentIdentity[];
  /** The person's yes or no before an agent's write (toolInvoker.ts); without it production writes are refused. */
  confirmWrite?: (question: WriteQuestion) => Promise<boolean>;
}

export interface AgentGuard {
  policyStore: MementoAgentPolicyStore;
  auditLog: AuditLog;
  keys: AgentKeyStore;
  invoker: AgentToolInvoker;
  /** Stops the SuiteQL check worker. */
  dispose(): void;
  /** Starts the loopback MCP endpoint (port 0 picks a free one). */
  startMcpServer(port?: number): Promise<RunningAgentMcpServer>;
}

export function createAgentGuard(options: AgentGuardOptions): AgentGuard {
  const policyStore = new MementoAgentPolicyStore(options.memento, options.listedAgents);
  const auditLog = new AuditLog(options.log);
  const keys = new AgentKeyStore(options.secrets);
  // Made on the first agent query, not here: activation then loads none of the SuiteQL service (issue 15). Its worker
  // starts on the first check either way. A check after dispose gets a disposed checker, which refuses it.
  let checker: SuiteQLReads | undefined;
  let disposed = false;
  const checkerNow = (): SuiteQLReads => {
    if (!checker) {
      checker = workerSuiteQLReads({ ...options.suiteql, workerFile: options.suiteql?.workerFile ?? join(__dirname, 'suiteql-guard-worker.js') });
      if (disposed) checker.dispose();
    }
    return checker;
  };
  const suiteqlReads: SuiteQLReads = {
    check: (query) => {
      let reads: SuiteQLReads;
      try {
        reads = checkerNow();
      } catch (error) {
        // The service's file failed to load: refuse the query as an uncheckable one, so the call is denied and logged
        // like any other refusal, rather than thrown past the log. The next query tries to load it again.
        return Promise.resolve({ ok: false, reason: `The query could not be checked (${error instanceof Error ? error.message : String(error)}).` });
      }
      return reads.check(query);
    },
    dispose: () => {
      disposed = true;
      checker?.dispose();
    },
  };
  const invoker = new AgentToolInvoker({ policyStore, operations: options.operations, auditLog, suiteqlReads, ...(options.confirmWrite ? { confirmWrite: options.confirmWrite } : {}) });
  return {
    policyStore,
    auditLog,
    keys,
    invoker,
    dispose: () => suiteqlReads.dispose(),
    startMcpServer: (port = 0) => startAgentMcpServer({ port, invoker, policyStore, keys, auditLog, version: options.version }),
  };
}
