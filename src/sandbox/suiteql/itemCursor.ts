/**
 * A query's whole result as the bytes NetSuite sends for its items, kept once, so any page is a slice of one buffer
 * (issue 15): `{"links":[],…},{"links":[],…},…` in UTF-8, with where each item starts. Serving a page from an array of
 * item strings cost ~2.7 ms per 1,000 rows here (joining them, measuring and encoding the 200 KB to UTF-8 on every
 * request), which capped a 100,000-row cursor near 100,000 rows/s; a slice costs microseconds and copies nothing.
 */
const comma = 0x2c;

export class ItemCursor {
  private constructor(
    private readonly bytes: Buffer,
    /** starts[i] is item i's first byte; starts[count] is one past the end plus the comma that would follow. */
    private readonly starts: Float64Array,
  ) {}

  /** From items already serialised as JSON, in result order. */
  static of(items: readonly string[]): ItemCursor {
    const count = items.length;
    const starts = new Float64Array(count + 1);
    let at = 0;
    for (let i = 0; i < count; i++) {
      starts[i] = at;
      at += Buffer.byteLength(items[i]) + 1; // the item and the comma after it
    }
    starts[count] = at;
    // Each item written straight into one buffer: joining them into one string first took twice as long.
    const bytes = Buffer.allocUnsafe(Math.max(0, at - 1));
    for (let i = 0; i < count; i++) {
      const end = starts[i] + bytes.write(items[i], starts[i], 'utf8');
      if (i < count - 1) bytes[end] = comma;
    }
    return new ItemCursor(bytes, starts);
  }

  /** Items [from, to), clamped to the result, as a page: how many, and their bytes (see slice). */
  page(from: number, to: number): { count: number; itemsJson: Buffer } {
    const start = Math.max(0, Math.min(from, this.count));
    const end = Math.max(start, Math.min(to, this.count));
    // The bytes of items start..end-1, without the comma after the last one.
    return { count: end - start, itemsJson: end === start ? Buffer.alloc(0) : this.bytes.subarray(this.starts[start], this.starts[end] - 1) };
  }

  get count(): number {
    return this.starts.length - 1;
  }

  /** Items [from, to) as they sit between `"items":[` and `]`: comma-separated, no trailing comma. A view, not a copy. */
  slice(from: number, to: number): Buffer {
    return this.page(from, to).itemsJson;
  }
}
