/**
 * The MCP endpoint's lifecycle in VS Code: off by default; `suitelens.agents.mcp.enabled` starts the core's server
 * on 127.0.0.1 (the port from `suitelens.agents.mcp.port`), and turning it off or changing the port restarts or
 * stops it. Starts and stops run one after another so quick setting changes never leave two servers.
 *
 * Both settings are user-only (`"scope": "application"` in package.json), and only their user value is read here, so
 * a cloned repository's `.vscode/settings.json` can neither open the endpoint nor move it. The endpoint also stays
 * off while the folder is in Restricted Mode: agents outside VS Code work on that folder's files, which the person
 * has not yet said they trust, and the endpoint lets them act on NetSuite with standing grants and no per-call
 * question. It starts when the person grants trust.
 *
 * Where VS Code has an MCP list for extensions (1.101+), mcpServerDefinitionProvider.ts lists this endpoint there;
 * on 1.100 (our engine floor) VS Code chat reaches the same tools as language-model tools only.
 */
import * as vscode from 'vscode';
import type { AgentGuard } from '../../agents/agentGuard';
import type { RunningAgentMcpServer } from '../../agents/mcp/agentMcpServer';
import type { Logger } from '../../netsuite/log';

export const mcpSettings = { section: 'suitelens.agents.mcp', enabled: 'enabled', port: 'port' } as const;

/** The person's own (user) values; a workspace or folder value is never read, whatever VS Code's scope handling does. */
function settings(): { enabled: boolean; port: number } {
  const configuration = vscode.workspace.getConfiguration(mcpSettings.section);
  const userValue = <T>(key: string, fallback: T): T => {
    const inspected = configuration.inspect<T>(key);
    return inspected?.globalValue ?? inspected?.defaultValue ?? fallback;
  };
  return { enabled: userValue<boolean>(mcpSettings.enabled, false), port: userValue<number>(mcpSettings.port, 0) };
}

export class McpEndpoint implements vscode.Disposable {
  private running: RunningAgentMcpServer | undefined;
  private runningPort: number | undefined;
  private queue: Promise<void> = Promise.resolve();
  private readonly changed = new vscode.EventEmitter<string | undefined>();
  /** Fires the endpoint URL when it starts, undefined when it stops. */
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];
  private restrictedNoticeShown = false;

  constructor(
    private readonly guard: AgentGuard,
    private readonly logger: Logger,
  ) {
    this.subscriptions = [
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(mcpSettings.section)) void this.apply();
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => void this.apply()),
    ];
  }

  /** True while the person has turned the endpoint on but the folder is in Restricted Mode, so it does not run. */
  get heldByRestrictedMode(): boolean {
    return settings().enabled && !vscode.workspace.isTrusted;
  }

  /** `http://127.0.0.1:<port>/mcp` while the endpoint runs. */
  get url(): string | undefined {
    return this.running?.url;
  }

  /** Brings the server in line with the settings; resolves when it has. */
  apply(): Promise<void> {
    this.queue = this.queue.then(() => this.applyNow()).catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      this.logger.error('The SuiteLens MCP endpoint did not start', error);
      void vscode.window.showErrorMessage(
        `The SuiteLens MCP endpoint did not start: ${message}. Choose another port in the "suitelens.agents.mcp.port" setting (0 picks a free one).`,
      );
    });
    return this.queue;
  }

  private async applyNow(): Promise<void> {
    const wanted = settings();
    const allowed = wanted.enabled && vscode.workspace.isTrusted;
    if (this.running && (!allowed || wanted.port !== this.runningPort)) await this.stop();
    if (wanted.enabled && !allowed) {
      this.logger.info('SuiteLens MCP endpoint not started: the folder is in Restricted Mode');
      this.changed.fire(undefined);
      this.noticeRestricted();
    }
    if (allowed && !this.running) {
      this.running = await this.guard.startMcpServer(wanted.port);
      this.runningPort = wanted.port;
      this.logger.info(`SuiteLens MCP endpoint listening at ${this.running.url}`);
      this.changed.fire(this.running.url);
    }
  }

  private async stop(): Promise<void> {
    const running = this.running;
    this.running = undefined;
    this.runningPort = undefined;
    if (!running) return;
    await running.close();
    this.logger.info('SuiteLens MCP endpoint stopped');
    this.changed.fire(undefined);
  }

  /** Says once per window why the endpoint the person turned on is not running, and where to change that. */
  private noticeRestricted(): void {
    if (this.restrictedNoticeShown) return;
    this.restrictedNoticeShown = true;
    const manage = 'Manage Workspace Trust';
    void vscode.window
      .showInformationMessage('The SuiteLens MCP endpoint stays off while this folder is in Restricted Mode. Trust the folder to start it.', manage)
      .then((answer) => (answer === manage ? vscode.commands.executeCommand('workbench.trust.manage') : undefined));
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    void this.queue.then(() => this.stop());
    this.changed.dispose();
  }
}
