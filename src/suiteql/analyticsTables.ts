/**
 * The names of the SuiteQL analytics tables that public sources show real accounts have (about 750; see
 * data/analyticsTables.json, each table with the sources it was seen in). They make `FROM` complete the tables a
 * real account has before its catalog loads, or when it never does (offline, no REST permission). Names only:
 * their columns come from the bundled standard tables, the account's catalog and query results.
 *
 * The JSON is not bundled into the extension's code: esbuild.mjs copies it beside the bundle and the editor adapter
 * reads it on first use, so activation never pays for it.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Where the table list is in a build (copied by esbuild.mjs) and in the source tree (tests). */
export const analyticsTablesFileName = 'suiteql-analytics-tables.json';
export const analyticsTablesSourceFile = join('src', 'suiteql', 'data', 'analyticsTables.json');

export interface AnalyticsTableName {
  readonly name: string;
  /** Keys of the file's `sources` (what public evidence shows the table), for hover. */
  readonly sources: readonly string[];
}

export interface AnalyticsTableSource {
  /** Short, for hover ("one real account's SuiteQL table map"). */
  readonly title: string;
  /** Where exactly the names come from. */
  readonly detail: string;
}

export interface AnalyticsTableList {
  readonly sources: Readonly<Record<string, AnalyticsTableSource>>;
  readonly tables: readonly AnalyticsTableName[];
}

/** Reads the bundled list; fails closed on a malformed file (a bad build must not add garbage to completion). */
export function parseAnalyticsTables(json: unknown): AnalyticsTableList {
  if (!isObject(json) || !isObject(json.sources) || !isObject(json.tables)) throw new Error('The SuiteQL analytics table list has no "sources" and "tables" objects.');
  const sources: Record<string, AnalyticsTableSource> = {};
  for (const [key, source] of Object.entries(json.sources)) {
    if (isObject(source) && typeof source.title === 'string' && typeof source.detail === 'string') sources[key] = { title: source.title, detail: source.detail };
  }
  const tables: AnalyticsTableName[] = [];
  for (const [name, seenIn] of Object.entries(json.tables)) {
    if (!/^[a-z][a-z0-9_]*$/.test(name) || !Array.isArray(seenIn) || !seenIn.every((key) => typeof key === 'string' && key in sources)) {
      throw new Error(`The SuiteQL analytics table list has a bad entry "${name}".`);
    }
    tables.push({ name, sources: seenIn as string[] });
  }
  return { sources, tables };
}

/** Loads the list from a file; the adapter passes the build's copy, tests the source file. */
export async function loadAnalyticsTables(file: string): Promise<AnalyticsTableList> {
  return parseAnalyticsTables(JSON.parse(await readFile(file, 'utf8')));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
