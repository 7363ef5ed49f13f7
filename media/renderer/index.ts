/**
 * Notebook renderer for `application/vnd.suitelens.rows+json`: SuiteQL results as a virtual-scrolling grid.
 * Loaded by VS Code inside the notebook's output webview; talks to the extension through renderer messaging.
 */
import type { ActivationFunction, OutputItem } from 'vscode-notebook-renderer';
import { isGridEditNotice } from '../../src/protocol/gridEditMessages';
import { isHostToRenderer, type RendererToHost } from '../../src/protocol/rendererMessages';
import { isRendererPayload } from '../../src/protocol/rows';
import { renderError } from './errorView';
import { ResultsGrid } from './grid';
import { ensureStyles } from './styles';

export const activate: ActivationFunction = (context) => {
  const grids = new Map<string, ResultsGrid>();
  const post = context.postMessage ? (message: RendererToHost) => context.postMessage!(message) : undefined;

  context.onDidReceiveMessage?.((message: unknown) => {
    if (isGridEditNotice(message)) for (const grid of grids.values()) grid.editing.receive(message);
    if (!isHostToRenderer(message)) return;
    for (const grid of grids.values()) grid.receive(message);
  });

  return {
    renderOutputItem(item: OutputItem, element: HTMLElement) {
      grids.get(item.id)?.dispose();
      grids.delete(item.id);
      element.replaceChildren();
      ensureStyles(element.ownerDocument);
      let payload: unknown;
      try {
        payload = item.json();
      } catch {
        payload = undefined;
      }
      if (!isRendererPayload(payload)) {
        const note = element.ownerDocument.createElement('div');
        note.className = 'sl-grid-message sl-error';
        note.textContent = 'SuiteLens could not read this output (it was written by a different version). Run the cell again.';
        element.append(note);
        return;
      }
      if (payload.kind === 'error') {
        renderError(element, payload);
        return;
      }
      grids.set(item.id, new ResultsGrid(element, payload, post));
    },
    disposeOutputItem(id?: string) {
      if (id === undefined) {
        for (const grid of grids.values()) grid.dispose();
        grids.clear();
        return;
      }
      grids.get(id)?.dispose();
      grids.delete(id);
    },
  };
};
