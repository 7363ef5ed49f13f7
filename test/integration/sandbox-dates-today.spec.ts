/**
 * The demo's data dated as of today (issue 21: "the demo's data is fixed in time, so 'last 12 months' is empty once
 * the clock moves on"): a sandbox started with datesEndToday has its latest transaction within the last month and
 * a year of sales before today, over REST and SuiteQL alike; tests' sandboxes keep the fixed SEED_EPOCH.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSeedData, SEED_EPOCH } from '../../src/sandbox/seed';
import { daysToToday, shiftedRecord } from '../../src/sandbox/seed/shiftDates';
import { setUpClient, type ClientSetup } from './client-sandbox';

const dayMs = 86_400_000;

describe('seed dates moved to today', () => {
  it('moves every date and datetime field, the lines and the stamps, and nothing else', () => {
    const order = generateSeedData().find((record) => record.type === 'salesOrder')!;
    const moved = shiftedRecord(order, 10);
    expect(Date.parse(String(moved.fields.tranDate)) - Date.parse(String(order.fields.tranDate))).toBe(10 * dayMs);
    expect(Date.parse(moved.createdDate) - Date.parse(order.createdDate)).toBe(10 * dayMs);
    expect(Date.parse(moved.lastModifiedDate) - Date.parse(order.lastModifiedDate)).toBe(10 * dayMs);
    expect(moved.fields.tranId).toBe(order.fields.tranId);
    expect(moved.fields.memo).toEqual(order.fields.memo);
    expect(moved.sublists.item?.length).toBe(order.sublists.item?.length);
    expect(order.fields.tranDate).not.toBe(moved.fields.tranDate);
  });

  it('counts whole days from the seed epoch to today', () => {
    expect(daysToToday(SEED_EPOCH)).toBe(0);
    expect(daysToToday(SEED_EPOCH + 400 * dayMs + 3600_000)).toBe(400);
  });
});

describe('a sandbox whose data ends today', () => {
  let setup: ClientSetup;
  let plain: ClientSetup;

  beforeAll(async () => {
    setup = await setUpClient({ datesEndToday: true });
    plain = await setUpClient();
  });

  afterAll(async () => {
    await setup?.stop();
    await plain?.stop();
  });

  it('has its latest transaction within the last month and sales in the twelve months before today', async () => {
    const client = setup.client();
    const latest = await client.queryPage("SELECT TO_CHAR(MAX(trandate), 'YYYY-MM-DD') AS latest FROM transaction");
    const latestDay = Date.parse(`${String(latest.rows[0].raw.latest)}T00:00:00Z`);
    const today = Date.now() - (Date.now() % dayMs);
    expect(latestDay).toBeLessThanOrEqual(today + dayMs);
    expect(latestDay).toBeGreaterThan(today - 45 * dayMs);
    const lastYear = await client.queryPage(
      `SELECT COUNT(*) AS n FROM transaction WHERE type = 'SalesOrd' AND trandate >= TO_DATE('${new Date(today - 365 * dayMs).toISOString().slice(0, 10)}', 'YYYY-MM-DD')`,
    );
    expect(Number(lastYear.rows[0].raw.n)).toBeGreaterThan(100);
  });

  it('leaves a sandbox started without it on the fixed epoch', async () => {
    const latest = await plain.client().queryPage("SELECT TO_CHAR(MAX(trandate), 'YYYY-MM-DD') AS latest FROM transaction");
    expect(Date.parse(`${String(latest.rows[0].raw.latest)}T00:00:00Z`)).toBeLessThanOrEqual(SEED_EPOCH);
  });
});
