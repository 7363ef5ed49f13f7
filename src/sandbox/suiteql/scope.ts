/**
 * Name resolution for the translator: which table each FROM alias stands for, visible to nested sub-queries, so
 * that BUILTIN.DF can find a column's reference target and errors can list NetSuite's "available identifiers".
 */
import type { SuiteQLColumn, SuiteQLTable } from './tables';

export class QueryScope {
  /** Alias (lower-case) → the table it reads, or undefined for a derived table (sub-query, CTE). */
  readonly aliases = new Map<string, SuiteQLTable | undefined>();

  constructor(readonly parent?: QueryScope) {}

  /** The column `alias.column` (or unqualified `column`) refers to, searching outward through enclosing queries. */
  resolveColumn(alias: string | undefined, column: string): SuiteQLColumn | undefined {
    if (alias !== undefined) {
      if (this.aliases.has(alias)) return this.aliases.get(alias)?.columns.find((c) => c.name === column);
    } else {
      for (const table of this.aliases.values()) {
        const found = table?.columns.find((c) => c.name === column);
        if (found) return found;
      }
    }
    return this.parent?.resolveColumn(alias, column);
  }

  /** `{alias=table}` pairs as NetSuite lists them in "Unknown identifier" errors. */
  identifiers(): Map<string, string> {
    return new Map([...this.aliases].map(([alias, table]) => [alias, table?.name ?? alias]));
  }
}
