/**
 * The results editor tab ("Open in Editor"): the notebook's grid, filling a webview panel. It asks the host for the
 * result once loaded, then forwards the grid's requests (load more, export, open record) and their answers.
 */
import { isHostToRenderer } from '../../src/protocol/rendererMessages';
import { ResultsPanelReady, ShowResult } from '../../src/protocol/resultsPanelMessages';
import { ResultsGrid } from '../renderer/grid';
import { ensureStyles } from '../renderer/styles';

declare function acquireVsCodeApi(): { postMessage(message: unknown): void };

const host = acquireVsCodeApi();
const root = document.getElementById('form-root');
// The page's loading note is a live region; the grid announces its own status, not every redraw.
root?.removeAttribute('aria-live');
let grid: ResultsGrid | undefined;
ensureStyles(document);

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = event.data;
  if (ShowResult.is(message) && root) {
    grid?.dispose();
    root.replaceChildren();
    grid = new ResultsGrid(root, message.result, (request: unknown) => host.postMessage(request), { inEditor: true });
  } else if (isHostToRenderer(message)) {
    grid?.receive(message);
  }
});
host.postMessage(ResultsPanelReady.create({}));
