import * as vscode from 'vscode';
import type { NetSuiteClient } from '../../netsuite/client';
import { completeSuiteQL, type SuiteQLCompletionKind } from '../../suiteql/completion';
import { diagnoseSuiteQL } from '../../suiteql/diagnostics';
import { hoverSuiteQL } from '../../suiteql/hover';
import { warmUpSuiteQL } from '../../suiteql/parser';
import { SuiteQLSchema } from '../../suiteql/schema';
import { tablesReadBy } from '../../suiteql/tables';
import type { AccountRegistry } from '../accounts/accountRegistry';
import { notebookType } from '../notebook/serializer';

const completionKinds: Record<SuiteQLCompletionKind, vscode.CompletionItemKind> = {
  table: vscode.CompletionItemKind.Class,
  column: vscode.CompletionItemKind.Field,
  alias: vscode.CompletionItemKind.Variable,
  join: vscode.CompletionItemKind.Snippet,
  function: vscode.CompletionItemKind.Function,
  keyword: vscode.CompletionItemKind.Keyword,
};

/**
 * Per-account SuiteQL schemas: the bundled standard tables at once, record types from the metadata catalog as
 * queries mention them (one cached request each — the catalog's full schema set is slow in real NetSuite), and
 * columns learned from results.
 */
export class SuiteQLSchemas {
  private readonly schemas = new Map<string, SuiteQLSchema>();
  private readonly loaded = new Map<string, Set<string>>();
  private readonly catalogs = new Map<string, Promise<Set<string>>>();
  private readonly multiPage = new Set<string>();

  constructor(private readonly registry: AccountRegistry<NetSuiteClient>) {}

  schemaFor(accountId: string | undefined): SuiteQLSchema {
    const key = accountId ?? '';
    let schema = this.schemas.get(key);
    if (!schema) {
      schema = SuiteQLSchema.withStandardTables();
      this.schemas.set(key, schema);
    }
    return schema;
  }

  /** Adds catalog schemas for the tables a query reads (best effort: completion works without them). */
  async loadTablesOf(accountId: string | undefined, query: string): Promise<void> {
    if (!accountId) return;
    const read = tablesReadBy(query);
    if (!read.ok) return;
    const done = this.loaded.get(accountId) ?? new Set<string>();
    this.loaded.set(accountId, done);
    const wanted = read.tables.filter((table) => !done.has(table));
    if (wanted.length === 0) return;
    try {
      const { client } = await this.registry.scope(accountId);
      let catalog = this.catalogs.get(accountId);
      if (!catalog) {
        catalog = client.metadata.recordTypes().then((names) => new Set(names.map((n) => n.toLowerCase())));
        this.catalogs.set(accountId, catalog);
      }
      const known = await catalog;
      await Promise.all(
        wanted.map(async (table) => {
          done.add(table);
          if (!known.has(table)) return;
          this.schemaFor(accountId).addRecordTypeSchema(table, await client.metadata.schema(table));
        }),
      );
    } catch {
      // Offline, signed out or no permission: the standard tables still complete.
    }
  }

  learn(accountId: string, query: string, columns: readonly string[]): void {
    const read = tablesReadBy(query);
    if (read.ok && read.tables.length === 1) this.schemaFor(accountId).learnColumns(read.tables[0], columns);
  }

  /** Remembers queries whose results spanned several pages: only those risk rows shifting between pages. */
  noteResultSize(query: string, totalResults: number, pageSize: number): void {
    const key = normaliseQuery(query);
    if (totalResults > pageSize) this.multiPage.add(key);
    else this.multiPage.delete(key);
  }

  isMultiPage(query: string): boolean {
    return this.multiPage.has(normaliseQuery(query));
  }
}

function normaliseQuery(query: string): string {
  return query.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** The account a SuiteQL document runs against: its notebook's account, else the active account. */
function accountOfDocument(document: vscode.TextDocument, registry: AccountRegistry<NetSuiteClient>): string | undefined {
  const notebook = vscode.workspace.notebookDocuments.find((nb) => nb.getCells().some((cell) => cell.document === document));
  const remembered = notebook?.notebookType === notebookType ? notebook.metadata?.account : undefined;
  return typeof remembered === 'string' ? remembered : registry.activeAccountId;
}

export function registerSuiteQLLanguage(registry: AccountRegistry<NetSuiteClient>, schemas: SuiteQLSchemas): vscode.Disposable {
  const selector: vscode.DocumentSelector = [{ language: 'suiteql' }];
  const diagnostics = vscode.languages.createDiagnosticCollection('suiteql');
  const pending = new Map<string, ReturnType<typeof setTimeout>>();

  const diagnose = (document: vscode.TextDocument) => {
    if (document.languageId !== 'suiteql') return;
    const key = document.uri.toString();
    clearTimeout(pending.get(key));
    pending.set(
      key,
      setTimeout(() => {
        pending.delete(key);
        const text = document.getText();
        // The "no ORDER BY" warning only once a run showed the result spans pages; otherwise it would be noise.
        const found = diagnoseSuiteQL(text, schemas.schemaFor(accountOfDocument(document, registry)), { multiPage: schemas.isMultiPage(text) });
        diagnostics.set(
          document.uri,
          found.map((d) => {
            const diagnostic = new vscode.Diagnostic(
              new vscode.Range(document.positionAt(d.start), document.positionAt(d.end)),
              d.message,
              d.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning,
            );
            diagnostic.source = 'SuiteQL';
            diagnostic.code = d.code;
            return diagnostic;
          }),
        );
      }, 300),
    );
  };

  // The first parse warms ANTLR's DFA (hundreds of ms): do it in the background, never on a keystroke.
  const warm = setTimeout(() => warmUpSuiteQL(), 1500);

  return vscode.Disposable.from(
    diagnostics,
    { dispose: () => clearTimeout(warm) },
    { dispose: () => pending.forEach((timer) => clearTimeout(timer)) },
    vscode.languages.registerCompletionItemProvider(
      selector,
      {
        async provideCompletionItems(document, position) {
          const accountId = accountOfDocument(document, registry);
          const text = document.getText();
          await schemas.loadTablesOf(accountId, text);
          const offset = document.offsetAt(position);
          return completeSuiteQL(text, offset, schemas.schemaFor(accountId)).map((item) => {
            const completion = new vscode.CompletionItem(item.label, completionKinds[item.kind]);
            completion.detail = item.detail;
            if (item.documentation) completion.documentation = new vscode.MarkdownString(item.documentation);
            completion.insertText = item.insertText;
            completion.sortText = item.sortText;
            completion.range = new vscode.Range(document.positionAt(item.replaceStart), document.positionAt(item.replaceEnd));
            return completion;
          });
        },
      },
      '.',
      ' ',
    ),
    vscode.languages.registerHoverProvider(selector, {
      async provideHover(document, position) {
        const accountId = accountOfDocument(document, registry);
        await schemas.loadTablesOf(accountId, document.getText());
        const hover = hoverSuiteQL(document.getText(), document.offsetAt(position), schemas.schemaFor(accountId));
        if (!hover) return undefined;
        return new vscode.Hover(new vscode.MarkdownString(hover.contents), new vscode.Range(document.positionAt(hover.start), document.positionAt(hover.end)));
      },
    }),
    vscode.workspace.onDidOpenTextDocument(diagnose),
    vscode.workspace.onDidChangeTextDocument((event) => diagnose(event.document)),
    vscode.workspace.onDidCloseTextDocument((document) => diagnostics.delete(document.uri)),
  );
}
