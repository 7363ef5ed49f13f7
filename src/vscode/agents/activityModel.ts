/**
 * The "Agent Activity" view's model: the activity log newest first, narrowed by agent, account and decision, and
 * refreshed live — by the language-model tools right after a call, and by a watch on the log's folder, which also
 * catches calls through the MCP endpoint and from other VS Code windows.
 */
import { mkdirSync, watch, type FSWatcher } from 'node:fs';
import * as vscode from 'vscode';
import type { AuditLog } from '../../agents/audit';
import type { AuditDecision, AuditEntry } from '../../agents/auditEntry';

export interface ActivityFilter {
  agentId?: string;
  accountId?: string;
  decision?: AuditDecision;
}

/** The view lists at most this many entries; the log keeps more on disk. */
const shownEntries = 500;

export class ActivityModel implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private currentFilter: ActivityFilter = {};
  private watcher: FSWatcher | undefined;
  private pending: NodeJS.Timeout | undefined;

  constructor(
    private readonly auditLog: AuditLog,
    directory: string,
  ) {
    try {
      mkdirSync(directory, { recursive: true });
      this.watcher = watch(directory, () => this.refreshSoon());
    } catch {
      // No watch (e.g. the folder cannot be watched): the view still refreshes after each VS Code chat call.
      this.watcher = undefined;
    }
  }

  get filter(): ActivityFilter {
    return { ...this.currentFilter };
  }

  setFilter(filter: ActivityFilter): void {
    this.currentFilter = { ...filter };
    this.changed.fire();
  }

  /** Newest first, matching the filter. */
  async entries(): Promise<AuditEntry[]> {
    const entries = await this.auditLog.query({ ...this.currentFilter, limit: shownEntries });
    return entries.reverse();
  }

  /** Every entry (unfiltered), for the filter's choices of agent and account. */
  async allEntries(): Promise<AuditEntry[]> {
    return this.auditLog.query({ limit: shownEntries * 4 });
  }

  refresh(): void {
    this.changed.fire();
  }

  /** Appends arrive in bursts (one call can write while rotating): refresh once they settle. */
  private refreshSoon(): void {
    if (this.pending) clearTimeout(this.pending);
    this.pending = setTimeout(() => {
      this.pending = undefined;
      this.changed.fire();
    }, 150);
  }

  dispose(): void {
    if (this.pending) clearTimeout(this.pending);
    this.watcher?.close();
    this.changed.dispose();
  }
}
