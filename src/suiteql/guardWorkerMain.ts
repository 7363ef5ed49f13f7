/**
 * Entry point of the worker thread that checks agents' SuiteQL (see guardedRead.ts), bundled by esbuild.mjs as
 * dist/suiteql-guard-worker.js. It warms the grammar first, so the time limit of a check measures the check.
 */
import { parentPort } from 'node:worker_threads';
import { checkSuiteQLRead, type GuardWorkerMessage, type GuardWorkerRequest } from './guardedRead';
import { setParseBudget, warmUpSuiteQL } from './parser';

const port = parentPort;
if (port) {
  // The host stops this worker when a check outlives its time limit; a parse budget of its own would only refuse
  // long legitimate queries sooner, on a busy machine, than the limit the person set.
  setParseBudget(Number.POSITIVE_INFINITY);
  warmUpSuiteQL();
  port.on('message', (request: GuardWorkerRequest) => {
    const message: GuardWorkerMessage = { id: request.id, read: checkSuiteQLRead(request.query, request.limits) };
    port.postMessage(message);
  });
  const ready: GuardWorkerMessage = { ready: true };
  port.postMessage(ready);
}
