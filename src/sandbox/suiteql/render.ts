/**
 * Rendering result values as NetSuite does — every value a string, checkboxes `T`/`F`, numbers without trailing
 * zeros, dates in the user's format, NULLs (and Oracle's empty strings, which are NULLs) omitted.
 *
 * Postgres renders each row to its record text (`(1,"O'Brien & Sons",12.5,)`) and the page arrives as one string:
 * building JSON inside PGlite costs ~4× more and PGlite's own per-value decoding more still (measured), so the
 * cheap record syntax is decoded here.
 */

/** Postgres type oids the renderer treats specially. */
const pgTypes = { bool: 16, numeric: 1700, date: 1082, timestamp: 1114, timestamptz: 1184 } as const;

/** Postgres `to_char` patterns for dates and date-times. */
export interface RenderFormats {
  dateFormat: string;
  datetimeFormat: string;
}

// NetSuite preference tokens (as the user's "Date Format"/"Time Format" spell them) → to_char elements. `FM`
// suppresses padding of the element after it, which is what the single-letter tokens mean.
const preferenceTokens: Record<string, string> = {
  YYYY: 'YYYY',
  YY: 'YY',
  MONTH: 'FMMonth',
  Month: 'FMMonth',
  MON: 'Mon',
  Mon: 'Mon',
  MM: 'MM',
  M: 'FMMM',
  DD: 'DD',
  D: 'FMDD',
  HH: 'HH24',
  H: 'FMHH24',
  hh: 'HH12',
  h: 'FMHH12',
  mm: 'MI',
  ss: 'SS',
  a: 'am',
};

/** `M/D/YYYY` → `FMMM/FMDD/YYYY`: a NetSuite date/time preference as a Postgres to_char pattern. */
export function toCharPattern(preference: string): string {
  return preference.replace(/YYYY|YY|MONTH|Month|MON|Mon|MM|M|DD|D|HH|H|hh|h|mm|ss|a/g, (token) => preferenceTokens[token]);
}

/** NetSuite's out-of-the-box preferences: `1/15/2024` and `9:05 am`. */
export function renderFormats(datePreference = 'M/D/YYYY', timePreference = 'h:mm a'): RenderFormats {
  return { dateFormat: toCharPattern(datePreference), datetimeFormat: `${toCharPattern(datePreference)} ${toCharPattern(timePreference)}` };
}

function quoteLiteral(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** The SQL rendering the column `column` (an identifier) of Postgres type `typeId` as NetSuite shows it. */
export function renderColumnSql(column: string, typeId: number, formats: RenderFormats): string {
  switch (typeId) {
    case pgTypes.bool:
      return `CASE WHEN ${column} THEN 'T' WHEN NOT ${column} THEN 'F' END`;
    case pgTypes.numeric:
      return `trim_scale(${column})`;
    case pgTypes.date:
      return `to_char(${column}, ${quoteLiteral(formats.dateFormat)})`;
    case pgTypes.timestamp:
    case pgTypes.timestamptz:
      return `to_char(${column}, ${quoteLiteral(formats.datetimeFormat)})`;
    default:
      return column;
  }
}

/** One SQL expression giving a row's record text, for `string_agg(…, E'\n')`. */
export function renderRowSql(columns: { name: string; typeId: number }[], formats: RenderFormats): string {
  return `row(${columns.map((c) => renderColumnSql(c.name, c.typeId, formats)).join(', ')})::text`;
}

/**
 * Decodes rows in Postgres record text, one per line, into NetSuite items. A quoted field may contain newlines,
 * commas and parentheses; inside quotes `""` and `\\` stand for `"` and `\`. An empty unquoted field is NULL.
 */
export function decodeRecordRows(text: string | null, keys: string[]): Record<string, string>[] {
  const rows: Record<string, string>[] = [];
  if (!text) return rows;
  let i = 0;
  while (i < text.length) {
    if (text[i] !== '(') throw new Error(`Unexpected record text at ${i}`);
    i++;
    const row: Record<string, string> = {};
    for (let field = 0; ; field++) {
      let value: string | null;
      if (text[i] === '"') {
        let out = '';
        i++;
        for (;;) {
          const char = text[i];
          if (char === '"' && text[i + 1] === '"') {
            out += '"';
            i += 2;
          } else if (char === '\\') {
            out += text[i + 1];
            i += 2;
          } else if (char === '"') {
            i++;
            break;
          } else {
            // Copy a run of ordinary characters at once.
            let end = i;
            while (end < text.length && text[end] !== '"' && text[end] !== '\\') end++;
            out += text.slice(i, end);
            i = end;
          }
        }
        value = out;
      } else {
        let end = i;
        while (text[end] !== ',' && text[end] !== ')') end++;
        value = end === i ? null : text.slice(i, end);
        i = end;
      }
      if (value !== null && value !== '' && field < keys.length) row[keys[field]] = value;
      if (text[i] === ',') {
        i++;
        continue;
      }
      i++; // ')'
      break;
    }
    rows.push(row);
    if (text[i] === '\n') i++;
  }
  return rows;
}
