/**
 * The "SuiteQL Library" view: the workspace's `.suiteql` files as named queries (see `libraryFile.ts` for the
 * header), each opened on click and run into a new notebook with its play action; "Save Cell to SuiteQL Library"
 * writes a notebook cell to `suiteql/<name>.suiteql` in the workspace. The files are the library: shared through git,
 * reviewed like code. History stays per account (QueryHistory); the library is the workspace's.
 */
import { basename } from 'node:path';
import * as vscode from 'vscode';
import { findParameters } from '../../suiteql/parameters';
import { libraryFileName, readLibraryQuery, writeLibraryQuery, type LibraryQuery } from '../../app/notebook/libraryFile';
import { notebookType } from './serializer';

interface LibraryItem {
  uri: vscode.Uri;
  query: LibraryQuery;
}

/** Folder, under the first workspace folder, where saved cells go. */
export const libraryFolder = 'suiteql';

class LibraryTree implements vscode.TreeDataProvider<LibraryItem> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;

  refresh(): void {
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }

  async getChildren(element?: LibraryItem): Promise<LibraryItem[]> {
    if (element) return [];
    const files = await vscode.workspace.findFiles('**/*.suiteql', '**/node_modules/**', 1000);
    const items = await Promise.all(
      files.map(async (uri) => {
        const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
        return { uri, query: readLibraryQuery(text, basename(uri.path)) };
      }),
    );
    return items.sort((a, b) => a.query.name.localeCompare(b.query.name));
  }

  getTreeItem(item: LibraryItem): vscode.TreeItem {
    const tree = new vscode.TreeItem(item.query.name, vscode.TreeItemCollapsibleState.None);
    tree.description = vscode.workspace.asRelativePath(item.uri);
    tree.tooltip = new vscode.MarkdownString();
    tree.tooltip.appendText(item.query.description ?? item.query.name);
    if (item.query.params.length > 0) tree.tooltip.appendText(`\nParameters: ${item.query.params.map((p) => `:${p}`).join(', ')}`);
    tree.iconPath = new vscode.ThemeIcon('symbol-file');
    tree.contextValue = 'suiteqlQuery';
    tree.resourceUri = item.uri;
    tree.command = { command: 'vscode.open', title: 'Open', arguments: [item.uri] };
    return tree;
  }
}

export function registerQueryLibrary(openNotebook: (query: string) => Promise<unknown>): vscode.Disposable {
  const tree = new LibraryTree();
  const watcher = vscode.workspace.createFileSystemWatcher('**/*.suiteql');
  return vscode.Disposable.from(
    tree,
    watcher,
    watcher.onDidCreate(() => tree.refresh()),
    watcher.onDidChange(() => tree.refresh()),
    watcher.onDidDelete(() => tree.refresh()),
    vscode.window.registerTreeDataProvider('suitelens.library', tree),
    vscode.commands.registerCommand('suitelens.library.refresh', () => tree.refresh()),
    vscode.commands.registerCommand('suitelens.library.run', async (item?: LibraryItem) => {
      if (!item?.uri) return;
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(item.uri));
      await openNotebook(readLibraryQuery(text, basename(item.uri.path)).body);
      // The notebook's own run: a :name placeholder prompts for its value there, bound as a SuiteQL literal.
      await vscode.commands.executeCommand('notebook.execute');
    }),
    vscode.commands.registerCommand('suitelens.library.saveCell', (cell?: vscode.NotebookCell) => saveCell(cell, tree)),
  );
}

async function saveCell(cell: vscode.NotebookCell | undefined, tree: LibraryTree): Promise<void> {
  const editor = vscode.window.activeNotebookEditor;
  const target = cell?.document ? cell : editor && editor.notebook.notebookType === notebookType ? editor.notebook.cellAt(editor.selection.start) : undefined;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!target || target.kind !== vscode.NotebookCellKind.Code) {
    void vscode.window.showInformationMessage('Select a SuiteQL cell in a notebook to save it to the library.');
    return;
  }
  if (!folder) {
    void vscode.window.showInformationMessage('The SuiteQL library lives in the workspace: open a folder first.');
    return;
  }
  const text = target.document.getText();
  const existing = readLibraryQuery(text, 'query.suiteql');
  const name = await vscode.window.showInputBox({
    title: 'Save to SuiteQL Library',
    prompt: `A name for this query (saved as ${libraryFolder}/<name>.suiteql in ${basename(folder.path)})`,
    value: existing.name === 'query' ? '' : existing.name,
    validateInput: (value) => (value.trim() ? undefined : 'Give the query a name.'),
  });
  if (!name?.trim()) return;
  const description = await vscode.window.showInputBox({ title: 'Save to SuiteQL Library', prompt: 'A one-line description (optional)', value: existing.description ?? '' });
  if (description === undefined) return;
  const uri = vscode.Uri.joinPath(folder, libraryFolder, libraryFileName(name));
  try {
    await vscode.workspace.fs.stat(uri);
    const replace = await vscode.window.showWarningMessage(`${vscode.workspace.asRelativePath(uri)} already exists. Replace it?`, { modal: true }, 'Replace');
    if (replace !== 'Replace') return;
  } catch {
    // No such file yet: nothing to confirm.
  }
  const params = [...new Set(findParameters(text).map((p) => p.name))];
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(writeLibraryQuery(name, description, existing.body, params)));
  tree.refresh();
  void vscode.window.showInformationMessage(`Saved "${name.trim()}" to ${vscode.workspace.asRelativePath(uri)}.`);
}
