/**
 * Where a notebook cell's query came from when "Run SuiteQL" ran a `.suiteql` file: the file and the offset of the
 * query's first character in it. Kept in the cell's metadata, so the run-error diagnostics can also mark the file.
 */
export interface RunFrom {
  uri: string;
  offset: number;
}

/** The `runFrom` of a cell's metadata, if it holds a well-formed one. */
export function runFromOf(metadata: { readonly [key: string]: unknown } | undefined): RunFrom | undefined {
  const value = metadata?.runFrom as Partial<RunFrom> | undefined;
  if (!value || typeof value.uri !== 'string' || typeof value.offset !== 'number' || !Number.isInteger(value.offset) || value.offset < 0) return undefined;
  return { uri: value.uri, offset: value.offset };
}
