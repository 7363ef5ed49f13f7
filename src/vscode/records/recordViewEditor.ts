/**
 * The read-only record view: what a click on a record opens (a grid's id link, the explorer, agent activity). A custom
 * read-only editor (`suitelens.recordView` over `suitelens-record-view:` resources) rather than a plain panel, so it
 * opens as a preview tab that the next click replaces, and VS Code restores it after a reload. It shows the record as
 * text (recordViewModel.ts, drawn by media/recordView); Edit opens the record form in its place, and the record's JSON
 * stays one click away for developers (Open as JSON, Copy JSON).
 */
import * as vscode from 'vscode';
import type { NetSuiteClient } from '../../netsuite/client';
import { describeError } from '../../netsuite/describeError';
import type { Logger } from '../../netsuite/log';
import type { NetSuiteRecord } from '../../netsuite/records';
import { unhandledMessage } from '../../protocol/guards';
import { isViewToHost, ViewShow, type HostToView, type RecordView } from '../../protocol/recordViewMessages';
import type { AccountRegistry } from '../accounts/accountRegistry';
import { formHtml } from '../forms/formHtml';
import { formTitle } from '../../app/forms/formUri';
import type { RecordTarget } from './recordDocuments';
import { loadRecordView } from '../../app/records/recordViewModel';

/** The custom editor's view type (package.json `customEditors`). */
export const recordViewType = 'suitelens.recordView';
const recordViewScheme = 'suitelens-record-view';

/**
 * `suitelens-record-view:/<accountId>/<recordType>/<title>?id=<id>`: VS Code names the tab after the last path
 * segment, so that is the title (`Customer 222 Acme (View)`) and the id travels in the query. The suffix tells the
 * read-only view from the record's edit form, whose tab is `Customer 222 Acme`, when both are open.
 */
function recordViewUri(target: RecordTarget, name?: string): vscode.Uri {
  // `Uri.from` encodes the path itself; a slash in a name must not add a folder to the tab's path.
  const segment = (text: string): string => text.replace(/[/\\]/g, '∕').trim() || '_';
  const path = `/${segment(target.accountId)}/${segment(target.recordType)}/${segment(`${formTitle(target.recordType, target.id, name)} (View)`)}`;
  return vscode.Uri.from({ scheme: recordViewScheme, path, query: new URLSearchParams({ id: target.id }).toString() });
}

function parseRecordViewUri(uri: vscode.Uri): RecordTarget | undefined {
  if (uri.scheme !== recordViewScheme) return undefined;
  const [accountId, recordType] = uri.path.split('/').filter(Boolean);
  const id = new URLSearchParams(uri.query).get('id');
  return accountId && recordType && id ? { accountId, recordType, id } : undefined;
}

interface LoadedView {
  view: RecordView;
  record: NetSuiteRecord;
  name?: string;
}

class RecordViewDocument implements vscode.CustomDocument {
  constructor(
    readonly uri: vscode.Uri,
    readonly target: RecordTarget,
    /** What `open` read before the tab showed; used for the first draw only, later draws read NetSuite again. */
    public prepared: LoadedView | undefined,
  ) {}

  dispose(): void {
    this.prepared = undefined;
  }
}

export class RecordViewProvider implements vscode.CustomReadonlyEditorProvider<RecordViewDocument> {
  /** Views read by `open` and waiting for VS Code to ask for their document. */
  private readonly pending = new Map<string, LoadedView>();

  constructor(
    private readonly registry: AccountRegistry<NetSuiteClient>,
    private readonly extensionUri: vscode.Uri,
    private readonly logger: Logger,
  ) {}

  /** Counts `open` calls: clicking down a list opens previews faster than NetSuite answers, and only the last may show. */
  private opening = 0;

  /** Reads the record, then opens its view as a preview tab (an error is thrown before any tab opens). */
  async open(target: RecordTarget, options: { viewColumn?: vscode.ViewColumn; preserveFocus?: boolean } = {}): Promise<void> {
    const ticket = ++this.opening;
    const loaded = await this.load(target);
    // A later click asked for another record meanwhile: that one's preview is what the person wants to see now.
    if (ticket !== this.opening) return;
    const uri = recordViewUri(target, loaded.name);
    this.pending.set(uri.toString(), loaded);
    try {
      await vscode.commands.executeCommand('vscode.openWith', uri, recordViewType, { preview: true, viewColumn: options.viewColumn ?? besideANotebook(), preserveFocus: options.preserveFocus ?? false });
    } finally {
      this.pending.delete(uri.toString());
    }
  }

  openCustomDocument(uri: vscode.Uri): RecordViewDocument {
    const target = parseRecordViewUri(uri);
    if (!target) throw new Error(`${uri.toString()} is not a SuiteLens record view`);
    const prepared = this.pending.get(uri.toString());
    this.pending.delete(uri.toString());
    return new RecordViewDocument(uri, target, prepared);
  }

  resolveCustomEditor(document: RecordViewDocument, panel: vscode.WebviewPanel): void {
    const mediaRoot = vscode.Uri.joinPath(this.extensionUri, 'dist', 'media');
    panel.webview.options = { enableScripts: true, localResourceRoots: [mediaRoot] };
    const post = (message: HostToView): void => void panel.webview.postMessage(message);
    const show = async (fresh: boolean): Promise<void> => {
      try {
        const loaded = (!fresh && document.prepared) || (await this.load(document.target));
        document.prepared = loaded;
        post(ViewShow.create({ view: loaded.view }));
      } catch (error) {
        this.logger.error(`Record view of ${document.target.recordType} ${document.target.id} failed`, error);
        post(ViewShow.create({ error: `Could not read ${document.target.recordType} ${document.target.id}: ${describeError(error)}` }));
      }
    };
    let drawn = false;
    panel.webview.onDidReceiveMessage(async (message: unknown) => {
      if (!isViewToHost(message)) {
        this.logger.warn('Record view sent a message SuiteLens does not accept; ignored');
        return;
      }
      switch (message.type) {
        case 'ready':
          // The first draw uses what `open` read; the webview asks again when its tab comes back (VS Code drops a
          // hidden webview's page), and then it reads NetSuite again, so a change saved meanwhile shows.
          await show(drawn);
          drawn = true;
          return;
        case 'action':
          if (message.action === 'refresh') await show(true);
          else await vscode.commands.executeCommand(actionCommands[message.action], document.uri);
          return;
        default:
          unhandledMessage(message);
      }
    });
    panel.webview.html = formHtml(panel.webview, {
      script: panel.webview.asWebviewUri(vscode.Uri.joinPath(mediaRoot, 'recordView.js')),
      codicons: panel.webview.asWebviewUri(vscode.Uri.joinPath(mediaRoot, 'codicon.css')),
      title: document.uri.path.split('/').pop() ?? 'Record',
      loading: 'Reading the record…',
    });
  }

  /** The record a view command is about: the view it was run on (editor title), else the active view. */
  targetOf(argument: unknown): { uri: vscode.Uri; target: RecordTarget } | undefined {
    const uri = argument instanceof vscode.Uri ? argument : activeViewUri();
    const target = uri && parseRecordViewUri(uri);
    return uri && target ? { uri, target } : undefined;
  }

  async recordJson(target: RecordTarget): Promise<NetSuiteRecord> {
    const { client } = await this.registry.scope(target.accountId);
    return client.records.get(target.recordType, target.id, { expandSubResources: true });
  }

  private async load(target: RecordTarget): Promise<LoadedView> {
    const { client, profile } = await this.registry.scope(target.accountId);
    return loadRecordView(client, target, { accountLabel: profile.label, locale: vscode.env.language });
  }
}

const actionCommands = { edit: 'suitelens.recordView.edit', openJson: 'suitelens.openRecordJson', copyJson: 'suitelens.recordView.copyJson' } as const;

/** Beside a notebook (its grid stays visible next to the record); otherwise in the group the person works in. */
function besideANotebook(): vscode.ViewColumn {
  return vscode.window.tabGroups.activeTabGroup.activeTab?.input instanceof vscode.TabInputNotebook ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
}

function activeViewUri(): vscode.Uri | undefined {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  return input instanceof vscode.TabInputCustom && input.viewType === recordViewType ? input.uri : undefined;
}

async function closeViewTabs(uri: vscode.Uri): Promise<void> {
  const tabs = vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => tab.input instanceof vscode.TabInputCustom && tab.input.uri.toString() === uri.toString());
  if (tabs.length > 0) await vscode.window.tabGroups.close(tabs);
}

/** Registers the view and its commands: Edit (opens the form in the view's place), Open as JSON, Copy JSON. */
export function registerRecordView(provider: RecordViewProvider): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.window.registerCustomEditorProvider(recordViewType, provider, { supportsMultipleEditorsPerDocument: false }),
    vscode.commands.registerCommand('suitelens.recordView.edit', async (argument?: unknown) => {
      const shown = provider.targetOf(argument);
      if (!shown) return;
      // Like NetSuite's Edit button: the form takes the view's place. A refused edit (read-only account) keeps it.
      const form: unknown = await vscode.commands.executeCommand('suitelens.editRecord', shown.target);
      if (form) await closeViewTabs(shown.uri);
    }),
    vscode.commands.registerCommand('suitelens.recordView.copyJson', async (argument?: unknown) => {
      const shown = provider.targetOf(argument);
      if (!shown) return;
      try {
        await vscode.env.clipboard.writeText(JSON.stringify(await provider.recordJson(shown.target), null, 2));
        vscode.window.setStatusBarMessage(`Copied ${shown.target.recordType} ${shown.target.id} as JSON`, 3000);
      } catch (error) {
        void vscode.window.showErrorMessage(`Could not copy ${shown.target.recordType} ${shown.target.id}: ${describeError(error)}`);
      }
    }),
  );
}
