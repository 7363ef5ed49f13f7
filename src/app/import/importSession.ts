/**
 * One CSV import as the import view drives it: the file read once, the record type's fields, the mapping the person
 * chose (checked here: the webview is not trusted), the dry run, the journal state ("N of M rows already done") and
 * the import itself with its results file beside the input. No `vscode` import, so it is tested against the sandbox.
 */
import { readFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import type { NetSuiteClient } from '../../netsuite/client';
import { dryRun, readCsv, suggestMapping, type ColumnMapping, type CsvTable, type ImportField, type ImportMode, type ImportPlan, type RowCheck } from '../../netsuite/csvImport';
import { journaledProgress, runImport, type ImportRunSummary } from '../../netsuite/csvImportRun';
import { readJournal } from '../../netsuite/importJournal';
import type { BatchProgress } from '../../netsuite/recordBatches';
import type { ColumnChoice, ProblemsPayload } from '../../protocol/importMessages';
import { buildFormModel } from '../forms/model/formModel';
import { dryRunProblems, problemsPayload, rowCount, type RowProblem } from './importProblems';

/** The row's keys, offered beside the record's fields. */
const keyFields: Record<'id' | 'externalId', ImportField> = {
  id: { id: 'id', title: 'Internal ID (the record to update)', kind: 'text' },
  externalId: { id: 'externalId', title: 'External ID', kind: 'text' },
};

export const modeLabels: Record<ImportMode, string> = {
  create: 'Create new records',
  update: 'Update records by internal id',
  upsert: 'Upsert records by external id',
};

/**
 * `customers.csv` → `customers.1234567_SB1.results.csv`, in the same folder: one journal per account, so importing
 * the file into a second account neither resumes nor replaces the first account's.
 */
export function resultsPathOf(inputPath: string, accountId: string): string {
  const extension = extname(inputPath);
  return join(dirname(inputPath), `${basename(inputPath, extension)}.${accountId.replace(/[^A-Za-z0-9_-]/g, '_')}.results.csv`);
}

export interface ResumeState {
  /** Rows NetSuite already has from an earlier run of this import (same type, mode, mapping), even if the file changed since. */
  doneRows: number;
  totalRows: number;
  /** The results file holds another import's rows, none written: importing replaces it. */
  replacesOther: boolean;
  /** Import would send nothing and say this (the results file records rows another import wrote). */
  refusal?: string;
}

export interface DryRunOutcome {
  checks: RowCheck[];
  problems: ProblemsPayload;
}

export interface ImportOutcome {
  summary: ImportRunSummary;
  problems: ProblemsPayload;
}

export class CsvImportSession {
  readonly resultsPath: string;

  private constructor(
    private readonly client: NetSuiteClient,
    readonly recordType: string,
    readonly mode: ImportMode,
    readonly inputPath: string,
    readonly inputText: string,
    readonly table: CsvTable,
    /** The record type's writable body fields, then the keys this mode can use. */
    readonly fields: readonly ImportField[],
  ) {
    this.resultsPath = resultsPathOf(inputPath, client.account.id);
  }

  static async open(client: NetSuiteClient, recordType: string, mode: ImportMode, inputPath: string): Promise<CsvImportSession> {
    const inputText = await readFile(inputPath, 'utf8');
    const table = readCsv(inputText);
    if (table.headers.length === 0) throw new Error(`${basename(inputPath)} is empty: an import needs a header row naming its columns`);
    const model = await buildFormModel(recordType, await client.metadata.schema(recordType), (name) => client.metadata.schema(name));
    const recordFields = model.fields.filter((field) => !field.readOnly && field.id !== 'externalId' && field.id !== 'id');
    const fields: ImportField[] = [
      ...recordFields.map(({ id, title, kind, referenceType, options }) => ({ id, title, kind, ...(referenceType ? { referenceType } : {}), ...(options?.length ? { options } : {}) })),
      ...(mode === 'update' ? [keyFields.id] : []),
      keyFields.externalId,
    ];
    return new CsvImportSession(client, recordType, mode, inputPath, inputText, table, fields);
  }

  /** The mapping to start from: the one last used for this file when it still fits, else suggested by name. */
  initialMapping(remembered?: readonly ColumnMapping[]): ColumnMapping[] {
    if (remembered) {
      try {
        return this.planOf(remembered).columns;
      } catch {
        // The file's columns or the type's fields changed since: suggest afresh.
      }
    }
    return suggestMapping(this.table.headers, [...this.fields], this.mode);
  }

  /** The plan for the person's choices; refuses a column the file lacks or a field the type lacks. */
  planOf(choices: readonly ColumnChoice[]): ImportPlan {
    const byId = new Map(this.fields.map((field) => [field.id, field]));
    const columns: ColumnMapping[] = [];
    for (const choice of choices) {
      if (!this.table.headers.includes(choice.column)) throw new Error(`The file has no column '${choice.column}'`);
      if (choice.field === '') continue;
      const field = byId.get(choice.field);
      if (!field) throw new Error(`${this.recordType} has no field '${choice.field}' an import can fill`);
      // Two columns into one field would keep one of them and drop the other's values without a word.
      const taken = columns.find((column) => column.field === field.id || column.column === choice.column);
      if (taken) throw new Error(taken.column === choice.column ? `Column '${choice.column}' is mapped twice: choose one field for it` : `Columns '${taken.column}' and '${choice.column}' both fill ${field.title}: choose one of them`);
      // Same key order as suggestMapping: the plan is part of the import's identity (its journal and batch keys).
      columns.push({ column: choice.column, field: field.id, ...(field.kind === 'reference' ? { reference: choice.reference ?? 'name' } : {}) });
    }
    const order = new Map(this.table.headers.map((header, index) => [header, index]));
    columns.sort((a, b) => (order.get(a.column) ?? 0) - (order.get(b.column) ?? 0));
    return { recordType: this.recordType, mode: this.mode, columns };
  }

  /** Needs the dry run: rows are matched to the journal by the entries they send, references resolved. */
  async resumeState(plan: ImportPlan, signal?: AbortSignal): Promise<ResumeState> {
    const { checks } = await this.dryRun(plan, signal);
    return { ...(await journaledProgress(this.resultsPath, plan, this.client.account.id, checks, this.inputText)), totalRows: this.table.rows.length };
  }

  async dryRun(plan: ImportPlan, signal?: AbortSignal): Promise<DryRunOutcome> {
    const checks = await dryRun(this.client, plan, this.table, [...this.fields], signal);
    const problems = dryRunProblems(plan, this.fields, checks);
    const bad = new Set(problems.map((problem) => problem.row)).size;
    const summary = bad === 0 ? `All ${rowCount(checks.length)} are ready to import. Nothing was written.` : `${rowCount(checks.length - bad)} ready, ${rowCount(bad)} with problems (not sent on import). Nothing was written.`;
    return { checks, problems: problemsPayload('dryRun', summary, checks.length, problems) };
  }

  /** Checks every row again and imports; `stop` ends it after the batches already submitted. */
  async apply(plan: ImportPlan, options: { onProgress?: (progress: BatchProgress) => void; stop?: AbortSignal } = {}): Promise<ImportOutcome> {
    const { checks } = await this.dryRun(plan, options.stop);
    const summary = await runImport(this.client, plan, checks, { resultsPath: this.resultsPath, inputText: this.inputText, onProgress: options.onProgress, stop: options.stop });
    const journal = await readJournal(this.resultsPath, summary.importId);
    // Records created from rows no longer in the file are kept in the journal, not listed as this file's rows.
    const lines = journal.kind === 'this' ? journal.lines.filter((line) => line.row !== '') : [];
    const dryRunErrors = new Map<number, RowProblem[]>();
    for (const problem of dryRunProblems(plan, this.fields, checks)) dryRunErrors.set(problem.row, [...(dryRunErrors.get(problem.row) ?? []), problem]);
    const problems = lines
      .filter((line) => line.status !== 'created' && line.status !== 'updated' && line.status !== 'upserted')
      .sort((a, b) => Number(a.row) - Number(b.row))
      .flatMap((line): RowProblem[] => {
        const row = Number(line.row);
        if (line.status === 'invalid') return dryRunErrors.get(row) ?? [{ row, column: '', message: line.error }];
        if (line.status !== 'unknown') return [{ row, column: '', message: line.error }];
        // Not sent at all (NetSuite turned the batch away before any work) or sent with its answer lost.
        const notSent = line.error.includes('Nothing of this batch was applied');
        return [{ row, column: '', message: notSent ? `${line.error.replace(/ send it again\.$/, '')} Run the import again to send it.` : 'NetSuite\u2019s answer was lost: run the import again to learn the outcome (nothing is written twice)' }];
      });
    return { summary, problems: problemsPayload('import', this.describe(summary, lines.length), lines.length, problems, this.resultsPath) };
  }

  private describe(summary: ImportRunSummary, journaled: number): string {
    const { byStatus } = summary;
    const parts = [
      byStatus.created && `${byStatus.created} created`,
      byStatus.updated && `${byStatus.updated} updated`,
      byStatus.upserted && `${byStatus.upserted} upserted`,
      byStatus.notApplied && `${byStatus.notApplied} changed after they were created (not applied)`,
      byStatus.invalid && `${byStatus.invalid} not sent (invalid)`,
      byStatus.failed && `${byStatus.failed} refused by NetSuite`,
      byStatus.unknown && `${byStatus.unknown} unknown`,
    ].filter(Boolean);
    const total = this.table.rows.length;
    const head = summary.stopped ? `Import stopped: ${journaled} of ${rowCount(total)} done` : `Imported ${rowCount(total)} of ${basename(this.inputPath)}`;
    const resumed = summary.resumedRows > 0 ? ` (${rowCount(summary.resumedRows)} done earlier)` : '';
    return `${head}${resumed}: ${parts.join(', ') || 'nothing new'}.`;
  }
}
