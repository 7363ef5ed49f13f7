/**
 * Whether an export must ask about NetSuite's 100,000-row cap. NetSuite may report the true total, or the cap itself
 * (as the sandbox does), so a total of exactly the cap is confirmed with a COUNT(*) — one row, which the cap does not
 * limit — before the keyset mode is offered or left out.
 */
import { suiteQLRowCap } from '../../netsuite/suiteql';

/** Undefined: the cap does not cut the result. `total` undefined: the count failed, so more rows may exist. */
export async function rowsBeyondCap(reported: number, countRows: () => Promise<number>): Promise<{ total: number | undefined } | undefined> {
  if (reported < suiteQLRowCap) return undefined;
  if (reported > suiteQLRowCap) return { total: reported };
  try {
    const counted = await countRows();
    return counted > suiteQLRowCap ? { total: counted } : undefined;
  } catch {
    return { total: undefined };
  }
}
