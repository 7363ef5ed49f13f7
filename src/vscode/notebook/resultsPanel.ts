/**
 * "Open in Editor": a result in an editor tab of its own, as SQL clients such as vscode-mssql open results — the same
 * grid as the notebook output (sort, filter, copy, load more, export, open record), in a webview panel on the
 * webviews' common strict page (formHtml).
 */
import * as vscode from 'vscode';
import { isGridRequest, type GridRequest } from '../../protocol/rendererMessages';
import { ResultsPanelReady, ShowResult } from '../../protocol/resultsPanelMessages';
import type { RowsPayload } from '../../protocol/rows';
import { formHtml } from '../forms/formHtml';
import type { GridReply } from './gridMessaging';

export const resultsPanelViewType = 'suitelens.results';

/** The tab's title: the query's first words, so several result tabs can be told apart. */
export function resultsTitle(query: string): string {
  const words = query.replace(/\s+/g, ' ').trim();
  return `Results: ${words.length > 40 ? `${words.slice(0, 39)}…` : words}`;
}

export function openResultsPanel(
  extensionUri: vscode.Uri,
  result: RowsPayload,
  query: string,
  handle: (reply: GridReply, message: GridRequest) => Promise<void>,
): vscode.WebviewPanel {
  const media = vscode.Uri.joinPath(extensionUri, 'dist', 'media');
  const panel = vscode.window.createWebviewPanel(resultsPanelViewType, resultsTitle(query), vscode.ViewColumn.Active, {
    enableScripts: true,
    // The rows live only in the tab's page: rebuilding it on every tab switch would need them all sent again.
    retainContextWhenHidden: true,
    localResourceRoots: [media],
  });
  const reply: GridReply = (message) => void panel.webview.postMessage(message);
  const subscription = panel.webview.onDidReceiveMessage((message: unknown) => {
    if (ResultsPanelReady.is(message)) void panel.webview.postMessage(ShowResult.create({ result }));
    // The tab's grid has no edit mode (it sends no edit requests), so only the grid's own requests are answered.
    else if (isGridRequest(message)) void handle(reply, message);
  });
  panel.onDidDispose(() => subscription.dispose());
  panel.webview.html = formHtml(panel.webview, {
    script: panel.webview.asWebviewUri(vscode.Uri.joinPath(media, 'resultsPanel.js')),
    codicons: panel.webview.asWebviewUri(vscode.Uri.joinPath(media, 'codicon.css')),
    title: resultsTitle(query),
    loading: 'Loading the result…',
  });
  return panel;
}
