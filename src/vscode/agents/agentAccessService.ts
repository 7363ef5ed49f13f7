/**
 * The access view's service: reads and edits the agent policy (kept in globalState by the core's store) and tells
 * the view when it changed. It does not ask for confirmation — the commands that call it do, so the only way to
 * widen an agent's access is a person pressing a button in a modal dialog.
 */
import * as vscode from 'vscode';
import type { AccessLevel } from '../../agents/accessLevel';
import { accessOverview, effectiveAccess, suiteqlTablesOverview, type RecordTypeAccess, type SuiteQLTableAccess } from '../../agents/accessOverview';
import { canonicalAccountId } from '../../agents/accountEnvironment';
import type { AgentIdentity, AgentKind } from '../../agents/agent';
import { wildcardRecordType } from '../../agents/policyDocument';
import { findAgent, grantsOf, withAgent, withGrant, withoutAgent, withoutGrant } from '../../agents/policyEdits';
import type { AgentPolicyStore } from '../../agents/policyStore';

export interface AgentAccessServiceOptions {
  policyStore: AgentPolicyStore;
  /** Accounts the person has added (the registry), listed under every agent. */
  accountIds(): string[];
  /** The account's record types from its metadata catalog. */
  recordTypes(accountId: string): Promise<string[]>;
}

/** `Billing helper` → `billing-helper`: the id grants, keys and the log use. */
export function agentIdFor(name: string): string {
  return name.trim().toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** The agent already called `name`, ignoring case and outer spaces: two such agents would read as one. */
export function agentNamed(agents: readonly AgentIdentity[], name: string): AgentIdentity | undefined {
  const wanted = name.trim().toLowerCase();
  return agents.find((agent) => agent.name.trim().toLowerCase() === wanted);
}

export class AgentAccessService implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly options: AgentAccessServiceOptions) {}

  async agents(): Promise<AgentIdentity[]> {
    return (await this.options.policyStore.read()).agents;
  }

  async agent(agentId: string): Promise<AgentIdentity | undefined> {
    return findAgent(await this.options.policyStore.read(), agentId);
  }

  /** Added accounts plus any account the agent holds grants on (so a grant never hides when an account is removed). */
  async accountIds(agentId: string): Promise<string[]> {
    const policy = await this.options.policyStore.read();
    const granted = policy.grants.filter((grant) => grant.agentId === agentId).map((grant) => grant.accountId);
    const all = [...this.options.accountIds(), ...granted].map(canonicalAccountId);
    return [...new Set(all)];
  }

  /**
   * The wildcard switch ("All record types"), one switch per record type of the account, and the SuiteQL tables'
   * switches (families first, then granted tables that are no record type).
   */
  async overview(agentId: string, accountId: string): Promise<{ wildcard: RecordTypeAccess; recordTypes: RecordTypeAccess[]; tables: SuiteQLTableAccess[] }> {
    const policy = await this.options.policyStore.read();
    const recordTypes = [...(await this.options.recordTypes(accountId))].sort((a, b) => a.localeCompare(b));
    return {
      wildcard: effectiveAccess(grantsOf(policy, agentId, accountId), accountId, wildcardRecordType),
      recordTypes: accessOverview(policy, agentId, accountId, recordTypes),
      tables: suiteqlTablesOverview(policy, agentId, accountId, recordTypes),
    };
  }

  /** The account's record types from its catalog. */
  recordTypes(accountId: string): Promise<string[]> {
    return this.options.recordTypes(accountId);
  }

  async access(agentId: string, accountId: string, recordType: string): Promise<RecordTypeAccess> {
    return effectiveAccess(grantsOf(await this.options.policyStore.read(), agentId, accountId), accountId, recordType);
  }

  /** Sets one switch (an explicit `none` switches a type off even under the wildcard). */
  async setLevel(agentId: string, accountId: string, recordType: string, level: AccessLevel): Promise<void> {
    const policy = await this.options.policyStore.read();
    await this.options.policyStore.write(withGrant(policy, { agentId, accountId, recordType, level }));
    this.changed.fire();
  }

  /** Removes a type's own switch, so the wildcard (if any) applies again. */
  async clearSwitch(agentId: string, accountId: string, recordType: string): Promise<void> {
    const policy = await this.options.policyStore.read();
    await this.options.policyStore.write(withoutGrant(policy, agentId, accountId, recordType));
    this.changed.fire();
  }

  /** Adds an agent with no access at all. */
  async addAgent(name: string, kind: AgentKind): Promise<AgentIdentity> {
    const id = agentIdFor(name);
    if (!id) throw new Error(`'${name}' has no letters or digits to make an agent id from.`);
    const policy = await this.options.policyStore.read();
    if (findAgent(policy, id)) throw new Error(`There is already an agent '${id}'. Choose another name.`);
    // Two agents with one name would read as one in the activity log and the access view (e.g. a person's own
    // "VS Code MCP" beside the one SuiteLens keeps for VS Code's MCP list).
    const sameName = agentNamed(policy.agents, name);
    if (sameName) throw new Error(`There is already an agent named '${sameName.name}'. Choose another name.`);
    const agent: AgentIdentity = { id, name: name.trim(), kind };
    await this.options.policyStore.write(withAgent(policy, agent));
    this.changed.fire();
    return agent;
  }

  /**
   * The agent SuiteLens keeps for one of its own registrations (its id is one no name maps to), added with no access
   * when missing. Its name gets a suffix when a person's agent already has it, so the two never read as one.
   */
  async ensureReservedAgent(reserved: AgentIdentity, otherName: string): Promise<AgentIdentity> {
    const policy = await this.options.policyStore.read();
    const existing = findAgent(policy, reserved.id);
    if (existing) return existing;
    const agent: AgentIdentity = agentNamed(policy.agents, reserved.name) ? { ...reserved, name: otherName } : reserved;
    await this.options.policyStore.write(withAgent(policy, agent));
    this.changed.fire();
    return agent;
  }

  /** Removes the agent and all its grants. */
  async removeAgent(agentId: string): Promise<void> {
    const policy = await this.options.policyStore.read();
    await this.options.policyStore.write(withoutAgent(policy, agentId));
    this.changed.fire();
  }

  /** The agent's keys changed (issued or revoked): the view shows whether one exists. */
  keysChanged(): void {
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}
