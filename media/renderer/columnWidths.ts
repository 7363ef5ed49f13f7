/**
 * Column widths sized to their header and a sample of their (displayed) values, so ids, amounts and header names are
 * not cut off: "126861…" and "balancesear…" were, when widths came from a character count in another font.
 */

const minWidth = 48;
/** Widest an automatic width gets: one long memo should not push every other column off screen. */
export const maxAutoWidth = 420;
/** Room kept in every header for the sort glyph, so sorting never hides behind a long name. */
export const sortGlyphWidth = 16;
/** Cell padding (6px each side, see styles.ts) plus its 1px border and a pixel of slack. */
const cellPadding = 14;
const sampleSize = 200;

/** Text width in CSS pixels: one for the header's font, one for the cells'. */
export interface TextMeasure {
  header(text: string): number;
  cell(text: string): number;
}

/** Without a canvas (tests, odd hosts): a character count, generous enough for proportional UI fonts. */
export const estimatedMeasure: TextMeasure = {
  header: (text) => text.length * 8,
  cell: (text) => text.length * 7.4,
};

/**
 * Measures with a canvas in the fonts the grid actually uses (read from the page, so the user's editor font and
 * size count); falls back to the estimate where a canvas or styles are not available.
 */
export function canvasMeasure(doc: Document, headerElement: Element, cellElement: Element): TextMeasure {
  const view = doc.defaultView;
  let context: CanvasRenderingContext2D | null = null;
  try {
    context = doc.createElement('canvas').getContext('2d');
  } catch {
    context = null;
  }
  const fontOf = (element: Element): string => {
    const style = view?.getComputedStyle(element);
    if (!style?.fontFamily || !style.fontSize) return '';
    return `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
  };
  const headerFont = fontOf(headerElement);
  const cellFont = fontOf(cellElement);
  if (!context || !headerFont || !cellFont) return estimatedMeasure;
  const measure = (font: string) => (text: string) => {
    context.font = font;
    return context.measureText(text).width;
  };
  return { header: measure(headerFont), cell: measure(cellFont) };
}

/** The width one column needs: its header plus the sort glyph, or its widest sampled value, within the limits. */
export function autoColumnWidth(header: string, texts: Iterable<string>, measure: TextMeasure): number {
  let widest = measure.header(header) + sortGlyphWidth;
  let seen = 0;
  for (const text of texts) {
    if (seen++ >= sampleSize) break;
    widest = Math.max(widest, measure.cell(text));
    if (widest >= maxAutoWidth) break;
  }
  return Math.ceil(Math.min(maxAutoWidth, Math.max(minWidth, widest + cellPadding)));
}

/** A width the person dragged to: anything from narrow to very wide, whatever the automatic limit. */
export function clampWidth(width: number): number {
  return Math.round(Math.min(1200, Math.max(minWidth, width)));
}
