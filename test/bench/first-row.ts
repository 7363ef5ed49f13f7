/**
 * `npm run bench -- first-row`: how soon a notebook shows the first row of a large SuiteQL result, side by side with
 * one bare page round trip, against the sandbox with NetSuite-like latency (200 ms per request).
 * Target (issue 6): first row ≤ one round trip + 150 ms — the parallel runner must not wait for more than page 1.
 * Prints; never asserts.
 */
import { median, round, startBenchSandbox } from './lib/sandboxClient';

const perRequestMs = 200;
const runs = 7;
const query = 'SELECT id, entityid, companyname, email FROM customer ORDER BY id';

async function main(): Promise<void> {
  // scale 10 → 3,000 customers: three pages, so a runner that waited for more than page 1 would show.
  const bench = await startBenchSandbox({ scale: 10, latency: { perRequestMs, perRowMs: 0 } });
  const { client } = bench;
  try {
    await client.queryPage(query, 0); // warm connections and the sandbox's SQL
    const roundTrips: number[] = [];
    const firstRows: number[] = [];
    const firstPages: number[] = [];
    for (let i = 0; i < runs; i++) {
      // Alternate the two measurements so drift in machine speed affects both alike.
      let started = performance.now();
      await client.queryPage(query, 0, { pageSize: 1000 });
      roundTrips.push(performance.now() - started);

      started = performance.now();
      const abort = new AbortController();
      const run = client.query(query, { signal: abort.signal });
      for await (const _row of run) {
        firstRows.push(performance.now() - started);
        break;
      }
      abort.abort();

      started = performance.now();
      await client.queryPage(query, 0, { pageSize: 50 }); // what the notebook fetches for its first paint
      firstPages.push(performance.now() - started);
    }
    const roundTrip = median(roundTrips);
    const firstRow = median(firstRows);
    const notebookPage = median(firstPages);
    const overhead = firstRow - roundTrip;
    const line = (label: string, ms: number, note = '') => console.log(`${label.padEnd(48)} ${`${ms.toFixed(1)} ms`.padStart(10)}  ${note}`);
    console.log(`Time to first row, sandbox latency ${perRequestMs} ms per request, medians of ${runs} (alternating runs)`);
    line('one page round trip (1,000 rows)', roundTrip);
    line('first row from the parallel runner', firstRow, `overhead ${overhead.toFixed(1)} ms; target ≤ 150 ms → ${(overhead / 150).toFixed(2)}× target`);
    line("notebook's first page (50 rows)", notebookPage, `${(notebookPage / roundTrip).toFixed(2)}× the round trip`);
    console.log(JSON.stringify({ bench: 'first-row', latencyMs: perRequestMs, roundTripMs: round(roundTrip), firstRowMs: round(firstRow), overheadMs: round(overhead), targetOverheadMs: 150, notebookFirstPageMs: round(notebookPage) }));
  } finally {
    await bench.stop();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
