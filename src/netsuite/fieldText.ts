/**
 * Typed text → the value NetSuite's REST API gets, for CSV import, grid edits and bulk Set field. One strict
 * grammar per kind, so that what a person typed is either sent exactly as meant or refused with the reason: a value
 * read "nearly" (`1,5` as 15, `0x1A` as 26, `2024-02-30` as 1 March) is a wrong value written to NetSuite.
 *
 * Numbers are sent as JSON numbers (src/netsuite/records.ts sends the body as JSON; NetSuite's record schema types
 * them `number`/`integer`), that is as doubles: a value a double cannot hold exactly is refused rather than rounded.
 */

import { sameDecimal } from './decimalText';

/** A parsed value, or the reason (without the field's name; the caller puts that in front). */
export type TextParse<T> = { value: T; reason?: undefined } | { value?: undefined; reason: string };

const plainDecimal = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
// Thousands separators: commas between groups of exactly three digits, at most one decimal point after them.
const groupedDecimal = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const plainInteger = /^[+-]?\d+$/;
const groupedInteger = /^[+-]?\d{1,3}(?:,\d{3})+$/;

/** A decimal number: `1234.5`, `-0.5`, `1.5e3`, `1,234.5`, `1,234,567`. */
export function parseDecimalText(text: string): TextParse<number> {
  return parseNumberText(text, 'number');
}

/** A whole number: `42`, `-7`, `1,234,567`; no decimal point or exponent. */
export function parseIntegerText(text: string): TextParse<number> {
  return parseNumberText(text, 'integer');
}

function parseNumberText(text: string, kind: 'number' | 'integer'): TextParse<number> {
  const trimmed = text.trim();
  const what = kind === 'integer' ? 'a whole number' : 'a number';
  const grouped = (kind === 'integer' ? groupedInteger : groupedDecimal).test(trimmed);
  if (!grouped && !(kind === 'integer' ? plainInteger : plainDecimal).test(trimmed)) return { reason: notANumber(trimmed, what, kind) };
  // `1,234` alone reads as 1234 (thousands comma) or 1.234 (decimal comma, as in much of Europe): refuse to guess.
  if (grouped && /^[+-]?\d{1,3},\d{3}$/.test(trimmed)) {
    const digits = trimmed.replace(/^[+-]/, '');
    return { reason: `is ambiguous: it reads as ${digits.replace(',', '')} (comma separating thousands) or ${digits.replace(',', '.')} (decimal comma); type ${digits.replace(',', '')} or ${digits.replace(',', '.')}` };
  }
  const plain = trimmed.replace(/,/g, '');
  const value = Number(plain);
  if (!Number.isFinite(value)) return { reason: `is too large for a number` };
  if (kind === 'integer' && !Number.isSafeInteger(value)) {
    return { reason: `is too large to send exactly: NetSuite takes whole numbers as JSON numbers, exact only up to ${Number.MAX_SAFE_INTEGER.toLocaleString('en-US')} either way` };
  }
  if (!sameDecimal(plain, String(value))) return { reason: `has more digits than NetSuite keeps (about 15 significant digits): it would be saved as ${String(value)}` };
  return { value: Object.is(value, -0) ? 0 : value };
}

function notANumber(text: string, what: string, kind: 'number' | 'integer'): string {
  if (/^[+-]?0[xXbBoO]/.test(text)) return `is not ${what}: only decimal digits are read (not hexadecimal, binary or octal)`;
  if (kind === 'integer' && plainDecimal.test(text.replace(/,/g, '')) && /^[+-]?[\d,]*[.eE]/.test(text)) return `is not ${what}`;
  if (/^[+-]?[\d.,]+$/.test(text) && /\d/.test(text)) {
    return kind === 'integer'
      ? `is not ${what}: type the digits alone (1234567), or with commas between groups of three (1,234,567)`
      : `is not ${what}: type a point before the decimals (1234.5), and commas only between groups of three digits (1,234.5)`;
  }
  return `is not ${what}`;
}

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;
// NetSuite's REST dates are ISO 8601 (`2026-01-31`); date-times `2026-01-31T09:30:00Z` or with an offset.
const isoDatetime = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/i;

const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function calendarProblem(year: number, month: number, day: number): string | undefined {
  if (year < 1 || month < 1 || month > 12) return `has no month ${month}`;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > days) return `is not a calendar date: ${monthNames[month - 1]} ${year} has ${days} days`;
  return undefined;
}

/** A calendar date as YYYY-MM-DD. */
export function parseDateText(text: string): TextParse<string> {
  const trimmed = text.trim();
  const match = isoDate.exec(trimmed);
  if (!match) return { reason: 'is not a date (YYYY-MM-DD)' };
  const problem = calendarProblem(Number(match[1]), Number(match[2]), Number(match[3]));
  return problem ? { reason: `${problem} (YYYY-MM-DD)` } : { value: trimmed };
}

/** A date and time with its zone: `2026-01-31T09:30:00Z`, `2026-01-31T09:30+01:00` (sent as `…T09:30:00+01:00`). */
export function parseDatetimeText(text: string): TextParse<string> {
  const trimmed = text.trim();
  const match = isoDatetime.exec(trimmed);
  const format = 'YYYY-MM-DDTHH:MM:SS with Z or an offset such as +01:00';
  if (!match) return { reason: `is not a date and time (${format})` };
  const [, year, month, day, hour, minute, second = '00', fraction = '', zone] = match;
  if (!zone) return { reason: `has no time zone: add Z (UTC) or an offset such as -08:00 (${format})` };
  const problem = calendarProblem(Number(year), Number(month), Number(day));
  if (problem) return { reason: `${problem} (${format})` };
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) return { reason: `has no time ${hour}:${minute}:${second} (${format})` };
  const offset = zone.toUpperCase() === 'Z' ? 'Z' : zone.replace(/^([+-]\d{2}):?(\d{2})$/, '$1:$2');
  if (offset !== 'Z' && (Number(offset.slice(1, 3)) > 14 || Number(offset.slice(4, 6)) > 59)) return { reason: `has no time zone ${zone} (${format})` };
  return { value: `${year}-${month}-${day}T${hour}:${minute}:${second}${fraction}${offset}` };
}

const trueWords = ['true', 't', 'yes', 'y', '1'];
const falseWords = ['false', 'f', 'no', 'n', '0'];

/** A checkbox: true/false, T/F, yes/no, Y/N or 1/0, in any case. */
export function parseCheckboxText(text: string): TextParse<boolean> {
  const lower = text.trim().toLowerCase();
  if (trueWords.includes(lower)) return { value: true };
  if (falseWords.includes(lower)) return { value: false };
  return { reason: 'is not true or false (type true/false, T/F, yes/no or 1/0)' };
}
