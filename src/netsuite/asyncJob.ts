/**
 * Waiting for a NetSuite async job (`Prefer: respond-async`, netsuite-wire.md §1.9): poll the job until it is
 * completed, with a backoff that starts short (a quick job answers quickly) and settles at a couple of seconds
 * (a queued one does not cost a request per moment), then read its task list and the task's result — the response
 * the operation would have given synchronously. Every read is a governed, retried GET on the account's client.
 */
import type { Clock } from './clock';
import { NetSuiteError } from './errors';
import type { GovernorPriority } from './governor';
import type { NetSuiteHttpClient, NetSuiteResponse } from './http';

export interface AsyncJobPolling {
  /** Wait before the second look at a job that was not done at the first. */
  firstDelayMs: number;
  /** The longest wait between two looks. */
  maxDelayMs: number;
  /** Give up waiting (the job may still finish) after this long; the error names the job's URL. */
  limitMs: number;
}

export const defaultAsyncJobPolling: AsyncJobPolling = { firstDelayMs: 100, maxDelayMs: 2_000, limitMs: 300_000 };

export interface AsyncJobOutcome {
  /** The job's absolute URL, for messages the user can act on. */
  jobUrl: string;
  /** False when the task reported failure or its result is an error. */
  succeeded: boolean;
  /** The task's result: the operation's own response (204 + `Location` for a create, or NetSuite's error). */
  result: NetSuiteResponse;
}

export class AsyncJobWaiter {
  constructor(
    private readonly http: NetSuiteHttpClient,
    private readonly clock: Clock,
    private readonly polling: AsyncJobPolling = defaultAsyncJobPolling,
  ) {}

  /** Waits for the job at `jobLocation` (a `Location` header) and returns its single task's result. */
  async outcome(jobLocation: string, operation: string, signal?: AbortSignal): Promise<AsyncJobOutcome> {
    const jobPath = this.http.restPathOf(jobLocation);
    const jobUrl = this.http.urlFor(jobPath).href;
    try {
      const job = await this.completedJob(jobPath, jobUrl, operation, signal);
      const taskListPath = linkPath(this.http, job.task, 'self') ?? `${jobPath}/task`;
      const taskList = asObject((await this.read(taskListPath, signal)).body);
      const firstTask = asObject(Array.isArray(taskList.items) ? taskList.items[0] : undefined);
      if (firstTask.id === undefined && !Array.isArray(firstTask.links)) {
        throw new NetSuiteError({ kind: 'server', message: `NetSuite job ${jobUrl} (${operation}) finished without a task`, advice: adviceToCheck(jobUrl) });
      }
      // The task's result sits at `…/task/{id}/result` (§1.9); reading the task itself first would cost a round
      // trip for nothing: the result's status tells success from failure.
      const taskPath = linkPath(this.http, firstTask, 'self') ?? `${taskListPath}/${encodeURIComponent(String(firstTask.id))}`;
      const result = await this.http.request({ method: 'GET', path: `${taskPath}/result`, safety: 'idempotent', signal, answerErrors: true });
      const failed = isFailure(job.progress) || result.status >= 400 || hasErrorDetails(result.body);
      return { jobUrl, succeeded: !failed, result };
    } catch (error) {
      throw whileWaiting(error, jobUrl, operation);
    }
  }

  /**
   * Waits for a job of many tasks (a batch: one task per record, in the request's order) and returns its task
   * list. Each item carries its own `progress` where NetSuite lists it; the caller reads results as it needs them.
   */
  async tasks(jobLocation: string, operation: string, signal?: AbortSignal): Promise<{ jobUrl: string; tasks: Record<string, unknown>[] }> {
    const jobPath = this.http.restPathOf(jobLocation);
    const jobUrl = this.http.urlFor(jobPath).href;
    try {
      const job = await this.completedJob(jobPath, jobUrl, operation, signal);
      const taskListPath = linkPath(this.http, job.task, 'self') ?? `${jobPath}/task`;
      const tasks: Record<string, unknown>[] = [];
      // The task list is a collection like any other: follow its pages until it says there are no more.
      for (let offset = 0; ; ) {
        const page = asObject((await this.http.request({ method: 'GET', path: taskListPath, query: offset ? { offset } : undefined, safety: 'idempotent', signal })).body);
        const items = Array.isArray(page.items) ? page.items.map(asObject) : [];
        tasks.push(...items);
        if (page.hasMore !== true || items.length === 0) break;
        offset += items.length;
      }
      return { jobUrl, tasks };
    } catch (error) {
      throw whileWaiting(error, jobUrl, operation);
    }
  }

  /**
   * One task's result (the record's own answer, an error included) from a task-list item; `background` lets the
   * reads of a finished batch wait behind requests that keep other jobs moving (governor.ts).
   */
  taskResult(jobLocation: string, task: Record<string, unknown>, signal?: AbortSignal, priority?: GovernorPriority): Promise<NetSuiteResponse> {
    const jobPath = this.http.restPathOf(jobLocation);
    const resultPath = linkPath(this.http, task, 'related') ?? `${linkPath(this.http, task, 'self') ?? `${jobPath}/task/${encodeURIComponent(String(task.id))}`}/result`;
    return this.http.request({ method: 'GET', path: resultPath, safety: 'idempotent', signal, answerErrors: true, priority });
  }

  private async completedJob(jobPath: string, jobUrl: string, operation: string, signal: AbortSignal | undefined): Promise<Record<string, unknown>> {
    const started = this.clock.now();
    for (let delay = this.polling.firstDelayMs; ; delay = Math.min(this.polling.maxDelayMs, delay * 2)) {
      const job = asObject((await this.read(jobPath, signal)).body);
      if (job.completed === true || isFailure(job.progress) || job.progress === 'succeeded') return job;
      const waited = this.clock.now() - started;
      if (waited + delay > this.polling.limitMs) {
        throw new NetSuiteError({
          kind: 'server',
          message: `NetSuite accepted the ${operation} as job ${jobUrl}, but the job had not finished after ${seconds(this.polling.limitMs)} (progress: ${String(job.progress ?? 'unknown')})`,
          advice: adviceToCheck(jobUrl),
        });
      }
      await this.clock.sleep(delay, signal);
    }
  }

  private read(path: string, signal: AbortSignal | undefined): Promise<NetSuiteResponse> {
    return this.http.request({ method: 'GET', path, safety: 'idempotent', signal });
  }
}

function adviceToCheck(jobUrl: string): string {
  return `NetSuite may still finish it: open ${jobUrl} (or refresh the record list) to see whether it did before trying again.`;
}

// Errors while waiting keep their kind (cancelled, auth, network…) but say which job they left unfinished.
function whileWaiting(error: unknown, jobUrl: string, operation: string): unknown {
  if (!(error instanceof NetSuiteError) || error.message.includes(jobUrl)) return error;
  const what = error.kind === 'cancelled' ? `Stopped waiting for NetSuite job ${jobUrl} (${operation})` : `Could not follow NetSuite job ${jobUrl} (${operation}): ${error.message}`;
  return new NetSuiteError({ kind: error.kind, status: error.status, details: error.details, request: error.request, cause: error, message: what, advice: adviceToCheck(jobUrl) });
}

function linkPath(http: NetSuiteHttpClient, owner: unknown, rel: string): string | undefined {
  const links = asObject(owner).links;
  if (!Array.isArray(links)) return undefined;
  const href = links.map(asObject).find((link) => link.rel === rel && typeof link.href === 'string')?.href;
  return typeof href === 'string' ? http.restPathOf(href) : undefined;
}

export function isFailure(progress: unknown): boolean {
  return typeof progress === 'string' && /fail|error|abort|cancel/i.test(progress);
}

export function hasErrorDetails(body: unknown): boolean {
  return Array.isArray(asObject(body)['o:errorDetails']);
}

function seconds(ms: number): string {
  return ms % 60_000 === 0 ? `${ms / 60_000} min` : `${Math.round(ms / 1000)} s`;
}

function asObject(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
