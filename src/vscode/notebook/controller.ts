import * as vscode from 'vscode';
import { environmentLabel } from '../../netsuite/account';
import type { NetSuiteClient } from '../../netsuite/client';
import { isNetSuiteError } from '../../netsuite/errors';
import { suiteQLRowCap } from '../../netsuite/suiteql';
import { ROWS_MIME, type ErrorPayload, type RowsPayload } from '../../protocol/rows';
import { describeProfile, type AccountProfile } from '../../app/accounts/accountProfile';
import type { AccountRegistry } from '../accounts/accountRegistry';
import type { PersonAtNotebook } from './personAtNotebook';
import type { QueryHistory } from '../../app/notebook/queryHistory';
import type { QueryPreparation } from './queryParameters';
import { isChartSettings } from '../../protocol/chartSettings';
import { failurePosition, toPlainText, toRowsPayload } from '../../app/notebook/resultFormat';
import type { ResultSessions } from './resultSessions';
import { notRunText, runGate, runQuestion } from '../../app/notebook/runGate';
import { describeRefusedQuery, isGenericQueryError } from '../../suiteql/queryDiagnosis';
import { resultColumnsOf } from '../../suiteql/resultColumns';
import { notebookType } from './serializer';
import { withoutFileOutputs, withRunOutputs, type SnbNotebookOutput } from '../../app/notebook/snbFormat';

export interface ControllerDeps {
  registry: AccountRegistry<NetSuiteClient>;
  sessions: ResultSessions;
  history: QueryHistory;
  /** Whether a run can be put down to a person at the notebook; runs that cannot may be asked about first. */
  presence: PersonAtNotebook;
  /** Rows per page shown on a run (setting `suitelens.notebook.pageSize`). */
  pageSize: () => number;
  /** The record type whose ids a single-table query's `id` column holds (`customer` for `FROM customer`). */
  idRecordType: (query: string) => string | undefined;
  /** Columns a result showed, so completion learns what the catalog does not describe. */
  learnColumns?: (accountId: string, query: string, columns: readonly string[]) => void;
  /** Fills in a cell's `:name` parameters (asking the person); the query as written when it has none. */
  prepareQuery?: (query: string, notebook: vscode.NotebookDocument) => Promise<QueryPreparation>;
  /** How big a result was, so the editor warns about paging without ORDER BY only when it matters. */
  noteResultSize?: (query: string, totalResults: number, pageSize: number) => void;
}

/**
 * One notebook controller per account: the kernel picker is the account picker. Cells run strictly in order; every
 * execution ends (success or not); interrupt aborts the HTTP work of the running cells at once.
 */
export class AccountNotebookController implements vscode.Disposable {
  private readonly controller: vscode.NotebookController;
  private readonly running = new Map<vscode.NotebookDocument, Set<AbortController>>();
  private executionOrder = 0;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly profile: AccountProfile,
    private readonly deps: ControllerDeps,
  ) {
    const environment = profile.demo ? 'Demo sandbox' : environmentLabel(profile.environment);
    this.controller = vscode.notebooks.createNotebookController(`suitelens.suiteql.${profile.accountId}`, notebookType, `NetSuite: ${profile.label}`);
    this.controller.description = profile.label === profile.accountId ? environment : `${profile.accountId} · ${environment}`;
    this.controller.detail = profile.environment === 'production' && !profile.demo ? 'Production account — queries read live data' : undefined;
    this.controller.supportedLanguages = ['suiteql'];
    this.controller.supportsExecutionOrder = true;
    this.controller.executeHandler = (cells, notebook) => this.executeCells(cells, notebook);
    this.controller.interruptHandler = (notebook) => this.interrupt(notebook);
    this.disposables.push(
      this.controller,
      this.controller.onDidChangeSelectedNotebooks(({ notebook, selected }) => {
        if (selected && notebook.metadata?.account !== profile.accountId) void rememberAccount(notebook, profile.accountId);
      }),
    );
    for (const notebook of vscode.workspace.notebookDocuments) this.preferIfRemembered(notebook);
    this.disposables.push(
      vscode.workspace.onDidOpenNotebookDocument((notebook) => this.preferIfRemembered(notebook)),
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        for (const notebook of vscode.workspace.notebookDocuments) this.preferIfRemembered(notebook);
      }),
    );
  }

  get id(): string {
    return this.controller.id;
  }

  /**
   * A notebook remembers the account it last ran on. A notebook file that came with a folder in Restricted Mode does
   * not get to pick its account (a production one, say) by itself: the person picks it, until they trust the folder.
   */
  private preferIfRemembered(notebook: vscode.NotebookDocument): void {
    if (!vscode.workspace.isTrusted && !notebook.isUntitled) return;
    if (notebook.notebookType === notebookType && notebook.metadata?.account === this.profile.accountId) {
      this.controller.updateNotebookAffinity(notebook, vscode.NotebookControllerAffinity.Preferred);
    }
  }

  private async executeCells(cells: vscode.NotebookCell[], notebook: vscode.NotebookDocument): Promise<void> {
    const codeCells = cells.filter((cell) => cell.kind === vscode.NotebookCellKind.Code);
    if (!(await this.allowedToRun(codeCells, notebook))) {
      for (const cell of codeCells) await this.showNotRun(cell);
      return;
    }
    for (const cell of codeCells) {
      const completed = await this.executeCell(cell, notebook);
      if (!completed) break; // run-all stops at the first failure, as a person reading top to bottom expects
    }
  }

  /** Asks the person first when the run cannot be put down to them and the account or folder calls for it (runGate.ts). */
  private async allowedToRun(cells: readonly vscode.NotebookCell[], notebook: vscode.NotebookDocument): Promise<boolean> {
    const profile = this.deps.registry.get(this.profile.accountId) ?? this.profile;
    const decision = runGate({
      personAtNotebook: this.deps.presence.isPersonAt(notebook),
      folderTrusted: vscode.workspace.isTrusted,
      environment: profile.environment,
      demo: profile.demo === true,
      readOnly: profile.readOnly,
    });
    if (decision.action === 'run') return true;
    const queries = cells.map((cell) => cell.document.getText().trim()).filter((query) => query !== '');
    if (queries.length === 0) return true;
    const { message, detail } = runQuestion(describeProfile(profile), decision.why, queries);
    const run = 'Run';
    return (await vscode.window.showWarningMessage(message, { modal: true, detail }, run)) === run;
  }

  private async showNotRun(cell: vscode.NotebookCell): Promise<void> {
    const execution = this.controller.createNotebookCellExecution(cell);
    execution.start(Date.now());
    try {
      await execution.replaceOutput([new vscode.NotebookCellOutput([vscode.NotebookCellOutputItem.text(notRunText)])]);
    } finally {
      execution.end(false, Date.now());
    }
  }

  private async executeCell(cell: vscode.NotebookCell, notebook: vscode.NotebookDocument): Promise<boolean> {
    await forgetFileOutputs(cell);
    const execution = this.controller.createNotebookCellExecution(cell);
    execution.executionOrder = ++this.executionOrder;
    execution.start(Date.now());
    const abort = new AbortController();
    const tokenListener = execution.token.onCancellationRequested(() => abort.abort());
    const active = this.running.get(notebook) ?? new Set<AbortController>();
    active.add(abort);
    this.running.set(notebook, active);
    const written = cell.document.getText().trim();
    let query = written;
    const account = { id: this.profile.accountId, environment: this.profile.environment };
    let success = false;
    try {
      if (written === '') {
        await execution.replaceOutput([new vscode.NotebookCellOutput([vscode.NotebookCellOutputItem.text('Nothing to run: the cell is empty.')])]);
        success = true;
        return true;
      }
      const prepared = this.deps.prepareQuery ? await this.deps.prepareQuery(written, notebook) : { query: written };
      if ('cancelled' in prepared) {
        await execution.replaceOutput([new vscode.NotebookCellOutput([vscode.NotebookCellOutputItem.text(prepared.cancelled)])]);
        return false;
      }
      // What runs (and pages, and exports) is the query with its parameters' values; history keeps what was written.
      query = prepared.query;
      const started = performance.now();
      const { client } = await this.deps.registry.scope(this.profile.accountId);
      const pageSize = this.deps.pageSize();
      const page = await client.queryPage(query, 0, { pageSize, signal: abort.signal });
      const elapsedMs = performance.now() - started;
      const items = page.rows.map((row) => row.raw);
      const session = this.deps.sessions.create({ accountId: this.profile.accountId, query, columns: [], loaded: items.length, totalResults: page.totalResults, pageSize, cell });
      const payload: RowsPayload = toRowsPayload({
        queryId: session.queryId,
        items,
        totalResults: page.totalResults,
        elapsedMs,
        truncatedAt: page.totalResults > suiteQLRowCap ? suiteQLRowCap : undefined,
        account,
        idRecordType: this.deps.idRecordType(query),
        selectedColumns: resultColumnsOf(query),
      });
      session.columns = payload.columns;
      const chart: unknown = cell.metadata?.chart;
      if (isChartSettings(chart)) payload.chart = chart;
      this.deps.learnColumns?.(this.profile.accountId, query, payload.columns.map((c) => c.name));
      this.deps.noteResultSize?.(query, page.totalResults, pageSize);
      await replaceAndKeep(execution, cell, [outputOf(payload)]);
      await this.deps.history.record(this.profile.accountId, { query: written, rows: page.totalResults, elapsedMs, ok: true });
      success = true;
      return true;
    } catch (error) {
      const cancelled = abort.signal.aborted || isNetSuiteError(error, 'cancelled');
      const payload: ErrorPayload = cancelled
        ? { kind: 'error', queryId: 'cancelled', title: 'Cancelled', detail: 'The query was interrupted; NetSuite requests for it were stopped.', account }
        : errorPayload(error, query, account);
      await replaceAndKeep(execution, cell, [errorOutputOf(payload)]);
      if (!cancelled) await this.deps.history.record(this.profile.accountId, { query: written, rows: 0, elapsedMs: 0, ok: false });
      return false;
    } finally {
      tokenListener.dispose();
      active.delete(abort);
      execution.end(success, Date.now());
    }
  }

  private interrupt(notebook: vscode.NotebookDocument): void {
    for (const abort of this.running.get(notebook) ?? []) abort.abort();
  }

  dispose(): void {
    for (const set of this.running.values()) for (const abort of set) abort.abort();
    this.running.clear();
    for (const disposable of this.disposables) disposable.dispose();
  }
}

export function outputOf(payload: RowsPayload): vscode.NotebookCellOutput {
  return new vscode.NotebookCellOutput([vscode.NotebookCellOutputItem.json(payload, ROWS_MIME), vscode.NotebookCellOutputItem.text(toPlainText(payload))]);
}

function errorOutputOf(payload: ErrorPayload): vscode.NotebookCellOutput {
  const text = `${payload.title}${payload.code ? ` (${payload.code})` : ''}: ${payload.detail}`;
  return new vscode.NotebookCellOutput([vscode.NotebookCellOutputItem.json(payload, ROWS_MIME), vscode.NotebookCellOutputItem.text(text)]);
}

export function errorPayload(error: unknown, query: string, account: ErrorPayload['account']): ErrorPayload {
  if (isNetSuiteError(error)) {
    const detail = error.detail ?? error.message;
    // NetSuite's catch-all says neither where nor why; SuiteLens's own parse can, marked as such.
    const local = isGenericQueryError(detail) ? describeRefusedQuery(query) : undefined;
    return {
      kind: 'error',
      queryId: 'error',
      // The detail below says what NetSuite said; the title only says who refused and how.
      title: error.status ? `NetSuite refused the query (HTTP ${error.status})` : error.kind === 'network' ? 'NetSuite could not be reached' : 'The query failed',
      detail: [detail, error.advice, local?.note].filter(Boolean).join('\n'),
      code: error.code,
      query,
      position: failurePosition(query, detail) ?? local?.position,
      account,
    };
  }
  return { kind: 'error', queryId: 'error', title: 'SuiteLens could not run the query', detail: error instanceof Error ? error.message : String(error), query, account };
}

async function rememberAccount(notebook: vscode.NotebookDocument, accountId: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.set(notebook.uri, [vscode.NotebookEdit.updateNotebookMetadata({ ...notebook.metadata, account: accountId })]);
  await vscode.workspace.applyEdit(edit);
}

/**
 * Shows a run's outputs and, while the notebook saves outputs, keeps them in the cell's metadata for the next save:
 * VS Code hands the serializer no outputs (they are transient, so a run leaves a notebook that saves none clean).
 */
async function replaceAndKeep(execution: vscode.NotebookCellExecution, cell: vscode.NotebookCell, outputs: vscode.NotebookCellOutput[]): Promise<void> {
  await execution.replaceOutput(outputs);
  const metadata = withRunOutputs(cell.metadata, cell.notebook.metadata?.saveOutputs === true, outputs.map(notebookOutput));
  if (!metadata) return;
  const edit = new vscode.WorkspaceEdit();
  edit.set(cell.notebook.uri, [vscode.NotebookEdit.updateCellMetadata(cell.index, metadata)]);
  await vscode.workspace.applyEdit(edit);
}

/** An output as the notebook format's plain shape. */
export function notebookOutput(output: vscode.NotebookCellOutput): SnbNotebookOutput {
  return { items: output.items.map((item) => ({ mime: item.mime, text: new TextDecoder().decode(item.data) })) };
}

/** A cell that runs again replaces the outputs it read from the file; they are no longer written back on save. */
async function forgetFileOutputs(cell: vscode.NotebookCell): Promise<void> {
  const metadata = withoutFileOutputs(cell.metadata);
  if (!metadata) return;
  const edit = new vscode.WorkspaceEdit();
  edit.set(cell.notebook.uri, [vscode.NotebookEdit.updateCellMetadata(cell.index, metadata)]);
  await vscode.workspace.applyEdit(edit);
}
