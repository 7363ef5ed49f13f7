/**
 * `Prefer: respond-async` on record writes (netsuite-wire.md §1.9): the write runs, its outcome is kept as a
 * job, and the client gets 202 with `Location: /services/rest/async/v1/job/{id}` and `Preference-Applied`.
 * The job, its single task and the task's result (the original response) are then readable. A replayed
 * idempotency key points at the first request's job, as the docs' example shows.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { errorBody, NetSuiteHttpError, recordNotFound } from './errors';
import { COLLECTION_MEDIA_TYPE, ERROR_MEDIA_TYPE, SINGULAR_MEDIA_TYPE } from './mediaTypes';
import type { SandboxReply, SandboxRequest } from './router';

export const asyncJobPath = '/services/rest/async/v1/job';

interface AsyncJob {
  id: string;
  startTime: string;
  endTime: string;
  succeeded: boolean;
  result: SandboxReply;
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

function idempotencyKeyOf(headers: IncomingHttpHeaders): string | undefined {
  const header = headers['x-netsuite-idempotency-key'];
  return (Array.isArray(header) ? header[0] : header)?.trim().toLowerCase();
}

export class AsyncJobs {
  private readonly jobs = new Map<string, AsyncJob>();
  private readonly jobByKey = new Map<string, string>();
  private nextId = 1;

  /** Runs a write as a job; answers 202 pointing at it (or the replay error, pointing at the first job). */
  async run(request: SandboxRequest, write: () => Promise<SandboxReply>): Promise<SandboxReply> {
    const startTime = nowIso();
    let result: SandboxReply;
    try {
      result = await write();
    } catch (error) {
      if (!(error instanceof NetSuiteHttpError)) throw error;
      const key = idempotencyKeyOf(request.headers);
      const firstJob = key ? this.jobByKey.get(key) : undefined;
      if (firstJob && error.details.some((detail) => detail['o:errorCode'] === 'IDEMPOTENCY_ERROR')) {
        throw new NetSuiteHttpError(error.status, error.details, { ...error.headers, location: `${asyncJobPath}/${firstJob}`, 'preference-applied': 'respond-async' });
      }
      result = { status: error.status, headers: { ...error.headers, 'content-type': ERROR_MEDIA_TYPE }, rawBody: errorBody(error.status, error.details) };
    }
    const id = String(this.nextId++);
    this.jobs.set(id, { id, startTime, endTime: nowIso(), succeeded: result.status < 400, result });
    const key = idempotencyKeyOf(request.headers);
    if (key && result.status < 400) this.jobByKey.set(key, id);
    return { status: 202, headers: { location: `${asyncJobPath}/${id}`, 'preference-applied': 'respond-async' } };
  }

  private job(id: string): AsyncJob {
    const job = this.jobs.get(id);
    if (!job) throw recordNotFound();
    return job;
  }

  /** GET job, its task list, one task, or the task's result. */
  read(request: SandboxRequest): SandboxReply {
    const { id, taskId } = request.params;
    const path = request.url.pathname.toLowerCase();
    const job = this.job(id);
    const base = `${request.url.origin}${asyncJobPath}/${job.id}`;
    const progress = job.succeeded ? 'succeeded' : 'failed';
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
        json: { links: [{ rel: 'self', href: base }], completed: true, id: job.id, progress, task: { links: [{ rel: 'self', href: `${base}/task` }] } },
      };
    }
    if (taskId !== '1') throw recordNotFound();
    if (path.endsWith('/result')) return job.result;
    return {
      status: 200,
      mediaType: SINGULAR_MEDIA_TYPE,
      json: {
        links: [
          { rel: 'related', href: `${base}/task/1/result` },
          { rel: 'self', href: `${base}/task/1` },
        ],
        completed: true,
        endTime: job.endTime,
        id: '1',
        progress,
        startTime: job.startTime,
      },
    };
  }
}
