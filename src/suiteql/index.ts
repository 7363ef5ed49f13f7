// The SuiteQL language service: pure (no `vscode`), used by the editor adapters, the agent policy and the MCP
// server. Everything takes and returns plain text offsets (UTF-16, as editors count).
export { completeSuiteQL, type SuiteQLCompletionItem, type SuiteQLCompletionKind } from './completion';
export { diagnoseSuiteQL, type DiagnosticOptions, type SuiteQLDiagnostic, type SuiteQLDiagnosticCode } from './diagnostics';
export { findFunction, suiteQLFunctions, suiteQLKeywords, type SuiteQLFunction } from './functions';
export { hoverSuiteQL, type SuiteQLHover } from './hover';
export { parseSuiteQL, toParserText, warmUpSuiteQL, type SyntaxProblem } from './parser';
export { SuiteQLSchema, type ColumnSource, type RecordTypeSchemaOptions, type SchemaColumn, type SchemaTable } from './schema';
export { standardTables, type StandardTable } from './standardTables';
export { tablesReadBy, type TablesReadResult } from './tables';
