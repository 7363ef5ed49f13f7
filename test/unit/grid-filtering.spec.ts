import { describe, expect, it } from 'vitest';
import { cellTest, columnFilter, columnValues, filterRows } from '../../media/renderer/filtering';
import type { Cell } from '../../src/protocol/rows';

const text = { name: 'companyname' };
const number = { name: 'balance', type: 'number' as const };
const date = { name: 'trandate', type: 'date' as const };
const passes = (expression: string, column: { name: string; type?: 'number' | 'date' }, cells: Cell[]) => cells.filter((cell) => cellTest(expression, column)!(cell));

describe('grid filter row', () => {
  it('text: contains ignoring case, or the whole value with =', () => {
    expect(passes('acme', text, ['Acme Corp', 'ACME', 'Other', null])).toEqual(['Acme Corp', 'ACME']);
    expect(passes('=acme', text, ['Acme Corp', 'ACME', null])).toEqual(['ACME']);
    expect(cellTest('   ', text)).toBeUndefined();
  });

  it('numbers: comparisons, ranges and equality, as numbers not text', () => {
    const cells = ['5', '10', '100', '9.5', null, ''];
    expect(passes('>9.5', number, cells)).toEqual(['10', '100']);
    expect(passes('<=10', number, cells)).toEqual(['5', '10', '9.5']);
    expect(passes('10..100', number, cells)).toEqual(['10', '100']);
    expect(passes('10', number, cells)).toEqual(['10']);
    expect(passes('null', number, cells)).toEqual([null, '']);
    expect(passes('!null', number, cells)).toEqual(['5', '10', '100', '9.5']);
  });

  it("dates: ISO bounds against NetSuite's M/D/YYYY cells", () => {
    const cells = ['1/15/2024', '12/31/2023', '2/1/2024', null];
    expect(passes('>=2024-01-01', date, cells)).toEqual(['1/15/2024', '2/1/2024']);
    expect(passes('2024-01-01..2024-01-31', date, cells)).toEqual(['1/15/2024']);
  });

  it('keeps the sorted order and applies every column', () => {
    const rows: Cell[][] = [['a', '1'], ['b', '20'], ['ab', '30'], ['c', null]];
    const tests = new Map([[0, cellTest('a', text)!], [1, cellTest('>5', number)!]]);
    expect(filterRows(rows, [2, 1, 0, 3], tests)).toEqual([2]);
    expect(filterRows(rows, undefined, new Map())).toEqual([0, 1, 2, 3]);
  });

  it('gives the same rows from parsed column values as from the cells', () => {
    const rows: Cell[][] = Array.from({ length: 500 }, (_, i) => [String(i), i % 11 === 0 ? null : String((i * 37) % 1000), `${1 + (i % 12)}/${1 + (i % 28)}/2024`]);
    const filters = new Map([
      [1, columnFilter('100..700', number)!],
      [2, columnFilter('>=2024-06-01', date)!],
    ]);
    const parsed = filterRows(rows, undefined, filters, (column, kind) => columnValues(rows, column, kind));
    expect(parsed).toEqual(filterRows(rows, undefined, filters));
    expect(parsed.length).toBeGreaterThan(50);
  });
});
