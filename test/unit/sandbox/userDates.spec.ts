/** Dates in `q` follow the user's date-format preference; anything else is "Unparseable". */
import { describe, expect, it } from 'vitest';
import { parseUserDate } from '../../../src/sandbox/records/query/userDates';

describe('parseUserDate', () => {
  it('reads the US default with one- or two-digit month and day, and an optional 12- or 24-hour time', () => {
    expect(parseUserDate('01/31/2024', 'MM/DD/YYYY')).toEqual({ date: '2024-01-31' });
    expect(parseUserDate('1/5/2024', 'MM/DD/YYYY')).toEqual({ date: '2024-01-05' });
    expect(parseUserDate('01/31/2024 09:30 AM', 'MM/DD/YYYY')).toEqual({ date: '2024-01-31', minutes: 570 });
    expect(parseUserDate('01/31/2024 12:05 am', 'MM/DD/YYYY')).toEqual({ date: '2024-01-31', minutes: 5 });
    expect(parseUserDate('01/31/2024 9:30 PM', 'MM/DD/YYYY')).toEqual({ date: '2024-01-31', minutes: 1290 });
    expect(parseUserDate('01/31/2024 21:30', 'MM/DD/YYYY')).toEqual({ date: '2024-01-31', minutes: 1290 });
  });

  it('follows other preferences: day first, dots, ISO, two-digit years and month names', () => {
    expect(parseUserDate('31.01.2024', 'DD.MM.YYYY')).toEqual({ date: '2024-01-31' });
    expect(parseUserDate('31/01/2024', 'DD/MM/YYYY')).toEqual({ date: '2024-01-31' });
    expect(parseUserDate('2024-01-31', 'YYYY-MM-DD')).toEqual({ date: '2024-01-31' });
    expect(parseUserDate('01/31/24 09:30 AM', 'MM/DD/YY')).toEqual({ date: '2024-01-31', minutes: 570 });
    expect(parseUserDate('31-Jan-2024', 'DD-Mon-YYYY')).toEqual({ date: '2024-01-31' });
  });

  it('refuses other formats, impossible dates and broken times', () => {
    expect(parseUserDate('2024-01-31', 'MM/DD/YYYY')).toBeUndefined();
    expect(parseUserDate('02/30/2024', 'MM/DD/YYYY')).toBeUndefined();
    expect(parseUserDate('13/01/2024', 'MM/DD/YYYY')).toBeUndefined();
    expect(parseUserDate('01/31/2024 25:00', 'MM/DD/YYYY')).toBeUndefined();
    expect(parseUserDate('01/31/2024 13:00 PM', 'MM/DD/YYYY')).toBeUndefined();
    expect(parseUserDate('01/31/2024x', 'MM/DD/YYYY')).toBeUndefined();
    expect(parseUserDate('', 'MM/DD/YYYY')).toBeUndefined();
  });
});
