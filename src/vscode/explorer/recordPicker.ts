/**
 * The record picker, for every command that needs "which record?" from the palette (Edit Record, Delete Record, …):
 * a quick pick of the account's record types by label, then a quick pick that searches that type's records as the
 * user types (name, company name, document number or internal id, by SuiteQL), instead of typing a type id and an
 * internal id blind. `suitelens.explorer.pickRecord` answers `{accountId, recordType, id, name}` or undefined.
 */
import * as vscode from 'vscode';
import { describeError } from '../../netsuite/describeError';
import type { ExplorerModel, FoundRecord } from '../../app/explorer/explorerModel';
import { groupRecordTypes } from '../../app/explorer/recordTypeGroups';

export const pickRecordCommand = 'suitelens.explorer.pickRecord';

export interface PickRecordRequest {
  accountId?: string;
  /** Skip the type step (e.g. Create Invoice always starts from a sales order). */
  recordType?: string;
  /** "Edit", "Delete", …: the pickers' titles say what the record is picked for. */
  purpose?: string;
  /** Only the type is wanted (New Record). */
  typeOnly?: boolean;
}

export interface PickedRecord {
  accountId: string;
  recordType: string;
  id?: string;
  name?: string;
}

/** Typing pauses this long before a search is sent, so a word is one request, not one per key. */
const searchDelayMs = 250;

interface TypePick extends vscode.QuickPickItem {
  recordType: string;
}

interface RecordPick extends vscode.QuickPickItem {
  record?: FoundRecord;
}

async function pickType(model: ExplorerModel, accountId: string, purpose: string | undefined): Promise<string | undefined> {
  const types = await model.recordTypeNames(accountId);
  const labelOf = (recordType: string) => model.typeLabel(accountId, recordType);
  const groups = groupRecordTypes(types, '', labelOf);
  const items: TypePick[] = [...groups.standard, ...groups.custom].map((recordType) => ({ label: labelOf(recordType), description: recordType, recordType }));
  const picked = await vscode.window.showQuickPick(items, {
    title: purpose ? `${purpose}: Record Type` : 'Record Type',
    placeHolder: 'Type to find a record type by its name, e.g. Sales Order',
    matchOnDescription: true,
  });
  return picked?.recordType;
}

function searchRecords(model: ExplorerModel, accountId: string, recordType: string, purpose: string | undefined): Promise<FoundRecord | undefined> {
  const label = model.typeLabel(accountId, recordType);
  const pick = vscode.window.createQuickPick<RecordPick>();
  pick.title = purpose ? `${purpose} ${label}` : label;
  pick.placeholder = `Search ${label} records by name or internal id`;
  pick.matchOnDescription = true;
  return new Promise((resolve) => {
    let serial = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    /** The text the shown items answer; Enter before the answer to newer text waits for it. */
    let shownFor: string | undefined;
    let acceptWhenShown = false;
    let chosen: FoundRecord | undefined;
    const choose = (record: FoundRecord | undefined) => {
      chosen = record;
      if (chosen) pick.hide();
    };
    const search = (text: string) => {
      serial += 1;
      const mine = serial;
      pick.busy = true;
      model.searchRecords(accountId, recordType, text).then(
        (found) => {
          if (mine !== serial) return; // a later search is on its way; this answer is stale
          const wanted = text.trim();
          const ordered = [...found.filter((record) => record.id === wanted), ...found.filter((record) => record.id !== wanted)];
          pick.items = ordered.length
            ? ordered.map((record) => ({ label: record.name ?? `${label} ${record.id}`, description: `#${record.id}`, alwaysShow: true, record }))
            : [{ label: `No ${label} record matches "${text}"`, alwaysShow: true }];
          pick.busy = false;
          shownFor = text;
          if (acceptWhenShown) {
            acceptWhenShown = false;
            choose(ordered[0]);
          }
        },
        (error: unknown) => {
          if (mine !== serial) return;
          pick.items = [{ label: `$(error) Could not search ${label} records`, detail: describeError(error), alwaysShow: true }];
          pick.busy = false;
          shownFor = text;
          acceptWhenShown = false;
        },
      );
    };
    pick.onDidChangeValue((text) => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => search(text), searchDelayMs);
    });
    pick.onDidAccept(() => {
      if (shownFor !== pick.value) {
        // Typed and pressed Enter before the search answered: take the top match of what was typed.
        acceptWhenShown = true;
        if (timer) clearTimeout(timer);
        search(pick.value);
        return;
      }
      choose(pick.selectedItems[0]?.record ?? pick.activeItems[0]?.record);
    });
    pick.onDidHide(() => {
      if (timer) clearTimeout(timer);
      pick.dispose();
      resolve(chosen);
    });
    pick.show();
    search('');
  });
}

export async function pickRecord(model: ExplorerModel, request: PickRecordRequest & { accountId: string }): Promise<PickedRecord | undefined> {
  const recordType = request.recordType ?? (await pickType(model, request.accountId, request.purpose));
  if (!recordType) return undefined;
  if (request.typeOnly) return { accountId: request.accountId, recordType };
  const record = await searchRecords(model, request.accountId, recordType, request.purpose);
  return record ? { accountId: request.accountId, recordType, id: record.id, name: record.name } : undefined;
}

export function registerRecordPicker(model: ExplorerModel, activeAccountId: () => string | undefined): vscode.Disposable {
  return vscode.commands.registerCommand(pickRecordCommand, async (argument?: unknown) => {
    const request = (typeof argument === 'object' && argument !== null ? argument : {}) as Record<string, unknown>;
    const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);
    const accountId = text(request.accountId) ?? activeAccountId();
    if (!accountId) {
      void vscode.window.showInformationMessage('Add a NetSuite account (or try the demo sandbox) first.');
      return undefined;
    }
    try {
      return await pickRecord(model, { accountId, recordType: text(request.recordType), purpose: text(request.purpose), typeOnly: request.typeOnly === true });
    } catch (error) {
      void vscode.window.showErrorMessage(`Could not list the record types: ${describeError(error)}`);
      return undefined;
    }
  });
}
