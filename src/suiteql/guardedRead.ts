/**
 * Where the agent guard's SuiteQL check runs. The Trino grammar can take seconds on hostile input (2 KB of nested
 * parentheses took 7–15 s), and on the extension host that would freeze VS Code, so the extension checks queries
 * in a worker thread with a time limit and refuses on expiry (`workerSuiteQLReads`). Tests of the policy alone may
 * check in the thread (`inThreadSuiteQLReads`). Either way one query is parsed once per call: the result (tables,
 * displayed columns, the canonical text to run) is handed on, and asking again for the same text reuses it.
 */
import { Worker } from 'node:worker_threads';
import { defaultSuiteQLLimits, type SuiteQLLimits } from './canonicalQuery';
import { tablesReadBy, type TablesReadResult } from './tables';

/** A checked query: what it reads and the canonical text that alone may run; or why it is refused. */
export type GuardedRead = (TablesReadResult & { ok: true; canonical: string }) | { ok: false; reason: string };

export interface SuiteQLReads {
  check(query: string): Promise<GuardedRead>;
  dispose(): void;
}

export type LimitsSource = () => SuiteQLLimits;

/** How long one check may take in the worker before it is stopped and the query refused (the worst legitimate-looking
 * query at the caps took about 1 s there on a loaded 2-core machine; npm run bench -- guard-block). */
export const defaultCheckTimeLimitMs = 4_000;
/** Loading the grammar and warming ANTLR's caches in a fresh worker. */
const workerStartLimitMs = 30_000;

function tooLong(query: string, limits: SuiteQLLimits): GuardedRead | undefined {
  return query.length > limits.maxLength ? { ok: false, reason: `The query has ${query.length} characters; agents may send at most ${limits.maxLength}.` } : undefined;
}

function asGuarded(read: TablesReadResult): GuardedRead {
  if (!read.ok) return read;
  return read.canonical === undefined ? { ok: false, reason: 'The query was checked without a canonical text.' } : { ...read, canonical: read.canonical };
}

/** The check run for one message, in the worker or in the thread. */
export function checkSuiteQLRead(query: string, limits: SuiteQLLimits): GuardedRead {
  try {
    return tooLong(query, limits) ?? asGuarded(tablesReadBy(query, limits));
  } catch (error) {
    return { ok: false, reason: `The query could not be checked (${error instanceof Error ? error.message : String(error)}).` };
  }
}

/** Remembers the last answer, so a confirmation and the call that follows it parse the query once. */
class LastAnswer {
  private last: { query: string; limits: string; answer: Promise<GuardedRead> } | undefined;
  get(query: string, limits: SuiteQLLimits, compute: () => Promise<GuardedRead>): Promise<GuardedRead> {
    const key = `${limits.maxLength}/${limits.maxDepth}`;
    if (this.last?.query === query && this.last.limits === key) return this.last.answer;
    const answer = compute();
    this.last = { query, limits: key, answer };
    return answer;
  }
}

export function inThreadSuiteQLReads(limits: LimitsSource = () => defaultSuiteQLLimits): SuiteQLReads {
  const last = new LastAnswer();
  return {
    check: (query) => {
      const current = limits();
      return last.get(query, current, async () => checkSuiteQLRead(query, current));
    },
    dispose: () => undefined,
  };
}

/** Messages to and from guardWorkerMain.ts. */
export interface GuardWorkerRequest {
  id: number;
  query: string;
  limits: SuiteQLLimits;
}
export type GuardWorkerMessage = { ready: true } | { id: number; read: GuardedRead };

interface Pending {
  request: GuardWorkerRequest;
  resolve(read: GuardedRead): void;
}

export interface WorkerSuiteQLReadsOptions {
  /** The bundled worker (dist/suiteql-guard-worker.js). */
  workerFile: string;
  limits?: LimitsSource;
  timeLimitMs?: number;
}

/**
 * Checks queries one at a time in a worker thread. A check that outlives the time limit terminates the worker
 * (ANTLR cannot be interrupted otherwise) and is refused; the next check starts a fresh worker.
 */
export function workerSuiteQLReads(options: WorkerSuiteQLReadsOptions): SuiteQLReads {
  const limits = options.limits ?? (() => defaultSuiteQLLimits);
  const timeLimitMs = options.timeLimitMs ?? defaultCheckTimeLimitMs;
  const last = new LastAnswer();
  const queue: Pending[] = [];
  let worker: Worker | undefined;
  let ready = false;
  let busy: { pending: Pending; timer: NodeJS.Timeout } | undefined;
  let startTimer: NodeJS.Timeout | undefined;
  let nextId = 1;
  let disposed = false;

  const stopWorker = (): void => {
    if (startTimer) clearTimeout(startTimer);
    startTimer = undefined;
    const stopping = worker;
    worker = undefined;
    ready = false;
    void stopping?.terminate();
  };

  const finish = (read: GuardedRead): void => {
    if (!busy) return;
    clearTimeout(busy.timer);
    const { pending } = busy;
    busy = undefined;
    pending.resolve(read);
    pump();
  };

  const failAll = (reason: string): void => {
    if (busy) finish({ ok: false, reason });
    for (const pending of queue.splice(0)) pending.resolve({ ok: false, reason });
  };

  const start = (): void => {
    let started: Worker;
    try {
      started = new Worker(options.workerFile);
    } catch (error) {
      failAll(`SuiteQL checking is unavailable (${error instanceof Error ? error.message : String(error)}).`);
      return;
    }
    worker = started;
    // An idle worker must not keep the extension host (or a test run) alive.
    started.unref();
    startTimer = setTimeout(() => {
      stopWorker();
      failAll('SuiteQL checking did not start in time.');
    }, workerStartLimitMs);
    started.on('message', (message: GuardWorkerMessage) => {
      if (started !== worker) return;
      if ('ready' in message) {
        if (startTimer) clearTimeout(startTimer);
        startTimer = undefined;
        ready = true;
        pump();
      } else if (busy && message.id === busy.pending.request.id) finish(message.read);
    });
    started.on('error', (error) => {
      if (started !== worker) return;
      stopWorker();
      failAll(`SuiteQL checking failed (${error.message}).`);
    });
    started.on('exit', () => {
      if (started !== worker) return;
      stopWorker();
      failAll('SuiteQL checking stopped unexpectedly.');
    });
  };

  const pump = (): void => {
    if (busy || queue.length === 0 || disposed) return;
    if (!worker) return start();
    if (!ready) return;
    const pending = queue.shift() as Pending;
    const timer = setTimeout(() => {
      // Stop the worker first, so its late answer cannot be taken for the next query's.
      stopWorker();
      finish({ ok: false, reason: `Checking the query took longer than ${timeLimitMs} ms, so it is refused; write it more simply.` });
    }, timeLimitMs);
    busy = { pending, timer };
    worker.postMessage(pending.request);
  };

  return {
    check(query) {
      const current = limits();
      const refusal = tooLong(query, current);
      if (refusal) return Promise.resolve(refusal);
      return last.get(query, current, () => {
        if (disposed) return Promise.resolve({ ok: false, reason: 'SuiteQL checking has stopped.' });
        return new Promise<GuardedRead>((resolve) => {
          queue.push({ request: { id: nextId++, query, limits: current }, resolve });
          pump();
        });
      });
    },
    dispose() {
      disposed = true;
      stopWorker();
      failAll('SuiteQL checking has stopped.');
    },
  };
}
