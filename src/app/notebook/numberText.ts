/**
 * When NetSuite's number text (every value comes as a string) may become a number: for the grid's column type, and
 * for a spreadsheet cell, which keeps only 15 significant digits. Its own small module: the XLSX writer's bundle
 * (dist/xlsxWriter.js) imports it without the rest of the result formatting.
 */

import { canonicalDecimal, sameDecimal } from '../../netsuite/decimalText';

// No leading zeros: `02134` (a ZIP code) or `00501` is text, and a number would lose its zeros.
const numberPattern = /^-?(0|[1-9]\d*)(\.\d+)?(E[+-]?\d+)?$/i;

/** Whether a value reads as a plain decimal number (NetSuite sends numbers as strings). */
export function isNumberText(value: string): boolean {
  return numberPattern.test(value);
}

/** Digits Excel keeps of a number: it shows and stores 15 significant digits, whatever the double holds. */
const spreadsheetDigits = 15;

/**
 * The value as a number when writing it as one loses nothing: a plain decimal without leading zeros, at most 15
 * significant digits (Excel's precision), whose double reads back as the same decimal. Otherwise undefined, and the
 * value is written as text: `02134`, `12345678901234567891`, `9007199254740993` and `0.1234567890123456789` stay
 * as they came.
 */
export function losslessNumber(value: string): number | undefined {
  if (!numberPattern.test(value)) return undefined;
  const decimal = canonicalDecimal(value);
  if (!decimal || decimal.digits.length > spreadsheetDigits) return undefined;
  const number = Number(value);
  if (!Number.isFinite(number) || !sameDecimal(value, String(number))) return undefined;
  return Object.is(number, -0) ? 0 : number;
}
