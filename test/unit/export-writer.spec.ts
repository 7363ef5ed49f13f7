/**
 * Exports that cannot be written end at once with a message naming the cause, leave the target as it was and no
 * temporary file behind. Real file-system faults: a path under a file, a removed folder, sysfs (EACCES even for
 * root, where chmod stops nobody) and /dev/full (ENOSPC).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeWriteError, exportRows, ExportWriteError, type ExportFormat } from '../../src/app/notebook/exportWriter';
import type { SuiteQLItem } from '../../src/app/notebook/resultFormat';

async function* rows(count: number): AsyncGenerator<SuiteQLItem> {
  for (let i = 0; i < count; i++) yield { links: [], id: String(i), companyname: `Company ${i}` };
}

function folderWithOldExport(name: string): { dir: string; path: string } {
  const dir = mkdtempSync(join(tmpdir(), 'sl-export-'));
  const path = join(dir, name);
  writeFileSync(path, 'the previous export\n');
  return { dir, path };
}

const formats: ExportFormat[] = ['csv', 'json'];

describe.each(formats)('a %s export that cannot be written', (format) => {
  it('under a path whose folder is a file: fails at once, saying so', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sl-export-'));
    writeFileSync(join(dir, 'plain-file'), 'x');
    const error = await exportRows(rows(10), join(dir, 'plain-file', `out.${format}`), format).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExportWriteError);
    expect((error as Error).message).toMatch(/plain-file is not a folder \(part of the path is a file\)/);
    expect(readdirSync(dir)).toEqual(['plain-file']);
  });

  it('into a folder deleted after the save dialog: fails at once, naming the folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sl-export-'));
    rmSync(dir, { recursive: true });
    await expect(exportRows(rows(10), join(dir, `out.${format}`), format)).rejects.toThrow(`The folder ${dir} does not exist (any more)`);
  });

  it('into a folder it may not write: fails with permission denied', async () => {
    await expect(exportRows(rows(10), `/sys/suitelens-out.${format}`, format)).rejects.toThrow(/^Permission denied: SuiteLens may not write in \/sys\./);
  });

  it('on a full disk: fails with disk full, the old file untouched and no temporary file left', async () => {
    const { dir, path } = folderWithOldExport(`out.${format}`);
    const openFile = () => open('/dev/full', 'w');
    await expect(exportRows(rows(20_000), path, format, { openFile })).rejects.toThrow(`The disk holding ${dir} is full`);
    expect(readFileSync(path, 'utf8')).toBe('the previous export\n');
    expect(readdirSync(dir)).toEqual([`out.${format}`]);
  });
});

describe('export atomicity and cancel', () => {
  it('replaces the old file only when the export succeeded', async () => {
    const { dir, path } = folderWithOldExport('out.csv');
    const summary = await exportRows(rows(3), path, 'csv');
    expect(summary.rows).toBe(3);
    expect(readFileSync(path, 'utf8')).toBe('id,companyname\n0,Company 0\n1,Company 1\n2,Company 2\n');
    expect(readdirSync(dir)).toEqual(['out.csv']);
  });

  it('keeps the old file when the answer fails part-way (a proxy page instead of rows, say), with the answer’s own message', async () => {
    const { dir, path } = folderWithOldExport('out.json');
    async function* failing(): AsyncGenerator<SuiteQLItem> {
      yield { id: '1' };
      throw new Error('The answer was not NetSuite’s: an HTML page');
    }
    await expect(exportRows(failing(), path, 'json')).rejects.toThrow('The answer was not NetSuite’s: an HTML page');
    expect(readFileSync(path, 'utf8')).toBe('the previous export\n');
    expect(readdirSync(dir)).toEqual(['out.json']);
  });

  it('refuses an answer that is not rows instead of writing an empty or garbled file', async () => {
    const { path } = folderWithOldExport('out.csv');
    async function* notRows(): AsyncGenerator<SuiteQLItem> {
      yield '<html>Sign in</html>' as unknown as SuiteQLItem;
    }
    await expect(exportRows(notRows(), path, 'csv')).rejects.toThrow('The answer was not rows of a query result (got string); nothing was exported.');
    expect(readFileSync(path, 'utf8')).toBe('the previous export\n');
  });

  it('cancels at once even while the row source is stuck waiting for NetSuite', async () => {
    const { dir, path } = folderWithOldExport('out.csv');
    const controller = new AbortController();
    async function* stuck(): AsyncGenerator<SuiteQLItem> {
      yield { id: '1' };
      await new Promise(() => undefined); // an answer that never comes
    }
    const exporting = exportRows(stuck(), path, 'csv', { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(exporting).rejects.toThrow();
    expect(readFileSync(path, 'utf8')).toBe('the previous export\n');
    expect(readdirSync(dir)).toEqual(['out.csv']);
  });

  it('describes the common write errors by code', () => {
    const error = (code: string) => Object.assign(new Error(code), { code });
    expect(describeWriteError(error('EACCES'), '/data/out.csv')).toBe('Permission denied: SuiteLens may not write in /data. Choose a folder you can write to.');
    expect(describeWriteError(error('EROFS'), '/mnt/cd/out.csv')).toBe('/mnt/cd is on a read-only file system. Choose another folder.');
    expect(describeWriteError(error('EISDIR'), '/data/out.csv')).toBe('out.csv is a folder, not a file. Choose a file name.');
  });
});
