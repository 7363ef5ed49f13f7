/**
 * What the activity log keeps when it must drop something. Two rules stop one agent from erasing the record of
 * what it (or anyone else) did with a burst of huge calls:
 *
 * - every entry is capped in size before it is written (`capEntry`): a 2 MB query is logged as its first few
 *   kilobytes and a note of how much was left out;
 * - the space kept is shared between agents max-min fairly (`entriesToKeep`): an agent within its share keeps every
 *   entry, and only the agents above it lose entries — to their own share. Within an agent's share, refusals are kept
 *   longest: its earliest refusals first (the start of a probing run is the evidence), then its newest refusals,
 *   then its newest allowed calls.
 */
import type { AuditEntry } from './auditEntry';

/** The owner of an entry for the quota: the agent, or the pseudo agent the MCP endpoint logs refused requests as. */
function ownerOf(entry: AuditEntry): string {
  return entry.agent.id;
}

/** One stored line's size in bytes, newline included. */
export function entryBytes(entry: AuditEntry): number {
  return Buffer.byteLength(JSON.stringify(entry)) + 1;
}

/** Texts longer than this are cut when an entry is too big. */
const cutTextTo = 1_000;

function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}… (${text.length - max} more characters not logged)` : text;
}

/**
 * The entry within `maxBytes`: long texts cut to their start, and arguments too big to keep replaced by their start
 * as text. The sentence is built from the cut texts, so it never exceeds the cap either.
 */
export function capEntry(entry: AuditEntry, maxBytes: number, rebuildSentence: (entry: AuditEntry) => string): AuditEntry {
  if (entryBytes(entry) <= maxBytes) return entry;
  const textCap = Math.max(80, Math.min(cutTextTo, Math.floor(maxBytes / 8)));
  const capped: AuditEntry = { ...entry };
  for (const field of ['query', 'recordName', 'error', 'reason', 'tool', 'accountId', 'recordType', 'recordId', 'targetType', 'targetId'] as const) {
    const text = capped[field];
    if (typeof text === 'string') capped[field] = cut(text, textCap);
  }
  if (capped.changedFields) capped.changedFields = capped.changedFields.slice(0, 20).map((field) => cut(field, 80));
  const argumentsText = JSON.stringify(entry.arguments) ?? '';
  if (argumentsText.length > textCap) capped.arguments = { notLogged: `arguments of ${argumentsText.length} characters`, start: cut(argumentsText, textCap) };
  capped.agent = { ...entry.agent, name: cut(entry.agent.name, 200) };
  capped.sentence = rebuildSentence(capped);
  // Last resort for a shape nothing above shortened: keep who, when and the decision.
  if (entryBytes(capped) > maxBytes) {
    const minimal: AuditEntry = { ...capped, arguments: { notLogged: 'too large' }, query: undefined, recordName: undefined, error: undefined, changedFields: undefined };
    return { ...minimal, reason: cut(minimal.reason, 200), sentence: cut(rebuildSentence(minimal), 400) };
  }
  return capped;
}

/** Max-min fair shares: owners using less than an equal split keep all they use; the rest share what is left. */
function sharesOf(usage: Map<string, number>, budget: number): Map<string, number> {
  const shares = new Map<string, number>();
  const ascending = [...usage.entries()].sort((a, b) => a[1] - b[1]);
  let remaining = budget;
  ascending.forEach(([owner, used], index) => {
    const share = Math.min(used, Math.floor(remaining / (ascending.length - index)));
    shares.set(owner, share);
    remaining -= share;
  });
  return shares;
}

/** Which of one owner's entries fit in `share` bytes, refusals first (see the file comment). */
function keptOfOwner(entries: readonly { entry: AuditEntry; index: number; bytes: number }[], share: number): Set<number> {
  const denials = entries.filter((each) => each.entry.decision === 'denied');
  const allowed = entries.filter((each) => each.entry.decision !== 'denied');
  // Earliest refusals may take up to a quarter of the share; then newest refusals; then newest allowed calls.
  const earliestDenials: typeof denials = [];
  let earliestBytes = 0;
  for (const each of denials) {
    if (earliestBytes + each.bytes > share / 4) break;
    earliestDenials.push(each);
    earliestBytes += each.bytes;
  }
  const order = [...earliestDenials, ...denials.slice(earliestDenials.length).reverse(), ...[...allowed].reverse()];
  const kept = new Set<number>();
  let used = 0;
  for (const each of order) {
    if (used + each.bytes > share) continue;
    kept.add(each.index);
    used += each.bytes;
  }
  return kept;
}

/** The entries to keep (in their original order) so they take at most `budget` bytes, shared fairly by owner. */
export function entriesToKeep(entries: readonly AuditEntry[], budget: number): AuditEntry[] {
  const sized = entries.map((entry, index) => ({ entry, index, bytes: entryBytes(entry) }));
  const byOwner = new Map<string, typeof sized>();
  for (const each of sized) {
    const owned = byOwner.get(ownerOf(each.entry));
    if (owned) owned.push(each);
    else byOwner.set(ownerOf(each.entry), [each]);
  }
  const usage = new Map([...byOwner].map(([owner, owned]) => [owner, owned.reduce((sum, each) => sum + each.bytes, 0)]));
  const shares = sharesOf(usage, budget);
  const kept = new Set<number>();
  for (const [owner, owned] of byOwner) for (const index of keptOfOwner(owned, shares.get(owner) ?? 0)) kept.add(index);
  return sized.filter((each) => kept.has(each.index)).map((each) => each.entry);
}
