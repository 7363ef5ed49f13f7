/**
 * Text from an agent (tool names, account values, record names, queries) as the activity and access views show it:
 * every control, invisible or blank-looking character written out as an escape (`\n`, `\u202E`, `\u{E0041}`)
 * instead of acting on the text around it. A newline would split a tree label or a tooltip line and let an agent
 * forge a second entry; a bidi override (U+202E) makes "gnp.exe" read as "exe.png"; zero-width characters, tag
 * characters (U+E0000–U+E007F) and variation selectors make two names look the same.
 *
 * The set is defined by Unicode properties, not a list that falls behind: controls (Cc), format characters (Cf:
 * bidi controls, zero-width joiners, tags, musical formatting), every Default_Ignorable_Code_Point (variation
 * selectors, U+034F, the Mongolian free variation selectors, U+17B4/5, the Hangul fillers U+115F/U+1160/U+3164/
 * U+FFA0), the line and paragraph separators (Zl, Zp), every space separator other than the ordinary space (Zs:
 * no-break, em, ideographic spaces), surrogates, private-use and unassigned code points, plus the blank-looking
 * letters Unicode does not mark ignorable (U+2800 Braille blank). Sources: UAX #44 (DerivedCoreProperties.txt,
 * Default_Ignorable_Code_Point), UAX #9 for the bidi controls, UAX #14 for the line separators.
 */

const invisible = /(?! )[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}\p{Zl}\p{Zp}\p{Zs}\p{Cs}\p{Co}\p{Cn}\u2800]/gu;

const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeOne(character: string): string {
  const named_ = named[character];
  if (named_) return named_;
  const code = character.codePointAt(0) ?? 0;
  const hex = code.toString(16).toUpperCase();
  return code > 0xffff ? `\\u{${hex}}` : `\\u${hex.padStart(4, '0')}`;
}

/** `text` with every control, invisible and blank-looking character shown as an escape. */
export function visibleText(text: string): string {
  return text.replace(invisible, escapeOne);
}

/**
 * A text SuiteLens laid out in lines (a write's change: a summary, then one line per field and per sublist line),
 * whose agent values were each escaped as they were written in (tools/writeBody.ts, `quoted`): its own line breaks
 * stay, and anything else invisible on a line is escaped.
 */
export function visibleLines(text: string): string {
  return text.split('\n').map(visibleText).join('\n');
}

/**
 * An agent's value inside '…' in a sentence a person reads: shown visibly (above), its backslashes and quotes
 * escaped so the value can never close its quotes and go on as our own words, and runs of spaces counted so padding
 * cannot push a forged sentence out of view ("Acme' (id 417) — allowed by 'customer: Create'.   RT agent read …").
 */
export function quoted(text: string): string {
  const escaped = visibleText(text.replace(/\\/g, '\\\\')).replace(/'/g, "\\'");
  return `'${escaped.replace(/ {2,}/g, (run) => `⟨${run.length} spaces⟩`)}'`;
}
