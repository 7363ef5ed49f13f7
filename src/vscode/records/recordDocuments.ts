import * as vscode from 'vscode';
import type { NetSuiteClient } from '../../netsuite/client';
import type { AccountRegistry } from '../accounts/accountRegistry';
import { describeError } from '../../netsuite/describeError';
import type { Logger } from '../../netsuite/log';
import { RecordViewProvider, registerRecordView } from './recordViewEditor';

export const recordScheme = 'suitelens-record';

export interface RecordTarget {
  accountId: string;
  recordType: string;
  id: string;
}

/** `suitelens-record:/<accountId>/<recordType>/<id>.json` — one read-only document per record. */
export function recordUri(target: RecordTarget): vscode.Uri {
  return vscode.Uri.from({ scheme: recordScheme, path: `/${encodeURIComponent(target.accountId)}/${encodeURIComponent(target.recordType)}/${encodeURIComponent(target.id)}.json` });
}

export function parseRecordUri(uri: vscode.Uri): RecordTarget | undefined {
  const [accountId, recordType, file] = uri.path.split('/').filter(Boolean).map(decodeURIComponent);
  if (!accountId || !recordType || !file?.endsWith('.json')) return undefined;
  return { accountId, recordType, id: file.slice(0, -'.json'.length) };
}

/**
 * Records as read-only JSON documents, fetched with sublists expanded. A content provider (not a file) means the
 * document cannot be saved or edited: changing a record goes through the record form, which PATCHes only changes.
 */
export class RecordDocumentProvider implements vscode.TextDocumentContentProvider {
  constructor(private readonly registry: AccountRegistry<NetSuiteClient>) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const target = parseRecordUri(uri);
    if (!target) return `// Not a SuiteLens record address: ${uri.toString()}`;
    const { client } = await this.registry.scope(target.accountId);
    const record = await client.records.get(target.recordType, target.id, { expandSubResources: true });
    return `${JSON.stringify(record, null, 2)}\n`;
  }
}

function isRecordTarget(value: unknown): value is RecordTarget {
  const v = value as Partial<RecordTarget> | undefined;
  return typeof v?.accountId === 'string' && typeof v.recordType === 'string' && typeof v.id === 'string';
}

/**
 * `suitelens.openRecord` opens the read-only record view (a preview tab; `preserveFocus` keeps focus where the click
 * was, e.g. the explorer's single-click preview). `suitelens.openRecordJson` opens the record's JSON, for developers.
 * Both take `{accountId, recordType, id}`; Open as JSON also takes a record view's resource (its editor-title button).
 */
export function registerRecordDocuments(registry: AccountRegistry<NetSuiteClient>, extensionUri: vscode.Uri, logger: Logger): vscode.Disposable {
  const views = new RecordViewProvider(registry, extensionUri, logger);
  return vscode.Disposable.from(
    vscode.workspace.registerTextDocumentContentProvider(recordScheme, new RecordDocumentProvider(registry)),
    registerRecordView(views),
    vscode.commands.registerCommand('suitelens.openRecord', async (target: unknown) => {
      if (!isRecordTarget(target)) return;
      const preserveFocus = (target as { preserveFocus?: unknown }).preserveFocus === true;
      try {
        await views.open({ accountId: target.accountId, recordType: target.recordType, id: target.id }, { preserveFocus });
      } catch (error) {
        logger.error(`Record view of ${target.recordType} ${target.id} failed`, error);
        void vscode.window.showErrorMessage(`Could not open ${target.recordType} ${target.id}: ${describeError(error)}`);
      }
    }),
    vscode.commands.registerCommand('suitelens.openRecordJson', async (argument: unknown) => {
      const target = isRecordTarget(argument) ? argument : views.targetOf(argument)?.target;
      if (!target) return;
      try {
        const document = await vscode.workspace.openTextDocument(recordUri(target));
        await vscode.languages.setTextDocumentLanguage(document, 'json');
        await vscode.window.showTextDocument(document, { preview: true, viewColumn: vscode.ViewColumn.Beside });
      } catch (error) {
        void vscode.window.showErrorMessage(`Could not open ${target.recordType} ${target.id}: ${describeError(error)}`);
      }
    }),
  );
}
