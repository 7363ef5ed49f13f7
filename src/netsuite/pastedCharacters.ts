/**
 * Characters that ride along when an id or a secret is pasted from a web page, a chat or a PDF and that NetSuite
 * rejects later with a bare INVALID_LOGIN: zero-width and direction marks (invisible), odd spaces, and the full-width
 * forms East Asian input methods type (`１２３` looks like `123`). Found here so the message can name the character.
 */

const invisibleNames: Record<number, string> = {
  0x00a0: 'NO-BREAK SPACE',
  0x00ad: 'SOFT HYPHEN',
  0x034f: 'COMBINING GRAPHEME JOINER',
  0x061c: 'ARABIC LETTER MARK',
  0x180e: 'MONGOLIAN VOWEL SEPARATOR',
  0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x2028: 'LINE SEPARATOR',
  0x2029: 'PARAGRAPH SEPARATOR',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x202f: 'NARROW NO-BREAK SPACE',
  0x205f: 'MEDIUM MATHEMATICAL SPACE',
  0x2060: 'WORD JOINER',
  0x2061: 'FUNCTION APPLICATION',
  0x2062: 'INVISIBLE TIMES',
  0x2063: 'INVISIBLE SEPARATOR',
  0x2064: 'INVISIBLE PLUS',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
  0x3000: 'IDEOGRAPHIC SPACE',
  0x3164: 'HANGUL FILLER',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE (byte-order mark)',
};

export interface PastedCharacter {
  /** `U+200B` */
  codePoint: string;
  /** `ZERO WIDTH SPACE`, or `FULLWIDTH DIGIT ONE` */
  name: string;
  /** 1-based position in the text, counted in characters. */
  position: number;
  invisible: boolean;
}

function codePointLabel(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

function fullWidthName(code: number): string | undefined {
  if (code < 0xff01 || code > 0xff5e) return undefined;
  const ascii = String.fromCodePoint(code - 0xfee0);
  if (/[0-9]/.test(ascii)) return `FULLWIDTH DIGIT ${['ZERO', 'ONE', 'TWO', 'THREE', 'FOUR', 'FIVE', 'SIX', 'SEVEN', 'EIGHT', 'NINE'][Number(ascii)]}`;
  if (/[A-Z]/.test(ascii)) return `FULLWIDTH LATIN CAPITAL LETTER ${ascii}`;
  if (/[a-z]/.test(ascii)) return `FULLWIDTH LATIN SMALL LETTER ${ascii.toUpperCase()}`;
  return `FULLWIDTH form of "${ascii}"`;
}

/** The first invisible, odd-space or full-width character in the text, if any. */
export function findPastedCharacter(text: string): PastedCharacter | undefined {
  let position = 0;
  for (const char of text) {
    position++;
    const code = char.codePointAt(0) ?? 0;
    const invisible = invisibleNames[code] ?? (code >= 0x2000 && code <= 0x200a ? 'SPACE (typographic)' : code >= 0xe0000 && code <= 0xe007f ? 'TAG CHARACTER' : undefined);
    if (invisible) return { codePoint: codePointLabel(code), name: invisible, position, invisible: true };
    const wide = fullWidthName(code);
    if (wide) return { codePoint: codePointLabel(code), name: wide, position, invisible: false };
  }
  return undefined;
}

/** `an invisible ZERO WIDTH SPACE (U+200B) at position 4` — for messages that say what to fix. */
export function describePastedCharacter(found: PastedCharacter): string {
  return found.invisible
    ? `an invisible ${found.name} (${found.codePoint}) at position ${found.position}`
    : `the full-width character "${String.fromCodePoint(parseInt(found.codePoint.slice(2), 16))}" (${found.name}, ${found.codePoint}) at position ${found.position}`;
}
