/**
 * When a refused login may be this computer's clock. Both signed auth kinds carry the time: a TBA header's
 * `oauth_timestamp` must be within ±5 minutes of NetSuite's time (Oracle, "Error Messages for the TBA Authorization
 * Flow", InvalidTimestamp; ns-help subsect_156934879823), and a client-credentials assertion carries `iat`/`exp`,
 * which NetSuite's token endpoint checks. NetSuite's REST answer to a bad timestamp is the generic 401
 * INVALID_LOGIN, so the wording rarely says so; the `Date` header of that same answer does: it is NetSuite's clock.
 */

/** NetSuite's TBA window; a difference beyond it alone explains a refused signature. */
export const tbaTimestampWindowMs = 5 * 60_000;

// Wording of token endpoints and OAuth libraries about the assertion's time claims or a request timestamp.
const timeWording = /\b(?:iat|exp|nbf)\b|timestamp|clock|not yet valid|issued in the future|assertion (?:has )?expired|expired (?:jwt|assertion|token assertion)/i;

/**
 * A sentence about the clock, or undefined when nothing points at it: the answer's `Date` is more than the TBA window
 * away from ours, or the refusal's words are about time claims.
 */
export function clockSkewHint(serverDate: string | undefined, localNowMs: number, refusalTexts: (string | undefined)[]): string | undefined {
  const serverMs = serverDate ? Date.parse(serverDate) : NaN;
  if (Number.isFinite(serverMs) && Math.abs(localNowMs - serverMs) > tbaTimestampWindowMs) {
    const minutes = Math.round(Math.abs(localNowMs - serverMs) / 60_000);
    const direction = localNowMs > serverMs ? 'ahead of' : 'behind';
    return `This computer's clock is about ${minutes} minutes ${direction} NetSuite's, and NetSuite refuses signed logins more than 5 minutes off: set the clock (turn on automatic time) and try again.`;
  }
  if (refusalTexts.some((text) => text !== undefined && timeWording.test(text))) {
    return "The refusal is about the request's time: check that this computer's clock is right (turn on automatic time), then try again.";
  }
  return undefined;
}
