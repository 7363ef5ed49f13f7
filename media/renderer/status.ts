const count = new Intl.NumberFormat('en-US');

/** The grid's status line: "1,000 of 54,210 rows · 0.41 s" (or "12 rows · 0.08 s" when everything is loaded). */
export function statusText(loaded: number, totalResults: number, elapsedMs: number, truncatedAt?: number): string {
  const rows = loaded >= totalResults ? `${count.format(loaded)} ${loaded === 1 ? 'row' : 'rows'}` : `${count.format(loaded)} of ${count.format(totalResults)} rows`;
  const seconds = `${(elapsedMs / 1000).toFixed(2)} s`;
  const cap = truncatedAt !== undefined ? ` · NetSuite stops at ${count.format(truncatedAt)} rows; export with keyset paging for more` : '';
  return `${rows} · ${seconds}${cap}`;
}
