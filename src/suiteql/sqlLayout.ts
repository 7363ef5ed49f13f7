/**
 * sql-formatter with the options SuiteLens uses, built as its own bundle (`dist/sqlLayout.js`) so the extension's
 * activation never loads it; `formatSuiteQL` checks that its output means the same as the input.
 */
import { format } from 'sql-formatter';

export function layoutSuiteQL(text: string, tabWidth = 2): string {
  return format(text, { language: 'plsql', keywordCase: 'preserve', identifierCase: 'preserve', tabWidth, linesBetweenQueries: 1 });
}
