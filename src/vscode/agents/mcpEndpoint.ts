/**
 * The MCP endpoint's lifecycle in VS Code: off by default; `suitelens.agents.mcp.enabled` starts the core's server
 * on 127.0.0.1 (the port from `suitelens.agents.mcp.port`), and turning it off or changing the port restarts or
 * stops it. Starts and stops run one after another so quick setting changes never leave two servers.
 *
 * Not registered with VS Code's own MCP support: `vscode.lm.registerMcpServerDefinitionProvider` and
 * `contributes.mcpServerDefinitionProviders` are not in VS Code 1.100's API (@types/vscode 1.100, our engine); they
 * are finalised in 1.101. VS Code chat already reaches the same tools as language-model tools.
 */
import * as vscode from 'vscode';
import type { AgentGuard } from '../../agents/agentGuard';
import type { RunningAgentMcpServer } from '../../agents/mcp/agentMcpServer';
import type { Logger } from '../../netsuite/log';

export const mcpSettings = { section: 'suitelens.agents.mcp', enabled: 'enabled', port: 'port' } as const;

function settings(): { enabled: boolean; port: number } {
  const configuration = vscode.workspace.getConfiguration(mcpSettings.section);
  return { enabled: configuration.get<boolean>(mcpSettings.enabled, false), port: configuration.get<number>(mcpSettings.port, 0) };
}

export class McpEndpoint implements vscode.Disposable {
  private running: RunningAgentMcpServer | undefined;
  private runningPort: number | undefined;
  private queue: Promise<void> = Promise.resolve();
  private readonly changed = new vscode.EventEmitter<string | undefined>();
  /** Fires the endpoint URL when it starts, undefined when it stops. */
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly guard: AgentGuard,
    private readonly logger: Logger,
  ) {
    this.subscription = vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(mcpSettings.section)) void this.apply();
    });
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
    if (this.running && (!wanted.enabled || wanted.port !== this.runningPort)) await this.stop();
    if (wanted.enabled && !this.running) {
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

  dispose(): void {
    this.subscription.dispose();
    void this.queue.then(() => this.stop());
    this.changed.dispose();
  }
}
