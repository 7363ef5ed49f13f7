import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const corpusFolder = 'test/fixtures/suiteql-corpus';

export interface CorpusQuery {
  readonly file: string;
  readonly text: string;
}

/** Every `*.suiteql` query of the corpus, in file order. */
export function corpusQueries(): CorpusQuery[] {
  return readdirSync(corpusFolder)
    .filter((file) => file.endsWith('.suiteql'))
    .sort()
    .map((file) => ({ file, text: readFileSync(join(corpusFolder, file), 'utf8') }));
}

export interface CompletionCase {
  readonly query: string;
  readonly includes: string[];
  readonly excludes?: string[];
  readonly empty?: boolean;
}

export function completionCases(): CompletionCase[] {
  return JSON.parse(readFileSync(join(corpusFolder, 'completion-cases.json'), 'utf8')) as CompletionCase[];
}

/** Splits a `|`-marked query into the text and the caret offset. */
export function atMarker(marked: string): { text: string; offset: number } {
  const offset = marked.indexOf('|');
  if (offset < 0) throw new Error(`no | marker in ${marked}`);
  return { text: marked.slice(0, offset) + marked.slice(offset + 1), offset };
}
