/**
 * "SuiteLens: Import Records from CSV…": from the palette, a record type in the NetSuite explorer, or a .csv file in
 * VS Code's explorer. Asks what the starting point does not say — the account (when there are several), the file,
 * the record type, the mode — then opens the import view (importPanel.ts) on that file.
 */
import * as vscode from 'vscode';
import type { NetSuiteClient } from '../../netsuite/client';
import type { ImportMode } from '../../netsuite/csvImport';
import { describeError } from '../../netsuite/describeError';
import { recordTypeLabel } from '../../netsuite/recordTypeLabels';
import { accountIdArgument, pickAccount } from '../accounts/accountCommands';
import type { AccountRegistry } from '../accounts/accountRegistry';
import { CsvImportPanel, type ImportPanelDeps } from './importPanel';
import { CsvImportSession, modeLabels } from '../../app/import/importSession';

export const importCsvCommand = 'suitelens.importCsv';

export function registerImport(registry: AccountRegistry<NetSuiteClient>, deps: ImportPanelDeps): vscode.Disposable {
  const panels: CsvImportPanel[] = [];
  const command = vscode.commands.registerCommand(importCsvCommand, async (argument?: unknown) => {
    try {
      const panel = await startImport(registry, deps, argument);
      if (panel) panels.push(panel);
    } catch (error) {
      deps.logger.error('CSV import did not open', error);
      void vscode.window.showErrorMessage(`Could not open the CSV import: ${describeError(error)}`);
    }
  });
  return { dispose: () => [command, ...panels.splice(0)].forEach((disposable) => disposable.dispose()) };
}

async function startImport(registry: AccountRegistry<NetSuiteClient>, deps: ImportPanelDeps, argument: unknown): Promise<CsvImportPanel | undefined> {
  const fileGiven = argument instanceof vscode.Uri ? argument : undefined;
  const node = fileGiven ? undefined : argument;
  const accountId = await chooseAccount(registry, node);
  if (!accountId) return undefined;
  const input = fileGiven ?? (await chooseFile());
  if (!input) return undefined;
  const { profile, client } = await registry.scope(accountId);
  const givenType = typeof (node as { recordType?: unknown } | undefined)?.recordType === 'string' ? (node as { recordType: string }).recordType : undefined;
  const recordType = givenType ?? (await chooseRecordType(client));
  if (!recordType) return undefined;
  const mode = await chooseMode(recordType);
  if (!mode) return undefined;
  const session = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: `Reading ${recordType} fields…` }, () =>
    CsvImportSession.open(client, recordType, mode, input.fsPath),
  );
  return CsvImportPanel.open(deps, session, profile);
}

async function chooseAccount(registry: AccountRegistry<NetSuiteClient>, node: unknown): Promise<string | undefined> {
  const given = accountIdArgument(node);
  if (given) return given;
  const accounts = registry.list();
  if (accounts.length === 0) {
    void vscode.window.showInformationMessage('Add a NetSuite account (or try the demo sandbox) first.');
    return undefined;
  }
  if (accounts.length === 1) return accounts[0].accountId;
  return (await pickAccount(registry, 'Import into which account?'))?.accountId;
}

async function chooseFile(): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showOpenDialog({
    title: 'Import records from which CSV file?',
    canSelectMany: false,
    filters: { 'CSV files': ['csv'] },
    defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
    openLabel: 'Import',
  });
  return picked?.[0];
}

async function chooseRecordType(client: NetSuiteClient): Promise<string | undefined> {
  const types = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Loading record types…' }, () => client.metadata.recordTypes());
  // By NetSuite's label ("Sales Order"), the id beside it; a type without a known label shows its id.
  const items = types
    .map((type) => ({ type, label: recordTypeLabel(type), description: recordTypeLabel(type) === type ? undefined : type }))
    .sort((a, b) => a.label.localeCompare(b.label));
  const picked = await vscode.window.showQuickPick(items, { title: 'Import into which record type?', placeHolder: 'Type to filter, e.g. Customer', matchOnDescription: true });
  return picked?.type;
}

async function chooseMode(recordType: string): Promise<ImportMode | undefined> {
  const items: (vscode.QuickPickItem & { mode: ImportMode })[] = [
    { mode: 'create', label: modeLabels.create, detail: `Each row becomes a new ${recordTypeLabel(recordType)} record.` },
    { mode: 'update', label: modeLabels.update, detail: 'A column holds the internal id of the record each row changes; only mapped columns are written.' },
    { mode: 'upsert', label: modeLabels.upsert, detail: 'A column holds the external id: a record with it is updated, otherwise one is created.' },
  ];
  return (await vscode.window.showQuickPick(items, { title: `Import ${recordTypeLabel(recordType)} records: what should each row do?` }))?.mode;
}
