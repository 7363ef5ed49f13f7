import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { resultColumnsOf } from '../../src/suiteql/resultColumns';
import { exportRows } from '../../src/app/notebook/exportWriter';
import { collectColumns, inferColumnType, toPlainText, toRowsPayload } from '../../src/app/notebook/resultFormat';
import { decodeSnb, emptySnb, parseSnb, serializeSnb, snbFromNotebook, SnbFormatError, snbToNotebook, withoutFileOutputs, withRunOutputs } from '../../src/app/notebook/snbFormat';

describe('.snb notebook format', () => {
  it('round-trips cells and the account id, without outputs unless opted in', () => {
    const shown = snbToNotebook(
      parseSnb(serializeSnb({ version: 1, account: '1234567_SB1', cells: [{ kind: 'markdown', language: 'markdown', source: '# Customers' }, { kind: 'code', language: 'suiteql', source: 'SELECT id FROM customer' }] })),
    );
    shown.cells[1].outputs = [{ items: [{ mime: 'text/plain', text: '1 row' }] }];
    const text = serializeSnb(snbFromNotebook(shown));
    expect(text).not.toContain('outputs');
    const parsed = parseSnb(text);
    expect(parsed.account).toBe('1234567_SB1');
    expect(parsed.cells.map((c) => [c.kind, c.source])).toEqual([['markdown', '# Customers'], ['code', 'SELECT id FROM customer']]);
    const optedIn = snbToNotebook(parsed);
    optedIn.metadata.saveOutputs = true;
    optedIn.cells[1].outputs = [{ items: [{ mime: 'text/plain', text: 'x' }] }];
    const withOutputs = parseSnb(serializeSnb(snbFromNotebook(optedIn)));
    expect(withOutputs.cells[1].outputs).toEqual([{ items: [{ mime: 'text/plain', data: 'x' }] }]);
  });

  it('opens an empty new file with a starter cell', () => {
    expect(parseSnb('')).toEqual(emptySnb());
  });

  it('refuses invalid files with a specific message instead of opening them empty', () => {
    expect(() => parseSnb('{"cells": [', 'q.snb')).toThrow(SnbFormatError);
    expect(() => parseSnb('{"cells": [', 'q.snb')).toThrow(/q\.snb is not a SuiteQL notebook: its JSON is invalid/);
    expect(() => parseSnb('[]', 'q.snb')).toThrow(/it is a JSON list; expected a JSON object/);
    expect(() => parseSnb('{"cells": [{"kind": "code"}]}', 'q.snb')).toThrow(/cell 1 has no "source"/);
    expect(() => parseSnb('{"version": 99, "cells": []}', 'q.snb')).toThrow(/newer SuiteLens/);
  });
});

/** Opens a file's text as VS Code would (parse → notebook), then saves it untouched (notebook → text). */
function reopenAndSave(text: string): unknown {
  return JSON.parse(serializeSnb(snbFromNotebook(snbToNotebook(parseSnb(text, 'q.snb')))));
}

describe('.snb files keep what they held across a save', () => {
  it('keeps unknown top-level and cell keys, with their values', () => {
    const file = {
      version: 1,
      account: 'TSTDRV1',
      cells: [{ kind: 'code', language: 'suiteql', source: 'SELECT 1 FROM dual', tags: ['finance'], metadata: { collapsed: true } }],
      title: 'Month end',
      author: { name: 'Ana' },
    };
    expect(reopenAndSave(JSON.stringify(file))).toEqual(file);
  });

  it('keeps a numeric account as a number while the account is unchanged, and writes the new one when it changes', () => {
    const file = { version: 1, account: 1234567, cells: [] };
    expect(reopenAndSave(JSON.stringify(file))).toEqual(file);
    const notebook = snbToNotebook(parseSnb(JSON.stringify(file)));
    expect(notebook.metadata.account).toBe('1234567');
    notebook.metadata.account = '7654321_SB1';
    expect(JSON.parse(serializeSnb(snbFromNotebook(notebook))).account).toBe('7654321_SB1');
  });

  it('keeps outputs read from the file, JSON data included, even when outputs are not being saved', () => {
    const file = {
      version: 1,
      cells: [
        {
          kind: 'code',
          language: 'suiteql',
          source: 'SELECT id FROM customer',
          outputs: [{ items: [{ mime: 'application/json', data: { rows: [[1]] } }, { mime: 'text/plain', data: '1 row' }], executionCount: 3 }],
        },
      ],
    };
    expect(reopenAndSave(JSON.stringify(file))).toEqual(file);
  });

  it('drops outputs read from the file once the cell has run again (the person replaced them)', () => {
    const file = { version: 1, cells: [{ kind: 'code', language: 'suiteql', source: 'SELECT 1 FROM dual', outputs: [{ items: [{ mime: 'text/plain', data: 'old' }] }] }] };
    const notebook = snbToNotebook(parseSnb(JSON.stringify(file)));
    notebook.cells[0].metadata = withoutFileOutputs(notebook.cells[0].metadata);
    expect(JSON.parse(serializeSnb(snbFromNotebook(notebook))).cells[0]).toEqual({ kind: 'code', language: 'suiteql', source: 'SELECT 1 FROM dual' });
  });

  it('accepts a file saved with a UTF-8 byte-order mark', () => {
    const parsed = parseSnb(`\uFEFF${JSON.stringify({ version: 1, cells: [{ kind: 'code', language: 'suiteql', source: 'SELECT 1 FROM dual' }] })}`);
    expect(parsed.cells[0].source).toBe('SELECT 1 FROM dual');
  });

  it('refuses a Jupyter notebook and says what it is, instead of opening it and stripping it on save', () => {
    const jupyter = { nbformat: 4, nbformat_minor: 5, metadata: { kernelspec: { name: 'python3' } }, cells: [{ cell_type: 'code', source: ['print(1)'], outputs: [] }] };
    expect(() => parseSnb(JSON.stringify(jupyter), 'q.snb')).toThrow(/q\.snb is not a SuiteQL notebook: it is a Jupyter notebook \(nbformat 4\)/);
    expect(() => parseSnb(JSON.stringify({ cells: [{ cell_type: 'markdown', source: '# x' }] }), 'q.snb')).toThrow(/Jupyter notebook/);
  });

  it('refuses other JSON and names what it has', () => {
    expect(() => parseSnb('{"name": "my-extension", "version": "1.0.0"}', 'q.snb')).toThrow(/it is a JSON object without "cells" \(it has "name", "version"\)/);
    expect(() => parseSnb('"hello"', 'q.snb')).toThrow(/it is a JSON string/);
  });
});

describe('result formatting', () => {
  const items = [
    { links: [], id: '1', companyname: 'Acme', balance: '10.5' },
    { links: [], id: '2', balance: '3', email: 'a@b.c' },
  ];

  it('collects the union of columns in first-seen order, without links', () => {
    expect(collectColumns(items)).toEqual(['id', 'companyname', 'balance', 'email']);
  });

  it('marks omitted columns as NULL and infers types', () => {
    const payload = toRowsPayload({ queryId: 'q', items, totalResults: 2, elapsedMs: 5, account: { id: 'A', environment: 'sandbox' }, idRecordType: 'customer' });
    expect(payload.rows).toEqual([['1', 'Acme', '10.5', null], ['2', null, '3', 'a@b.c']]);
    expect(payload.columns).toEqual([
      { name: 'id', type: 'number', recordType: 'customer' },
      { name: 'companyname', type: 'string' },
      { name: 'balance', type: 'number' },
      { name: 'email', type: 'string' },
    ]);
    expect(inferColumnType(['T', 'F', null])).toBe('boolean');
    expect(inferColumnType(['1/15/2024', '2024-01-02'])).toBe('date');
  });

  it('keeps a column that is NULL in every row, from the query’s SELECT list (NetSuite leaves NULL fields out of rows)', () => {
    const query = 'SELECT c.id, c.fax, BUILTIN.DF(c.entitystatus) AS Status, c.companyname FROM customer c';
    expect(resultColumnsOf(query)).toEqual(['id', 'fax', 'status', 'companyname']);
    const payload = toRowsPayload({ queryId: 'q', items: [{ links: [], id: '1', companyname: 'Acme', status: 'Won' }], totalResults: 1, elapsedMs: 5, account: { id: 'A', environment: 'sandbox' }, selectedColumns: resultColumnsOf(query) });
    expect(payload.columns.map((c) => c.name)).toEqual(['id', 'fax', 'status', 'companyname']);
    expect(payload.rows).toEqual([['1', null, 'Won', 'Acme']]);
    expect(toRowsPayload({ queryId: 'q', items: [], totalResults: 0, elapsedMs: 5, account: { id: 'A', environment: 'sandbox' }, selectedColumns: ['id', 'fax'] }).columns.map((c) => c.name)).toEqual(['id', 'fax']);
  });

  it('leaves columns to the rows when the query names none it can read (*, UNION, a syntax error)', () => {
    expect(resultColumnsOf('SELECT * FROM customer')).toBeUndefined();
    expect(resultColumnsOf('SELECT id FROM customer UNION SELECT id FROM vendor')).toBeUndefined();
    expect(resultColumnsOf('SELECT id FROM customer WHERE')).toBeUndefined();
    expect(resultColumnsOf('SELECT COUNT(*) FROM customer')).toBeUndefined();
  });

  it('renders a plain-text fallback that says how much is shown', () => {
    const payload = toRowsPayload({ queryId: 'q', items, totalResults: 120, elapsedMs: 410, account: { id: 'A', environment: 'sandbox' } });
    const text = toPlainText(payload, 1);
    expect(text.split('\n')[0]).toMatch(/^id\s*\| companyname \| balance \| email/);
    expect(text).toContain('120 rows · 0.41 s (showing 1 of 120; 2 loaded)');
  });
});

describe('export writer', () => {
  async function* stream(rows: Record<string, string>[]) {
    for (const row of rows) yield { links: [], ...row };
  }

  it('writes CSV with every column, even ones that first appear late, quoting awkward values', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sl-export-'));
    const path = join(dir, 'out.csv');
    const summary = await exportRows(stream([{ id: '1', name: 'O\'Brien, "Sons"' }, { id: '2', email: 'x@y.z' }]), path, 'csv');
    expect(summary).toMatchObject({ rows: 2, columns: ['id', 'name', 'email'] });
    expect(parseCsv(readFileSync(path, 'utf8'))).toEqual([['id', 'name', 'email'], ['1', 'O\'Brien, "Sons"', ''], ['2', '', 'x@y.z']]);
    expect(readdirSync(dir)).toEqual(['out.csv']);
  });

  it('writes a CSV column that is NULL in every row when the query names it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sl-export-'));
    const path = join(dir, 'out.csv');
    await exportRows(stream([{ id: '1' }, { id: '2' }]), path, 'csv', { columns: ['id', 'fax'] });
    expect(parseCsv(readFileSync(path, 'utf8'))).toEqual([['id', 'fax'], ['1', ''], ['2', '']]);
  });

  it('writes valid JSON without NetSuite links', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sl-export-'));
    const path = join(dir, 'out.json');
    await exportRows(stream([{ id: '1' }, { id: '2', name: '株式会社' }]), path, 'json');
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual([{ id: '1' }, { id: '2', name: '株式会社' }]);
  });

  it('leaves no file behind when cancelled part-way, so a truncated export cannot pass for a full one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sl-export-'));
    const path = join(dir, 'out.csv');
    const controller = new AbortController();
    async function* rows() {
      for (let i = 0; i < 5000; i++) {
        if (i === 2500) controller.abort();
        yield { id: String(i) };
      }
    }
    await expect(exportRows(rows(), path, 'csv', { signal: controller.signal })).rejects.toThrow();
    expect(existsSync(path)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('later batches and failures', () => {
  it('adds columns first seen in a later batch', async () => {
    const { alignBatch } = await import('../../src/app/notebook/resultFormat');
    const known = [{ name: 'id', type: 'number' as const }, { name: 'companyname', type: 'string' as const }];
    const batch = alignBatch(known, [{ links: [], id: '3', email: 'a@b.c' }]);
    expect(batch.grew).toBe(true);
    expect(batch.columns.map((c) => c.name)).toEqual(['id', 'companyname', 'email']);
    expect(batch.rows).toEqual([['3', null, 'a@b.c']]);
    expect(alignBatch(known, [{ id: '4', companyname: 'x' }]).grew).toBe(false);
  });

  it("points at the identifier NetSuite's detail names", async () => {
    const { failurePosition } = await import('../../src/app/notebook/resultFormat');
    const query = 'SELECT c.id, c.foo FROM customer c';
    expect(failurePosition(query, "Search error occurred: Unknown identifier 'foo'. Available identifiers are: {customer=customer}.")).toBe(query.indexOf('foo'));
    expect(failurePosition('SELECT * FROM custmer', 'Invalid search query. Detailed unprocessed description follows. Invalid search type: custmer.')).toBe(14);
    expect(failurePosition(query, 'An unexpected error occurred.')).toBeUndefined();
  });
});

describe('query history', () => {
  class MemoryStorage {
    private readonly values = new Map<string, unknown>();
    get<T>(key: string, defaultValue: T): T {
      return (this.values.has(key) ? structuredClone(this.values.get(key)) : defaultValue) as T;
    }
    async update(key: string, value: unknown): Promise<void> {
      this.values.set(key, structuredClone(value));
    }
  }

  it('keeps history per account, newest first, without duplicates, across instances', async () => {
    const { QueryHistory } = await import('../../src/app/notebook/queryHistory');
    const storage = new MemoryStorage();
    let clock = 0;
    const history = new QueryHistory(storage, () => new Date(Date.UTC(2026, 0, 1, 0, 0, clock++)));
    await history.record('A', { query: 'SELECT id FROM customer', rows: 10, elapsedMs: 12.4, ok: true });
    await history.record('A', { query: 'SELECT id FROM vendor', rows: 3, elapsedMs: 5, ok: true });
    await history.record('B', { query: 'SELECT 1 FROM dual', rows: 1, elapsedMs: 1, ok: true });
    await history.record('A', { query: 'select id  from customer', rows: 11, elapsedMs: 9, ok: false });
    const reopened = new QueryHistory(storage);
    expect(reopened.entries('A').map((e) => [e.query, e.rows, e.ok])).toEqual([
      ['select id  from customer', 11, false],
      ['SELECT id FROM vendor', 3, true],
    ]);
    expect(reopened.entries('B')).toHaveLength(1);
    await reopened.clear('A');
    expect(reopened.entries('A')).toEqual([]);
    expect(reopened.entries('B')).toHaveLength(1);
  });
});

describe('.suiteql files', () => {
  it('runs the selection when there is one, else the whole file, without a trailing semicolon', async () => {
    const { queryToRun } = await import('../../src/app/language/queryText');
    expect(queryToRun('SELECT 1 FROM dual;\n', '')).toBe('SELECT 1 FROM dual');
    expect(queryToRun('SELECT 1 FROM dual;\nSELECT id FROM customer', 'SELECT id FROM customer')).toBe('SELECT id FROM customer');
  });
});

describe('.snb files keep exactly what they held', () => {
  /** Open and save as VS Code does: the notebook's metadata crosses to the editor and back as JSON. */
  function saveAgain(text: string, change?: (notebook: ReturnType<typeof snbToNotebook>) => void): string {
    const notebook = JSON.parse(JSON.stringify(snbToNotebook(parseSnb(text)))) as ReturnType<typeof snbToNotebook>;
    change?.(notebook);
    return serializeSnb(snbFromNotebook(JSON.parse(JSON.stringify(notebook)) as typeof notebook));
  }

  it('writes unknown keys and JSON output data back as the exact numbers read', () => {
    const text =
      '{"version": 1, "budget": 9007199254740993, "rate": 0.10000000000000000555, "nested": {"ids": [12345678901234567891, 1e400]}, "cells": [' +
      '{"kind": "code", "language": "suiteql", "source": "SELECT 1 FROM dual", "weight": 0.10000000000000000555,' +
      ' "outputs": [{"items": [{"mime": "application/json", "data": {"id": 9007199254740993}}], "count": 12345678901234567891}]}]}';
    const saved = saveAgain(text);
    for (const number of ['9007199254740993', '0.10000000000000000555', '12345678901234567891', '1e400']) expect(saved).toContain(number);
    expect(saved).toContain('"data": {"id": 9007199254740993}');
    // Still one valid notebook, saved again the same.
    expect(saveAgain(saved)).toBe(saved);
  });

  it('keeps other extensions\u2019 cell metadata, visible to them, and a language that is not text', () => {
    const text = '{"version": 1, "cells": [{"kind": "code", "language": 42, "source": "SELECT 1 FROM dual", "metadata": {"other.ext": {"tag": "finance", "size": 9007199254740993}}}]}';
    const notebook = snbToNotebook(parseSnb(text));
    expect(notebook.cells[0].metadata?.['other.ext']).toMatchObject({ tag: 'finance' });
    const saved = JSON.parse(saveAgain(text)) as { cells: Record<string, unknown>[] };
    expect(saved.cells[0].language).toBe(42);
    expect(saved.cells[0].metadata).toMatchObject({ 'other.ext': { tag: 'finance' } });
    expect(saveAgain(text)).toContain('"size": 9007199254740993');
    // Metadata another extension sets in VS Code is written too.
    const added = JSON.parse(saveAgain(JSON.stringify({ version: 1, cells: [{ kind: 'code', language: 'suiteql', source: 'x' }] }), (nb) => (nb.cells[0].metadata = { 'other.ext': { pinned: true } }))) as {
      cells: Record<string, unknown>[];
    };
    expect(added.cells[0].metadata).toEqual({ 'other.ext': { pinned: true } });
  });

  it('refuses a file that is not UTF-8 instead of opening it with replacement characters', () => {
    const latin1 = Uint8Array.from([...new TextEncoder().encode('{"version": 1, "cells": [{"kind": "code", "source": "SELECT 1 -- caf')].concat([0xe9], [...new TextEncoder().encode('"}]}')]));
    expect(() => decodeSnb(latin1, 'q.snb')).toThrow(/q\.snb is not a SuiteQL notebook: it is not UTF-8 text.*left untouched/);
    expect(decodeSnb(new TextEncoder().encode('{"cells": []}'))).toBe('{"cells": []}');
  });

  it('saves a run\u2019s outputs only while the notebook saves outputs', () => {
    const file = JSON.stringify({ version: 1, cells: [{ kind: 'code', language: 'suiteql', source: 'SELECT 1 FROM dual' }] });
    const outputs = [{ items: [{ mime: 'text/plain', text: '1 row' }] }];
    const off = saveAgain(file, (notebook) => {
      expect(withRunOutputs(notebook.cells[0].metadata, false, outputs)).toBeUndefined();
      notebook.cells[0].outputs = outputs;
    });
    expect(off).not.toContain('outputs');
    const on = JSON.parse(
      saveAgain(file, (notebook) => {
        notebook.metadata.saveOutputs = true;
        notebook.cells[0].metadata = withRunOutputs(notebook.cells[0].metadata, true, outputs);
      }),
    ) as { cells: Record<string, unknown>[] };
    expect(on.cells[0].outputs).toEqual([{ items: [{ mime: 'text/plain', data: '1 row' }] }]);
  });
});
