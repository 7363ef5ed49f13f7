/**
 * The one grammar per field kind that CSV import, grid edits and bulk Set field share (src/netsuite/fieldText.ts):
 * text is read as exactly the value it says, or refused with the reason — never as a nearby value.
 */
import { describe, expect, it } from 'vitest';
import { parseCheckboxText, parseDateText, parseDatetimeText, parseDecimalText, parseIntegerText } from '../../src/netsuite/fieldText';

describe('numbers', () => {
  it.each([
    ['5000', 5000],
    ['-0.5', -0.5],
    ['+7', 7],
    ['.5', 0.5],
    ['1.5e3', 1500],
    ['1,234.5', 1234.5],
    ['1,234,567', 1234567],
    ['-1,234,567.25', -1234567.25],
    ['0.1', 0.1],
  ])('reads %s as %d', (text, value) => {
    expect(parseDecimalText(text)).toEqual({ value });
  });

  it.each(['1,5', '1.234,56', '1,2,3', '12,34', '1,234', '0x1A', '0b101', '0o17', 'Infinity', '-Infinity', 'NaN', '1e400', '1 000', '$5', '5-', '--5', '1..5', '', '12345678901234567891', '0.30000000000000001'])(
    'refuses %j with a reason',
    (text) => {
      const parsed = parseDecimalText(text);
      expect(parsed.value).toBeUndefined();
      expect(parsed.reason).toMatch(/^(is|has) /);
    },
  );

  it('says why a comma or a long integer is refused', () => {
    expect(parseDecimalText('1,5').reason).toMatch(/point before the decimals/);
    expect(parseDecimalText('1,234').reason).toMatch(/ambiguous.*1234.*1\.234/);
    expect(parseDecimalText('0x1A').reason).toMatch(/hexadecimal/);
    expect(parseIntegerText('12345678901234567891').reason).toMatch(/too large to send exactly/);
    expect(parseIntegerText('9007199254740991')).toEqual({ value: 9007199254740991 });
    expect(parseIntegerText('9007199254740992').reason).toMatch(/too large/);
  });

  it('reads whole numbers only as digits, with or without thousands groups', () => {
    expect(parseIntegerText('-42')).toEqual({ value: -42 });
    expect(parseIntegerText('1,234,567')).toEqual({ value: 1234567 });
    for (const text of ['2.5', '5.0', '1e3', '1,5', '0x10', '1,234']) expect(parseIntegerText(text).value, text).toBeUndefined();
  });
});

describe('dates', () => {
  it('reads real calendar dates as YYYY-MM-DD and refuses the rest', () => {
    expect(parseDateText('2024-02-29')).toEqual({ value: '2024-02-29' });
    expect(parseDateText('2024-02-30').reason).toMatch(/February 2024 has 29 days/);
    expect(parseDateText('2023-02-29').reason).toMatch(/February 2023 has 28 days/);
    for (const text of ['1', 'hello 2', '2024-13-01', '2024-00-10', '2024-1-5', '31/01/2026', '2024-01-05T00:00:00Z']) expect(parseDateText(text).value, text).toBeUndefined();
  });

  it('reads date-times with a zone and refuses those without one or off the clock', () => {
    expect(parseDatetimeText('2024-01-05T10:00:00Z')).toEqual({ value: '2024-01-05T10:00:00Z' });
    expect(parseDatetimeText('2024-01-05 10:00+0100')).toEqual({ value: '2024-01-05T10:00:00+01:00' });
    expect(parseDatetimeText('2024-01-05T10:00').reason).toMatch(/no time zone/);
    for (const text of ['1', 'hello 2', '2024-01-05T24:00Z', '2024-02-30T10:00Z', '2024-01-05T10:60Z', '2024-01-05T10:00+15:00', 'January 5 2024']) {
      expect(parseDatetimeText(text).value, text).toBeUndefined();
    }
  });
});

describe('checkboxes', () => {
  it('reads the usual words for true and false and refuses others', () => {
    for (const text of ['true', 'T', 'Yes', 'y', '1']) expect(parseCheckboxText(text), text).toEqual({ value: true });
    for (const text of ['false', 'F', 'No', 'n', '0']) expect(parseCheckboxText(text), text).toEqual({ value: false });
    for (const text of ['maybe', '2', 'on', 'x']) expect(parseCheckboxText(text).reason, text).toMatch(/true or false/);
  });
});
