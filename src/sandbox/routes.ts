/** The REST services the sandbox answers, path by path. */
import { handleMetadataRequest, METADATA_CATALOG_PATH } from './catalog';
import { AsyncJobs, asyncJobPath, wantsAsync, type AsyncJobSettings } from './http/asyncJobs';
import { Router, type SandboxRequest } from './http/router';
import type { RecordServiceSettings } from './records/recordContext';
import { batchRoutes, isCollectionBody, looksLikeMislabelledBatch, mislabelledBatch } from './records/batchHandlers';
import { createForm, editForm, representationOf, selectOptions, transformForm } from './records/formHandlers';
import { getRecord, getSublist, listRecords } from './records/readHandlers';
import { transformRecord } from './records/transform';
import { refusingTypesWithoutData } from './records/typesWithoutData';
import { createRecord, deleteRecord, updateRecord, upsertRecord } from './records/writeHandlers';
import { governanceLimits } from './systemHandlers';
import type { RouteHandler } from './http/router';

export interface RouteDependencies {
  records: RecordServiceSettings;
  accountId: string;
  concurrencyLimit(): number;
  suiteql: RouteHandler;
  asyncJobs: AsyncJobSettings;
}

export function buildRouter(dependencies: RouteDependencies): Router {
  const { records } = dependencies;
  const record = '/services/rest/record/v1';
  const jobs = new AsyncJobs(dependencies.asyncJobs);
  /**
   * A record write, queued as an async job when the client prefers it (the only case its idempotency key counts);
   * refused on a type the catalog lists without data.
   */
  const write = (handler: RouteHandler): RouteHandler =>
    refusingTypesWithoutData((request) => (wantsAsync(request.headers) ? jobs.submit(request, () => handler(request)) : handler(request)));
  const batchOf = batchRoutes(records, jobs);
  const batch = {
    read: batchOf.read,
    create: refusingTypesWithoutData(batchOf.create),
    update: refusingTypesWithoutData(batchOf.update),
    upsert: refusingTypesWithoutData(batchOf.upsert),
    remove: refusingTypesWithoutData(batchOf.remove),
  };
  const create = write((request) => createRecord(records, request));
  const update = write((request) => updateRecord(records, request));
  const transform = write((request) => transformRecord(records, request));
  const readJob: RouteHandler = (request) => Promise.resolve(jobs.read(request));
  const metadata = (request: SandboxRequest) => {
    const answer = handleMetadataRequest({
      url: request.url,
      accept: request.headers.accept,
      baseUrl: records.baseUrl(),
      role: request.principal.role,
      accountId: dependencies.accountId,
    });
    return Promise.resolve({ status: answer.status, headers: answer.headers, rawBody: answer.body });
  };
  return (
    new Router()
      // The catalog comes first: `metadata-catalog` would otherwise read as a record type.
      .add('GET', METADATA_CATALOG_PATH, metadata)
      .add('GET', `${METADATA_CATALOG_PATH}/:name`, metadata)
      // `?ids=` with `Prefer: respond-async` is a batch GET (a job per record); without it, the collection page.
      .add('GET', `${record}/:type`, (request) => (wantsAsync(request.headers) && request.url.searchParams.has('ids') ? batch.read(request) : listRecords(records, request)))
      .add('POST', `${record}/:type`, (request) => {
        // Unsaved representations first: they answer 200 with a body and write nothing.
        const representation = representationOf(request);
        if (representation === 'select-options') return selectOptions(records, request);
        if (representation === 'create-form') return createForm(records, request);
        if (isCollectionBody(request)) return batch.create(request);
        if (looksLikeMislabelledBatch(request)) return Promise.reject(mislabelledBatch());
        return create(request);
      }, { write: true })
      .add('PATCH', `${record}/:type`, batch.update, { write: true })
      .add('PUT', `${record}/:type`, batch.upsert, { write: true })
      .add('DELETE', `${record}/:type`, batch.remove, { write: true })
      .add('GET', `${record}/:type/:id`, (request) => getRecord(records, request))
      .add('GET', `${record}/:type/:id/:sublist`, (request) => getSublist(records, request))
      .add('GET', `${record}/:type/:id/:sublist/:line`, (request) => getSublist(records, request))
      .add('PATCH', `${record}/:type/:id`, (request) => {
        const representation = representationOf(request);
        if (representation === 'select-options') return selectOptions(records, request);
        if (representation === 'edit-form') return editForm(records, request);
        return update(request);
      }, { write: true })
      .add('PUT', `${record}/:type/:id`, write((request) => upsertRecord(records, request)), { write: true })
      .add('DELETE', `${record}/:type/:id`, write((request) => deleteRecord(records, request)), { write: true })
      .add('POST', `${record}/:type/:id/!transform/:target`, (request) => (representationOf(request) === 'create-form' ? transformForm(records, request) : transform(request)), { write: true })
      .add('POST', '/services/rest/query/v1/suiteql', dependencies.suiteql)
      .add('GET', `${asyncJobPath}/:id`, readJob)
      .add('GET', `${asyncJobPath}/:id/task`, readJob)
      .add('GET', `${asyncJobPath}/:id/task/:taskId`, readJob)
      .add('GET', `${asyncJobPath}/:id/task/:taskId/result`, readJob)
      .add('GET', '/services/rest/system/v1/governanceLimits', (request) => Promise.resolve(governanceLimits(request, dependencies.concurrencyLimit())))
  );
}
