/**
 * "Open in Editor": a result in an editor tab of its own, as SQL clients such as vscode-mssql open results — the same
 * grid as the notebook output (sort, filter, copy, load more, export, open record), in a webview panel.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { isRendererToHost, type RendererToHost } from '../../protocol/rendererMessages';
import { ResultsPanelReady, ShowResult } from '../../protocol/resultsPanelMessages';
import type { RowsPayload } from '../../protocol/rows';
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
  handle: (reply: GridReply, message: RendererToHost) => Promise<void>,
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
    else if (isRendererToHost(message)) void handle(reply, message);
  });
  panel.onDidDispose(() => subscription.dispose());
  panel.webview.html = resultsPanelHtml(panel.webview, vscode.Uri.joinPath(media, 'resultsPanel.js'), resultsTitle(query));
  return panel;
}

/** A strict page: scripts only with this page's nonce, styles only inline (the grid adds its stylesheet). */
function resultsPanelHtml(webview: vscode.Webview, script: vscode.Uri, title: string): string {
  const nonce = randomBytes(16).toString('base64');
  const csp = ["default-src 'none'", `script-src 'nonce-${nonce}'`, `style-src ${webview.cspSource} 'unsafe-inline'`].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${title.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)}</title>
</head>
<body>
<main id="results-root"></main>
<script type="module" nonce="${nonce}" src="${webview.asWebviewUri(script).toString()}"></script>
</body>
</html>`;
}
