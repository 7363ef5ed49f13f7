import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { exportRows } from '../../src/vscode/notebook/exportWriter';
import { collectColumns, inferColumnType, toPlainText, toRowsPayload } from '../../src/vscode/notebook/resultFormat';
import { emptySnb, parseSnb, serializeSnb, SnbFormatError } from '../../src/vscode/notebook/snbFormat';

describe('.snb notebook format', () => {
  it('round-trips cells and the account id, without outputs unless opted in', () => {
    const text = serializeSnb({
      version: 1,
      account: '1234567_SB1',
      cells: [
        { kind: 'markdown', language: 'markdown', source: '# Customers' },
        { kind: 'code', language: 'suiteql', source: 'SELECT id FROM customer', outputs: [{ items: [{ mime: 'text/plain', data: '1 row' }] }] },
      ],
    });
    expect(text).not.toContain('outputs');
    const parsed = parseSnb(text);
    expect(parsed.account).toBe('1234567_SB1');
    expect(parsed.cells.map((c) => [c.kind, c.source])).toEqual([['markdown', '# Customers'], ['code', 'SELECT id FROM customer']]);
    const withOutputs = parseSnb(serializeSnb({ ...parsed, saveOutputs: true, cells: [{ ...parsed.cells[1], outputs: [{ items: [{ mime: 'text/plain', data: 'x' }] }] }] }));
    expect(withOutputs.cells[0].outputs).toEqual([{ items: [{ mime: 'text/plain', data: 'x' }] }]);
  });

  it('opens an empty new file with a starter cell', () => {
    expect(parseSnb('')).toEqual(emptySnb());
  });

  it('refuses invalid files with a specific message instead of opening them empty', () => {
    expect(() => parseSnb('{"cells": [', 'q.snb')).toThrow(SnbFormatError);
    expect(() => parseSnb('{"cells": [', 'q.snb')).toThrow(/q\.snb is not a SuiteQL notebook: its JSON is invalid/);
    expect(() => parseSnb('[]', 'q.snb')).toThrow(/expected a JSON object/);
    expect(() => parseSnb('{"cells": [{"kind": "code"}]}', 'q.snb')).toThrow(/cell 1 has no "source"/);
    expect(() => parseSnb('{"version": 99, "cells": []}', 'q.snb')).toThrow(/newer SuiteLens/);
  });

  it('never writes secrets: only the fields it knows are serialised', () => {
    const parsed = parseSnb(JSON.stringify({ cells: [], account: 'TSTDRV1', token: 'secret-token', oauth2: { clientSecret: 'x' } }));
    expect(serializeSnb(parsed)).not.toMatch(/secret/);
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
    expect(existsSync(`${path}.partial`)).toBe(false);
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
    expect(existsSync(`${path}.partial`)).toBe(false);
  });
});
