/**
 * `npm run bench -- sandbox-load [scale]`: how fast the sandbox store loads seed data — documents plus their
 * SuiteQL rows — in bulk (one jsonb array per multi-row INSERT, keys built afterwards), side by side with
 * row-by-row inserts through the same store in the same run. Prints; never asserts. The last line is one JSON
 * object with the figures.
 */
import { findRecordType, recordTypeDefinitions } from '../../src/sandbox/catalog';
import type { StoredRecord } from '../../src/sandbox/model/recordTypes';
import { generateSeedBatches } from '../../src/sandbox/seed';
import { RecordStore } from '../../src/sandbox/store/recordStore';
import { createSuiteQLProjection } from '../../src/sandbox/store/suiteqlProjection';
import { describeSuiteQLTables } from '../../src/sandbox/suiteql/tables';

const scale = Number(process.argv[2] ?? 50);
/** Row by row is slow: time a sample and report its rate. */
const rowByRowSample = 2_000;

async function openStore(): Promise<RecordStore> {
  const definitions = [...recordTypeDefinitions];
  return RecordStore.open({ definitions, projection: createSuiteQLProjection(describeSuiteQLTables(definitions), findRecordType) });
}

async function main(): Promise<void> {
  const generationStarted = performance.now();
  const batches = [...generateSeedBatches({ scale })];
  const records: StoredRecord[] = batches.flat();
  const generationMs = performance.now() - generationStarted;
  console.log(`seed scale ${scale}: ${records.length} records generated in ${Math.round(generationMs)} ms`);

  const bulkStore = await openStore();
  const bulkStarted = performance.now();
  await bulkStore.load(batches);
  const bulkMs = performance.now() - bulkStarted;
  const suiteqlRows = await bulkStore.db.query<{ n: number }>('SELECT (SELECT count(*) FROM customer) + (SELECT count(*) FROM transactionline) AS n');
  await bulkStore.close();
  const bulkRate = records.length / (bulkMs / 1000);
  console.log(`bulk load: ${records.length} records in ${Math.round(bulkMs)} ms = ${Math.round(bulkRate)} records/s (customer + transactionline rows: ${suiteqlRows.rows[0]?.n})`);

  const rowStore = await openStore();
  await rowStore.load([]);
  const sample = records.slice(0, rowByRowSample);
  const rowStarted = performance.now();
  for (const record of sample) await rowStore.transaction((tx) => tx.insert(record));
  const rowMs = performance.now() - rowStarted;
  await rowStore.close();
  const rowRate = sample.length / (rowMs / 1000);
  console.log(`row by row: ${sample.length} records in ${Math.round(rowMs)} ms = ${Math.round(rowRate)} records/s`);
  console.log(`bulk is ${(bulkRate / rowRate).toFixed(1)}× row by row; 150,000 records would load in ~${((150_000 / bulkRate) * 1000).toFixed(0)} ms`);
  console.log(
    JSON.stringify({
      scale,
      records: records.length,
      generationMs: Math.round(generationMs),
      bulkMs: Math.round(bulkMs),
      bulkRecordsPerSecond: Math.round(bulkRate),
      rowByRowRecordsPerSecond: Math.round(rowRate),
      bulkOverRowByRow: Number((bulkRate / rowRate).toFixed(2)),
    }),
  );
}

void main();
