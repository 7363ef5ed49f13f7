/**
 * `Prefer: respond-async` on record writes (netsuite-wire.md §1.9): the write is queued as a job and the client
 * gets 202 with `Location: /services/rest/async/v1/job/{id}` and `Preference-Applied`. The job, its single task
 * and the task's result (the original operation's response: 204 + the record's Location, or the error) are then
 * readable. This is also the only place the idempotency key counts, as in NetSuite: a key is taken by the first
 * submission that carries it, whatever that job's outcome, and every later submission with it is refused with
 * the earlier job's Location.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { errorBody, NetSuiteHttpError, recordNotFound, unexpectedError } from './errors';
import { duplicateSubmission, idempotencyKey } from './idempotencyKey';
import { COLLECTION_MEDIA_TYPE, ERROR_MEDIA_TYPE, JSON_MEDIA_TYPE, SINGULAR_MEDIA_TYPE } from './mediaTypes';
import type { SandboxReply, SandboxRequest } from './router';

export const asyncJobPath = '/services/rest/async/v1/job';

export interface AsyncJobSettings {
  /** Status of a replayed idempotency key (netsuite-wire.md §10 q3). */
  duplicateStatus: 400 | 409;
  /** How long a job waits in the queue before it runs; 0 runs it before the 202 is sent. */
  pendingMs(): number;
}

type Progress = 'pending' | 'succeeded' | 'failed';

interface AsyncJob {
  id: string;
  progress: Progress;
  startTime?: string;
  endTime?: string;
  result?: SandboxReply;
}

function nowIso(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function wantsAsync(headers: IncomingHttpHeaders): boolean {
  return String(headers.prefer ?? '')
    .toLowerCase()
    .split(/[,;]/)
    .some((part) => part.trim() === 'respond-async');
}

function errorReply(error: NetSuiteHttpError): SandboxReply {
  return { status: error.status, headers: { ...error.headers, 'content-type': ERROR_MEDIA_TYPE }, rawBody: errorBody(error.status, error.details) };
}

export class AsyncJobs {
  private readonly jobs = new Map<string, AsyncJob>();
  private readonly jobByKey = new Map<string, string>();
  private nextId = 1;

  constructor(private readonly settings: AsyncJobSettings) {}

  /** Queues a write as a job and answers 202 pointing at it, or refuses a replayed key pointing at the first job. */
  async submit(request: SandboxRequest, write: () => Promise<SandboxReply>): Promise<SandboxReply> {
    const key = idempotencyKey(request.headers);
    const earlier = key === undefined ? undefined : this.jobByKey.get(key);
    if (earlier !== undefined) throw duplicateSubmission(this.settings.duplicateStatus, `${asyncJobPath}/${earlier}`);
    const job: AsyncJob = { id: String(this.nextId++), progress: 'pending' };
    this.jobs.set(job.id, job);
    // Taken before the job runs: a concurrent or later replay finds it whether or not the reply ever arrives.
    if (key !== undefined) this.jobByKey.set(key, job.id);
    const pendingMs = this.settings.pendingMs();
    if (pendingMs > 0) {
      setTimeout(() => {
        // A queued job that outlives its sandbox (the store is closed) fails like NetSuite's internal errors.
        this.execute(job, write).catch(() => this.finish(job, errorReply(unexpectedError(`sandbox-job-${job.id}`))));
      }, pendingMs).unref();
    } else {
      await this.execute(job, write);
    }
    // As the docs' example: an empty 202 that still says application/json.
    return { status: 202, headers: { location: `${asyncJobPath}/${job.id}`, 'preference-applied': 'respond-async', 'content-type': JSON_MEDIA_TYPE } };
  }

  private async execute(job: AsyncJob, write: () => Promise<SandboxReply>): Promise<void> {
    job.startTime = nowIso();
    let result: SandboxReply;
    try {
      result = await write();
    } catch (error) {
      if (!(error instanceof NetSuiteHttpError)) throw error;
      result = errorReply(error);
    }
    this.finish(job, result);
  }

  private finish(job: AsyncJob, result: SandboxReply): void {
    job.result = result;
    job.startTime ??= nowIso();
    job.endTime = nowIso();
    job.progress = result.status < 400 ? 'succeeded' : 'failed';
  }

  private job(id: string): AsyncJob {
    const job = this.jobs.get(id);
    if (!job) throw recordNotFound();
    return job;
  }

  /** GET job, its task list, one task, or the task's result. */
  read(request: SandboxRequest): SandboxReply {
    const { id, taskId } = request.params;
    const path = request.url.pathname.toLowerCase().replace(/\/+$/, '');
    const job = this.job(id);
    const base = `${request.url.origin}${asyncJobPath}/${job.id}`;
    const completed = job.progress !== 'pending';
    if (taskId === undefined) {
      if (path.endsWith('/task')) {
        return {
          status: 200,
          mediaType: COLLECTION_MEDIA_TYPE,
          json: { links: [{ rel: 'self', href: `${base}/task` }], count: 1, hasMore: false, items: [{ links: [{ rel: 'self', href: `${base}/task/1` }], id: '1' }], offset: 0, totalResults: 1 },
        };
      }
      return {
        status: 200,
        mediaType: SINGULAR_MEDIA_TYPE,
        json: { links: [{ rel: 'self', href: base }], completed, id: job.id, progress: job.progress, task: { links: [{ rel: 'self', href: `${base}/task` }] } },
      };
    }
    if (taskId !== '1') throw recordNotFound();
    if (path.endsWith('/result')) {
      if (!job.result) {
        throw new NetSuiteHttpError(404, [
          { detail: `Task 1 of job ${job.id} has not finished; its result is not available yet.`, 'o:errorCode': 'NONEXISTENT_ID', 'o:errorUrl': request.url.pathname },
        ]);
      }
      return job.result;
    }
    return {
      status: 200,
      mediaType: SINGULAR_MEDIA_TYPE,
      json: {
        links: [
          { rel: 'related', href: `${base}/task/1/result` },
          { rel: 'self', href: `${base}/task/1` },
        ],
        completed,
        ...(job.endTime ? { endTime: job.endTime } : {}),
        id: '1',
        progress: job.progress,
        ...(job.startTime ? { startTime: job.startTime } : {}),
      },
    };
  }
}
