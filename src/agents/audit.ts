/**
 * The durable agent activity log: one JSON object per line in `agent-activity.jsonl` inside a folder the caller
 * owns (the extension's global storage). When the file would pass `maxFileBytes` it is rotated to
 * `agent-activity.1.jsonl` (older ones shift up) and only `keepFiles` files are kept, so the log never grows without
 * bound. Every entry carries a plain-English sentence, and its arguments are redacted before they touch disk.
 */
import { appendFile, mkdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { accountEnvironment } from './accountEnvironment';
import type { AuditEntry, AuditEvent, AuditFilter } from './auditEntry';
import { auditSentence } from './auditSentence';
import { redactText, redactValue } from '../netsuite/secretRedaction';

export interface AuditLogOptions {
  directory: string;
  /** Rotate when the current file would grow past this many bytes (default 1 MiB). */
  maxFileBytes?: number;
  /** How many files to keep, the current one included (default 5). */
  keepFiles?: number;
  /** Injected clock, so entries written in tests carry known times. */
  now?: () => Date;
}

const baseName = 'agent-activity';

export class AuditLog {
  private readonly maxFileBytes: number;
  private readonly keepFiles: number;
  private readonly now: () => Date;
  /** Appends run one after another so rotation never races a write. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: AuditLogOptions) {
    this.maxFileBytes = options.maxFileBytes ?? 1024 * 1024;
    this.keepFiles = Math.max(1, options.keepFiles ?? 5);
    this.now = options.now ?? (() => new Date());
  }

  /** File `index` of the rotation: 0 is the one being written, higher is older. */
  filePath(index: number): string {
    return join(this.options.directory, index === 0 ? `${baseName}.jsonl` : `${baseName}.${index}.jsonl`);
  }

  append(event: AuditEvent): Promise<AuditEntry> {
    const environment = accountEnvironment(event.accountId);
    const redacted = redactAgentText(event);
    const entry: AuditEntry = { ...redacted, time: this.now().toISOString(), environment, sentence: auditSentence(redacted, environment) };
    const line = `${JSON.stringify(entry)}\n`;
    const written = this.queue.then(() => this.write(line)).then(() => entry);
    this.queue = written.catch(() => undefined);
    return written;
  }

  private async write(line: string): Promise<void> {
    await mkdir(this.options.directory, { recursive: true });
    const currentSize = await stat(this.filePath(0)).then((info) => info.size, () => 0);
    if (currentSize > 0 && currentSize + Buffer.byteLength(line) > this.maxFileBytes) await this.rotate();
    await appendFile(this.filePath(0), line, { encoding: 'utf8', mode: 0o600 });
  }

  private async rotate(): Promise<void> {
    await rm(this.filePath(this.keepFiles - 1), { force: true });
    for (let index = this.keepFiles - 2; index >= 0; index -= 1) {
      await rename(this.filePath(index), this.filePath(index + 1)).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      });
    }
  }

  /** Entries oldest first, filtered; with `limit`, the newest `limit` of them. */
  async query(filter: AuditFilter = {}): Promise<AuditEntry[]> {
    await this.queue;
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
  const redacted: AuditEvent = { ...event, arguments: redactValue(event.arguments, { opaqueStrings: true }) };
  for (const field of ['query', 'recordName', 'error'] as const) {
    const text = event[field];
    if (text !== undefined) redacted[field] = redactText(text);
  }
  return redacted;
}
