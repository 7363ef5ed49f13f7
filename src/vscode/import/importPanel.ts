/**
 * The CSV import view: a webview (media/import) showing the file's columns with sample values and the field each
 * fills, a Dry Run that lists the problems row by row without writing, and Import, which runs in batches with a
 * cancellable progress notification and writes the results file beside the input. The host decides everything that
 * touches NetSuite or the disk; every message from the webview is checked (src/protocol/importMessages.ts).
 */
import { basename } from 'node:path';
import * as vscode from 'vscode';
import type { ColumnMapping, ImportPlan } from '../../netsuite/csvImport';
import { describeError } from '../../netsuite/describeError';
import type { Logger } from '../../netsuite/log';
import { recordTypeLabel } from '../../netsuite/recordTypeLabels';
import {
  ImportBusy,
  ImportFailed,
  ImportInit,
  isImportToHost,
  ProblemsShown,
  ResumeNotice,
  type HostToImport,
} from '../../protocol/importMessages';
import { unhandledMessage } from '../../protocol/guards';
import type { AccountProfile } from '../../app/accounts/accountProfile';
import { formHtml } from '../forms/formHtml';
import { ReadOnlyAccountError } from '../forms/recordFormDocument';
import { confirmImport } from './importConfirmation';
import { rowCount } from '../../app/import/importProblems';
import { modeLabels, type CsvImportSession, type ResumeState } from '../../app/import/importSession';

export interface ImportPanelDeps {
  extensionUri: vscode.Uri;
  logger: Logger;
  /** Remembers the mapping last imported per file, so running the same import again resumes it. */
  memento: vscode.Memento;
}

const rememberedKey = (inputPath: string) => `suitelens.import.mapping:${inputPath}`;

export class CsvImportPanel implements vscode.Disposable {
  private running = false;
  private readonly disposables: vscode.Disposable[] = [];

  static open(deps: ImportPanelDeps, session: CsvImportSession, profile: AccountProfile): CsvImportPanel {
    const mediaRoot = vscode.Uri.joinPath(deps.extensionUri, 'dist', 'media');
    const title = `Import ${basename(session.inputPath)} → ${recordTypeLabel(session.recordType)}`;
    const panel = vscode.window.createWebviewPanel('suitelens.csvImport', title, vscode.ViewColumn.Active, { enableScripts: true, localResourceRoots: [mediaRoot], retainContextWhenHidden: true });
    panel.webview.html = formHtml(panel.webview, {
      script: panel.webview.asWebviewUri(vscode.Uri.joinPath(mediaRoot, 'import.js')),
      codicons: panel.webview.asWebviewUri(vscode.Uri.joinPath(mediaRoot, 'codicon.css')),
      title,
    });
    return new CsvImportPanel(panel, session, profile, deps);
  }

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly session: CsvImportSession,
    private readonly profile: AccountProfile,
    private readonly deps: ImportPanelDeps,
  ) {
    this.disposables.push(
      panel.webview.onDidReceiveMessage((message: unknown) => void this.receive(message)),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  dispose(): void {
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
  }

  private post(message: HostToImport): void {
    void this.panel.webview.postMessage(message);
  }

  private async receive(message: unknown): Promise<void> {
    if (!isImportToHost(message)) {
      this.deps.logger.warn('The CSV import view sent a message SuiteLens does not accept; ignored');
      return;
    }
    try {
      switch (message.type) {
        case 'ready':
          await this.showInit();
          return;
        case 'mapping':
          await this.showResume(this.session.planOf(message.mapping));
          return;
        case 'dryRun':
          await this.dryRun(this.session.planOf(message.mapping));
          return;
        case 'apply':
          await this.apply(this.session.planOf(message.mapping));
          return;
        case 'openResults':
          await openResults(this.session.resultsPath);
          return;
        default:
          unhandledMessage(message);
      }
    } catch (error) {
      this.deps.logger.error(`CSV import ${message.type} failed`, error);
      this.post(ImportBusy.create({ busy: false }));
      if (error instanceof ReadOnlyAccountError) void vscode.window.showWarningMessage(error.message);
      this.post(ImportFailed.create({ message: describeError(error) }));
    }
  }

  private async showInit(): Promise<void> {
    const { session, profile } = this;
    const remembered = this.deps.memento.get<{ recordType: string; mode: string; columns: ColumnMapping[] }>(rememberedKey(session.inputPath));
    const fits = remembered?.recordType === session.recordType && remembered.mode === session.mode && Array.isArray(remembered.columns);
    const mapping = session.initialMapping(fits ? remembered.columns : undefined);
    const account = profile.label === profile.accountId ? profile.accountId : `${profile.label} (${profile.accountId})`;
    this.post(
      ImportInit.create({
        heading: `Import ${basename(session.inputPath)} into ${recordTypeLabel(session.recordType)}`,
        file: session.inputPath,
        account,
        production: profile.environment === 'production',
        readOnly: profile.readOnly,
        recordTypeLabel: recordTypeLabel(session.recordType),
        mode: session.mode,
        rowCount: session.table.rows.length,
        columns: session.table.headers.map((name) => ({ name, samples: samplesOf(session, name) })),
        fields: session.fields.map((field) => ({ id: field.id, title: field.title, kind: field.kind, reference: field.kind === 'reference' })),
        mapping: mapping.map((column) => ({ ...column })),
        resume: resumeText(await session.resumeState(session.planOf(mapping)), session.resultsPath),
      }),
    );
  }

  private async showResume(plan: ImportPlan): Promise<void> {
    this.post(ResumeNotice.create({ text: resumeText(await this.session.resumeState(plan), this.session.resultsPath) }));
  }

  private async dryRun(plan: ImportPlan): Promise<void> {
    this.post(ImportBusy.create({ busy: true, label: `Checking ${rowCount(this.session.table.rows.length)}…` }));
    const { problems } = await this.session.dryRun(plan);
    this.post(ProblemsShown.create(problems));
    this.post(ImportBusy.create({ busy: false }));
  }

  private async apply(plan: ImportPlan): Promise<void> {
    const { session, profile } = this;
    if (this.running) return;
    if (profile.readOnly) throw new ReadOnlyAccountError(profile.label, 'the import writes nothing');
    const state = await session.resumeState(plan);
    const toSend = state.totalRows - state.doneRows;
    if (toSend === 0) {
      this.post(ResumeNotice.create({ text: resumeText(state, session.resultsPath) }));
      void vscode.window.showInformationMessage(`Every row of ${basename(session.inputPath)} was already imported.`, 'Open Results').then((choice) => choice && openResults(session.resultsPath));
      return;
    }
    const question = `${modeLabels[session.mode]} (${recordTypeLabel(session.recordType)}) from ${rowCount(toSend)} of ${basename(session.inputPath)}`;
    const detail = [state.doneRows > 0 ? `${rowCount(state.doneRows)} were imported by an earlier run and are not sent again.` : '', `Results: ${session.resultsPath}`].filter(Boolean).join('\n');
    if (!(await confirmImport(profile, question, detail))) return;
    await this.deps.memento.update(rememberedKey(session.inputPath), { recordType: plan.recordType, mode: plan.mode, columns: plan.columns });

    this.running = true;
    this.post(ImportBusy.create({ busy: true, label: `Importing ${rowCount(toSend)}…` }));
    try {
      const outcome = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `Importing ${basename(session.inputPath)} into ${recordTypeLabel(session.recordType)}`, cancellable: true },
        async (progress, token) => {
          const stop = new AbortController();
          token.onCancellationRequested(() => stop.abort());
          let reported = 0;
          return session.apply(plan, {
            stop: stop.signal,
            onProgress: ({ done, total }) => {
              progress.report({ message: `${done} of ${rowCount(total)}`, increment: total > 0 ? ((done - reported) / total) * 100 : 0 });
              reported = done;
              this.post(ImportBusy.create({ busy: true, label: `Importing… ${done} of ${rowCount(total)} done` }));
            },
          });
        },
      );
      this.post(ProblemsShown.create(outcome.problems));
      this.post(ResumeNotice.create({ text: resumeText(await session.resumeState(plan), session.resultsPath) }));
      void vscode.commands.executeCommand('suitelens.explorer.refresh').then(undefined, () => undefined);
      const show = outcome.summary.stopped || outcome.problems.problemRows > 0 ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
      void show(outcome.problems.summary, 'Open Results').then((choice) => choice && openResults(session.resultsPath));
    } finally {
      this.running = false;
      this.post(ImportBusy.create({ busy: false }));
    }
  }
}

function samplesOf(session: CsvImportSession, column: string): string[] {
  return session.table.rows
    .map((row) => row[column] ?? '')
    .filter((value) => value.trim() !== '')
    .slice(0, 3);
}

function resumeText(state: ResumeState, resultsPath: string): string | undefined {
  const file = basename(resultsPath);
  if (state.refusal) return state.refusal;
  if (state.doneRows >= state.totalRows && state.totalRows > 0) return `Already imported: all ${rowCount(state.totalRows)} are in ${file}.`;
  if (state.doneRows > 0) return `Resume import: ${state.doneRows} of ${rowCount(state.totalRows)} already done (${file}); Import sends only the rest.`;
  if (state.replacesOther) return `${file} holds the results of another import (another record type, mode or mapping); Import replaces it.`;
  return undefined;
}

async function openResults(resultsPath: string): Promise<void> {
  await vscode.window.showTextDocument(vscode.Uri.file(resultsPath), { preview: false, viewColumn: vscode.ViewColumn.Beside });
}
