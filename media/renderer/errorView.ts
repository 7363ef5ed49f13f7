import type { ErrorPayload } from '../../src/protocol/rows';

/** Renders a failed query: NetSuite's own detail verbatim (as text) and, when known, the failing position marked. */
export function renderError(container: HTMLElement, payload: ErrorPayload): HTMLElement {
  const doc = container.ownerDocument;
  const view = doc.createElement('div');
  view.className = 'sl-error-view';
  view.setAttribute('role', 'alert');
  const title = doc.createElement('span');
  title.className = 'sl-error-title';
  title.textContent = payload.title;
  view.append(title);
  if (payload.code) {
    const code = doc.createElement('span');
    code.className = 'sl-error-code';
    code.textContent = payload.code;
    view.append(code);
  }
  const detail = doc.createElement('div');
  detail.className = 'sl-error-detail';
  detail.textContent = payload.detail;
  view.append(detail);
  if (payload.query) {
    const query = doc.createElement('pre');
    query.className = 'sl-error-query';
    const position = payload.position;
    if (position !== undefined && position >= 0 && position < payload.query.length) {
      const end = tokenEnd(payload.query, position);
      const mark = doc.createElement('span');
      mark.className = 'sl-error-mark';
      mark.textContent = payload.query.slice(position, end);
      query.append(doc.createTextNode(payload.query.slice(0, position)), mark, doc.createTextNode(payload.query.slice(end)));
    } else {
      query.textContent = payload.query;
    }
    view.append(query);
  }
  container.append(view);
  return view;
}

function tokenEnd(text: string, start: number): number {
  let end = start + 1;
  while (end < text.length && /[\w.$#]/.test(text[end])) end++;
  return end;
}
