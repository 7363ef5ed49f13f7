/**
 * Whether a person is at a notebook when one of its cells is asked to run. VS Code's notebook API does not tell a
 * controller who started a run: the cell's run button, Ctrl+Enter, another extension calling `notebook.cell.execute`
 * and VS Code's own chat tool `copilot_runNotebookCell` (which calls that same command, microsoft/vscode-copilot-chat
 * src/platform/notebook/vscode/notebookServiceImpl.ts `runCells`) all reach the execute handler alike. What an
 * extension can observe is the person's own hand on the notebook: VS Code reports selection changes made with the
 * keyboard or mouse (`TextEditorSelectionChangeKind`), cell selection in the notebook editor, and which notebook
 * editor is active in a focused window. A run counts as the person's when the window has focus, this notebook is
 * the active notebook editor, and the person touched it moments ago. Anything else is "not known to be a person":
 * the controller then asks or refuses (see runGate.ts). This is a heuristic in the safe direction: a person can be
 * asked once too often, and an agent's run slips through only inside that short window after the person's own touch.
 */
import * as vscode from 'vscode';

/** How long after the person's last touch of a notebook a run still counts as theirs. */
export const personTouchWindowMs = 20_000;

export class PersonAtNotebook implements vscode.Disposable {
  private readonly lastTouch = new Map<string, number>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly now: () => number = Date.now) {
    this.subscriptions = [
      vscode.window.onDidChangeActiveNotebookEditor((editor) => editor && this.touched(editor.notebook)),
      vscode.window.onDidChangeNotebookEditorSelection(({ notebookEditor }) => this.touched(notebookEditor.notebook)),
      vscode.window.onDidChangeTextEditorSelection(({ textEditor, kind }) => {
        // Only the person's keyboard or mouse; an extension's edit or reveal reports `Command` or no kind at all.
        if (kind !== vscode.TextEditorSelectionChangeKind.Keyboard && kind !== vscode.TextEditorSelectionChangeKind.Mouse) return;
        const notebook = notebookOfCell(textEditor.document);
        if (notebook) this.touched(notebook);
      }),
    ];
    const active = vscode.window.activeNotebookEditor;
    if (active) this.touched(active.notebook);
  }

  /** True when the run can be put down to a person at this notebook (see the file comment for what that means). */
  isPersonAt(notebook: vscode.NotebookDocument): boolean {
    if (!vscode.window.state.focused) return false;
    if (vscode.window.activeNotebookEditor?.notebook !== notebook) return false;
    const touched = this.lastTouch.get(notebook.uri.toString());
    return touched !== undefined && this.now() - touched <= personTouchWindowMs;
  }

  private touched(notebook: vscode.NotebookDocument): void {
    this.lastTouch.set(notebook.uri.toString(), this.now());
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.lastTouch.clear();
  }
}

function notebookOfCell(document: vscode.TextDocument): vscode.NotebookDocument | undefined {
  if (document.uri.scheme !== 'vscode-notebook-cell') return undefined;
  return vscode.workspace.notebookDocuments.find((notebook) => notebook.getCells().some((cell) => cell.document === document));
}
