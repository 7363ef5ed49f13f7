/**
 * Row problems as the import view lists them: each error placed on the CSV column it is about (the dry run's
 * messages start with the field's title, or name the row's key), the first few listed, and per column how many rows
 * have a problem there — so 2,000 bad dates read as one line "Start Date: 2,000 rows", not 2,000 lines.
 * Pure (no `vscode`).
 */
import type { ImportField, ImportPlan, RowCheck } from '../../netsuite/csvImport';
import type { ProblemsPayload } from '../../protocol/importMessages';

/** How many problems the view lists; the rest are counted (and all of them are in the results file). */
export const listedProblems = 100;

export interface RowProblem {
  row: number;
  /** The CSV column, or '' when the problem is the row's as a whole (a missing key, NetSuite's refusal). */
  column: string;
  message: string;
}

/** The CSV column an error of `checkRow` (src/netsuite/csvImport.ts) is about. */
export function columnOfError(message: string, plan: ImportPlan, fields: readonly ImportField[]): string {
  const byId = new Map(fields.map((field) => [field.id, field]));
  for (const mapping of plan.columns) {
    if (mapping.field === 'id' && /^(No internal id|Internal id ')/.test(message)) return mapping.column;
    if (mapping.field === 'externalId' && /^No external id/.test(message)) return mapping.column;
    const title = byId.get(mapping.field)?.title;
    if (title && (message.startsWith(`${title}: `) || message === `${title} is required`)) return mapping.column;
  }
  return /^Column '(.*)' maps to /.exec(message)?.[1] ?? '';
}

export function dryRunProblems(plan: ImportPlan, fields: readonly ImportField[], checks: readonly RowCheck[]): RowProblem[] {
  return checks.flatMap((check) => check.errors.map((message) => ({ row: check.row, column: columnOfError(message, plan, fields), message })));
}

/** The view's payload: the first `listedProblems`, rows with problems per column (a row counts once per column). */
export function problemsPayload(phase: 'dryRun' | 'import', summary: string, checkedRows: number, problems: readonly RowProblem[], resultsFile?: string): ProblemsPayload {
  const rowsByColumn = new Map<string, Set<number>>();
  for (const problem of problems) rowsByColumn.set(problem.column, (rowsByColumn.get(problem.column) ?? new Set()).add(problem.row));
  const byColumn = [...rowsByColumn].map(([column, rows]) => ({ column, count: rows.size })).sort((a, b) => b.count - a.count || a.column.localeCompare(b.column));
  return {
    phase,
    summary,
    checkedRows,
    problemRows: new Set(problems.map((problem) => problem.row)).size,
    byColumn,
    problems: problems.slice(0, listedProblems).map((problem) => ({ ...problem })),
    ...(resultsFile ? { resultsFile } : {}),
  };
}

/** "1 row" / "1,234 rows". */
export function rowCount(n: number): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? 'row' : 'rows'}`;
}
