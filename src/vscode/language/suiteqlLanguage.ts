import { join } from 'node:path';
import * as vscode from 'vscode';
import type { NetSuiteClient } from '../../netsuite/client';
import type { Logger } from '../../netsuite/log';
import { analyticsTablesFileName, loadAnalyticsTables, type AnalyticsTableList } from '../../suiteql/analyticsTables';
import { CatalogLoader } from '../../suiteql/catalogLoader';
import { completeSuiteQL, type SuiteQLCompletionKind } from '../../suiteql/completion';
import { diagnoseSuiteQL } from '../../suiteql/diagnostics';
import { hoverSuiteQL } from '../../suiteql/hover';
import { warmUpSuiteQL } from '../../suiteql/parser';
import { SuiteQLSchema } from '../../suiteql/schema';
import { tablesReadBy } from '../../suiteql/tables';
import type { AccountRegistry } from '../accounts/accountRegistry';
import { accountStateKey } from '../../app/accounts/accountState';
import { notebookType } from '../notebook/serializer';
import { registerRunErrorDiagnostics } from './runErrorDiagnostics';

/** Each offered item's Markdown, kept here until the editor asks for it (resolveCompletionItem). */
const documentationOf = new WeakMap<vscode.CompletionItem, string>();

const completionKinds: Record<SuiteQLCompletionKind, vscode.CompletionItemKind> = {
  table: vscode.CompletionItemKind.Class,
  column: vscode.CompletionItemKind.Field,
  alias: vscode.CompletionItemKind.Variable,
  join: vscode.CompletionItemKind.Snippet,
  function: vscode.CompletionItemKind.Function,
  keyword: vscode.CompletionItemKind.Keyword,
  value: vscode.CompletionItemKind.EnumMember,
};

/** An account's SuiteQL schema and the loader filling it from its catalog, kept in the account's state. */
const schemaKey = accountStateKey<SuiteQLSchema>('suiteql.schema');
const loaderKey = accountStateKey<CatalogLoader>('suiteql.catalogLoader');

/**
 * Per-account SuiteQL schemas (each in its account's state, so it goes with the account): the bundled standard tables at once, every record type of the account's metadata
 * catalog by name on first use (columns as queries bring a table into scope), and columns learned from results.
 * Catalog lookups that fail are retried after a backoff (catalogLoader.ts), so completion recovers after a moment
 * offline instead of waiting for a VS Code restart.
 */
export class SuiteQLSchemas {
  /** The schema used where no account is known yet; each account's own lives in its state (schemaKey). */
  private noAccountSchema?: SuiteQLSchema;
  private readonly multiPage = new Set<string>();
  private analyticsTables?: AnalyticsTableList;
  private analyticsLoading?: Promise<void>;

  /**
   * @param analyticsTablesFile the analytics table names esbuild.mjs copies beside the bundle (by default); read on
   * the first schema asked for, never at activation.
   */
  constructor(
    private readonly registry: AccountRegistry<NetSuiteClient>,
    private readonly logger?: Logger,
    // Undefined: beside the bundle, worked out on first use (the name lives in the SuiteQL service, loaded lazily).
    private readonly analyticsTablesFile?: string,
  ) {}

  schemaFor(accountId: string | undefined): SuiteQLSchema {
    if (accountId === undefined || accountId === '') return (this.noAccountSchema ??= this.newSchema(''));
    return this.registry.state(accountId).get(schemaKey, () => this.newSchema(accountId));
  }

  private newSchema(accountId: string): SuiteQLSchema {
    const schema = SuiteQLSchema.withStandardTables();
    if (this.wantsAnalyticsTables(accountId)) {
      if (this.analyticsTables) schema.addAnalyticsTables(this.analyticsTables);
      this.analyticsLoading ??= this.loadAnalyticsTables();
    }
    return schema;
  }

  /** Every schema made so far, with its account ('' for none). */
  private *schemas(): Generator<[string, SuiteQLSchema]> {
    if (this.noAccountSchema) yield ['', this.noAccountSchema];
    for (const state of this.registry.accountStates()) {
      const schema = state.peek(schemaKey);
      if (schema) yield [state.accountId, schema];
    }
  }

  /**
   * Real accounts get the analytics table names; the demo sandbox does not: its catalog and bundled tables already
   * name every table it has, and offering names it would refuse would send a demo user into "Invalid search type".
   */
  private wantsAnalyticsTables(accountId: string): boolean {
    return accountId === '' || this.registry.get(accountId)?.demo !== true;
  }

  /** Resolves once the analytics table names are in every schema (or could not be read, which is logged). */
  whenAnalyticsTablesLoaded(): Promise<void> {
    return this.analyticsLoading ?? Promise.resolve();
  }

  private async loadAnalyticsTables(): Promise<void> {
    try {
      this.analyticsTables = await loadAnalyticsTables(this.analyticsTablesFile ?? join(__dirname, analyticsTablesFileName));
      for (const [accountId, schema] of this.schemas()) if (this.wantsAnalyticsTables(accountId)) schema.addAnalyticsTables(this.analyticsTables);
    } catch (error) {
      this.logger?.info('SuiteQL completion could not read the bundled analytics table names; it offers the standard tables and the catalog', error);
    }
  }

  /**
   * Adds the catalog's record type names and the catalog columns of the tables a query reads. Waits at most
   * `waitMs`: a slow catalog must not hold up the editor, and what arrives later is there on the next keystroke.
   */
  async loadTablesOf(accountId: string | undefined, query: string, waitMs = 1_500): Promise<void> {
    if (!accountId) return;
    const read = tablesReadBy(query);
    const loading = this.loaderFor(accountId).load(read.ok ? read.tables : []);
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([loading, new Promise<void>((resolve) => (timer = setTimeout(resolve, waitMs)))]);
    clearTimeout(timer);
  }

  private loaderFor(accountId: string): CatalogLoader {
    return this.registry.state(accountId).get(
      loaderKey,
      () =>
        new CatalogLoader(this.schemaFor(accountId), {
          source: async () => (await this.registry.scope(accountId)).client.metadata,
          // The demo sandbox's catalog and the bundled tables name every table it has (wantsAnalyticsTables).
          tablesComplete: this.registry.get(accountId)?.demo === true,
          onFailure: (what, error) => this.logger?.info(`SuiteQL completion could not load ${what} of ${accountId}; will retry`, error),
        }),
    );
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

/** The editor's diagnostics for a SuiteQL document. */
function suiteQLDiagnostics(document: vscode.TextDocument, schema: SuiteQLSchema, schemas: SuiteQLSchemas): vscode.Diagnostic[] {
  const text = document.getText();
  // The "no ORDER BY" warning only once a run showed the result spans pages; otherwise it would be noise.
  return diagnoseSuiteQL(text, schema, { multiPage: schemas.isMultiPage(text) }).map((d) => {
    const diagnostic = new vscode.Diagnostic(
      new vscode.Range(document.positionAt(d.start), document.positionAt(d.end)),
      d.message,
      d.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning,
    );
    diagnostic.source = 'SuiteQL';
    diagnostic.code = d.code;
    return diagnostic;
  });
}

/**
 * "Did you mean" quick fixes: the diagnostics are worked out again for the document (diagnostics that reach a code
 * action provider are copies, so they cannot carry the suggestion themselves).
 */
function didYouMeanFixes(document: vscode.TextDocument, range: vscode.Range, schema: SuiteQLSchema, schemas: SuiteQLSchemas): vscode.CodeAction[] {
  const text = document.getText();
  const fixes: vscode.CodeAction[] = [];
  for (const found of diagnoseSuiteQL(text, schema, { multiPage: schemas.isMultiPage(text) })) {
    const at = new vscode.Range(document.positionAt(found.start), document.positionAt(found.end));
    if (!found.suggestion || !at.intersection(range)) continue;
    const fix = new vscode.CodeAction(`Change to "${found.suggestion}"`, vscode.CodeActionKind.QuickFix);
    fix.edit = new vscode.WorkspaceEdit();
    fix.edit.replace(document.uri, at, found.suggestion);
    fix.isPreferred = true;
    fixes.push(fix);
  }
  return fixes;
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
        void diagnoseNow(document);
      }, 300),
    );
  };
  const diagnoseNow = async (document: vscode.TextDocument) => {
    const version = document.version;
    const accountId = accountOfDocument(document, registry);
    // The catalog's table names (and the columns of the tables the query reads) first: an unknown name is judged
    // against what the account has, not only the bundled tables. Bounded, so a slow catalog never holds it up long.
    await schemas.loadTablesOf(accountId, document.getText());
    if (document.isClosed || document.version !== version) return;
    diagnostics.set(document.uri, suiteQLDiagnostics(document, schemas.schemaFor(accountId), schemas));
  };

  // The first parse loads the grammar (1.9 MB, scripts/lazyLibraries.mjs) and warms ANTLR's DFA (hundreds of ms):
  // do it in the background once a SuiteQL file or notebook cell is open, never on a keystroke, and never in a
  // window that shows no SuiteQL (activation then stays small).
  let warm: ReturnType<typeof setTimeout> | undefined;
  const warmUpFor = (document: vscode.TextDocument) => {
    if (warm === undefined && document.languageId === 'suiteql') warm = setTimeout(() => warmUpSuiteQL(), 1500);
  };
  vscode.workspace.textDocuments.forEach(warmUpFor);

  return vscode.Disposable.from(
    diagnostics,
    registerRunErrorDiagnostics((accountId) => schemas.schemaFor(accountId)),
    vscode.workspace.onDidOpenTextDocument(warmUpFor),
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
          // Every item of one answer replaces the same word (after FROM that is 1,000+ tables): one Range for all.
          const ranges = new Map<string, vscode.Range>();
          const rangeOf = (start: number, end: number): vscode.Range => {
            const key = `${start}:${end}`;
            let range = ranges.get(key);
            if (!range) ranges.set(key, (range = new vscode.Range(document.positionAt(start), document.positionAt(end))));
            return range;
          };
          return completeSuiteQL(text, offset, schemas.schemaFor(accountId)).map((item) => {
            // A type id shows NetSuite's label on its row ("CustInvc  Invoice"): the id alone means little.
            const label = item.kind === 'value' && item.detail ? { label: item.label, description: item.detail } : item.label;
            const completion = new vscode.CompletionItem(label, completionKinds[item.kind]);
            completion.detail = item.detail;
            if (item.documentation) documentationOf.set(completion, item.documentation);
            completion.insertText = item.insertText;
            completion.sortText = item.sortText;
            completion.range = rangeOf(item.replaceStart, item.replaceEnd);
            return completion;
          });
        },
        // The hover text of an item (a table's description, a column's) is sent to the editor only for the item
        // the person looks at: for a list of 1,000+ tables it was most of what crossed to the window on each key.
        resolveCompletionItem(completion) {
          const documentation = documentationOf.get(completion);
          if (documentation) completion.documentation = new vscode.MarkdownString(documentation);
          return completion;
        },
      },
      '.',
      ' ',
      // Inside `type = '|'` the type ids are offered as the quote is typed.
      "'",
    ),
    vscode.languages.registerCodeActionsProvider(selector, { provideCodeActions: (document, range) => didYouMeanFixes(document, range, schemas.schemaFor(accountOfDocument(document, registry)), schemas) }, {
      providedCodeActionKinds: [vscode.CodeActionKind.QuickFix],
    }),
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
