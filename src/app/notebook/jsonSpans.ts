/**
 * Where each value of a JSON text is, so a value SuiteLens does not interpret can be written back as the exact text it
 * was read as: JSON.parse turns `9007199254740993` into …992 and `0.10000000000000000555` into 0.1. Run only on text
 * JSON.parse accepted, so it does not check the grammar again.
 */
export interface JsonSpan {
  start: number;
  end: number;
  /** An object's members (the last of a repeated key, as JSON.parse keeps). */
  keys?: Map<string, JsonSpan>;
  /** An array's items. */
  items?: JsonSpan[];
}

/** A value kept as the JSON text it was read as. A plain object (not a class) so it survives VS Code's metadata copies. */
export interface RawJson {
  'suitelens.rawJson': string;
}

export function rawJson(text: string): RawJson {
  return { 'suitelens.rawJson': text };
}

export function isRawJson(value: unknown): value is RawJson {
  return typeof value === 'object' && value !== null && typeof (value as Partial<RawJson>)['suitelens.rawJson'] === 'string' && Object.keys(value).length === 1;
}

export function jsonSpans(text: string): JsonSpan {
  let at = 0;
  const skip = (): void => {
    while (at < text.length && ' \t\n\r'.includes(text[at])) at++;
  };
  const string = (): string => {
    const start = at;
    at++;
    while (text[at] !== '"') at += text[at] === '\\' ? 2 : 1;
    at++;
    return JSON.parse(text.slice(start, at)) as string;
  };
  const value = (): JsonSpan => {
    skip();
    const start = at;
    const char = text[at];
    if (char === '{') {
      at++;
      const keys = new Map<string, JsonSpan>();
      skip();
      if (text[at] === '}') at++;
      else {
        for (;;) {
          skip();
          const key = string();
          skip();
          at++; // :
          keys.set(key, value());
          skip();
          if (text[at++] === '}') break;
        }
      }
      return { start, end: at, keys };
    }
    if (char === '[') {
      at++;
      const items: JsonSpan[] = [];
      skip();
      if (text[at] === ']') at++;
      else {
        for (;;) {
          items.push(value());
          skip();
          if (text[at++] === ']') break;
        }
      }
      return { start, end: at, items };
    }
    if (char === '"') {
      string();
      return { start, end: at };
    }
    while (at < text.length && !',}] \t\n\r'.includes(text[at])) at++;
    return { start, end: at };
  };
  return value();
}

/** Writes a value as JSON (indented by 2) with every RawJson in it as its exact text. */
export function stringifyWithRaw(value: unknown): string {
  const raws: string[] = [];
  const marker = `\u0000raw${Math.random().toString(36).slice(2)}:`;
  const text = JSON.stringify(value, (_key, member: unknown) => (isRawJson(member) ? `${marker}${raws.push(member['suitelens.rawJson']) - 1}` : member), 2);
  return text.replace(new RegExp(`"\\\\u0000${marker.slice(1)}(\\d+)"`, 'g'), (_match, index: string) => raws[Number(index)]);
}
