/**
 * `npm run bench -- warm-restart`: how many metadata-catalog requests a start makes before the Explorer tree shows
 * the account's record types and completion offers (and completes the columns of) a catalog table — cold (empty
 * cache), after a restart with the cache on disk, after the TTL, and after an explicit Refresh — and how long each
 * start takes to show the tree. The sandbox counts the requests. Target: 0 on a warm restart. Prints; never
 * asserts. The last line is one JSON object with the figures.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TbaAuthProvider } from '../../src/netsuite/auth/tba';
import { NetSuiteClient } from '../../src/netsuite/client';
import type { Clock } from '../../src/netsuite/clock';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/index';
import { CatalogLoader } from '../../src/suiteql/catalogLoader';
import { completeSuiteQL } from '../../src/suiteql/completion';
import { SuiteQLSchema } from '../../src/suiteql/schema';
import { createProfile } from '../../src/app/accounts/accountProfile';
import { ExplorerModel } from '../../src/app/explorer/explorerModel';
import { oneAccountState } from '../../src/app/accounts/accountState';

const ttlMs = 60 * 60_000;
const customType = 'customrecord_project_milestone';

interface StartFigures {
  catalogRequests: number;
  treeMs: number;
  recordTypesShown: number;
  completesCatalogTable: boolean;
}

async function oneStart(sandbox: RunningSandbox, cacheRoot: string, clock: Clock, before?: (client: NetSuiteClient) => Promise<void>): Promise<StartFigures> {
  const client = new NetSuiteClient({
    accountId: sandbox.accountId,
    auth: new TbaAuthProvider(sandbox.accountId, sandbox.credentials.tba),
    overrides: { restBaseUrl: sandbox.baseUrl },
    cacheRoot,
    clock,
    metadataTtlMs: ttlMs,
  });
  try {
    await before?.(client);
    const since = sandbox.requestLog.lastSeq;
    const started = performance.now();
    // The tree as the Explorer draws it: account → standard/custom groups → record types.
    const profile = createProfile({ accountId: sandbox.accountId, label: 'Sandbox', authKind: 'tba', restBaseUrl: sandbox.baseUrl });
    const model = new ExplorerModel({ accounts: { list: () => [profile], scope: async () => ({ client }), state: oneAccountState(profile.accountId) }, pageSize: () => 25 });
    const groups = await model.children(model.roots()[0]);
    const types = (await Promise.all(groups.map((group) => model.children(group)))).flat().filter((node) => node.kind === 'recordType');
    const treeMs = performance.now() - started;
    // Completion: every catalog type by name after FROM, and a catalog table's columns once a query uses it.
    const schema = SuiteQLSchema.withStandardTables();
    await new CatalogLoader(schema, { source: async () => client.metadata }).load([customType]);
    const labels = completeSuiteQL(`SELECT m. FROM ${customType} m`, 'SELECT m.'.length, schema).map((item) => item.label);
    const tableOffered = completeSuiteQL('SELECT * FROM custom', 'SELECT * FROM custom'.length, schema).some((item) => item.label === customType);
    return {
      catalogRequests: sandbox.requestLog.list({ since, pathPrefix: '/services/rest/record/v1/metadata-catalog' }).length,
      treeMs: Math.round(treeMs),
      recordTypesShown: types.length,
      completesCatalogTable: tableOffered && labels.includes('custrecord_pm_status'),
    };
  } finally {
    await client.dispose();
  }
}

async function main(): Promise<void> {
  const sandbox = await startSandbox({});
  const cacheRoot = await mkdtemp(join(tmpdir(), 'suitelens-bench-restart-'));
  let skipped = 0;
  const clock: Clock = { now: () => Date.now() + skipped, sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) };
  try {
    const cold = await oneStart(sandbox, cacheRoot, clock);
    const warm = await oneStart(sandbox, cacheRoot, clock);
    skipped += ttlMs + 1;
    const afterTtl = await oneStart(sandbox, cacheRoot, clock);
    const afterRefresh = await oneStart(sandbox, cacheRoot, clock, (client) => client.metadata.refresh());
    const show = (label: string, figures: StartFigures) =>
      console.log(
        `${label.padEnd(30)} ${String(figures.catalogRequests).padStart(3)} catalog requests; tree with ${figures.recordTypesShown} record types in ${figures.treeMs} ms; completes ${customType} and its columns: ${figures.completesCatalogTable ? 'yes' : 'NO'}`,
      );
    show('cold start (empty cache)', cold);
    show('warm restart (cache on disk)', warm);
    show(`after the TTL (${ttlMs / 60_000} min)`, afterTtl);
    show('after Refresh', afterRefresh);
    console.log(`warm restart: ${warm.catalogRequests} catalog requests (target 0)`);
    console.log(JSON.stringify({ bench: 'warm-restart', cold, warm, afterTtl, afterRefresh, target: 0 }));
  } finally {
    await sandbox.stop();
    await rm(cacheRoot, { recursive: true, force: true });
  }
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
