/**
 * The CSV import webview: draws the mapping the host suggests (CSV column → field, and for references how the
 * column names the record), reports the person's choices, and lists the problems the host found. It never talks to
 * NetSuite or the disk. Every value from the file or NetSuite is set as text (`textContent`, option text), never HTML.
 * Plain <select>s and buttons, so Tab, arrows and Enter work as everywhere else.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import {
  ApplyRequest,
  DryRunRequest,
  ImportInit,
  ImportReady,
  isHostToImport,
  MappingChanged,
  OpenResultsRequest,
  ProblemsShown,
  type ColumnChoice,
  type ImportToHost,
} from '../../src/protocol/importMessages';
import { unhandledMessage } from '../../src/protocol/guards';
import { el, icon } from '../shared/dom';
import { importStyles } from './importStyles';

declare function acquireVsCodeApi(): { postMessage(message: unknown): void };
const vscodeApi = acquireVsCodeApi();
const post = (message: ImportToHost): void => vscodeApi.postMessage(message);

type Init = ReturnType<typeof ImportInit.create>;
type Problems = ReturnType<typeof ProblemsShown.create>;
let mapping: ColumnChoice[] = [];

const root = document.getElementById('form-root')!;
const style = document.createElement('style');
style.textContent = importStyles;
document.head.append(style);

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = event.data;
  if (!isHostToImport(message)) return;
  switch (message.type) {
    case 'init':
      mapping = message.columns.map((column) => message.mapping.find((choice) => choice.column === column.name) ?? { column: column.name, field: '' });
      render(message);
      return;
    case 'busy':
      root.classList.toggle('busy', message.busy);
      byId('status').replaceChildren(...(message.busy ? [icon('loading', 'codicon-modifier-spin'), document.createTextNode(message.label ?? 'Working…')] : []));
      return;
    case 'resume':
      showNotice(message.text);
      return;
    case 'problems':
      byId('failure').replaceChildren();
      showProblems(message);
      return;
    case 'failed':
      byId('failure').replaceChildren(icon('error'), document.createTextNode(message.message));
      return;
    default:
      unhandledMessage(message);
  }
});
post(ImportReady.create({}));

function byId(id: string): HTMLElement {
  return document.getElementById(id)!;
}

const modeWords = { create: 'create new records', update: 'update records by internal id', upsert: 'upsert records by external id' } as const;

function render(init: Init): void {
  const where = el('p', { class: 'where' });
  where.append(`Account ${init.account}`);
  if (init.production) where.append(' · ', el('span', { class: 'production' }, 'PRODUCTION'));
  where.append(` · ${init.rowCount.toLocaleString('en-US')} rows · each row will ${modeWords[init.mode]}`);
  const file = el('p', { class: 'where' }, init.file);

  const toolbar = el('div', { class: 'toolbar' });
  const dryRunButton = el('vscode-button', { id: 'dryRun', secondary: '' });
  dryRunButton.append(icon('checklist'), document.createTextNode('Dry Run'));
  dryRunButton.title = 'Check every row (types, keys, references) without writing anything';
  dryRunButton.addEventListener('click', () => post(DryRunRequest.create({ mapping })));
  const applyButton = el('vscode-button', { id: 'apply' });
  applyButton.append(icon('cloud-upload'), document.createTextNode('Import'));
  applyButton.title = init.readOnly ? 'This account is read-only' : 'Write the rows to NetSuite in batches; the results go beside the file';
  if (init.readOnly) applyButton.setAttribute('disabled', '');
  applyButton.addEventListener('click', () => post(ApplyRequest.create({ mapping })));
  toolbar.append(dryRunButton, applyButton, el('span', { id: 'status', role: 'status' }));

  root.replaceChildren(
    el('h1', {}, init.heading),
    where,
    file,
    el('div', { id: 'resume', class: 'notice' }),
    ...(init.readOnly ? [el('div', { class: 'notice' }, `${init.account} is read-only: a dry run works, Import is off. Turn Read-only off in Account Options to import.`)] : []),
    el('div', { id: 'failure', class: 'failure', role: 'alert' }),
    el('h2', {}, 'Columns → fields'),
    mappingTable(init),
    toolbar,
    el('section', { id: 'problems', 'aria-live': 'polite' }),
  );
  showNotice(init.resume);
}

function mappingTable(init: Init): HTMLTableElement {
  const table = el('table', { class: 'mapping' });
  const head = el('tr');
  for (const title of ['CSV column', 'Sample values', 'Field', 'Match references by']) head.append(el('th', { scope: 'col' }, title));
  table.append(el('thead'), el('tbody'));
  table.tHead!.append(head);
  const keys = init.fields.filter((field) => field.id === 'id' || field.id === 'externalId');
  const recordFields = init.fields.filter((field) => !keys.includes(field)).sort((a, b) => a.title.localeCompare(b.title));
  init.columns.forEach((column, index) => {
    const choice = mapping[index];
    const row = el('tr');
    const fieldSelect = el('select', { 'data-column': column.name, 'aria-label': `Field for column ${column.name}` });
    fieldSelect.append(el('option', { value: '' }, '— do not import —'));
    const keyGroup = el('optgroup', { label: 'Row key' });
    for (const field of keys) keyGroup.append(el('option', { value: field.id }, field.title));
    const fieldGroup = el('optgroup', { label: `${init.recordTypeLabel} fields` });
    for (const field of recordFields) fieldGroup.append(el('option', { value: field.id }, `${field.title} (${field.id})`));
    fieldSelect.append(keyGroup, fieldGroup);
    fieldSelect.value = choice.field;

    const matchSelect = el('select', { 'data-match': column.name, 'aria-label': `How column ${column.name} names the referenced record` });
    // '—' stands in the select of a column whose field is not a reference; it cannot be chosen.
    matchSelect.append(el('option', { value: '', hidden: '' }, '—'));
    for (const [value, label] of [['name', 'Name'], ['internalId', 'Internal ID'], ['externalId', 'External ID']]) matchSelect.append(el('option', { value }, label));
    const showMatch = () => {
      const field = init.fields.find((candidate) => candidate.id === mapping[index].field);
      matchSelect.disabled = !field?.reference;
      matchSelect.value = field?.reference ? (mapping[index].reference ?? 'name') : '';
    };
    fieldSelect.addEventListener('change', () => {
      const field = init.fields.find((candidate) => candidate.id === fieldSelect.value);
      mapping[index] = { column: column.name, field: fieldSelect.value, ...(field?.reference ? { reference: mapping[index].reference ?? 'name' } : {}) };
      showMatch();
      post(MappingChanged.create({ mapping }));
    });
    matchSelect.addEventListener('change', () => {
      mapping[index] = { ...mapping[index], reference: matchSelect.value as 'name' | 'internalId' | 'externalId' };
      post(MappingChanged.create({ mapping }));
    });
    showMatch();

    const samples = el('td', { class: 'samples' }, column.samples.join(' · '));
    samples.title = column.samples.join('\n');
    const fieldCell = el('td');
    fieldCell.append(fieldSelect);
    const matchCell = el('td');
    matchCell.append(matchSelect);
    row.append(el('th', { scope: 'row' }, column.name), samples, fieldCell, matchCell);
    table.tBodies[0].append(row);
  });
  return table;
}

function showNotice(text: string | undefined): void {
  const notice = document.getElementById('resume');
  if (!notice) return;
  notice.replaceChildren(...(text ? [icon('history'), document.createTextNode(text)] : []));
}

function showProblems(problems: Problems): void {
  const section = byId('problems');
  const ok = problems.problemRows === 0;
  const summary = el('p', { class: `summary ${ok ? 'ok' : 'bad'}` });
  summary.append(icon(ok ? 'pass' : 'warning'), document.createTextNode(problems.summary));
  const parts: HTMLElement[] = [el('h2', {}, problems.phase === 'dryRun' ? 'Dry run' : 'Import results'), summary];
  if (problems.byColumn.length > 0) {
    const counts = el('p', { class: 'counts' });
    counts.textContent = `Rows with problems, by column: ${problems.byColumn.map(({ column, count }) => `${column || 'whole row'} ${count}`).join(' · ')}`;
    parts.push(counts);
    const table = el('table', { class: 'problems' });
    const head = el('tr');
    for (const title of ['Row', 'Column', 'Problem']) head.append(el('th', { scope: 'col' }, title));
    table.append(el('thead'), el('tbody'));
    table.tHead!.append(head);
    for (const problem of problems.problems) {
      const row = el('tr');
      row.append(el('td', { class: 'row-number' }, String(problem.row)), el('td', { class: 'column' }, problem.column || '—'), el('td', {}, problem.message));
      table.tBodies[0].append(row);
    }
    parts.push(table);
    const total = problems.problemRows;
    const listed = new Set(problems.problems.map((problem) => problem.row)).size;
    if (listed < total) parts.push(el('p', { class: 'more' }, `Showing the first ${problems.problems.length} problems; ${total - listed} more rows have problems${problems.resultsFile ? ' (all are in the results file)' : ''}.`));
  }
  if (problems.resultsFile) {
    const open = el('vscode-button', { id: 'openResults', secondary: '' });
    open.append(icon('go-to-file'), document.createTextNode('Open Results'));
    open.title = problems.resultsFile;
    open.addEventListener('click', () => post(OpenResultsRequest.create({})));
    const toolbar = el('div', { class: 'toolbar' });
    toolbar.append(open);
    parts.push(toolbar);
  }
  section.replaceChildren(...parts);
}
