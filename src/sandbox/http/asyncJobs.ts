/**
 * `Prefer: respond-async` on record writes (netsuite-wire.md §1.9): the write is queued as a job and the client
 * gets 202 with `Location: /services/rest/async/v1/job/{id}` and `Preference-Applied`. The job, its single task
 * and the task's result (the original operation's response: 204 + the record's Location, or the error) are then
 * readable. This is also the only place the idempotency key counts, as in NetSuite: a key is taken by the first
 * submission that carries it, whatever that job's outcome, and every later submission with it is refused with
 * the earlier job's Location.
 *
 * A batch request (2026.1 batch operations, src/sandbox/batch-wire.md) is one job with one task per record, in the
 * order of the request's items; each task's result is that record's own answer, so one record can fail while the
 * others succeed. The task collection is a plain list of task links, as Oracle and MuleSoft describe it; listing
 * each task's progress there too is an option (`taskListProgress`) that no public source supports (batch-wire.md).
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
  /** List each task's `completed` and `progress` in the task collection: not NetSuite's documented shape (batch-wire.md). */
  taskListProgress?: boolean;
}

type Progress = 'pending' | 'succeeded' | 'failed';

interface AsyncTask {
  id: string;
  progress: Progress;
  startTime?: string;
  endTime?: string;
  result?: SandboxReply;
}

interface AsyncJob {
  id: string;
  progress: Progress;
  startTime?: string;
  endTime?: string;
  tasks: AsyncTask[];
}

/** One unit of a job's work: a single write, or one record of a batch. */
export type AsyncTaskWork = () => Promise<SandboxReply>;

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
  submit(request: SandboxRequest, write: AsyncTaskWork): Promise<SandboxReply> {
    return this.submitTasks(request, [write]);
  }

  /** Queues a job of several tasks (a batch: one per record), answered like a single async write. */
  async submitTasks(request: SandboxRequest, work: AsyncTaskWork[]): Promise<SandboxReply> {
    const key = idempotencyKey(request.headers);
    const earlier = key === undefined ? undefined : this.jobByKey.get(key);
    if (earlier !== undefined) throw duplicateSubmission(this.settings.duplicateStatus, `${asyncJobPath}/${earlier}`);
    const job: AsyncJob = { id: String(this.nextId++), progress: 'pending', tasks: work.map((_, index) => ({ id: String(index + 1), progress: 'pending' })) };
    this.jobs.set(job.id, job);
    // Taken before the job runs: a concurrent or later replay finds it whether or not the reply ever arrives.
    if (key !== undefined) this.jobByKey.set(key, job.id);
    const pendingMs = this.settings.pendingMs();
    if (pendingMs > 0) {
      setTimeout(() => {
        // A queued job that outlives its sandbox (the store is closed) fails like NetSuite's internal errors.
        this.execute(job, work).catch(() => {
          for (const task of job.tasks) if (!task.result) this.finishTask(task, errorReply(unexpectedError(`sandbox-job-${job.id}`)));
          this.finishJob(job);
        });
      }, pendingMs).unref();
    } else {
      await this.execute(job, work);
    }
    // As the docs' example: an empty 202 that still says application/json.
    return { status: 202, headers: { location: `${asyncJobPath}/${job.id}`, 'preference-applied': 'respond-async', 'content-type': JSON_MEDIA_TYPE } };
  }

  // Tasks run one after the other: each is one store transaction, so a failing record leaves the others intact.
  private async execute(job: AsyncJob, work: AsyncTaskWork[]): Promise<void> {
    job.startTime = nowIso();
    for (const [index, task] of job.tasks.entries()) {
      task.startTime = nowIso();
      let result: SandboxReply;
      try {
        result = await work[index]();
      } catch (error) {
        if (!(error instanceof NetSuiteHttpError)) throw error;
        result = errorReply(error);
      }
      this.finishTask(task, result);
    }
    this.finishJob(job);
  }

  private finishTask(task: AsyncTask, result: SandboxReply): void {
    task.result = result;
    task.startTime ??= nowIso();
    task.endTime = nowIso();
    task.progress = result.status < 400 ? 'succeeded' : 'failed';
  }

  // A job with any failed task reports `failed` (our reading; NetSuite's word for a partly failed batch is unknown).
  private finishJob(job: AsyncJob): void {
    job.startTime ??= nowIso();
    job.endTime = nowIso();
    job.progress = job.tasks.every((task) => task.progress === 'succeeded') ? 'succeeded' : 'failed';
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
    if (taskId === undefined) {
      if (path.endsWith('/task')) {
        return {
          status: 200,
          mediaType: COLLECTION_MEDIA_TYPE,
          json: {
            links: [{ rel: 'self', href: `${base}/task` }],
            count: job.tasks.length,
            hasMore: false,
            // A plain collection, as NetSuite's guide describes it ("get the task ID"): each task's progress is
            // read from the task itself, not from the list — unless the sandbox is told otherwise (batch-wire.md).
            items: job.tasks.map((task) => ({
              links: [{ rel: 'self', href: `${base}/task/${task.id}` }],
              ...(this.settings.taskListProgress ? { completed: task.progress !== 'pending', progress: task.progress } : {}),
              id: task.id,
            })),
            offset: 0,
            totalResults: job.tasks.length,
          },
        };
      }
      return {
        status: 200,
        mediaType: SINGULAR_MEDIA_TYPE,
        json: {
          links: [{ rel: 'self', href: base }],
          completed: job.progress !== 'pending',
          ...(job.endTime ? { endTime: job.endTime } : {}),
          id: job.id,
          progress: job.progress,
          ...(job.startTime ? { startTime: job.startTime } : {}),
          task: { links: [{ rel: 'self', href: `${base}/task` }] },
        },
      };
    }
    const task = job.tasks.find((candidate) => candidate.id === taskId);
    if (!task) throw recordNotFound();
    if (path.endsWith('/result')) {
      if (!task.result) {
        throw new NetSuiteHttpError(404, [
          { detail: `Task ${task.id} of job ${job.id} has not finished; its result is not available yet.`, 'o:errorCode': 'NONEXISTENT_ID', 'o:errorUrl': request.url.pathname },
        ]);
      }
      return task.result;
    }
    return { status: 200, mediaType: SINGULAR_MEDIA_TYPE, json: taskJson(base, task) };
  }
}

function taskJson(jobBase: string, task: AsyncTask): Record<string, unknown> {
  return {
    links: [
      { rel: 'related', href: `${jobBase}/task/${task.id}/result` },
      { rel: 'self', href: `${jobBase}/task/${task.id}` },
    ],
    completed: task.progress !== 'pending',
    ...(task.endTime ? { endTime: task.endTime } : {}),
    id: task.id,
    progress: task.progress,
    ...(task.startTime ? { startTime: task.startTime } : {}),
  };
}
