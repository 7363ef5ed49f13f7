/**
 * Recursive-descent parser for `q`: OR binds looser than AND, parentheses group, and each condition is
 * `<field> <OPERATOR> [value | [v1, v2, ...]]`. Keywords and operators are case-insensitive.
 *
 *   expression := conjunction (OR conjunction)*
 *   conjunction := primary (AND primary)*
 *   primary := '(' expression ')' | condition
 *   condition := WORD OPERATOR operand?
 *   operand := value | '[' value (',' value)* ']'
 */
import { QuerySyntaxError, tokenize, type Token } from './tokenizer';

export interface Condition {
  kind: 'condition';
  field: string;
  /** Upper-case operator name. */
  operator: string;
  values: string[];
  /** Whether the values were written as a bracketed list. */
  list: boolean;
  position: number;
}

export type QueryExpression = Condition | { kind: 'and' | 'or'; operands: QueryExpression[] };

/** Operators that take no value. */
const unaryOperators = new Set(['EMPTY', 'EMPTY_NOT']);

class Parser {
  private index = 0;

  constructor(private readonly tokens: Token[]) {}

  parse(): QueryExpression {
    const expression = this.expression();
    const next = this.peek();
    if (next.kind !== 'end') throw new QuerySyntaxError(`Unexpected '${next.text}' at position ${next.position}.`);
    return expression;
  }

  private peek(): Token {
    return this.tokens[this.index];
  }

  private advance(): Token {
    const token = this.tokens[this.index];
    if (token.kind !== 'end') this.index += 1;
    return token;
  }

  private isKeyword(word: string): boolean {
    const token = this.peek();
    return token.kind === 'word' && token.text.toUpperCase() === word;
  }

  private expression(): QueryExpression {
    const operands = [this.conjunction()];
    while (this.isKeyword('OR')) {
      this.advance();
      operands.push(this.conjunction());
    }
    return operands.length === 1 ? operands[0] : { kind: 'or', operands };
  }

  private conjunction(): QueryExpression {
    const operands = [this.primary()];
    while (this.isKeyword('AND')) {
      this.advance();
      operands.push(this.primary());
    }
    return operands.length === 1 ? operands[0] : { kind: 'and', operands };
  }

  private primary(): QueryExpression {
    const token = this.peek();
    if (token.kind === 'lparen') {
      this.advance();
      const inner = this.expression();
      const closing = this.advance();
      if (closing.kind !== 'rparen') throw new QuerySyntaxError(`Expected ')' at position ${closing.position}.`);
      return inner;
    }
    return this.condition();
  }

  private condition(): Condition {
    const field = this.advance();
    if (field.kind !== 'word') throw new QuerySyntaxError(`Expected a field name at position ${field.position}${field.kind === 'end' ? ' (end of query)' : ''}.`);
    const operator = this.advance();
    if (operator.kind !== 'word') throw new QuerySyntaxError(`Expected an operator after '${field.text}' at position ${operator.position}.`);
    const name = operator.text.toUpperCase();
    const condition: Condition = { kind: 'condition', field: field.text, operator: name, values: [], list: false, position: field.position };
    if (unaryOperators.has(name)) return condition;
    const next = this.peek();
    if (next.kind === 'lbracket') {
      this.advance();
      condition.list = true;
      condition.values.push(this.value(name));
      while (this.peek().kind === 'comma') {
        this.advance();
        condition.values.push(this.value(name));
      }
      const closing = this.advance();
      if (closing.kind !== 'rbracket') throw new QuerySyntaxError(`Expected ']' at position ${closing.position}.`);
    } else {
      condition.values.push(this.value(name));
    }
    return condition;
  }

  private value(operator: string): string {
    const token = this.advance();
    if (token.kind === 'word' || token.kind === 'string') return token.text;
    throw new QuerySyntaxError(`Expected a value after '${operator}' at position ${token.position}.`);
  }
}

export function parseQuery(query: string): QueryExpression {
  return new Parser(tokenize(query)).parse();
}
