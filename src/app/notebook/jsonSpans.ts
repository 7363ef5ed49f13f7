/**
 * Where each value of a JSON text is, so a value SuiteLens does not interpret can be written back as the exact text it
 * was read as: JSON.parse turns `9007199254740993` into …992 and `0.10000000000000000555` into 0.1. Run only on text
 * JSON.parse accepted (jsonc-parser, VS Code's own JSON scanner, also reads comments JSON.parse would refuse).
 */
// The ESM build: its UMD main requires its parts at run time, which a bundle cannot follow.
import { parseTree, type Node as JsonNode } from 'jsonc-parser/lib/esm/main.js';

/** One value's place in the text, [start, end), with its members' and items' places. */
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
  const root = parseTree(text);
  if (!root) throw new Error('jsonSpans: the text holds no JSON value');
  return spanOf(root);
}

function spanOf(node: JsonNode): JsonSpan {
  const span: JsonSpan = { start: node.offset, end: node.offset + node.length };
  if (node.type === 'object') {
    span.keys = new Map();
    for (const property of node.children ?? []) {
      const [key, value] = property.children ?? [];
      if (key && value) span.keys.set(String(key.value), spanOf(value));
    }
  } else if (node.type === 'array') {
    span.items = (node.children ?? []).map(spanOf);
  }
  return span;
}

/** Writes a value as JSON (indented by 2) with every RawJson in it as its exact text. */
export function stringifyWithRaw(value: unknown): string {
  const raws: string[] = [];
  const marker = `\u0000raw${Math.random().toString(36).slice(2)}:`;
  const text = JSON.stringify(value, (_key, member: unknown) => (isRawJson(member) ? `${marker}${raws.push(member['suitelens.rawJson']) - 1}` : member), 2);
  return text.replace(new RegExp(`"\\\\u0000${marker.slice(1)}(\\d+)"`, 'g'), (_match, index: string) => raws[Number(index)]);
}
