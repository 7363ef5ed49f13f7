/**
 * One agent, the real invoker and a real activity log against a production and a sandbox account of the sandbox, with
 * grants set per test and a person who answers every write question the same way (each question kept).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { AccessLevel } from '../../src/agents/accessLevel';
import { AuditLog } from '../../src/agents/audit';
import type { AuditEntry } from '../../src/agents/auditEntry';
import { emptyAgentPolicy } from '../../src/agents/policyDocument';
import { withAgent, withGrant } from '../../src/agents/policyEdits';
import { InMemoryMemento, MementoAgentPolicyStore } from '../../src/agents/policyStore';
import { AgentToolInvoker, type WriteQuestion } from '../../src/agents/toolInvoker';
import { inThreadSuiteQLReads } from '../../src/suiteql/guardedRead';
import { netSuiteForAgentTests, type AgentTestNetSuite } from './agents-netsuite';

export const hostileAgent = { id: 'hostile', name: 'Hostile helper', kind: 'mcp' as const };

export interface InvokerHarness {
  production: AgentTestNetSuite;
  sandbox: AgentTestNetSuite;
  /** An invoker whose person answers `answer` to every write question, recording each question. */
  invokerFor(netsuite: AgentTestNetSuite, grants: Array<{ recordType: string; level: AccessLevel }>, answer?: boolean): Promise<{ invoker: AgentToolInvoker; questions: WriteQuestion[] }>;
  lastEntry(): Promise<AuditEntry>;
}

/** Registers the suite's beforeAll/afterAll; the accounts are there once beforeAll ran. */
export function invokerHarness(): InvokerHarness {
  let directory = '';
  let auditLog: AuditLog;
  const harness = {
    async invokerFor(netsuite: AgentTestNetSuite, grants: Array<{ recordType: string; level: AccessLevel }>, answer = true) {
      const questions: WriteQuestion[] = [];
      const policyStore = new MementoAgentPolicyStore(new InMemoryMemento());
      let policy = withAgent(emptyAgentPolicy(), hostileAgent);
      for (const grant of grants) policy = withGrant(policy, { agentId: hostileAgent.id, accountId: netsuite.accountId, ...grant });
      await policyStore.write(policy);
      const invoker = new AgentToolInvoker({
        policyStore,
        operations: netsuite.operations,
        auditLog,
        suiteqlReads: inThreadSuiteQLReads(),
        confirmWrite: async (question) => (questions.push(question), answer),
      });
      return { invoker, questions };
    },
    lastEntry: async () => (await auditLog.query()).slice(-1)[0],
  } as InvokerHarness;
  beforeAll(async () => {
    [harness.production, harness.sandbox] = await Promise.all([netSuiteForAgentTests('1234567'), netSuiteForAgentTests('1234567_SB1')]);
    directory = await mkdtemp(join(tmpdir(), 'suitelens-invoker-harness-'));
    auditLog = new AuditLog({ directory });
  });
  afterAll(async () => {
    await Promise.all([harness.production?.stop(), harness.sandbox?.stop()]);
    if (directory) await rm(directory, { recursive: true, force: true });
  });
  return harness;
}
