/**
 * Text from an agent (tool names, account values, record names, queries) as the activity and access views show it:
 * every control and invisible formatting character written out as an escape (`\n`, `\u202E`) instead of acting on
 * the text around it. A newline would split a tree label or a tooltip line and let an agent forge a second entry; a
 * bidi override (U+202E) makes "gnp.exe" read as "exe.png"; zero-width characters make two names look the same.
 *
 * The set: C0 controls and DEL, C1 controls (U+0080–U+009F), the soft hyphen, the Arabic letter mark (U+061C), the
 * Mongolian vowel separator (U+180E), zero-width space/joiners and the LRM/RLM marks (U+200B–U+200F), the line and
 * paragraph separators (U+2028/9), the bidi embeddings and overrides (U+202A–U+202E), word joiner and invisible
 * operators (U+2060–U+2064), the bidi isolates (U+2066–U+2069), the deprecated format characters (U+206A–U+206F),
 * the byte-order mark (U+FEFF) and the interlinear annotation characters (U+FFF9–U+FFFB). Unicode's own list of
 * bidi controls is in UAX #9 ("Explicit Directional Formatting Characters"), of the line separators in UAX #14.
 */

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const invisible = /[\u0000-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B-\u200F\u2028\u2029\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF\uFFF9-\uFFFB]/g;

const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeOne(character: string): string {
  return named[character] ?? `\\u${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** `text` with every control and invisible formatting character shown as an escape. */
export function visibleText(text: string): string {
  return text.replace(invisible, escapeOne);
}

