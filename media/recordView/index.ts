/**
 * The read-only record view's webview: places the text the host made of the record (ViewShow) — label and value per
 * field, sublists as tables — and sends the toolbar's buttons back. Every value is set with `textContent`, never as
 * HTML. The look is the record form's (same stylesheet), with text where the form has inputs.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import { isHostToView, ViewAction, ViewReady, type RecordView, type ViewToHost } from '../../src/protocol/recordViewMessages';
import { formStyles } from '../form/formStyles';

declare function acquireVsCodeApi(): { postMessage(message: unknown): void };
const vscodeApi = acquireVsCodeApi();
const post = (message: ViewToHost): void => vscodeApi.postMessage(message);

const root = document.getElementById('form-root')!;
const style = document.createElement('style');
style.textContent = `${formStyles}
.subheading { color: var(--vscode-descriptionForeground); margin: 0 0 4px; }
.field > .value { white-space: pre-wrap; overflow-wrap: anywhere; padding: 2px 0; }
.field > .label { font-weight: 600; opacity: 0.75; }
.no-lines { color: var(--vscode-descriptionForeground); }
table.sublist td { white-space: pre-wrap; }
td.number { text-align: right; font-variant-numeric: tabular-nums; }
`;
document.head.append(style);

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = event.data;
  if (!isHostToView(message)) return;
  if (message.view) render(message.view);
  else showError(message.error ?? 'The record could not be read.');
});
post(ViewReady.create({}));

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) element.setAttribute(key, value);
  if (text !== undefined) element.textContent = text;
  return element;
}

function toolbar(): HTMLElement {
  const bar = el('div', { class: 'toolbar' });
  const buttons: [ReturnType<typeof ViewAction.create>['action'], string, string, boolean][] = [
    ['edit', 'edit', 'Edit', false],
    ['refresh', 'refresh', 'Refresh', true],
    ['openJson', 'json', 'Open as JSON', true],
    ['copyJson', 'copy', 'Copy JSON', true],
  ];
  for (const [action, iconName, label, secondary] of buttons) {
    const button = el('vscode-button', { icon: iconName, 'data-action': action, ...(secondary ? { secondary: '' } : {}) }, label);
    button.addEventListener('click', () => post(ViewAction.create({ action })));
    bar.append(button);
  }
  return bar;
}

function render(view: RecordView): void {
  root.replaceChildren(el('h1', {}, view.heading), el('p', { class: 'subheading' }, view.subheading), toolbar());
  for (const group of view.groups) {
    const section = el('section', { class: 'group', 'aria-label': group.title });
    const grid = el('div', { class: 'fields' });
    for (const field of group.fields) {
      const box = el('div', { class: 'field', 'data-field': field.id });
      box.append(el('div', { class: 'label' }, field.label), el('div', { class: 'value' }, field.text));
      grid.append(box);
    }
    section.append(el('h2', {}, group.title), grid);
    root.append(section);
  }
  for (const sublist of view.sublists) {
    const section = el('section', { class: 'group', 'aria-label': sublist.title, 'data-sublist': sublist.id });
    section.append(el('h2', {}, sublist.title));
    if (sublist.rows.length === 0) {
      section.append(el('p', { class: 'no-lines' }, 'No lines'));
    } else {
      const table = el('table', { class: 'sublist' });
      const head = el('tr');
      for (const column of sublist.columns) head.append(el('th', {}, column.label));
      table.append(head);
      for (const row of sublist.rows) {
        const line = el('tr');
        // Amounts and quantities line up on the right, as in NetSuite's sublists.
        for (const text of row) line.append(el('td', /^-?[\d.,\s\u00a0\u202f]+$/.test(text) ? { class: 'number' } : {}, text));
        table.append(line);
      }
      const scroller = el('div', { class: 'sublist-scroll' });
      scroller.append(table);
      section.append(scroller);
    }
    root.append(section);
  }
}

function showError(text: string): void {
  const box = el('div', { class: 'general-errors', role: 'alert' });
  box.append(el('span', { class: 'codicon codicon-error', 'aria-hidden': 'true' }), document.createTextNode(text));
  root.replaceChildren(toolbar(), box);
}
