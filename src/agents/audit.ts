/**
 * The durable agent activity log: one JSON object per line in `agent-activity.jsonl` inside a folder the caller
 * owns (the extension's global storage). When the file would pass `maxFileBytes` it is rotated to
 * `agent-activity.1.jsonl` (older ones shift up); when all `keepFiles` files are full the log is compacted instead of
 * dropping its oldest file whole, so the log never grows without bound and yet one agent cannot rotate everyone
 * else's entries away (auditRetention.ts: each entry is capped in size, agents share the space fairly, refusals
 * are kept longest). Every entry carries a plain-English sentence, and its arguments are redacted before they
 * touch disk.
 */
import { appendFile, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { accountEnvironment } from './accountEnvironment';
import type { AuditEntry, AuditEvent, AuditFilter } from './auditEntry';
import { capEntry, entriesToKeep } from './auditRetention';
import { auditSentence } from './auditSentence';
import { redactText, redactValue } from '../netsuite/secretRedaction';

export interface AuditLogOptions {
  directory: string;
  /** Rotate when the current file would grow past this many bytes (default 1 MiB). */
  maxFileBytes?: number;
  /** How many files to keep, the current one included (default 5). */
  keepFiles?: number;
  /** Largest entry written, in bytes (default 4 KiB, at most a quarter of `maxFileBytes`); longer texts are cut. */
  maxEntryBytes?: number;
  /** Injected clock, so entries written in tests carry known times. */
  now?: () => Date;
}

const baseName = 'agent-activity';

export class AuditLog {
  private readonly maxFileBytes: number;
  private readonly keepFiles: number;
  private readonly maxEntryBytes: number;
  private readonly now: () => Date;
  /** Appends run one after another so rotation never races a write. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: AuditLogOptions) {
    this.maxFileBytes = options.maxFileBytes ?? 1024 * 1024;
    this.keepFiles = Math.max(1, options.keepFiles ?? 5);
    this.maxEntryBytes = Math.max(512, Math.min(options.maxEntryBytes ?? 4096, Math.floor(this.maxFileBytes / 4)));
    this.now = options.now ?? (() => new Date());
  }

  /** File `index` of the rotation: 0 is the one being written, higher is older. */
  filePath(index: number): string {
    return join(this.options.directory, index === 0 ? `${baseName}.jsonl` : `${baseName}.${index}.jsonl`);
  }

  /**
   * Writes one entry. Building it never throws: arguments that cannot be redacted or serialised (a shape nothing
   * upstream refused) are replaced by a note, so the call is still on record; only the disk itself can fail.
   */
  append(event: AuditEvent): Promise<AuditEntry> {
    let entry: AuditEntry;
    try {
      entry = this.entryOf(event);
    } catch (error) {
      const note = `arguments could not be logged (${error instanceof Error ? error.name : 'error'})`;
      try {
        entry = this.entryOf({ ...event, arguments: { notLogged: note } });
      } catch {
        // Not even the event's own texts could be written: keep who, when and the decision.
        const bare: AuditEvent = { agent: { id: String(event.agent?.id), name: String(event.agent?.name), kind: event.agent?.kind }, tool: '(not logged)', accountId: '(not logged)', action: 'unknownTool', arguments: { notLogged: note }, decision: event.decision === 'allowed' ? 'allowed' : 'denied', reason: event.decision === 'allowed' ? 'allowed (details could not be logged)' : 'denied (details could not be logged)' };
        entry = this.entryOf(bare);
      }
    }
    const line = `${JSON.stringify(entry)}\n`;
    const written = this.queue.then(() => this.write(line)).then(() => entry);
    this.queue = written.catch(() => undefined);
    return written;
  }

  private entryOf(event: AuditEvent): AuditEntry {
    const environment = accountEnvironment(event.accountId);
    const redacted = redactAgentText(event);
    const full: AuditEntry = { ...redacted, time: this.now().toISOString(), environment, sentence: auditSentence(redacted, environment) };
    return capEntry(full, this.maxEntryBytes, (capped) => auditSentence(capped, environment));
  }

  private async write(line: string): Promise<void> {
    await mkdir(this.options.directory, { recursive: true });
    const currentSize = await stat(this.filePath(0)).then((info) => info.size, () => 0);
    if (currentSize > 0 && currentSize + Buffer.byteLength(line) > this.maxFileBytes) await this.rotate();
    await appendFile(this.filePath(0), line, { encoding: 'utf8', mode: 0o600 });
  }

  private async rotate(): Promise<void> {
    const oldestSlotUsed = await stat(this.filePath(this.keepFiles - 1)).then(() => true, () => false);
    if (this.keepFiles === 1 || oldestSlotUsed) return this.compact();
    for (let index = this.keepFiles - 2; index >= 0; index -= 1) {
      await rename(this.filePath(index), this.filePath(index + 1)).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      });
    }
  }

  /**
   * Instead of dropping the oldest file whole: keep what fits in half the space, shared fairly between agents, and
   * write it back oldest first into files 1…n, leaving the current file empty. Half, so the next compaction is
   * another half of the space away and appends stay cheap.
   */
  private async compact(): Promise<void> {
    const entries = await this.readAll();
    const slots = Math.max(1, this.keepFiles - 1);
    const kept = entriesToKeep(entries, Math.floor((slots * this.maxFileBytes) / 2));
    const files: string[] = [];
    let current = '';
    for (const entry of kept) {
      const line = `${JSON.stringify(entry)}\n`;
      if (current && Buffer.byteLength(current) + Buffer.byteLength(line) > this.maxFileBytes) {
        files.push(current);
        current = '';
      }
      current += line;
    }
    if (current) files.push(current);
    const written = files.slice(-slots);
    for (let index = 0; index < this.keepFiles; index += 1) await rm(this.filePath(index), { force: true });
    // With a single file the survivors are the current file; otherwise the newest chunk is file 1.
    const firstIndex = this.keepFiles === 1 ? 0 : 1;
    for (let position = 0; position < written.length; position += 1) {
      const target = this.filePath(firstIndex + written.length - 1 - position);
      await writeFile(`${target}.tmp`, written[position], { encoding: 'utf8', mode: 0o600 });
      await rename(`${target}.tmp`, target);
    }
  }

  private async readAll(): Promise<AuditEntry[]> {
    const entries: AuditEntry[] = [];
    for (let index = this.keepFiles - 1; index >= 0; index -= 1) {
      const text = await readFile(this.filePath(index), 'utf8').catch(() => '');
      for (const line of text.split('\n')) {
        if (!line.trim()) continue;
        try {
          entries.push(JSON.parse(line) as AuditEntry);
        } catch {
          // A line cut short by a crash mid-write is skipped; the lines around it are still good.
        }
      }
    }
    return entries;
  }

  /** Entries oldest first, filtered; with `limit`, the newest `limit` of them. */
  async query(filter: AuditFilter = {}): Promise<AuditEntry[]> {
    await this.queue;
    const entries = await this.readAll();
    const matching = entries.filter(
      (entry) =>
        (filter.agentId === undefined || entry.agent.id === filter.agentId) &&
        (filter.accountId === undefined || entry.accountId === filter.accountId) &&
        (filter.decision === undefined || entry.decision === filter.decision),
    );
    return filter.limit === undefined ? matching : matching.slice(Math.max(0, matching.length - filter.limit));
  }
}

/**
 * The event with everything an agent (or NetSuite's answer to it) put into words redacted: arguments by field name
 * and shape — an agent may pass a key under any name — and the query, record name and error text, which the
 * sentence repeats.
 */
export function redactAgentText(event: AuditEvent): AuditEvent {
  // Cut to what an entry can keep first, then redact: the work stays small whatever the agent sent (capEntry cuts
  // further), and a key cut mid-way is still redacted (secretRedaction.ts).
  const redacted: AuditEvent = { ...event, arguments: redactValue(event.arguments, { opaqueStrings: true, maxStringLength: maxTextRedacted }) };
  for (const field of ['query', 'recordName', 'error'] as const) {
    const text = event[field];
    if (text !== undefined) redacted[field] = redactText(text.length > maxTextRedacted ? `${text.slice(0, maxTextRedacted)}… (${text.length - maxTextRedacted} more characters not logged)` : text);
  }
  return redacted;
}

/** Longest text redacted and kept for an entry: more than any entry holds (capEntry cuts to about 1,000). */
const maxTextRedacted = 4096;
