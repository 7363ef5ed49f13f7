import { describe, expect, it } from 'vitest';
import { ItemCursor } from '../../../src/sandbox/suiteql/itemCursor';

/** Items as the engine serialises them, some with characters of two, three and four UTF-8 bytes. */
const items = [
  { links: [], id: '1', companyname: 'Plain Ltd' },
  { links: [], id: '2', companyname: 'Café Müller' },
  { links: [], id: '3', companyname: '東京商事', email: 'a@b.jp' },
  { links: [], id: '4', companyname: 'Emoji 🚀 Co, "quoted"' },
  { links: [], id: '5' },
].map((item) => JSON.stringify(item));

const read = (bytes: Buffer): unknown[] => JSON.parse(`[${bytes.toString('utf8')}]`) as unknown[];

describe('ItemCursor', () => {
  const cursor = ItemCursor.of(items);

  it('serves every slice as exactly those items, whatever their UTF-8 width', () => {
    expect(cursor.count).toBe(5);
    for (let from = 0; from <= 5; from++) {
      for (let to = from; to <= 5; to++) {
        expect(read(cursor.slice(from, to))).toEqual(items.slice(from, to).map((item) => JSON.parse(item)));
      }
    }
  });

  it('clamps a page that runs past the end, and gives nothing for one that starts there', () => {
    expect(read(cursor.slice(3, 1000))).toHaveLength(2);
    expect(cursor.slice(5, 1005).length).toBe(0);
    expect(cursor.slice(7, 9).length).toBe(0);
  });

  it('holds an empty result', () => {
    const empty = ItemCursor.of([]);
    expect(empty.count).toBe(0);
    expect(empty.slice(0, 1000).length).toBe(0);
  });
});
