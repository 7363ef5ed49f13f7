/**
 * SuiteQL returns every value as a string (`"4"`, `"T"`, `"1/15/2024"`) and omits NULL columns
 * (netsuite-wire.md §3.2). Where a column's type is known we type the value back, keeping the raw string.
 */

export type SuiteQLColumnType = 'string' | 'integer' | 'number' | 'boolean' | 'date' | 'datetime';

/** A typed value: numbers, booleans, ISO dates (`2024-01-15`), or the string; null for an omitted column. */
export type SuiteQLValue = string | number | boolean | null;

export interface SuiteQLRow {
  /** Column (lower case) → value as NetSuite sent it. Absent columns were NULL. */
  raw: Record<string, string>;
  /** Column → typed value, for columns whose type is known; the raw string otherwise. */
  values: Record<string, SuiteQLValue>;
}

/** The user's date-format preference decides how dates are printed; these are NetSuite's choices. */
export type DateFormat = 'MM/DD/YYYY' | 'DD/MM/YYYY' | 'YYYY-MM-DD' | 'DD.MM.YYYY' | 'YYYY/MM/DD';

export function typeRow(raw: Record<string, string>, columnTypes: Record<string, SuiteQLColumnType> | undefined, dateFormat: DateFormat): SuiteQLRow {
  // No known types: the values are the strings themselves (shared, not copied — exports are large).
  if (!columnTypes) return { raw, values: raw };
  const values: Record<string, SuiteQLValue> = {};
  for (const [column, text] of Object.entries(raw)) {
    const type = columnTypes[column];
    values[column] = type ? typeValue(text, type, dateFormat) : text;
  }
  for (const column of Object.keys(columnTypes)) if (!(column in raw)) values[column] = null;
  return { raw, values };
}

/** Types one value; a value that does not parse as its type stays the raw string rather than becoming wrong. */
export function typeValue(text: string, type: SuiteQLColumnType, dateFormat: DateFormat): SuiteQLValue {
  switch (type) {
    case 'integer':
    case 'number': {
      const trimmed = text.trim();
      const number = trimmed === '' ? NaN : Number(trimmed);
      return Number.isFinite(number) && (type === 'number' || Number.isInteger(number)) ? number : text;
    }
    case 'boolean':
      return text === 'T' ? true : text === 'F' ? false : text;
    case 'date':
      return parseDate(text, dateFormat) ?? text;
    case 'datetime': {
      const [datePart, ...timeParts] = text.trim().split(/\s+/);
      const date = parseDate(datePart, dateFormat);
      if (!date) return text;
      const time = parseTime(timeParts.join(' '));
      return time === undefined ? text : `${date}T${time}`;
    }
    case 'string':
    default:
      return text;
  }
}

function parseDate(text: string, format: DateFormat): string | undefined {
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$/.exec(text);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const parts = text.split(/[/.-]/);
  if (parts.length !== 3 || parts.some((p) => !/^\d+$/.test(p))) return undefined;
  const order = format.split(/[/.-]/);
  const field = (name: string): number => Number(parts[order.indexOf(name)]);
  const year = field('YYYY');
  const month = field('MM');
  const day = field('DD');
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return `${year}-${pad(month)}-${pad(day)}`;
}

// `1:05 pm`, `13:05`, `13:05:09`; absent → midnight.
function parseTime(text: string): string | undefined {
  if (text === '') return '00:00:00';
  const match = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(am|pm)?$/i.exec(text);
  if (!match) return undefined;
  let hours = Number(match[1]);
  const meridiem = match[4]?.toLowerCase();
  if (meridiem === 'pm' && hours < 12) hours += 12;
  if (meridiem === 'am' && hours === 12) hours = 0;
  return `${pad(hours)}:${match[2]}:${match[3] ?? '00'}`;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
