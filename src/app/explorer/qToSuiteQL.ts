/**
 * A record filter's NetSuite `q` expression (netsuite-wire.md §1.3) as a SuiteQL condition, so the explorer can list
 * a filtered type with SuiteQL's ORDER BY and "Query in Notebook" opens the same rows the tree shows. Only what maps
 * one to one is translated — string, number, boolean, reference and empty conditions joined by AND/OR and
 * parentheses; anything else (dates, whose literal format depends on the user's preferences) gives `undefined`, and
 * the caller keeps NetSuite's own `q`. Every value becomes a quoted literal or a checked number, so nothing typed
 * can change the statement's shape. Pure.
 */
import { columnNameFor } from './recordColumns';

type Token = { kind: 'open' } | { kind: 'close' } | { kind: 'word'; text: string } | { kind: 'string'; text: string } | { kind: 'list'; items: string[] };

function tokenize(q: string): Token[] | undefined {
  const tokens: Token[] = [];
  let at = 0;
  while (at < q.length) {
    const char = q[at];
    if (/\s/.test(char)) {
      at += 1;
    } else if (char === '(' || char === ')') {
      tokens.push(char === '(' ? { kind: 'open' } : { kind: 'close' });
      at += 1;
    } else if (char === '"') {
      let text = '';
      at += 1;
      while (at < q.length && q[at] !== '"') {
        if (q[at] === '\\' && at + 1 < q.length) at += 1;
        text += q[at];
        at += 1;
      }
      if (q[at] !== '"') return undefined;
      at += 1;
      tokens.push({ kind: 'string', text });
    } else if (char === '[') {
      const end = q.indexOf(']', at);
      if (end < 0) return undefined;
      const items = q.slice(at + 1, end).split(',').map((item) => item.trim().replace(/^"(.*)"$/, '$1')).filter(Boolean);
      tokens.push({ kind: 'list', items });
      at = end + 1;
    } else {
      const word = /^[^\s()"[\]]+/.exec(q.slice(at))?.[0];
      if (!word) return undefined;
      tokens.push({ kind: 'word', text: word });
      at += word.length;
    }
  }
  return tokens;
}

const comparisons: Record<string, string> = { EQUAL: '=', GREATER: '>', GREATER_OR_EQUAL: '>=', LESS: '<', LESS_OR_EQUAL: '<=' };

function sqlString(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** A number literal, or a string literal for anything else (NetSuite compares either way). */
function sqlValue(text: string): string {
  return /^-?\d+(\.\d+)?$/.test(text) ? text : sqlString(text);
}

function booleanValue(text: string): string | undefined {
  const lower = text.toLowerCase();
  if (lower === 'true' || lower === 't') return "'T'";
  if (lower === 'false' || lower === 'f') return "'F'";
  return undefined;
}

/** One `field OPERATOR value` as SQL, consuming its tokens; undefined when it does not translate. */
function condition(tokens: Token[], position: { at: number }, recordType: string): string | undefined {
  const fieldToken = tokens[position.at];
  const operatorToken = tokens[position.at + 1];
  if (fieldToken?.kind !== 'word' || operatorToken?.kind !== 'word' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(fieldToken.text)) return undefined;
  position.at += 2;
  const column = columnNameFor(recordType, fieldToken.text);
  const upper = operatorToken.text.toUpperCase();
  const negated = upper.endsWith('_NOT');
  const operator = negated ? upper.slice(0, -'_NOT'.length) : upper;
  const not = (sql: string) => (negated ? `NOT (${sql})` : sql);
  if (operator === 'EMPTY') return negated ? `${column} IS NOT NULL` : `${column} IS NULL`;
  const value = tokens[position.at];
  if (!value || value.kind === 'open' || value.kind === 'close') return undefined;
  position.at += 1;
  if (operator === 'ANY_OF') {
    const items = value.kind === 'list' ? value.items : [value.text];
    if (items.length === 0) return undefined;
    return not(`${column} IN (${items.map(sqlValue).join(', ')})`);
  }
  if (operator === 'BETWEEN') {
    const second = tokens[position.at];
    const bounds = value.kind === 'list' ? value.items : second && (second.kind === 'word' || second.kind === 'string') ? [value.text, second.text] : [];
    if (value.kind !== 'list') position.at += 1;
    if (bounds.length !== 2 || !bounds.every((bound) => /^-?\d+(\.\d+)?$/.test(bound))) return undefined;
    return not(`${column} BETWEEN ${bounds[0]} AND ${bounds[1]}`);
  }
  if (value.kind === 'list') return undefined;
  const text = value.text;
  switch (operator) {
    case 'CONTAIN':
      return not(`LOWER(${column}) LIKE ${sqlString(`%${text.toLowerCase()}%`)}`);
    case 'START_WITH':
      return not(`LOWER(${column}) LIKE ${sqlString(`${text.toLowerCase()}%`)}`);
    case 'END_WITH':
      return not(`LOWER(${column}) LIKE ${sqlString(`%${text.toLowerCase()}`)}`);
    case 'IS': {
      const literal = value.kind === 'word' ? (booleanValue(text) ?? sqlValue(text)) : sqlString(text);
      return negated ? `${column} <> ${literal}` : `${column} = ${literal}`;
    }
    default: {
      const comparison = comparisons[operator];
      if (!comparison || !/^-?\d+(\.\d+)?$/.test(text)) return undefined; // dates and unknown operators stay q-only
      return not(`${column} ${comparison} ${text}`);
    }
  }
}

/** `a AND (b OR c)`: conditions and groups joined by AND / OR, read left to right as NetSuite groups them. */
function expression(tokens: Token[], position: { at: number }, recordType: string): string | undefined {
  const parts: string[] = [];
  for (;;) {
    const token = tokens[position.at];
    let part: string | undefined;
    if (token?.kind === 'open') {
      position.at += 1;
      const inner = expression(tokens, position, recordType);
      if (inner === undefined || tokens[position.at]?.kind !== 'close') return undefined;
      position.at += 1;
      part = `(${inner})`;
    } else {
      part = condition(tokens, position, recordType);
    }
    if (part === undefined) return undefined;
    parts.push(part);
    const joiner = tokens[position.at];
    if (joiner?.kind !== 'word' || !/^(AND|OR)$/i.test(joiner.text)) return parts.join(' ');
    parts.push(joiner.text.toUpperCase());
    position.at += 1;
  }
}

/** `companyName CONTAIN "acme" OR balance GREATER 1000` → `LOWER(companyname) LIKE '%acme%' OR balancesearch > 1000`. */
export function qToSuiteQL(q: string, recordType: string): string | undefined {
  const tokens = tokenize(q);
  if (!tokens?.length) return undefined;
  const position = { at: 0 };
  const sql = expression(tokens, position, recordType);
  return sql !== undefined && position.at === tokens.length ? sql : undefined;
}
