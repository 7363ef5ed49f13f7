/**
 * The host side of editing in the grid: turns edit mode on with the result's edit map, applies edited rows (after
 * the same production confirmation as a form, and never on a read-only account) and runs bulk actions. The edit map
 * is kept per result here, so every change the renderer sends is checked against what the host decided.
 */
import * as vscode from 'vscode';
import type { NetSuiteClient } from '../../netsuite/client';
import { describeError } from '../../netsuite/describeError';
import { EditMap, EditResults, type GridEditNotice, type GridEditRequest, type GridRowResult } from '../../protocol/gridEditMessages';
import { unhandledMessage } from '../../protocol/guards';
import type { AccountRegistry } from '../accounts/accountRegistry';
import { confirmWrite } from '../forms/writeConfirmations';
import { runBulkFromGrid } from './bulkActions';
import { applyFromGrid } from '../../app/notebook/gridEditApply';
import { gridEditMap, type GridEditMap } from '../../app/notebook/gridEditMapping';
import type { ResultSession, ResultSessions } from './resultSessions';

type Post = (editor: vscode.NotebookEditor, message: GridEditNotice) => void;

export class GridEdits {
  private readonly maps = new WeakMap<ResultSession, GridEditMap>();

  constructor(
    private readonly registry: AccountRegistry<NetSuiteClient>,
    private readonly sessions: ResultSessions,
    private readonly post: Post,
  ) {}

  async handle(editor: vscode.NotebookEditor, message: GridEditRequest): Promise<void> {
    const { queryId } = message;
    const session = this.sessions.get(queryId);
    const profile = session && this.registry.get(session.accountId);
    if (!session || !profile) {
      const reason = 'This result is from an earlier session; run the cell again to edit it.';
      this.post(editor, message.type === 'editStart' ? EditMap.create({ queryId, reason, types: [] }) : EditResults.create({ queryId, results: [], summary: reason, failed: 0 }));
      return;
    }
    const readOnly = profile.readOnly ? `${profile.label} is read-only in SuiteLens: nothing is sent to NetSuite from it.` : undefined;
    try {
      if (message.type === 'editStart') {
        if (readOnly) return this.post(editor, EditMap.create({ queryId, types: [], readOnly }));
        const { client } = await this.registry.scope(session.accountId);
        const map = await gridEditMap(session.query, session.columns, message.typeValues, client.metadata);
        this.maps.set(session, map);
        const { fieldModels: _models, ...shown } = map;
        this.post(editor, EditMap.create({ queryId, ...shown }));
        return;
      }
      const map = this.maps.get(session);
      if (readOnly || !map || map.reason) {
        const reason = readOnly ?? map?.reason ?? 'Turn on Edit again: SuiteLens no longer knows which columns of this result can be edited.';
        this.post(editor, EditResults.create({ queryId, results: message.records.map((record) => ({ row: record.row, status: 'notSubmitted', message: reason })), summary: `${reason} Nothing was sent; your edits are kept.`, failed: 0 }));
        return;
      }
      const { client } = await this.registry.scope(session.accountId);
      if (message.type === 'bulkAction') {
        const outcome = await runBulkFromGrid(profile, client, map, message.action, message.records);
        this.post(editor, EditResults.create({ queryId, results: outcome?.results ?? [], summary: outcome?.summary ?? 'Nothing was sent.', failed: countFailed(outcome?.results ?? []) }));
        return;
      }
      if (message.type !== 'applyEdits') unhandledMessage(message);
      const outcome = await applyFromGrid({
        account: profile,
        confirmWrite: (what, changes) => confirmWrite(profile, what, changes),
        client,
        edits: message.records,
        map,
        inProgress: (work) =>
          vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Saving ${message.records.length} edited record${message.records.length === 1 ? '' : 's'} to NetSuite`, cancellable: true }, (_progress, token) => {
            const stop = new AbortController();
            token.onCancellationRequested(() => stop.abort());
            return work(stop.signal);
          }),
      });
      this.post(editor, EditResults.create({ queryId, ...outcome }));
    } catch (error) {
      const summary = `${describeError(error)} Your edits are kept.`;
      this.post(editor, message.type === 'editStart' ? EditMap.create({ queryId, reason: describeError(error), types: [] }) : EditResults.create({ queryId, results: [], summary, failed: 0 }));
    }
  }
}

function countFailed(results: readonly GridRowResult[]): number {
  return results.filter((result) => result.status === 'failed' || result.status === 'unknown').length;
}
