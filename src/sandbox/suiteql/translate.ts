/**
 * SuiteQL (Oracle-flavoured SQL as NetSuite accepts it) → Postgres, for the sandbox's PGlite store.
 *
 * The query is tokenized and nested by parentheses (`tokens.ts`); each SELECT is then split into its clauses at
 * top level, its FROM parsed into tables, aliases and joins, and its expressions rewritten node by node. Syntax the
 * two dialects share passes through unchanged; what differs is rewritten structurally: ROWNUM, TOP, `(+)` outer
 * joins, MINUS, BUILTIN.DF/CF and Oracle's functions. Tables are checked against the SuiteQL table description and
 * replaced by what the caller's role may see.
 */
import { unknownTableError, unsupportedSearchError } from './errors';
import { bareWordRewrites, keywordsBeforeParentheses, translateFunctionCall, typeNameRewrites } from './functions';
import { QueryScope } from './scope';
import type { SuiteQLTable } from './tables';
import { buildTree, isGroup, isOp, isOuterJoinMarker, isSubquery, isWord, splitByComma, tokenize, type Group, type SqlNode, type Token } from './tokens';

export interface TranslateOptions {
  tables: SuiteQLTable[];
  /**
   * The SQL that stands for `table` in a FROM clause (a name or a parenthesised sub-query restricted to the rows
   * the caller may see). Throw a `SuiteQLQueryError` to refuse the table. Default: the table itself.
   */
  tableSource?: (table: SuiteQLTable) => string;
}

export interface SuiteQLTranslation {
  /** The Postgres statement. */
  sql: string;
  /** A statement returning as many rows as `sql`, cheaper to count (the top-level ORDER BY dropped). */
  countSql: string;
  /** Every SuiteQL table the query reads, lower-case. */
  tablesRead: string[];
  /** The outermost query's FROM aliases and their tables, for NetSuite's "Available identifiers" wording. */
  identifiers: Map<string, string>;
}

const clauseStarts = new Set(['FROM', 'WHERE', 'GROUP', 'HAVING', 'ORDER', 'OFFSET', 'FETCH', 'LIMIT', 'CONNECT', 'START', 'FOR', 'INTO']);
const setOperators = new Set(['UNION', 'INTERSECT', 'MINUS', 'EXCEPT']);
const joinStarts = new Set(['JOIN', 'INNER', 'LEFT', 'RIGHT', 'FULL', 'CROSS', 'NATURAL']);
/** Words that end an expression and therefore can never be a select-list alias without AS. */
const notAliases = new Set(['END', 'NULL', 'TRUE', 'FALSE', 'DAY', 'MONTH', 'YEAR', 'HOUR', 'MINUTE', 'SECOND', 'ROWNUM', 'SYSDATE', 'CURRENT_DATE']);

const aggregateFunctions = new Set(['COUNT', 'SUM', 'AVG', 'MIN', 'MAX', 'LISTAGG', 'STDDEV', 'VARIANCE']);

/** Operators and keywords that bind less tightly than `||`: they end a concatenation's operand. */
const concatBoundaryOps = new Set(['=', '<', '>', '<=', '>=', '<>', '!=', '^=', ',']);
const concatBoundaryWords = new Set(['AND', 'OR', 'NOT', 'IS', 'LIKE', 'BETWEEN', 'IN', 'ESCAPE', 'CASE', 'WHEN', 'THEN', 'ELSE', 'END', 'ASC', 'DESC', 'NULLS', 'FIRST', 'LAST', 'DISTINCT']);

interface FromFactor {
  /** SQL for the factor without its alias. */
  source: () => string;
  alias?: string;
  /** Alias the factor is known by in the query (explicit alias or table name). */
  name: string;
}

interface FromJoin {
  /** `LEFT JOIN`, `INNER JOIN`, `CROSS JOIN`, … */
  kind: string;
  factor: FromFactor;
  on?: SqlNode[];
  using?: Group;
}

interface FromItem {
  first: FromFactor;
  joins: FromJoin[];
}

function identifierText(token: Token): string {
  return token.kind === 'quoted' ? token.text.slice(1, -1).replace(/""/g, '"').toLowerCase() : token.text.toLowerCase();
}

/** Emits an identifier Postgres will read case-insensitively, as SuiteQL does. */
function emitIdentifier(token: Token): string {
  if (token.kind === 'word') return token.text.toLowerCase();
  return `"${identifierText(token).replace(/"/g, '""')}"`;
}

function isIdentifier(node: SqlNode | undefined): node is Token {
  return node?.kind === 'word' || node?.kind === 'quoted';
}

/** Splits at a top-level keyword sequence (`UNION ALL`, `AND`): used for set operations and WHERE conjuncts. */
function splitConjuncts(nodes: SqlNode[]): SqlNode[][] {
  if (nodes.some((node) => isWord(node, 'OR'))) return [nodes];
  const parts: SqlNode[][] = [[]];
  let pendingBetween = false;
  for (const node of nodes) {
    if (isWord(node, 'BETWEEN')) pendingBetween = true;
    if (isWord(node, 'AND')) {
      if (pendingBetween) pendingBetween = false;
      else {
        parts.push([]);
        continue;
      }
    }
    parts[parts.length - 1].push(node);
  }
  return parts.filter((part) => part.length > 0);
}

function numberValue(node: SqlNode | undefined): number | undefined {
  return node?.kind === 'number' ? Number(node.text) : undefined;
}

/**
 * The row limit a WHERE conjunct on ROWNUM imposes (`ROWNUM <= 10` → 10), or undefined when the conjunct does not
 * mention ROWNUM. ROWNUM in any other position is refused: Postgres has no equivalent.
 */
function rownumLimit(conjunct: SqlNode[]): number | undefined {
  if (!conjunct.some((node) => isWord(node, 'ROWNUM'))) return undefined;
  if (conjunct.length === 3) {
    const [left, op, right] = conjunct;
    const flipped: Record<string, string> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=', '=': '=' };
    let operator: string | undefined;
    let bound: number | undefined;
    if (isWord(left, 'ROWNUM') && isOp(op)) [operator, bound] = [op.text, numberValue(right)];
    else if (isWord(right, 'ROWNUM') && isOp(op)) [operator, bound] = [flipped[op.text], numberValue(left)];
    if (bound !== undefined && operator) {
      if (operator === '<=') return Math.max(0, Math.floor(bound));
      if (operator === '<') return Math.max(0, Math.ceil(bound) - 1);
      if (operator === '=') return bound === 1 ? 1 : 0;
      // ROWNUM > n (n ≥ 1) is never true in Oracle: the first row would be numbered 1 and rejected, and so on.
      if (operator === '>') return bound < 1 ? Infinity : 0;
      if (operator === '>=') return bound <= 1 ? Infinity : 0;
    }
  }
  if (conjunct.length === 5 && isWord(conjunct[0], 'ROWNUM') && isWord(conjunct[1], 'BETWEEN') && isWord(conjunct[3], 'AND')) {
    const [low, high] = [numberValue(conjunct[2]), numberValue(conjunct[4])];
    if (low !== undefined && high !== undefined) return low <= 1 ? Math.max(0, Math.floor(high)) : 0;
  }
  throw unsupportedSearchError();
}

class Translator {
  private readonly tablesByName: Map<string, SuiteQLTable>;
  private readonly tablesRead = new Set<string>();
  private readonly cteNames: Set<string>[] = [];
  private displayAliasCount = 0;
  /**
   * The lookup alias of each BUILTIN.DF sub-select by its text: the same BUILTIN.DF(x) in SELECT and GROUP BY must
   * translate to the same text, or Postgres does not see them as one grouped expression.
   */
  private readonly displayLookups = new Map<string, string>();
  topScope: QueryScope | undefined;
  /** The top-level SELECT without its ORDER BY, when the statement is a single SELECT. */
  countSql: string | undefined;

  constructor(private readonly options: TranslateOptions) {
    this.tablesByName = new Map(options.tables.map((t) => [t.name, t]));
  }

  result(sql: string, countable: boolean): SuiteQLTranslation {
    return {
      sql,
      countSql: countable && this.countSql !== undefined ? this.countSql : sql,
      tablesRead: [...this.tablesRead],
      identifiers: this.topScope?.identifiers() ?? new Map(),
    };
  }

  /** A full query: optional WITH, then SELECTs joined by set operators. */
  query(nodes: SqlNode[], outer: QueryScope | undefined): string {
    let rest = nodes;
    let withClause = '';
    if (isWord(rest[0], 'WITH')) ({ withClause, rest } = this.withClause(rest, outer));
    const parts: { operator: string; nodes: SqlNode[] }[] = [{ operator: '', nodes: [] }];
    for (let i = 0; i < rest.length; i++) {
      const node = rest[i];
      if (isWord(node) && setOperators.has(node.upper)) {
        let operator = node.upper === 'MINUS' ? 'EXCEPT' : node.upper;
        if (isWord(rest[i + 1], 'ALL', 'DISTINCT')) operator += ` ${(rest[++i] as Token).upper}`;
        parts.push({ operator, nodes: [] });
      } else {
        parts[parts.length - 1].nodes.push(node);
      }
    }
    const inSetOperation = parts.length > 1;
    const body = parts
      .map((part) => {
        if (part.nodes.length === 0) throw unsupportedSearchError();
        const [first, ...tail] = part.nodes;
        const text = isSubquery(first) ? `(${this.query((first as Group).items, outer)})${tail.length ? ` ${this.expression(tail, outer)}` : ''}` : this.select(part.nodes, outer, inSetOperation);
        return part.operator ? `${part.operator} ${text}` : text;
      })
      .join(' ');
    if (withClause) this.cteNames.pop();
    return withClause + body;
  }

  private withClause(nodes: SqlNode[], outer: QueryScope | undefined): { withClause: string; rest: SqlNode[] } {
    const names = new Set<string>();
    this.cteNames.push(names);
    const definitions: string[] = [];
    let i = 1;
    for (;;) {
      const name = nodes[i];
      if (!isIdentifier(name)) throw unsupportedSearchError();
      let columns = '';
      i++;
      if (isGroup(nodes[i])) columns = `(${(nodes[i++] as { items: SqlNode[] }).items.filter(isIdentifier).map(emitIdentifier).join(', ')})`;
      const body = nodes[i + 1];
      if (!isWord(nodes[i], 'AS') || !isSubquery(body)) throw unsupportedSearchError();
      definitions.push(`${emitIdentifier(name)}${columns} AS (${this.query((body as Group).items, outer)})`);
      names.add(identifierText(name));
      i += 2;
      if (!isOp(nodes[i], ',')) break;
      i++;
    }
    return { withClause: `WITH ${definitions.join(', ')} `, rest: nodes.slice(i) };
  }

  private isCte(name: string): boolean {
    return this.cteNames.some((names) => names.has(name));
  }

  /** One SELECT … FROM … [WHERE …] [GROUP BY …] [HAVING …] [ORDER BY …] [OFFSET …] [FETCH …]. */
  private select(nodes: SqlNode[], outer: QueryScope | undefined, inSetOperation: boolean): string {
    if (!isWord(nodes[0], 'SELECT')) throw unsupportedSearchError();
    const clauses = new Map<string, SqlNode[]>();
    let current = 'SELECT';
    clauses.set(current, []);
    for (let i = 1; i < nodes.length; i++) {
      const node = nodes[i];
      const startsClause = isWord(node) && clauseStarts.has(node.upper) && !(node.upper === 'GROUP' && isWord(nodes[i - 1], 'WITHIN'));
      if (startsClause) {
        if (['CONNECT', 'START', 'FOR', 'INTO'].includes(node.upper) || clauses.has(node.upper)) throw unsupportedSearchError();
        current = node.upper;
        clauses.set(current, []);
        if ((current === 'GROUP' || current === 'ORDER') && isWord(nodes[i + 1], 'BY')) i++;
        else if (current === 'GROUP' || current === 'ORDER') throw unsupportedSearchError();
      } else {
        clauses.get(current)!.push(node);
      }
    }

    const scope = new QueryScope(outer);
    if (!outer && !this.topScope) this.topScope = scope;
    const limits: number[] = [];

    // SELECT [DISTINCT|UNIQUE|ALL] [TOP n] items
    let selectNodes = clauses.get('SELECT')!;
    let quantifier = '';
    if (isWord(selectNodes[0], 'DISTINCT', 'UNIQUE', 'ALL')) {
      quantifier = (selectNodes[0] as Token).upper === 'ALL' ? '' : 'DISTINCT ';
      selectNodes = selectNodes.slice(1);
    }
    if (isWord(selectNodes[0], 'TOP')) {
      const top = numberValue(selectNodes[1]);
      if (top === undefined) throw unsupportedSearchError();
      limits.push(top);
      selectNodes = selectNodes.slice(2);
    }
    if (selectNodes.length === 0) throw unsupportedSearchError();

    // FROM first: its aliases are what every other clause resolves names against.
    const fromNodes = clauses.get('FROM');
    if (!fromNodes || fromNodes.length === 0) throw unsupportedSearchError();
    const fromItems = splitByComma(fromNodes).map((item) => this.fromItem(item, scope));

    // WHERE: ROWNUM conditions become a LIMIT, Oracle (+) conditions become LEFT JOINs.
    let conjuncts = clauses.has('WHERE') ? splitConjuncts(clauses.get('WHERE')!) : [];
    if (clauses.has('WHERE') && conjuncts.length === 0) throw unsupportedSearchError();
    const rownumLimits: number[] = [];
    conjuncts = conjuncts.filter((conjunct) => {
      const limit = rownumLimit(conjunct);
      if (limit !== undefined) rownumLimits.push(limit);
      return limit === undefined;
    });
    let { fromSql, remaining } = this.fromClause(fromItems, conjuncts, scope);

    // Oracle numbers rows as they pass WHERE, before grouping, DISTINCT and sorting: `WHERE ROWNUM <= 10 ORDER BY x`
    // sorts the first ten rows found, and COUNT(*) counts at most ten. For a single table the limit therefore moves
    // into a derived table of the same name; otherwise (joins) it limits the final rows.
    const limitsBeforeSorting = clauses.has('ORDER') || clauses.has('GROUP') || clauses.has('HAVING') || quantifier !== '' || selectNodes.some((node, i) => isWord(node) && aggregateFunctions.has(node.upper) && isGroup(selectNodes[i + 1]));
    const singleFactor = fromItems.length === 1 && fromItems[0].joins.length === 0 ? fromItems[0].first : undefined;
    if (rownumLimits.length > 0 && limitsBeforeSorting && singleFactor) {
      const where = remaining.length > 0 ? ` WHERE ${remaining.map((c) => this.expression(c, scope)).join(' AND ')}` : '';
      fromSql = `(SELECT * FROM ${fromSql}${where} LIMIT ${Math.min(...rownumLimits)}) AS ${singleFactor.name}`;
      remaining = [];
    } else {
      limits.push(...rownumLimits);
    }

    let sql = `SELECT ${quantifier}${this.selectList(selectNodes, scope)} FROM ${fromSql}`;
    if (remaining.length > 0) sql += ` WHERE ${remaining.map((c) => this.expression(c, scope)).join(' AND ')}`;
    const clauseSql = (clause: string, keyword: string) => {
      const clauseNodes = clauses.get(clause);
      if (!clauseNodes) return '';
      if (clauseNodes.length === 0) throw unsupportedSearchError();
      return ` ${keyword} ${this.expression(clauseNodes, scope)}`;
    };
    sql += clauseSql('GROUP', 'GROUP BY') + clauseSql('HAVING', 'HAVING');
    const orderBy = clauseSql('ORDER', 'ORDER BY');
    const rowLimiting = this.rowLimiting(clauses, limits);
    // How many rows a query returns does not depend on their order: counting skips the sort.
    if (scope === this.topScope && !inSetOperation) this.countSql = sql + rowLimiting;
    sql += orderBy + rowLimiting;
    // Inside UNION/EXCEPT a limited SELECT must be parenthesised, or Postgres applies the limit to the whole set.
    return inSetOperation && rowLimiting ? `(${sql})` : sql;
  }

  /** OFFSET n ROWS, FETCH FIRST n ROWS ONLY, LIMIT n, plus the limits TOP and ROWNUM imposed. */
  private rowLimiting(clauses: Map<string, SqlNode[]>, limits: number[]): string {
    let sql = '';
    const offset = clauses.get('OFFSET');
    if (offset) {
      const value = numberValue(offset[0]);
      if (value === undefined || offset.length > 2 || (offset.length === 2 && !isWord(offset[1], 'ROW', 'ROWS'))) throw unsupportedSearchError();
      sql += ` OFFSET ${value}`;
    }
    const fetch = clauses.get('FETCH');
    if (fetch) {
      // FETCH {FIRST|NEXT} n {ROW|ROWS} ONLY
      const value = fetch.length === 4 ? numberValue(fetch[1]) : undefined;
      if (!isWord(fetch[0], 'FIRST', 'NEXT') || value === undefined || !isWord(fetch[2], 'ROW', 'ROWS') || !isWord(fetch[3], 'ONLY')) throw unsupportedSearchError();
      limits.push(value);
    }
    const limit = clauses.get('LIMIT');
    if (limit) {
      const value = numberValue(limit[0]);
      if (value === undefined || limit.length !== 1) throw unsupportedSearchError();
      limits.push(value);
    }
    const effective = Math.min(...limits);
    if (Number.isFinite(effective)) sql += ` LIMIT ${effective}`;
    return sql;
  }

  private selectList(nodes: SqlNode[], scope: QueryScope): string {
    let expressionCount = 0;
    return splitByComma(nodes)
      .map((item) => {
        if (item.length === 0) throw unsupportedSearchError();
        const last = item[item.length - 1];
        const beforeLast = item[item.length - 2];
        if (item.length >= 3 && isWord(beforeLast, 'AS') && isIdentifier(last)) {
          return `${this.expression(item.slice(0, -2), scope, true)} AS ${emitIdentifier(last)}`;
        }
        const implicitAlias =
          item.length >= 2 &&
          isIdentifier(last) &&
          !(last.kind === 'word' && notAliases.has(last.upper)) &&
          beforeLast?.kind !== 'op' &&
          !(isWord(beforeLast) && ['AND', 'OR', 'NOT', 'IS', 'LIKE', 'IN', 'THEN', 'ELSE', 'WHEN', 'DISTINCT'].includes(beforeLast.upper));
        if (implicitAlias) return `${this.expression(item.slice(0, -1), scope, true)} AS ${emitIdentifier(last)}`;
        const expression = this.expression(item, scope, true);
        if (item.length === 1 && isWord(item[0], 'ROWNUM')) return `${expression} AS rownum`;
        // A plain column keeps its name; NetSuite names any other unaliased expression exprN.
        const plainColumn =
          (item.length === 1 && ((isIdentifier(item[0]) && !bareWordRewrites[(item[0] as Token).upper]) || isOp(item[0], '*'))) ||
          (item.length === 3 && isIdentifier(item[0]) && isOp(item[1], '.') && (isIdentifier(item[2]) || isOp(item[2], '*')));
        return plainColumn ? expression : `${expression} AS expr${++expressionCount}`;
      })
      .join(', ');
  }

  private fromItem(nodes: SqlNode[], scope: QueryScope): FromItem {
    let i = 0;
    const factor = (): FromFactor => {
      const node = nodes[i++];
      let result: FromFactor;
      if (isSubquery(node)) {
        const subqueryScope = scope.parent;
        result = { source: () => `(${this.query((node as Group).items, subqueryScope)})`, name: '' };
      } else if (isIdentifier(node)) {
        if (isOp(nodes[i], '.')) throw unknownTableError(`${identifierText(node)}.${isIdentifier(nodes[i + 1]) ? identifierText(nodes[i + 1] as Token) : ''}`);
        const tableName = identifierText(node);
        const table = this.tablesByName.get(tableName);
        if (this.isCte(tableName)) result = { source: () => emitIdentifier(node), name: tableName };
        else if (!table) throw unknownTableError(tableName);
        else {
          this.tablesRead.add(tableName);
          const source = this.options.tableSource ? this.options.tableSource(table) : tableName;
          result = { source: () => source, name: tableName };
        }
      } else {
        throw unsupportedSearchError();
      }
      if (isWord(nodes[i], 'AS')) i++;
      const aliasNode = nodes[i];
      if (isIdentifier(aliasNode) && !(aliasNode.kind === 'word' && (joinStarts.has(aliasNode.upper) || ['ON', 'USING'].includes(aliasNode.upper)))) {
        result.alias = identifierText(aliasNode);
        result.name = result.alias;
        i++;
      }
      if (!result.name) result.name = `subquery${scope.aliases.size + 1}`;
      if (scope.aliases.has(result.name)) throw unsupportedSearchError();
      scope.aliases.set(result.name, isIdentifier(node) ? this.tablesByName.get(identifierText(node)) : undefined);
      return result;
    };

    const item: FromItem = { first: factor(), joins: [] };
    while (i < nodes.length) {
      const kindWords: string[] = [];
      while (isWord(nodes[i]) && ['INNER', 'LEFT', 'RIGHT', 'FULL', 'CROSS', 'NATURAL', 'OUTER'].includes((nodes[i] as Token).upper)) kindWords.push((nodes[i++] as Token).upper);
      if (!isWord(nodes[i], 'JOIN')) throw unsupportedSearchError();
      i++;
      const join: FromJoin = { kind: `${kindWords.join(' ')} JOIN`.trim(), factor: factor() };
      if (isWord(nodes[i], 'ON')) {
        i++;
        const start = i;
        // The condition runs to the next join keyword; LEFT(…)/RIGHT(…) followed by a group are functions.
        while (i < nodes.length && !(isWord(nodes[i]) && joinStarts.has((nodes[i] as Token).upper) && !isGroup(nodes[i + 1]))) i++;
        join.on = nodes.slice(start, i);
        if (join.on.length === 0) throw unsupportedSearchError();
      } else if (isWord(nodes[i], 'USING') && isGroup(nodes[i + 1])) {
        join.using = nodes[i + 1] as Group;
        i += 2;
      }
      item.joins.push(join);
    }
    return item;
  }

  private factorSql(factor: FromFactor): string {
    const source = factor.source();
    if (factor.alias) return `${source} AS ${factor.alias}`;
    return source === factor.name ? source : `${source} AS ${factor.name}`;
  }

  /**
   * The FROM clause, turning Oracle's `a.x = b.y(+)` conditions into `LEFT JOIN b ON a.x = b.y` (comma-separated
   * tables only, as Oracle requires). Returns the WHERE conjuncts still to apply.
   */
  private fromClause(items: FromItem[], conjuncts: SqlNode[][], scope: QueryScope): { fromSql: string; remaining: SqlNode[][] } {
    const outerConditions = new Map<string, SqlNode[][]>();
    const remaining: SqlNode[][] = [];
    for (const conjunct of conjuncts) {
      const markerIndex = conjunct.findIndex(isOuterJoinMarker);
      if (markerIndex === -1) {
        remaining.push(conjunct);
        continue;
      }
      // The marked column must be qualified: `b.y(+)` makes `b` the optional side.
      const qualifier = conjunct[markerIndex - 3];
      if (!isIdentifier(qualifier) || !isOp(conjunct[markerIndex - 2], '.')) throw unsupportedSearchError();
      const alias = identifierText(qualifier);
      const condition = conjunct.filter((node) => !isOuterJoinMarker(node));
      outerConditions.set(alias, [...(outerConditions.get(alias) ?? []), condition]);
    }
    const joinSql = (item: FromItem): string =>
      [
        this.factorSql(item.first),
        ...item.joins.map((join) => {
          const condition = join.on ? ` ON ${this.expression(join.on, scope)}` : join.using ? ` USING (${join.using.items.filter(isIdentifier).map(emitIdentifier).join(', ')})` : '';
          return `${join.kind} ${this.factorSql(join.factor)}${condition}`;
        }),
      ].join(' ');
    if (outerConditions.size === 0) return { fromSql: items.map(joinSql).join(', '), remaining };

    const isOuter = (item: FromItem) => outerConditions.has(item.first.name);
    if (items.some((item) => item.joins.length > 0) || [...outerConditions.keys()].some((alias) => !items.some((item) => item.first.name === alias))) {
      throw unsupportedSearchError();
    }
    const inner = items.filter((item) => !isOuter(item));
    if (inner.length === 0) throw unsupportedSearchError();
    const outer = items.filter(isOuter).map((item) => {
      const conditions = outerConditions.get(item.first.name)!.map((condition) => this.expression(condition, scope));
      return `LEFT JOIN ${this.factorSql(item.first)} ON ${conditions.join(' AND ')}`;
    });
    // CROSS JOIN rather than commas, so that the ON conditions may name any table before them.
    return { fromSql: [inner.map(joinSql).join(' CROSS JOIN '), ...outer].join(' '), remaining };
  }

  /** An expression (or clause body): identifiers lower-cased, Oracle functions and words rewritten, sub-queries translated. */
  expression(nodes: SqlNode[], scope: QueryScope | undefined, inSelectList = false): string {
    if (nodes.some((node) => isOp(node, '||'))) return this.withConcatenation(nodes, scope, inSelectList);
    let sql = '';
    const append = (piece: string, glue = false) => {
      sql += sql === '' || glue ? piece : ` ${piece}`;
    };
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i];
      if (isGroup(node)) {
        if (isOuterJoinMarker(node)) throw unsupportedSearchError();
        append(isSubquery(node) ? `(${this.query(node.items, scope)})` : `(${this.expression(node.items, scope)})`);
        continue;
      }
      if (node.kind === 'word' && isOp(nodes[i + 1], '.') && isWord(nodes[i + 2]) && isGroup(nodes[i + 3])) {
        // Qualified function: BUILTIN.DF(…), BUILTIN.CF(…), BUILTIN_RESULT.TYPE_…(…).
        const name = `${node.upper}.${(nodes[i + 2] as Token).upper}`;
        const args = (nodes[i + 3] as { items: SqlNode[] }).items;
        append(name === 'BUILTIN.DF' ? this.displayValue(args, scope) : this.functionCall(name, args, scope));
        i += 3;
        continue;
      }
      if (node.kind === 'word' && isWord(nodes[i - 1], 'AS')) {
        // A type in CAST(x AS type): Oracle type names become Postgres ones; `(10,2)` follows as a group.
        append(typeNameRewrites[node.upper] ?? node.text.toLowerCase());
        if (isGroup(nodes[i + 1])) {
          append(`(${this.expression((nodes[i + 1] as { items: SqlNode[] }).items, scope)})`, true);
          i += 1;
        }
        continue;
      }
      if (node.kind === 'word' && isGroup(nodes[i + 1]) && !isSubquery(nodes[i + 1]) && !keywordsBeforeParentheses.has(node.upper)) {
        const args = (nodes[i + 1] as { items: SqlNode[] }).items;
        if (node.upper === 'LISTAGG' && isWord(nodes[i + 2], 'WITHIN') && isWord(nodes[i + 3], 'GROUP') && isGroup(nodes[i + 4])) {
          append(this.listagg(args, (nodes[i + 4] as { items: SqlNode[] }).items, scope));
          i += 4;
        } else {
          append(this.functionCall(node.upper, args, scope, node.text.toLowerCase()));
          i += 1;
        }
        continue;
      }
      if (node.kind === 'word') {
        if (node.upper === 'ROWNUM') {
          if (!inSelectList) throw unsupportedSearchError();
          append('row_number() OVER ()');
        } else {
          append(bareWordRewrites[node.upper] ?? node.text.toLowerCase(), isOp(nodes[i - 1], '.'));
        }
      } else if (node.kind === 'quoted') {
        append(emitIdentifier(node), isOp(nodes[i - 1], '.'));
      } else if (node.kind === 'op') {
        if (node.text === ';') throw unsupportedSearchError();
        if (node.text === '.') append('.', true);
        // Oracle divides exactly (1/3 is .333…); Postgres truncates integer division unless one side is numeric.
        else if (node.text === '/') append('* 1.0 /');
        else append(node.text === '!=' || node.text === '^=' ? '<>' : node.text, isOp(nodes[i - 1], '.'));
      } else {
        append(node.text);
      }
    }
    return sql;
  }

  /**
   * Oracle's `||` treats NULL as an empty string (`'x' || NULL` is `'x'`); Postgres' yields NULL. Each run of
   * operands joined by `||` — bounded by the operators and keywords that bind less tightly — becomes concat(…).
   */
  private withConcatenation(nodes: SqlNode[], scope: QueryScope | undefined, inSelectList: boolean): string {
    const pieces: string[] = [];
    let run: SqlNode[] = [];
    const flush = () => {
      if (run.length === 0) return;
      const operands = [[]] as SqlNode[][];
      for (const node of run) {
        if (isOp(node, '||')) operands.push([]);
        else operands[operands.length - 1].push(node);
      }
      if (operands.some((operand) => operand.length === 0)) throw unsupportedSearchError();
      const emitted = operands.map((operand) => this.expression(operand, scope, inSelectList));
      pieces.push(operands.length > 1 ? `concat(${emitted.join(', ')})` : emitted[0]);
      run = [];
    };
    for (const node of nodes) {
      const bindsLooser = (node.kind === 'op' && concatBoundaryOps.has(node.text)) || (node.kind === 'word' && concatBoundaryWords.has(node.upper));
      if (bindsLooser) {
        flush();
        pieces.push(this.expression([node], scope, inSelectList));
      } else {
        run.push(node);
      }
    }
    flush();
    return pieces.join(' ');
  }

  private functionCall(name: string, argNodes: SqlNode[], scope: QueryScope | undefined, spelledName = name.toLowerCase()): string {
    // COUNT(*), COUNT(DISTINCT x), EXTRACT(YEAR FROM d), CAST(x AS t): arguments are expressions, split by commas.
    const args = argNodes.length === 0 ? [] : splitByComma(argNodes).map((arg) => this.expression(arg, scope));
    return translateFunctionCall(name, args) ?? `${spelledName}(${args.join(', ')})`;
  }

  /** LISTAGG(x, sep) WITHIN GROUP (ORDER BY …) → string_agg(x, sep ORDER BY …). */
  private listagg(argNodes: SqlNode[], withinGroup: SqlNode[], scope: QueryScope | undefined): string {
    const args = splitByComma(argNodes).map((arg) => this.expression(arg, scope));
    if (args.length < 1 || args.length > 2 || !isWord(withinGroup[0], 'ORDER')) throw unsupportedSearchError();
    return `string_agg((${args[0]})::text, ${args[1] ?? "''"} ${this.expression(withinGroup, scope)})`;
  }

  /**
   * BUILTIN.DF(column): the display text of a value — the referenced row's name for references, the label for
   * list values, the value itself otherwise.
   */
  private displayValue(argNodes: SqlNode[], scope: QueryScope | undefined): string {
    const value = this.expression(argNodes, scope);
    let alias: string | undefined;
    let columnToken: SqlNode | undefined;
    if (argNodes.length === 1) columnToken = argNodes[0];
    else if (argNodes.length === 3 && isIdentifier(argNodes[0]) && isOp(argNodes[1], '.')) {
      alias = identifierText(argNodes[0]);
      columnToken = argNodes[2];
    }
    const column = scope && isIdentifier(columnToken) ? scope.resolveColumn(alias, identifierText(columnToken)) : undefined;
    if (column?.references) {
      const target = this.tablesByName.get(column.references.table);
      if (target) {
        const key = `${target.name} ${column.references.displayColumn} ${value}`;
        let lookup = this.displayLookups.get(key);
        if (!lookup) this.displayLookups.set(key, (lookup = `__df${++this.displayAliasCount}`));
        return `(SELECT ${lookup}.${column.references.displayColumn}::text FROM ${target.name} AS ${lookup} WHERE ${lookup}.id = ${value})`;
      }
    }
    if (column?.displayValues) {
      const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;
      const whens = Object.entries(column.displayValues).map(([id, label]) => `WHEN ${quote(id)} THEN ${quote(label)}`);
      return `(CASE (${value})::text ${whens.join(' ')} ELSE (${value})::text END)`;
    }
    return value;
  }
}

/** Translates one SuiteQL statement. Throws `SuiteQLQueryError` with NetSuite's wording for what NetSuite refuses. */
export function translateSuiteQL(query: string, options: TranslateOptions): SuiteQLTranslation {
  const tokens = tokenize(query);
  // One trailing semicolon is tolerated; anything after it would be a second statement.
  while (tokens.length > 0 && tokens[tokens.length - 1].kind === 'op' && tokens[tokens.length - 1].text === ';') tokens.pop();
  const tree = buildTree(tokens);
  const first = tree[0];
  if (!(isWord(first, 'SELECT', 'WITH') || isSubquery(first))) throw unsupportedSearchError();
  const translator = new Translator(options);
  const sql = translator.query(tree, undefined);
  // A WITH prefix belongs to the count too; keep such statements whole.
  return translator.result(sql, !isWord(first, 'WITH'));
}
