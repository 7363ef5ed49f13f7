/**
 * The size an agent's tool arguments may have, checked before anything else reads them. Everything after this point
 * (schema validation, structuredClone, redaction, the log's JSON) walks the arguments, some of it recursively and
 * some of it in time that grows with their size: an agent that sends a megabyte of text, or an array nested a few
 * thousand deep, must get a refusal that is logged, not a stack overflow that leaves no trace or a redaction that
 * holds the extension host for minutes. The check itself is iterative and stops at the first limit it passes.
 *
 * The limits are far above any real call: a NetSuite body nests record → sublist → line → subrecord → reference
 * (about 6 deep), a long-text field holds at most 1,000,000 characters (NetSuite Help, "Custom Field Type Reference")
 * but an agent has no need to send one, and a bulk update is at most 200 records.
 */

/** Deepest nesting of objects and arrays. */
export const maxArgumentDepth = 32;
/** Objects, arrays and values in all. */
export const maxArgumentNodes = 50_000;
/** Characters in one string (keys included). */
export const maxArgumentStringLength = 100_000;
/** Characters in all strings and keys together. */
export const maxArgumentCharacters = 1_000_000;

/** Why these arguments are refused before they are read, or undefined when they are within every limit. */
export function argumentsProblem(args: unknown): string | undefined {
  const pending: Array<{ value: unknown; depth: number }> = [{ value: args, depth: 0 }];
  let nodes = 0;
  let characters = 0;
  const countString = (text: string): string | undefined => {
    if (text.length > maxArgumentStringLength) return `a text of ${text.length.toLocaleString('en-US')} characters is longer than the ${maxArgumentStringLength.toLocaleString('en-US')} a tool argument may have`;
    characters += text.length;
    if (characters > maxArgumentCharacters) return `the arguments hold more than ${maxArgumentCharacters.toLocaleString('en-US')} characters of text`;
    return undefined;
  };
  while (pending.length > 0) {
    const { value, depth } = pending.pop()!;
    nodes += 1;
    if (nodes > maxArgumentNodes) return `the arguments hold more than ${maxArgumentNodes.toLocaleString('en-US')} values`;
    if (typeof value === 'string') {
      const problem = countString(value);
      if (problem) return problem;
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= maxArgumentDepth) return `the arguments are nested deeper than ${maxArgumentDepth} levels`;
    if (Array.isArray(value)) {
      if (value.length > maxArgumentNodes) return `the arguments hold a list of more than ${maxArgumentNodes.toLocaleString('en-US')} values`;
      for (const item of value) pending.push({ value: item, depth: depth + 1 });
      continue;
    }
    // Only plain data arrives here (JSON from MCP or VS Code chat); anything else is refused rather than walked.
    const prototype: unknown = Object.getPrototypeOf(value);
    if (prototype !== Object.prototype && prototype !== null) return 'the arguments hold something other than plain JSON values';
    for (const key of Object.keys(value)) {
      const problem = countString(key);
      if (problem) return problem;
      pending.push({ value: (value as Record<string, unknown>)[key], depth: depth + 1 });
    }
  }
  return undefined;
}

/** What the log keeps of arguments that were refused for their size: a note, never the arguments themselves. */
export function refusedArgumentsNote(problem: string): { notLogged: string } {
  return { notLogged: `arguments refused before they were read: ${problem}` };
}
