import * as vscode from 'vscode';
import type { NetSuiteClient } from '../../netsuite/client';
import { LoadFailed, LoadProgress, RowsAppended, isGridRequest, type GridRequest, type HostToRenderer } from '../../protocol/rendererMessages';
import type { ChartSettings } from '../../protocol/chartSettings';
import type { RowsPayload } from '../../protocol/rows';
import { isGridEditRequest } from '../../protocol/gridEditMessages';
import { unhandledMessage } from '../../protocol/guards';
import type { AccountRegistry } from '../accounts/accountRegistry';
import { exportQueryResult } from './exportCommand';
import { GridEdits } from './gridEdits';
import type { XlsxWriterModule } from '../../app/notebook/exportWriter';
import { loadMoreRows } from '../../app/notebook/loadMore';
import { alignBatch } from '../../app/notebook/resultFormat';
import { openResultsPanel } from './resultsPanel';
import type { ResultSession, ResultSessions } from './resultSessions';
import { notebookType } from './serializer';

export const rendererId = 'suitelens.rowsRenderer';

/** Answers the grid that asked: a notebook output (renderer messaging) or an editor tab (its webview). */
export type GridReply = (message: HostToRenderer) => void;

/**
 * The host side of the grid: more rows on demand, export, and "open record" — all by renderer messaging, so a
 * 100,000-row result grows in place instead of being re-rendered. Every inbound message is validated first: the
 * output webview renders NetSuite data and is not trusted.
 */
export class GridMessaging implements vscode.Disposable {
  /**
   * Made when the first SuiteQL notebook opens (or at once if one is open), not at activation: creating it cost ~4 ms
   * of the activation profile, and only our notebooks hold the grid's outputs (the results panel is a webview).
   */
  private messaging: vscode.NotebookRendererMessaging | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly edits: GridEdits;

  constructor(
    private readonly registry: AccountRegistry<NetSuiteClient>,
    private readonly sessions: ResultSessions,
    /** Requires the XLSX writer bundle on the first XLSX export (exceljs stays out of the activation bundle). */
    private readonly loadXlsx?: () => XlsxWriterModule,
    /** Where the results panel's bundle is (dist/media), for "Open in Editor". */
    private readonly extensionUri?: vscode.Uri,
  ) {
    this.edits = new GridEdits(registry, sessions, (editor, message) => void this.messaging?.postMessage(message, editor));
    const ours = (notebook: vscode.NotebookDocument) => notebook.notebookType === notebookType;
    if (vscode.workspace.notebookDocuments.some(ours)) this.listen();
    else {
      const opened = vscode.workspace.onDidOpenNotebookDocument((notebook) => {
        if (!ours(notebook)) return;
        opened.dispose();
        this.listen();
      });
      this.subscriptions.push(opened);
    }
  }

  private listen(): void {
    if (this.messaging) return;
    const messaging = vscode.notebooks.createRendererMessaging(rendererId);
    this.messaging = messaging;
    this.subscriptions.push(
      messaging.onDidReceiveMessage(({ editor, message }) => {
        if (isGridEditRequest(message)) return void this.edits.handle(editor, message);
        if (!isGridRequest(message)) return;
        void this.handle((answer) => void messaging.postMessage(answer, editor), message);
      }),
    );
  }

  /** Handles a grid's request, wherever the grid is; `reply` reaches that grid. */
  async handle(reply: GridReply, message: GridRequest): Promise<void> {
    const session = this.sessions.get(message.queryId);
    if (!session) {
      reply(LoadFailed.create({ queryId: message.queryId, detail: 'This result is from an earlier session; run the cell again.' }));
      return;
    }
    switch (message.type) {
      case 'loadMore':
        return this.load(reply, session, 'more');
      case 'loadAll':
        return this.load(reply, session, 'all');
      case 'cancelLoad':
        session.loading?.abort();
        return;
      case 'export':
        await exportQueryResult(this.registry, session.accountId, session.query, message.format, this.loadXlsx);
        return;
      case 'chartChanged':
        await keepChart(session, message.chart);
        return;
      case 'openRecord':
        await vscode.commands.executeCommand('suitelens.openRecord', { accountId: session.accountId, recordType: message.recordType, id: message.id });
        return;
      case 'openInEditor':
        this.openInEditor(session, message.result);
        return;
      default:
        unhandledMessage(message);
    }
  }

  /**
   * Opens the rows a grid has loaded in an editor tab. The tab's grid gets a session of its own (same account and
   * query, counting from the rows it starts with), so loading more there does not move the notebook's grid on.
   */
  private openInEditor(session: ResultSession, shown: RowsPayload): void {
    if (!this.extensionUri) return;
    const copy = this.sessions.create({
      accountId: session.accountId,
      query: session.query,
      columns: shown.columns,
      loaded: shown.rows.length,
      totalResults: session.totalResults,
      pageSize: session.pageSize,
    });
    openResultsPanel(this.extensionUri, { ...shown, queryId: copy.queryId }, session.query, (reply, message) => this.handle(reply, message));
  }

  private async load(reply: GridReply, session: ResultSession, how: 'more' | 'all'): Promise<void> {
    if (session.loading) return;
    const abort = new AbortController();
    session.loading = abort;
    try {
      const { client } = await this.registry.scope(session.accountId);
      if (how === 'more') {
        const more = await loadMoreRows(client, session, abort.signal);
        this.send(reply, session, more.rows, more.totalResults, true);
        return;
      }
      // "Load all": the core's parallel runner (pages fetched concurrently within the account's limit, delivered in
      // order). It starts at row 0; the rows the grid already has are skipped rather than fetched differently.
      let skip = session.loaded;
      const run = client.query(session.query, {
        signal: abort.signal,
        onProgress: (progress) =>
          reply(LoadProgress.create({ queryId: session.queryId, loaded: Math.max(session.loaded, progress.rowsDelivered), totalResults: progress.expectedRows })),
      });
      for await (const page of run.pages()) {
        const fresh = skip >= page.length ? [] : page.slice(skip);
        skip = Math.max(0, skip - page.length);
        if (fresh.length > 0) this.send(reply, session, fresh.map((row) => row.raw), run.summary.totalResults, false);
      }
      const note = run.summary.truncated ? run.summary.notice : undefined;
      reply(RowsAppended.create({ queryId: session.queryId, rows: [], loaded: session.loaded, totalResults: session.totalResults, done: true }));
      if (note) void vscode.window.showWarningMessage(note);
    } catch (error) {
      const detail = abort.signal.aborted ? `Stopped after ${session.loaded.toLocaleString('en-US')} rows.` : error instanceof Error ? error.message : String(error);
      reply(LoadFailed.create({ queryId: session.queryId, detail }));
    } finally {
      session.loading = undefined;
    }
  }

  private send(reply: GridReply, session: ResultSession, items: Record<string, string>[], totalResults: number, done: boolean): void {
    const batch = alignBatch(session.columns, items);
    session.columns = batch.columns;
    session.loaded += batch.rows.length;
    session.totalResults = totalResults;
    reply(
      RowsAppended.create({
        queryId: session.queryId,
        rows: batch.rows,
        ...(batch.grew ? { columns: batch.columns } : {}),
        loaded: session.loaded,
        totalResults,
        done,
      }),
    );
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}

/** Keeps (or, when closed, drops) a result's chart in its cell's metadata, so a saved notebook reopens with it. */
async function keepChart(session: ResultSession, chart: ChartSettings | undefined): Promise<void> {
  const cell = session.cell;
  if (!cell || cell.index < 0) return;
  const { chart: previous, ...rest } = cell.metadata ?? {};
  // Closing a chart the cell never kept changes nothing: do not mark the notebook as edited.
  if (!chart && previous === undefined) return;
  const edit = new vscode.WorkspaceEdit();
  edit.set(cell.notebook.uri, [vscode.NotebookEdit.updateCellMetadata(cell.index, chart ? { ...rest, chart } : rest)]);
  await vscode.workspace.applyEdit(edit);
}
