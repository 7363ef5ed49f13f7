import type { SchemaColumn, SchemaTable } from './schema';

const sourceNote: Record<SchemaColumn['source'], string> = {
  catalog: 'from the metadata catalog',
  standard: 'from the bundled SuiteQL table description',
  learned: 'seen in query results',
  analytics: 'a SuiteQL table public sources show real accounts have (columns load from the catalog or results)',
};

/** Markdown for a column: label, type, record type (table) and where the description came from. */
export function describeColumn(table: SchemaTable, column: SchemaColumn): string {
  const lines = [`**${column.label ?? column.name}** \`${table.name}.${column.name}\``];
  if (column.type) lines.push(`Type: ${column.type}${column.references ? ` → \`${column.references}.id\`` : ''}`);
  lines.push(`Record type: ${table.label ? `${table.label} (\`${table.name}\`)` : `\`${table.name}\``}`);
  if (column.custom) lines.push('Custom field');
  if (column.restName) lines.push(`Over REST (records, the metadata catalog) this field is \`${column.restName}\`; SuiteQL reads it as \`${column.name}\`.`);
  if (column.rejected) lines.push(`NetSuite refused this name in a query: ${column.rejected}`);
  lines.push(`_${sourceNote[column.source]}_`);
  return lines.join('\n\n');
}

/** Markdown for a table: label, name, how many columns are known and where the table is known from. */
export function describeTable(table: SchemaTable): string {
  const count = table.columns.size;
  const sources = (['catalog', 'standard', 'learned', 'analytics'] as const).filter((source) => table.sources.has(source)).map((source) => sourceNote[source]);
  return [
    `**${table.label ?? table.name}** \`${table.name}\``,
    count === 0 && table.sources.has('catalog')
      ? 'Columns load when a query uses the table'
      : count === 0 && table.sources.has('analytics')
        ? 'Columns appear once a query on it returns rows'
        : `${count} known column${count === 1 ? '' : 's'}${table.columnsComplete ? '' : ' (accounts may add more)'}`,
    `_${sources.join('; ')}_`,
    ...(table.seenIn?.length ? [`_Seen in ${table.seenIn.join('; ')}_`] : []),
  ].join('\n\n');
}
