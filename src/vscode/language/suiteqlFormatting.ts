/**
 * Format Document / Format Selection for SuiteQL files and notebook cells. The layout library is its own bundle,
 * required on the first format, so activation never pays for it. What `formatSuiteQL` will not change (a layout
 * that would alter a token) is said in the status bar, and the text stays as written.
 */
import { join } from 'node:path';
import * as vscode from 'vscode';
import { formatSuiteQL, type SqlLayout } from '../../suiteql/format';

interface SqlLayoutModule {
  layoutSuiteQL(text: string, tabWidth?: number): string;
}

export function registerSuiteQLFormatting(extensionPath: string): vscode.Disposable {
  let layoutModule: SqlLayoutModule | undefined;
  const layoutFor = (options: vscode.FormattingOptions): SqlLayout => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a separate bundle, loaded on first use
    layoutModule ??= require(join(extensionPath, 'dist', 'sqlLayout.js')) as SqlLayoutModule;
    const tabWidth = options.insertSpaces ? options.tabSize : 2;
    return (text) => layoutModule!.layoutSuiteQL(text, tabWidth);
  };

  const edits = (document: vscode.TextDocument, range: vscode.Range, options: vscode.FormattingOptions): vscode.TextEdit[] => {
    const original = document.getText(range);
    const result = formatSuiteQL(original, layoutFor(options));
    if (!result.ok) {
      vscode.window.setStatusBarMessage(`SuiteQL: ${result.reason}`, 8000);
      return [];
    }
    if (result.text === original) return [];
    // A selection that starts indented keeps its indentation on every line.
    const indent = range.start.character > 0 ? '' : (/^[ \t]*/.exec(document.lineAt(range.start.line).text)?.[0] ?? '');
    const text = indent ? result.text.split('\n').map((line, index) => (index === 0 || line === '' ? line : indent + line)).join('\n') : result.text;
    return [vscode.TextEdit.replace(range, text)];
  };

  const selector: vscode.DocumentSelector = [{ language: 'suiteql' }];
  return vscode.Disposable.from(
    vscode.languages.registerDocumentFormattingEditProvider(selector, {
      provideDocumentFormattingEdits(document, options) {
        const whole = new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length));
        return edits(document, whole, options);
      },
    }),
    vscode.languages.registerDocumentRangeFormattingEditProvider(selector, {
      provideDocumentRangeFormattingEdits(document, range, options) {
        return edits(document, range, options);
      },
    }),
  );
}
