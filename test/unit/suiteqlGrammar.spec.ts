import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { suiteQLFunctions } from '../../src/suiteql/functions';

interface GrammarRule {
  name?: string;
  match?: string;
  begin?: string;
  end?: string;
}

const grammar = JSON.parse(readFileSync('syntaxes/suiteql.tmLanguage.json', 'utf8')) as { scopeName: string; repository: Record<string, { patterns: GrammarRule[] }> };
const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as {
  contributes: { languages: Array<{ id: string; extensions?: string[]; configuration?: string }>; grammars: Array<{ language: string; scopeName: string; path: string }> };
};

/** The grammar's Oniguruma patterns use only syntax JavaScript shares, except the leading (?i) flag. */
function regex(pattern: string): RegExp {
  return pattern.startsWith('(?i)') ? new RegExp(pattern.slice(4), 'i') : new RegExp(pattern);
}

function scopeOf(text: string): string | undefined {
  for (const [, group] of Object.entries(grammar.repository)) {
    for (const rule of group.patterns) {
      const pattern = rule.match ?? rule.begin;
      const found = pattern ? regex(pattern).exec(text) : null;
      if (found && found.index === 0) return rule.name ?? 'captured';
    }
  }
  return undefined;
}

describe('SuiteQL TextMate grammar', () => {
  it('is contributed for the suiteql language with its configuration', () => {
    const language = manifest.contributes.languages.find((candidate) => candidate.id === 'suiteql');
    expect(language?.extensions).toContain('.suiteql');
    expect(language?.configuration).toBe('./language-configuration.json');
    const contributed = manifest.contributes.grammars.find((candidate) => candidate.language === 'suiteql');
    expect(contributed).toMatchObject({ scopeName: grammar.scopeName, path: './syntaxes/suiteql.tmLanguage.json' });
    expect(JSON.parse(readFileSync('language-configuration.json', 'utf8')).comments).toEqual({ lineComment: '--', blockComment: ['/*', '*/'] });
  });

  it('compiles every pattern', () => {
    for (const group of Object.values(grammar.repository)) {
      for (const rule of group.patterns) for (const pattern of [rule.match, rule.begin, rule.end]) if (pattern) expect(() => regex(pattern)).not.toThrow();
    }
  });

  it('scopes keywords, functions, BUILTIN calls, strings, comments, numbers and operators', () => {
    expect(scopeOf('select')).toBe('keyword.other.dml.suiteql');
    expect(scopeOf('MINUS')).toBe('keyword.other.dml.suiteql');
    expect(scopeOf('NVL(')).toBe('support.function.oracle.suiteql');
    expect(scopeOf('to_char (')).toBe('support.function.oracle.suiteql');
    expect(scopeOf('ROWNUM')).toBe('support.function.pseudocolumn.suiteql');
    expect(scopeOf('BUILTIN.DF(')).toBe('captured');
    expect(scopeOf("'it''s'")).toBe('string.quoted.single.suiteql');
    expect(scopeOf('-- note')).toBe('comment.line.double-dash.suiteql');
    expect(scopeOf('/* note */')).toBe('comment.block.suiteql');
    expect(scopeOf('42.5')).toBe('constant.numeric.suiteql');
    expect(scopeOf('(+)')).toBe('keyword.operator.outer-join.suiteql');
    expect(scopeOf('||')).toBe('keyword.operator.concatenation.suiteql');
    expect(scopeOf('"TRANSACTION"')).toBe('variable.other.quoted.suiteql');
  });

  it('does not colour a column named like a function unless it is called', () => {
    expect(scopeOf('trunc')).toBeUndefined();
    expect(scopeOf('last_day_flag')).toBeUndefined();
  });

  it('knows every Oracle function the completion offers', () => {
    const alternatives = /\\b\(([^)]*)\)/.exec(grammar.repository.functions.patterns[0].match ?? '')?.[1].split('|') ?? [];
    for (const candidate of suiteQLFunctions.filter((item) => !item.name.startsWith('BUILTIN.'))) expect(alternatives).toContain(candidate.name);
  });
});
