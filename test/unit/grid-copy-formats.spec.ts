import { describe, expect, it } from 'vitest';
import { formatSelection } from '../../media/renderer/copyFormats';

const header = ['id', 'companyname', 'memo'];
const rows = [
  ['1', 'Acme, Inc.', null],
  ['2', 'Pipe | Co', 'two\nlines "quoted"'],
];

describe('grid copy formats', () => {
  it('CSV quotes commas, quotes and line breaks, and leaves NULL empty', () => {
    expect(formatSelection('csv', header, rows)).toBe('id,companyname,memo\r\n1,"Acme, Inc.",\r\n2,Pipe | Co,"two\nlines ""quoted"""');
  });

  it('JSON gives one object per row with NULL as null', () => {
    expect(JSON.parse(formatSelection('json', header, rows))).toEqual([
      { id: '1', companyname: 'Acme, Inc.', memo: null },
      { id: '2', companyname: 'Pipe | Co', memo: 'two\nlines "quoted"' },
    ]);
  });

  it('Markdown escapes pipes and line breaks so a value cannot break the table', () => {
    expect(formatSelection('markdown', header, rows).split('\n')).toEqual([
      '| id | companyname | memo |',
      '| --- | --- | --- |',
      '| 1 | Acme, Inc. |  |',
      '| 2 | Pipe \\| Co | two<br>lines "quoted" |',
    ]);
  });
});
