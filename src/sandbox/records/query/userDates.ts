/**
 * Dates in `q` are written in the user's date-format preference, not ISO (netsuite-wire.md §1.3): with the
 * default `MM/DD/YYYY`, `"01/31/2024"` and `"01/31/24 09:30 AM"` are dates, `"2024-01-31"` is
 * `Unparseable date: "2024-01-31"` — the error Airbyte probes for to learn an account's format.
 */
export interface ParsedUserDate {
  /** ISO `YYYY-MM-DD`. */
  date: string;
  /** Minutes after midnight when a time was given. */
  minutes?: number;
}

type FormatPart = { token: 'YYYY' | 'YY' | 'MM' | 'DD' | 'Mon' } | { literal: string };

const monthNames = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const formatTokens: Array<[string, 'YYYY' | 'YY' | 'MM' | 'DD' | 'Mon']> = [
  ['YYYY', 'YYYY'],
  ['YY', 'YY'],
  ['MON', 'Mon'],
  ['MM', 'MM'],
  ['DD', 'DD'],
  ['M', 'MM'],
  ['D', 'DD'],
];

function formatParts(format: string): FormatPart[] {
  const parts: FormatPart[] = [];
  let index = 0;
  while (index < format.length) {
    const rest = format.slice(index).toUpperCase();
    const match = formatTokens.find(([text]) => rest.startsWith(text));
    if (match) {
      parts.push({ token: match[1] });
      index += match[0].length;
    } else {
      parts.push({ literal: format[index] });
      index += 1;
    }
  }
  return parts;
}

function isDigit(character: string | undefined): boolean {
  return character !== undefined && character >= '0' && character <= '9';
}

class Scanner {
  index = 0;
  constructor(readonly text: string) {}

  digits(min: number, max: number): number | undefined {
    const start = this.index;
    while (this.index - start < max && isDigit(this.text[this.index])) this.index += 1;
    return this.index - start < min ? undefined : Number(this.text.slice(start, this.index));
  }

  skipBlanks(): boolean {
    const start = this.index;
    while (this.text[this.index] === ' ') this.index += 1;
    return this.index > start;
  }

  take(expected: string): boolean {
    if (this.text.slice(this.index, this.index + expected.length).toUpperCase() !== expected.toUpperCase()) return false;
    this.index += expected.length;
    return true;
  }

  get done(): boolean {
    return this.index >= this.text.length;
  }
}

function validDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function readTime(scanner: Scanner): number | undefined | false {
  if (scanner.done) return undefined;
  if (!scanner.skipBlanks()) return false;
  const hours = scanner.digits(1, 2);
  if (hours === undefined || !scanner.take(':')) return false;
  const minutes = scanner.digits(2, 2);
  if (minutes === undefined || minutes > 59) return false;
  if (scanner.take(':') && scanner.digits(2, 2) === undefined) return false;
  scanner.skipBlanks();
  let hour24 = hours;
  if (scanner.take('AM') || scanner.take('PM')) {
    if (hours < 1 || hours > 12) return false;
    const pm = scanner.text.slice(scanner.index - 2).toUpperCase().startsWith('PM');
    hour24 = (hours % 12) + (pm ? 12 : 0);
  } else if (hours > 23) {
    return false;
  }
  return scanner.done ? hour24 * 60 + minutes : false;
}

/** Parses a date (optionally with a time) in the user's format; undefined when it does not fit. */
export function parseUserDate(text: string, format: string): ParsedUserDate | undefined {
  const scanner = new Scanner(text.trim());
  let year: number | undefined;
  let month: number | undefined;
  let day: number | undefined;
  for (const part of formatParts(format)) {
    if ('literal' in part) {
      if (!scanner.take(part.literal)) return undefined;
      continue;
    }
    switch (part.token) {
      case 'YYYY':
        year = scanner.digits(4, 4);
        break;
      case 'YY': {
        const short = scanner.digits(2, 2);
        year = short === undefined ? undefined : 2000 + short;
        break;
      }
      case 'MM':
        month = scanner.digits(1, 2);
        break;
      case 'DD':
        day = scanner.digits(1, 2);
        break;
      case 'Mon': {
        const index = monthNames.findIndex((name) => scanner.take(name));
        month = index < 0 ? undefined : index + 1;
        break;
      }
    }
    if ((part.token === 'YYYY' || part.token === 'YY') && year === undefined) return undefined;
    if ((part.token === 'MM' || part.token === 'Mon') && month === undefined) return undefined;
    if (part.token === 'DD' && day === undefined) return undefined;
  }
  if (year === undefined || month === undefined || day === undefined || !validDate(year, month, day)) return undefined;
  const minutes = readTime(scanner);
  if (minutes === false) return undefined;
  const date = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return minutes === undefined ? { date } : { date, minutes };
}
