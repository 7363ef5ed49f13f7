/**
 * "Sort By…" on a record type: a quick pick of the type's columns by label (the current one marked), then the
 * direction. Answers the sort, `null` for the default order (internal id), or undefined when the user backed out.
 */
import * as vscode from 'vscode';
import type { ExplorerModel, RecordSort } from '../../app/explorer/explorerModel';
import type { RecordTypeNode } from '../../app/explorer/explorerNodes';
import type { SortColumn } from '../../app/explorer/recordColumns';

interface ColumnPick extends vscode.QuickPickItem {
  column?: SortColumn;
}

const numericTypes = new Set(['integer', 'float', 'currency', 'date', 'datetime']);

export async function pickSort(model: ExplorerModel, node: RecordTypeNode): Promise<RecordSort | null | undefined> {
  const current = model.recordSort(node);
  const columns = await model.sortColumns(node);
  const items: ColumnPick[] = [
    { label: 'Internal ID', description: current ? 'default order' : 'default order · current' },
    ...columns.map((column) => ({ label: column.label, description: `${column.column}${current?.column === column.column ? ' · current' : ''}`, column })),
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: `Sort ${model.typeLabel(node.accountId, node.recordType)} Records By`,
    placeHolder: 'Choose a field; its value shows on each row',
    matchOnDescription: true,
  });
  if (!picked) return undefined;
  const column = picked.column;
  if (!column) return null;
  // Numbers and dates are usually wanted highest or newest first; text A to Z.
  const descendingFirst = numericTypes.has(column.type);
  const ascending = { label: 'Ascending', description: descendingFirst ? 'lowest first' : 'A to Z', direction: 'asc' as const };
  const descending = { label: 'Descending', description: descendingFirst ? 'highest first' : 'Z to A', direction: 'desc' as const };
  const direction = await vscode.window.showQuickPick(descendingFirst ? [descending, ascending] : [ascending, descending], { title: `Sort by ${column.label}` });
  return direction ? { ...column, direction: direction.direction } : undefined;
}
