/**
 * How the grid shows NetSuite's number strings: in the reader's locale, amounts to two decimals, fractions and counts
 * with thousands separators, ids and other whole numbers as NetSuite sent them. Only the display changes: sorting, filtering, copy and
 * export keep NetSuite's raw text (`126861.9`), so what is pasted or exported is exactly what NetSuite returned.
 */
import type { Cell, RowsColumn } from '../../src/protocol/rows';

export interface NumberDisplay {
  grouping: boolean;
  fractionDigits: number;
}

/** A number column's display; `undefined` means "show the raw text" (ids, years, document numbers). */
export type NumberFormatter = (raw: string) => string;

// SuiteQL names are run together in lower case (`balancesearch`, `foreigntotal`, `creditlimit`), so these are
// matched anywhere in the name. Money columns show two decimals even when every loaded value is whole.
const moneyName = /amount|amt$|total|balance|price|cost|creditlimit|debit|credit|revenue|profit|payment|deposit|discount/i;
const quantityName = /count|cnt$|qty|quantity|onhand|available|committed|backordered/i;
// Identifiers and codes: grouping `126861` as `126,861` would make an id look like a quantity and break searching.
// (`amountpaid` ends in "id" too.)
const identifierName = /(?<!pa)id$|number$|num$|year$|code$|key$/i;
const maxFractionDigits = 10;

function fractionDigitsOf(raw: string): number {
  const match = /^-?\d*\.(\d+)(?:e([+-]?\d+))?$/i.exec(raw);
  if (match) return Math.max(0, match[1].length - Number(match[2] ?? 0));
  const exponent = /^-?\d+e(-\d+)$/i.exec(raw);
  return exponent ? -Number(exponent[1]) : 0;
}

/**
 * Decides a number column's display from its name and a sample of its values: ids and codes stay raw; amounts get
 * two decimals; other fractional columns as many decimals as the sample needs (so decimals line up); counts and
 * quantities get thousands separators. Other whole-number columns stay raw: in SuiteQL they are mostly the internal
 * ids of referenced records (`entity`, `subsidiary`, `currency`), which no one reads as "126,861".
 */
export function numberDisplayFor(column: RowsColumn, sample: readonly Cell[]): NumberDisplay | undefined {
  if (column.type !== 'number' || column.recordType || identifierName.test(column.name)) return undefined;
  let digits = 0;
  for (const value of sample) if (value) digits = Math.max(digits, fractionDigitsOf(value));
  if (moneyName.test(column.name)) return { grouping: true, fractionDigits: Math.max(2, Math.min(digits, maxFractionDigits)) };
  if (digits > 0) return { grouping: true, fractionDigits: digits <= 2 ? 2 : Math.min(digits, maxFractionDigits) };
  return quantityName.test(column.name) ? { grouping: true, fractionDigits: 0 } : undefined;
}

/** The reader's locale: VS Code's display language as the webview reports it, else US English. */
export function displayLocale(doc: Document | undefined): string {
  const wanted = doc?.defaultView?.navigator?.language;
  try {
    if (wanted && Intl.NumberFormat.supportedLocalesOf([wanted]).length > 0) return wanted;
  } catch {
    // A malformed language tag: fall through.
  }
  return 'en-US';
}

/** A formatter for one column; a value that is not a plain number (NetSuite never sends one here) stays as sent. */
export function numberFormatter(locale: string, display: NumberDisplay): NumberFormatter {
  const format = new Intl.NumberFormat(locale, {
    useGrouping: display.grouping,
    minimumFractionDigits: display.fractionDigits,
    maximumFractionDigits: display.fractionDigits,
  });
  return (raw) => {
    if (raw.trim() === '' || !Number.isFinite(Number(raw))) return raw;
    // The string itself, not Number(raw): Intl formats decimal strings exactly, so 17-digit amounts keep their cents.
    return format.format(raw as Intl.StringNumericLiteral);
  };
}

/** Formatters for every column (undefined where the raw text is shown), decided from the first `sampleSize` rows. */
export function columnFormatters(
  locale: string,
  columns: readonly RowsColumn[],
  rows: readonly (readonly Cell[])[],
  sampleSize = 200,
): (NumberFormatter | undefined)[] {
  const sample = rows.slice(0, sampleSize);
  return columns.map((column, index) => {
    const display = numberDisplayFor(column, sample.map((row) => row[index] ?? null));
    return display ? numberFormatter(locale, display) : undefined;
  });
}
