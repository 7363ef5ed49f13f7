/**
 * Format Document for SuiteQL. The layout comes from a maintained SQL formatter (sql-formatter's PL/SQL dialect,
 * loaded only when someone formats: see `src/suiteql/sqlLayout.ts`); this module makes sure the result means exactly
 * what the person wrote. A formatter may only move whitespace: so the formatted text's tokens (our SuiteQL lexer's,
 * comments included) must equal the original's, one for one, or nothing is changed and the reason is given. That
 * keeps `BUILTIN.DF`, `ROWNUM`, `(+)`, `TOP n`, strings and comments intact whatever the formatter does.
 * Keywords keep the person's case: SuiteQL names such as `name` or `type` are keywords to the formatter.
 */
import { lexSuiteQL } from './parser';

/** The layout function: sql-formatter's `format` with our options, or a stand-in in tests. */
export type SqlLayout = (text: string) => string;

export type FormatResult = { ok: true; text: string } | { ok: false; reason: string };

export function formatSuiteQL(text: string, layout: SqlLayout): FormatResult {
  if (text.trim() === '') return { ok: true, text };
  let laidOut: string;
  try {
    laidOut = tidySuiteQLSpacing(layout(text));
  } catch (error) {
    return { ok: false, reason: `The formatter could not read this query: ${error instanceof Error ? error.message : String(error)}` };
  }
  const before = tokenTexts(text);
  const after = tokenTexts(laidOut);
  const differs = before.findIndex((token, index) => token !== after[index]);
  if (differs >= 0 || before.length !== after.length) {
    const at = differs >= 0 ? differs : Math.min(before.length, after.length);
    return { ok: false, reason: `Formatting would change the query near "${before[at] ?? after[at] ?? ''}", so it was left as written.` };
  }
  const trailingNewline = /\n$/.test(text) ? '\n' : '';
  return { ok: true, text: laidOut.replace(/\s+$/, '') + trailingNewline };
}

/** Every token but whitespace, as written (comments kept, trailing spaces of line comments ignored). */
function tokenTexts(text: string): string[] {
  return lexSuiteQL(text)
    .map((token) => (token.text ?? '').replace(/\s+$/, ''))
    .filter((token) => token !== '');
}

// Strings, quoted identifiers and comments, which the spacing fixes below must never touch.
const protectedText = /'(?:[^']|'')*'|"[^"]*"|--[^\n]*|\/\*[\s\S]*?\*\//g;

/**
 * SuiteQL spellings the generic formatter spaces differently from how NetSuite's documentation writes them:
 * `BUILTIN.DF (x)` → `BUILTIN.DF(x)` and `t.id (+)` → `t.id(+)`. Outside strings and comments only.
 */
export function tidySuiteQLSpacing(text: string): string {
  let result = '';
  let last = 0;
  for (const match of text.matchAll(protectedText)) {
    result += tidyCode(text.slice(last, match.index)) + match[0];
    last = match.index + match[0].length;
  }
  return result + tidyCode(text.slice(last));
}

function tidyCode(code: string): string {
  return code.replace(/\b(BUILTIN\.[A-Za-z_]+)\s+\(/g, '$1(').replace(/\s+\(\s*\+\s*\)/g, '(+)');
}
