/**
 * Results files written before journal lines carried fingerprints (no `fingerprint` column). Such a file belongs to
 * one input text: its import id hashed the whole file. Replacing it as another import's would send again every row it
 * says NetSuite has — an import stopped before the upgrade and resumed after would create its records twice — so:
 * - when the file is unchanged since, its lines are read row by row and given the fingerprints of the rows now;
 * - otherwise, or when it holds batches whose answer was lost (their keys were made another way), the run is refused
 *   and says what to check, unless the file records nothing NetSuite may have.
 */
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { ImportPlan, RowCheck } from './csvImport';
import { entryFingerprint, writtenStatuses, type JournalLine, type LegacyLine } from './importJournal';

/** The import id those files were written under (account, type, mode, mapping and the whole input text). */
function legacyImportIdOf(plan: ImportPlan, inputText: string, accountId: string): string {
  return createHash('sha256').update(JSON.stringify([accountId, plan.recordType, plan.mode, plan.columns])).update('\0').update(inputText).digest('hex').slice(0, 32);
}

export type LegacyAdoption = { kind: 'adopted'; lines: JournalLine[] } | { kind: 'replace' } | { kind: 'refused'; message: string };

export function adoptLegacyJournal(legacy: readonly LegacyLine[], context: { plan: ImportPlan; accountId: string; importId: string; inputText?: string; checks: readonly RowCheck[]; resultsPath: string }): LegacyAdoption {
  const lastByRow = new Map<string, LegacyLine>();
  for (const line of legacy) lastByRow.set(line.row, line);
  const lines = [...lastByRow.values()];
  const mayBeWritten = lines.filter((line) => writtenStatuses.has(line.status) || line.status === 'unknown');
  if (mayBeWritten.length === 0) return { kind: 'replace' };
  const file = basename(context.resultsPath);
  const rows = mayBeWritten.map((line) => line.row).join(', ');
  const unchanged = context.inputText !== undefined && legacy.every((line) => line.importId === legacyImportIdOf(context.plan, context.inputText!, context.accountId));
  if (!unchanged) {
    return {
      kind: 'refused',
      message:
        `${file} was written by an earlier version of SuiteLens for another version of this file or mapping, and says rows ${rows} of it were sent to NetSuite; it cannot tell which rows of the file now they are. ` +
        `Check those records in NetSuite and remove their rows from the file, then rename or delete ${file} and import again. Nothing was sent.`,
    };
  }
  const lost = lines.filter((line) => line.status === 'unknown');
  if (lost.length > 0) {
    return {
      kind: 'refused',
      message:
        `${file} was written by an earlier version of SuiteLens and NetSuite\u2019s answer for rows ${lost.map((line) => line.row).join(', ')} was lost. ` +
        `Check those rows in NetSuite, then remove their lines from ${file} and import again. Nothing was sent.`,
    };
  }
  const checkOf = new Map(context.checks.map((check) => [String(check.row), check]));
  return {
    kind: 'adopted',
    lines: lines.flatMap((line): JournalLine[] => {
      const entry = checkOf.get(line.row)?.entry;
      if (line.status === 'invalid' || !entry) return [];
      const fingerprint = entryFingerprint({ id: entry.id, externalId: entry.externalId, fields: entry.fields });
      return [{ row: line.row, status: line.status, recordId: line.recordId, error: line.error, batch: line.batch, batchKey: line.batchKey, fingerprint, importId: context.importId }];
    }),
  };
}
