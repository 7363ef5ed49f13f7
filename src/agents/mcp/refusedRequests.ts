/**
 * Requests the MCP endpoint refused before any agent was known (no key, a wrong key, a web page's Origin, a
 * foreign Host), written to the activity log without letting a flood of them fill it: the first refusal of each
 * kind in a window is logged at once, and the rest are counted and logged as one summary when the window ends —
 * "12 requests with a wrong key in the last minute were refused at the MCP endpoint". At most two entries per kind
 * per window, whatever the rate. The pseudo agent they are logged under has its own share of the log
 * (auditRetention.ts), so these entries cannot crowd out the agents' own.
 */
import type { AgentIdentity } from '../agent';
import type { AuditLog } from '../audit';
import type { RefusedRequestKind } from '../auditEntry';

/**
 * Who the activity log says sent a request the endpoint refused before knowing the agent. The id has characters no
 * agent id made from a name has (agentIdFor keeps [a-z0-9-]), so an agent a person calls "MCP endpoint" never
 * shares its entries or its share of the log.
 */
export const unauthenticatedCaller: AgentIdentity = { id: '(mcp endpoint)', name: 'MCP endpoint', kind: 'mcp' };

const reasons: Record<RefusedRequestKind, string> = {
  missingKey: 'denied: no agent key was sent',
  wrongKey: 'denied: the key is wrong or has been revoked',
  foreignOrigin: 'denied: requests from web pages are not accepted',
  foreignHost: 'denied: the Host header does not name this endpoint (a DNS-rebinding attempt or a misconfigured client)',
};

interface Window {
  startedAt: number;
  count: number;
  timer: NodeJS.Timeout;
}

export interface RefusedRequestLogOptions {
  /** Length of one counting window (default one minute). */
  windowMs?: number;
  now?: () => number;
}

export class RefusedRequestLog {
  private readonly windows = new Map<RefusedRequestKind, Window>();
  private readonly windowMs: number;
  private readonly now: () => number;
  private writes: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly auditLog: AuditLog | undefined,
    options: RefusedRequestLogOptions = {},
  ) {
    this.windowMs = options.windowMs ?? 60_000;
    this.now = options.now ?? Date.now;
  }

  record(kind: RefusedRequestKind): void {
    const open = this.windows.get(kind);
    if (open) {
      open.count += 1;
      return;
    }
    const timer = setTimeout(() => this.closeWindow(kind), this.windowMs);
    timer.unref();
    this.windows.set(kind, { startedAt: this.now(), count: 1, timer });
    this.write(kind, 1, 0);
  }

  /** Writes the summaries of the open windows (when the endpoint stops) and waits for every write. */
  async flush(): Promise<void> {
    for (const kind of [...this.windows.keys()]) this.closeWindow(kind);
    await this.writes;
  }

  private closeWindow(kind: RefusedRequestKind): void {
    const window = this.windows.get(kind);
    if (!window) return;
    clearTimeout(window.timer);
    this.windows.delete(kind);
    // The first refusal was logged on its own; a summary only when more followed.
    if (window.count > 1) this.write(kind, window.count, Math.max(1, Math.round((this.now() - window.startedAt) / 1000)));
  }

  private write(kind: RefusedRequestKind, count: number, windowSeconds: number): void {
    if (!this.auditLog) return;
    const auditLog = this.auditLog;
    this.writes = this.writes
      .then(() =>
        auditLog.append({
          agent: unauthenticatedCaller,
          accountId: '(no account)',
          tool: 'mcp',
          action: 'refusedRequest',
          arguments: { refused: kind, count },
          refused: { kind, count, windowSeconds: windowSeconds === 0 ? 0 : Math.round(this.windowMs / 1000) },
          decision: 'denied',
          reason: reasons[kind],
        }),
      )
      .catch(() => undefined);
  }
}
