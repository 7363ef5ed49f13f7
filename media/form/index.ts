/**
 * The record form webview: draws the form the host describes (`FormInit`) and reports edits. It never talks to
 * NetSuite and never decides what is sent; every NetSuite value is set as text (`textContent`, `.value`), never HTML.
 * Edits live in `values` until the host sends a new `init` (after a successful save or a reload), so a failed save
 * keeps everything the user typed. Undo is VS Code's (Ctrl+Z reaches the host, not the text box: VS Code's webview
 * frame blocks the browser's own field undo), and the host answers with `setValues`, applied in place.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-icon/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import {
  DeleteRequest,
  FormEdited,
  FormInit,
  FormReady,
  isHostToForm,
  SaveRequest,
  SearchRequest,
  TransformRequest,
  type FormToHost,
} from '../../src/protocol/formMessages';
import { unhandledMessage } from '../../src/protocol/guards';
import { sameValue, type FieldModel, type FieldValue, type FormModel, type FormValues, type LineValues } from '../../src/protocol/formModel';
import { recalculate } from '../../src/protocol/formTotals';
import { formStyles } from './formStyles';

declare function acquireVsCodeApi(): { postMessage(message: unknown): void };
const vscodeApi = acquireVsCodeApi();
const post = (message: FormToHost): void => vscodeApi.postMessage(message);

type InitMessage = ReturnType<typeof FormInit.create>;
let state: InitMessage | undefined;
let values: FormValues = {};
/** Control path (`data-path`) → puts a value into that control without firing its input/change events. */
const controls = new Map<string, (value: FieldValue | undefined) => void>();
/** Body field id → NetSuite's choices for it (selectOptions); such a field is a drop-down instead of a search. */
const choices = new Map<string, { id: string; refName: string }[]>();
/** How many choices answers the host has sent (see `root.dataset.choicesAnswered`). */
let choicesAnswered = 0;
const pendingSearches = new Map<string, (candidates: { id: string; refName: string }[], error?: string) => void>();

const root = document.getElementById('form-root')!;
const style = document.createElement('style');
style.textContent = formStyles;
document.head.append(style);

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = event.data;
  if (!isHostToForm(message)) return;
  switch (message.type) {
    case 'init':
      state = message;
      values = structuredClone(message.values);
      render();
      return;
    case 'setValues':
      applyValues(message.values);
      return;
    case 'choices':
      showChoices(message.fields);
      // Tells whoever drives the form (the e2e tests) that the fields with choices are drawn as drop-downs now, and
      // which answer this is: the host answers every choice on a body reference with the choices that follow it.
      root.dataset.choices = 'ready';
      root.dataset.choicesAnswered = String(++choicesAnswered);
      return;
    case 'busy': {
      root.classList.toggle('busy', message.busy);
      const status = document.getElementById('status');
      if (status) status.replaceChildren(...(message.busy ? [icon('loading', 'codicon-modifier-spin'), document.createTextNode(message.label ?? 'Working…')] : []));
      return;
    }
    case 'errors':
      showErrors(message.fields, message.general);
      return;
    case 'searchResults':
      pendingSearches.get(message.requestId)?.(message.candidates, message.error);
      pendingSearches.delete(message.requestId);
      return;
    default:
      unhandledMessage(message);
  }
});
post(FormReady.create({}));

/**
 * Ctrl+A (Cmd+A) in a text field selects the field's text natively, and that is all it may do. VS Code's webview
 * forwards every keydown to the workbench, whose Select All answers by sending `selectAll` back into this page a
 * moment later; by then the first character typed over the selection has landed, it is selected again and the next
 * keystroke replaces it, so "+49…" was saved as "49…". Stopping the event here (before the window listener VS Code
 * installs in the frame) keeps the browser's own select-all and never asks the workbench.
 */
document.addEventListener('keydown', (event) => {
  const selectAll = (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'a';
  if (selectAll && isTextEntry(event.composedPath()[0])) event.stopPropagation();
});

function isTextEntry(target: EventTarget | undefined): boolean {
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<Record<string, string>> = {}, text?: string): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) if (value !== undefined) element.setAttribute(key, value);
  if (text !== undefined) element.textContent = text;
  return element;
}

/** A codicon (from the page's codicon.css) as decoration: screen readers get the text beside it instead. */
function icon(name: string, extraClass = ''): HTMLElement {
  return el('span', { class: `codicon codicon-${name}${extraClass ? ` ${extraClass}` : ''}`, 'aria-hidden': 'true' });
}

type EditAction = ReturnType<typeof FormEdited.create>['action'];

function edited(action: EditAction, path: string): void {
  // A line's amount and the totals follow at once, as on NetSuite's form; they travel with this edit.
  if (state) for (const changed of recalculate(state.model, values, path)) controls.get(changed)?.(valueAt(changed));
  post(FormEdited.create({ action, path, values }));
}

/** The value at a control path: `total`, or `item.items[2].amount`. */
function valueAt(path: string): FieldValue | undefined {
  const line = /^([A-Za-z0-9_]+)\.items\[(\d+)\]\.([A-Za-z0-9_]+)$/.exec(path);
  if (!line) return values[path] as FieldValue | undefined;
  const container = values[line[1]] as { items?: LineValues[] } | undefined;
  return container?.items?.[Number(line[2])]?.[line[3]];
}

/** Draws the fields NetSuite gave choices for as drop-downs (again, when the choices change with the values). */
function showChoices(fields: { id: string; choices: { id: string; refName: string }[] }[]): void {
  if (!state) return;
  for (const { id, choices: list } of fields) {
    // The same choices again (most picks change no other field's list): the drop-down stays as it is. Redrawing it
    // would close it under the person's pointer when they opened it while the answer was on its way.
    const drawn = choices.get(id);
    if (drawn && sameChoices(drawn, list)) continue;
    choices.set(id, list);
    const field = state.model.fields.find((candidate) => candidate.id === id && candidate.kind === 'reference' && !candidate.readOnly);
    const wrapper = [...root.querySelectorAll<HTMLElement>('.field[data-field]')].find((node) => node.dataset.field === id);
    if (field && wrapper) wrapper.replaceWith(fieldControl(field, values as Record<string, FieldValue>, id));
  }
}

function sameChoices(a: { id: string; refName: string }[], b: { id: string; refName: string }[]): boolean {
  return a.length === b.length && a.every((choice, index) => choice.id === b[index].id && choice.refName === b[index].refName);
}

/**
 * Undo/redo from the host: only the controls whose value differs change, in place, so focus and scroll stay. A
 * sublist whose line count differs is redrawn, as adding or removing a line does. `values` and its line objects keep
 * their identity: the controls write into them.
 */
function applyValues(next: FormValues): void {
  if (!state) return;
  const { model } = state;
  for (const key of new Set([...Object.keys(values), ...Object.keys(next)])) {
    if (sameValue(values[key], next[key])) continue;
    const sublist = model.sublists.find((candidate) => candidate.id === key);
    if (sublist) {
      applyLines(model, sublist.id, ((next[key] as { items?: LineValues[] } | undefined)?.items ?? []).map((line) => structuredClone(line)));
      continue;
    }
    const value = next[key] as FieldValue | undefined;
    if (value === undefined) delete values[key];
    else values[key] = structuredClone(value);
    controls.get(key)?.(value);
  }
}

function applyLines(model: FormModel, sublistId: string, lines: LineValues[]): void {
  const container = (values[sublistId] ??= { items: [] }) as { items: LineValues[] };
  if (container.items.length !== lines.length) {
    container.items.splice(0, container.items.length, ...lines);
    const group = root.querySelector<HTMLElement>(`section[data-sublist="${CSS.escape(sublistId)}"]`);
    if (group) rerenderSublist(model, sublistId, group);
    return;
  }
  container.items.forEach((line, index) => {
    for (const column of new Set([...Object.keys(line), ...Object.keys(lines[index])])) {
      const value = lines[index][column];
      if (sameValue(line[column], value)) continue;
      if (value === undefined) delete line[column];
      else line[column] = value;
      controls.get(`${sublistId}.items[${index}].${column}`)?.(value);
    }
  });
}

function render(): void {
  if (!state) return;
  const { model, heading, notice, mode, transforms } = state;
  root.classList.remove('busy');
  root.replaceChildren();
  controls.clear();
  root.append(el('h1', {}, heading));
  const toolbar = el('div', { class: 'toolbar' });
  const save = el('vscode-button', { id: 'save', icon: mode === 'create' ? 'add' : 'save' }, mode === 'create' ? 'Create' : 'Save');
  save.addEventListener('click', () => {
    clearErrors();
    const notice = root.querySelector('.notice');
    if (notice) notice.textContent = '';
    post(SaveRequest.create({ values }));
  });
  toolbar.append(save);
  for (const target of transforms) {
    const button = el('vscode-button', { secondary: '', icon: 'arrow-swap', 'data-transform': target }, `Create ${target}`);
    button.addEventListener('click', () => post(TransformRequest.create({ targetType: target })));
    toolbar.append(button);
  }
  if (mode === 'edit') {
    const remove = el('vscode-button', { secondary: '', icon: 'trash', id: 'delete' }, 'Delete…');
    remove.addEventListener('click', () => post(DeleteRequest.create({})));
    toolbar.append(remove);
  }
  toolbar.append(el('span', { id: 'status', role: 'status' }));
  const noticeBox = el('div', { class: 'notice', role: 'status' });
  if (notice) noticeBox.append(icon('info'), document.createTextNode(notice));
  root.append(toolbar, noticeBox, el('div', { class: 'general-errors', role: 'alert' }));

  const standard = model.fields.filter((f) => !f.custom);
  const custom = model.fields.filter((f) => f.custom);
  root.append(fieldGroup('Main', standard, values, ''));
  if (custom.length) root.append(fieldGroup('Custom fields', custom, values, ''));
  for (const sublist of model.sublists) root.append(sublistGroup(model, sublist.id));
}

function fieldGroup(title: string, fields: FieldModel[], target: Record<string, unknown>, pathPrefix: string): HTMLElement {
  const group = el('section', { class: 'group', 'aria-label': title });
  group.append(el('h2', {}, title));
  const grid = el('div', { class: 'fields' });
  for (const field of fields) grid.append(fieldControl(field, target as Record<string, FieldValue>, `${pathPrefix}${field.id}`));
  group.append(grid);
  return group;
}

function sublistGroup(model: FormModel, sublistId: string): HTMLElement {
  const sublist = model.sublists.find((s) => s.id === sublistId)!;
  const group = el('section', { class: 'group', 'aria-label': sublist.title, 'data-sublist': sublist.id });
  group.append(el('h2', {}, sublist.title));
  const container = (values[sublist.id] ??= { items: [] }) as { items: LineValues[] };
  const columns = sublist.columns.filter((c) => !c.readOnly || c.id === 'line');
  const table = el('table', { class: 'sublist' });
  const head = el('tr');
  for (const column of columns) {
    const header = el('th', {}, column.title);
    if (column.required) header.append(el('span', { class: 'required', title: 'Required', 'aria-label': 'required' }, ' *'));
    head.append(header);
  }
  head.append(el('th', {}, ''));
  table.append(head);
  container.items.forEach((line, index) => {
    const row = el('tr', { 'data-line': String(index) });
    for (const column of columns) {
      const cell = el('td');
      cell.append(fieldControl(column, line, `${sublist.id}.items[${index}].${column.id}`));
      row.append(cell);
    }
    const removeCell = el('td');
    const remove = el('vscode-button', { secondary: '', icon: 'trash', 'data-remove-line': String(index), title: 'Remove this line' }, 'Remove');
    remove.addEventListener('click', () => {
      container.items.splice(index, 1);
      edited('removeLine', `${sublist.id}.items[${index}]`);
      rerenderSublist(model, sublist.id, group);
    });
    removeCell.append(remove);
    row.append(removeCell);
    table.append(row);
  });
  const scroller = el('div', { class: 'sublist-scroll' });
  scroller.append(table);
  group.append(scroller);
  const add = el('vscode-button', { secondary: '', icon: 'add', 'data-add-line': sublist.id }, `Add ${sublist.title} line`);
  add.addEventListener('click', () => {
    container.items.push({});
    edited('addLine', sublist.id);
    rerenderSublist(model, sublist.id, group);
  });
  group.append(add);
  return group;
}

function rerenderSublist(model: FormModel, sublistId: string, group: HTMLElement): void {
  for (const path of [...controls.keys()]) if (path.startsWith(`${sublistId}.items[`)) controls.delete(path);
  group.replaceWith(sublistGroup(model, sublistId));
}

function fieldControl(field: FieldModel, target: Record<string, FieldValue>, path: string): HTMLElement {
  const wrapper = el('div', { class: `field${field.readOnly ? ' readonly' : ''}`, 'data-field': path });
  const inputId = `f-${path.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const label = el('label', { for: inputId }, field.title);
  if (field.required) label.append(el('span', { class: 'required', title: 'Required', 'aria-label': 'required' }, ' *'));
  wrapper.append(label);
  const value = target[field.id];
  const set = (next: FieldValue, action: EditAction = 'set'): void => {
    if (next === null || next === '') delete target[field.id];
    else target[field.id] = next;
    // The error was about the old value: once the person changes the field it no longer describes what is there.
    clearFieldError(path);
    edited(action, path);
  };
  if (field.kind === 'checkbox') {
    const box = el('vscode-checkbox', { id: inputId, 'data-path': path, label: field.title });
    (box as unknown as { checked: boolean }).checked = value === true;
    if (field.readOnly) box.setAttribute('disabled', '');
    box.addEventListener('change', () => set((box as unknown as { checked: boolean }).checked));
    controls.set(path, (next) => ((box as unknown as { checked: boolean }).checked = next === true));
    wrapper.append(box);
  } else if (field.kind === 'enum') {
    const select = el('vscode-single-select', { id: inputId, 'data-path': path });
    const current = typeof value === 'object' && value !== null ? value : undefined;
    select.append(el('vscode-option', { value: '' }, '(none)'));
    for (const option of field.options ?? []) {
      const label = current?.id === option && current.refName ? current.refName : option;
      select.append(el('vscode-option', { value: option, ...(current?.id === option ? { selected: '' } : {}) }, label));
    }
    if (field.readOnly) select.setAttribute('disabled', '');
    select.addEventListener('change', () => {
      const id = (select as unknown as { value: string }).value;
      set(id ? { id } : null);
    });
    controls.set(path, (next) => ((select as unknown as { value: string }).value = typeof next === 'object' && next !== null ? next.id : ''));
    wrapper.append(select);
  } else if (field.kind === 'reference' && choices.has(path)) {
    wrapper.append(choiceSelect(field, choices.get(path) ?? [], value, path, inputId, set));
  } else if (field.kind === 'reference') {
    wrapper.append(...referencePicker(field, target, path, inputId, set));
  } else {
    const input = el('vscode-textfield', { id: inputId, 'data-path': path, type: field.kind === 'date' ? 'date' : 'text' });
    const textOf = (shown: FieldValue | undefined): string => (shown === undefined || shown === null ? '' : typeof shown === 'object' ? shown.id : String(shown));
    // A read-only date-time (Date Created, Last Modified) is for reading: shown in the person's locale, not as ISO.
    // A computed amount (Subtotal, Total) reads as money: two decimals.
    const shownText = (shown: FieldValue | undefined): string =>
      field.readOnly && field.kind === 'datetime' ? readableDateTime(textOf(shown)) : field.readOnly && field.money && typeof shown === 'number' ? shown.toFixed(2) : textOf(shown);
    (input as unknown as { value: string }).value = shownText(value);
    controls.set(path, (next) => ((input as unknown as { value: string }).value = shownText(next)));
    if (field.maxLength) input.setAttribute('maxlength', String(field.maxLength));
    if (field.readOnly) input.setAttribute('disabled', '');
    if (field.kind === 'datetime' && !field.readOnly) input.setAttribute('placeholder', 'YYYY-MM-DDThh:mm:ssZ');
    // Typing is `type`: the host folds the keystrokes of one field into one undo step.
    input.addEventListener('input', () => set(parseText(field, (input as unknown as { value: string }).value), 'type'));
    wrapper.append(input);
  }
  wrapper.append(el('div', { class: 'field-error', 'data-error-for': path, role: 'alert' }));
  return wrapper;
}

/** NetSuite's choices for a reference field (selectOptions), as a drop-down; the value keeps the choice's name. */
function choiceSelect(field: FieldModel, list: { id: string; refName: string }[], value: FieldValue | undefined, path: string, inputId: string, set: (value: FieldValue) => void): HTMLElement {
  const current = typeof value === 'object' && value !== null ? value : undefined;
  const select = el('vscode-single-select', { id: inputId, 'data-path': path, 'data-choices': String(list.length), combobox: '' });
  select.append(el('vscode-option', { value: '' }, '(none)'));
  const listed = current && !list.some((choice) => choice.id === current.id) ? [{ id: current.id, refName: current.refName ?? current.id }, ...list] : list;
  for (const choice of listed) select.append(el('vscode-option', { value: choice.id, ...(current?.id === choice.id ? { selected: '' } : {}) }, choice.refName));
  if (field.readOnly) select.setAttribute('disabled', '');
  select.addEventListener('change', () => {
    const id = (select as unknown as { value: string }).value;
    const choice = listed.find((candidate) => candidate.id === id);
    set(choice ? { id: choice.id, refName: choice.refName } : null);
  });
  controls.set(path, (next) => ((select as unknown as { value: string }).value = typeof next === 'object' && next !== null ? next.id : ''));
  return select;
}

/** Numbers are sent as numbers when they parse; otherwise as typed, so the host's validation names the field. */
function parseText(field: FieldModel, text: string): FieldValue {
  if (text === '') return null;
  if (field.kind === 'integer' || field.kind === 'number') {
    const number = Number(text.trim());
    return text.trim() !== '' && Number.isFinite(number) ? number : text;
  }
  return text;
}

let searchCounter = 0;

function referencePicker(field: FieldModel, target: Record<string, FieldValue>, path: string, inputId: string, set: (value: FieldValue, action?: EditAction) => void): HTMLElement[] {
  const value = target[field.id];
  const current = typeof value === 'object' && value !== null ? value : undefined;
  const pickedText = (shown: { id: string; refName?: string } | undefined): string => (shown ? `${shown.refName ?? ''} (id ${shown.id})`.trim() : '');
  const picked = el('div', { class: 'picked', 'data-picked-for': path }, pickedText(current));
  const placeholder = field.readOnly ? '' : field.referenceType === 'nsResource' ? 'Internal id' : `Search ${field.referenceType ?? ''}…`;
  const input = el('vscode-textfield', { id: inputId, 'data-path': path, placeholder });
  (input as unknown as { value: string }).value = current ? (current.refName ?? current.id) : '';
  if (field.readOnly) input.setAttribute('disabled', '');
  else input.append(el('vscode-icon', { slot: 'content-before', name: field.referenceType === 'nsResource' ? 'symbol-number' : 'search', 'aria-hidden': 'true' }));
  const list = el('div', { class: 'candidates', role: 'listbox', 'data-candidates-for': path });
  controls.set(path, (next) => {
    const shown = typeof next === 'object' && next !== null ? next : undefined;
    (input as unknown as { value: string }).value = shown ? (shown.refName ?? shown.id) : '';
    picked.textContent = pickedText(shown);
    list.replaceChildren();
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    const text = (input as unknown as { value: string }).value;
    if (text.trim() === '') {
      set(null);
      picked.textContent = '';
      list.replaceChildren();
      return;
    }
    // NetSuite does not say what this field refers to (`nsResource`): nothing to search, the text is the internal id.
    if (field.referenceType === 'nsResource') {
      set({ id: text.trim() }, 'type');
      picked.textContent = `id ${text.trim()}`;
      return;
    }
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      const requestId = `s${++searchCounter}`;
      pendingSearches.set(requestId, (candidates, error) => {
        list.replaceChildren();
        if (error) {
          const failure = el('div', { class: 'field-error' });
          failure.append(icon('error'), document.createTextNode(error));
          list.append(failure);
        }
        for (const candidate of candidates) {
          const option = el('button', { class: 'candidate', role: 'option', 'data-candidate-id': candidate.id }, `${candidate.refName} (${candidate.id})`);
          option.addEventListener('click', () => {
            set({ id: candidate.id, refName: candidate.refName });
            (input as unknown as { value: string }).value = candidate.refName;
            picked.textContent = `${candidate.refName} (id ${candidate.id})`;
            list.replaceChildren();
          });
          list.append(option);
        }
        if (!error && candidates.length === 0) list.append(el('div', { class: 'picked' }, 'No matches'));
      });
      post(SearchRequest.create({ requestId, referenceType: field.referenceType ?? 'nsResource', text }));
    }, 250);
  });
  return [input, list, picked];
}

function clearErrors(): void {
  root.querySelectorAll('.field-error[data-error-for]').forEach((node) => (node.textContent = ''));
  root.querySelectorAll('.invalid').forEach((node) => node.classList.remove('invalid'));
  const general = root.querySelector('.general-errors');
  if (general) general.textContent = '';
}

/** `2026-12-03T12:01:51Z` → the person's own date and time format; anything that is not a date stays as it is. */
function readableDateTime(text: string): string {
  if (!/^\d{4}-\d{2}-\d{2}T/.test(text)) return text;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? text : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

function clearFieldError(path: string): void {
  const slot = [...root.querySelectorAll<HTMLElement>('.field-error[data-error-for]')].find((node) => node.dataset.errorFor === path);
  if (!slot || slot.childNodes.length === 0) return;
  slot.replaceChildren();
  slot.parentElement?.classList.remove('invalid');
}

function showErrors(fields: { path: string; message: string }[], general: string[]): void {
  clearErrors();
  const unplaced: string[] = [];
  for (const error of fields) {
    const slot = [...root.querySelectorAll<HTMLElement>('.field-error[data-error-for]')].find((node) => node.dataset.errorFor === error.path);
    if (slot) {
      slot.replaceChildren(icon('error'), document.createTextNode(error.message));
      slot.parentElement?.classList.add('invalid');
    } else unplaced.push(`${error.path}: ${error.message}`);
  }
  const box = root.querySelector('.general-errors');
  const text = [...general, ...unplaced].join('\n');
  if (box && text) box.replaceChildren(icon('error'), document.createTextNode(text));
  root.querySelector('.invalid')?.scrollIntoView({ block: 'center' });
}
