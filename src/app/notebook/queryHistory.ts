/**
 * Query history per account, kept in globalState under a versioned key so it survives restarts and upgrades.
 * Pure apart from the Memento-shaped storage it is given.
 */

export interface HistoryEntry {
  query: string;
  ranAt: string;
  rows: number;
  elapsedMs: number;
  ok: boolean;
}

export interface HistoryStorage {
  get<T>(key: string, defaultValue: T): T;
  update(key: string, value: unknown): Thenable<void>;
}

const historyKey = 'suitelens.queryHistory.v1';
const maxEntriesPerAccount = 500;

export class QueryHistory {
  constructor(
    private readonly storage: HistoryStorage,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Newest first. */
  entries(accountId: string): HistoryEntry[] {
    const all = this.storage.get<Record<string, HistoryEntry[]>>(historyKey, {});
    return Array.isArray(all[accountId]) ? all[accountId] : [];
  }

  /** Records a run; running the same query again moves it to the top instead of adding a duplicate. */
  async record(accountId: string, run: Omit<HistoryEntry, 'ranAt'>): Promise<void> {
    const all = { ...this.storage.get<Record<string, HistoryEntry[]>>(historyKey, {}) };
    const normalised = normalise(run.query);
    const kept = (all[accountId] ?? []).filter((entry) => normalise(entry.query) !== normalised);
    all[accountId] = [{ ...run, elapsedMs: Math.round(run.elapsedMs), ranAt: this.now().toISOString() }, ...kept].slice(0, maxEntriesPerAccount);
    await this.storage.update(historyKey, all);
  }

  async clear(accountId: string): Promise<void> {
    const all = { ...this.storage.get<Record<string, HistoryEntry[]>>(historyKey, {}) };
    delete all[accountId];
    await this.storage.update(historyKey, all);
  }
}

function normalise(query: string): string {
  return query.replace(/\s+/g, ' ').trim().toLowerCase();
}
