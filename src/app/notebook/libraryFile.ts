/**
 * A saved query in the SuiteQL library: a `.suiteql` file in the workspace (git-friendly, reviewable), whose leading
 * `--` comment lines may name it, describe it and list its parameters:
 *
 *   -- name: Sales by month
 *   -- description: Invoice totals per month since a date
 *   -- params: :since
 *   SELECT …
 *
 * Pure, so reading and writing the header is tested without VS Code. Parameters are only documented here: the query
 * text's own `:name` placeholders are what the notebook prompts for when it runs.
 */
export interface LibraryQuery {
  /** The header's name, else the file name without `.suiteql`. */
  name: string;
  description?: string;
  params: string[];
  /** The query without its header lines: what a notebook cell gets. */
  body: string;
}

const headerLine = /^--\s*(name|description|params)\s*:\s*(.*?)\s*$/i;

export function readLibraryQuery(text: string, fileName: string): LibraryQuery {
  const query: LibraryQuery = { name: fileName.replace(/\.suiteql$/i, ''), params: [], body: text.trim() };
  const lines = text.split(/\r?\n/);
  let headerEnd = 0;
  for (const line of lines) {
    if (!line.trim().startsWith('--')) break;
    const match = headerLine.exec(line.trim());
    if (!match) break;
    headerEnd++;
    const [, key, value] = match;
    if (key.toLowerCase() === 'name' && value) query.name = value;
    else if (key.toLowerCase() === 'description' && value) query.description = value;
    else if (key.toLowerCase() === 'params') query.params = value.split(/[\s,]+/).filter((p) => /^:?[A-Za-z_]\w*$/.test(p)).map((p) => p.replace(/^:/, ''));
  }
  query.body = lines.slice(headerEnd).join('\n').trim();
  return query;
}

/** The file text for a query saved from a notebook cell: the header, then the query (without an older header). */
export function writeLibraryQuery(name: string, description: string | undefined, query: string, params: readonly string[]): string {
  const body = query.replace(/^(\s*--\s*(name|description|params)\s*:.*\r?\n)+/i, '').trim();
  const oneLine = (value: string) => value.replace(/[\r\n]+/g, ' ').trim();
  const lines = [`-- name: ${oneLine(name)}`];
  if (description && description.trim()) lines.push(`-- description: ${oneLine(description)}`);
  if (params.length > 0) lines.push(`-- params: ${params.map((p) => `:${p}`).join(', ')}`);
  return `${lines.join('\n')}\n${body}\n`;
}

/** `Sales by month` → `sales-by-month.suiteql`, safe as a file name on every platform. */
export function libraryFileName(name: string): string {
  const slug = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug || 'query'}.suiteql`;
}
