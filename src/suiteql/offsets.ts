/**
 * ANTLR counts characters in code points; JavaScript strings (and editors) count UTF-16 units. They differ only
 * when the text holds characters outside the BMP (emoji in a string or comment), so the map is built only then.
 */
export type CodePointToUtf16 = (codePointIndex: number) => number;

export function codePointToUtf16(text: string): CodePointToUtf16 {
  if (!/[\uD800-\uDFFF]/.test(text)) return (index) => index;
  const offsets: number[] = [];
  let unit = 0;
  for (const char of text) {
    offsets.push(unit);
    unit += char.length;
  }
  offsets.push(unit);
  return (index) => offsets[Math.min(Math.max(index, 0), offsets.length - 1)];
}
