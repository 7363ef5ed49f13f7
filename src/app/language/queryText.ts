/** The query to run from a `.suiteql` editor: the selection when there is one, else the whole file. */
export function queryToRun(text: string, selected: string): string {
  const chosen = selected.trim() !== '' ? selected : text;
  return chosen.trim().replace(/;\s*$/, '');
}

/** Where `queryToRun` starts inside `chosen` (the selection or the whole file): after its leading whitespace. */
export function queryStartIn(chosen: string): number {
  return chosen.length - chosen.trimStart().length;
}
