/**
 * Prebuilt snapshots of a freshly seeded sandbox database, shared by every sandbox started on this machine with
 * the same seed: the first start loads the seed as always and saves PGlite's data directory (`dumpDataDir`, a tar);
 * later starts restore it (`loadDataDir`) instead of running initdb, creating the tables and loading the rows.
 * A 100,000-customer account is then ready in about the time PGlite takes to read the tar (see the sandbox-load
 * bench), and CI's many small sandboxes skip initdb.
 *
 * True to the seed by construction: the key hashes the seed options (or the given records) and the code that
 * builds the data — every file of src/sandbox when running from source, the bundle itself when bundled — so any
 * change to the generator, the tables or PGlite makes a new snapshot rather than reusing a stale one.
 */
import { createHash } from 'node:crypto';
import { openAsBlob } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Bumped when what a snapshot holds changes in a way the code hash would not show. */
const formatVersion = 1;
/**
 * Snapshots kept in the folder, most recently used first; the rest (other seeds, older code) are removed when a
 * new one is written. Enough for every seed CI's specs start with, so a big one is not pushed out by small ones.
 */
const keptSnapshots = 24;

export interface SnapshotPlan {
  dir: string;
  key: string;
}

export function defaultSnapshotDir(): string {
  return process.env.SUITELENS_SANDBOX_SNAPSHOTS || join(tmpdir(), 'suitelens-sandbox-snapshots');
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : Promise.resolve(entry.name.endsWith('.ts') ? [join(dir, entry.name)] : []))),
  );
  return nested.flat().sort();
}

async function pgliteVersion(): Promise<string> {
  try {
    const { createRequire } = await import('node:module');
    const manifest = createRequire(import.meta.url).resolve('@electric-sql/pglite/package.json');
    return (JSON.parse(await readFile(manifest, 'utf8')) as { version?: string }).version ?? '';
  } catch {
    return '';
  }
}

let fingerprint: Promise<string | undefined> | undefined;

/** A hash of the code that builds a seeded database, or undefined when it cannot be read (snapshots are then off). */
function codeFingerprint(): Promise<string | undefined> {
  fingerprint ??= (async () => {
    try {
      const here = fileURLToPath(import.meta.url);
      const hash = createHash('sha256');
      if (extname(here) === '.ts') {
        // From source (vitest): every sandbox file, and PGlite's version for the data directory's format.
        const root = dirname(dirname(here));
        for (const file of await filesUnder(root)) hash.update(file.slice(root.length)).update(await readFile(file));
        hash.update(await pgliteVersion());
      } else {
        hash.update(await readFile(here)); // a bundle holds the generator, the tables and PGlite alike
      }
      return hash.digest('hex');
    } catch {
      return undefined;
    }
  })();
  return fingerprint;
}

/** Where the snapshot for this seed lives, or undefined when snapshots cannot be used. */
export async function snapshotPlan(dir: string, seed: unknown): Promise<SnapshotPlan | undefined> {
  const code = await codeFingerprint();
  if (!code) return undefined;
  const key = createHash('sha256').update(`${formatVersion}\u0000${code}\u0000${JSON.stringify(seed)}`).digest('hex').slice(0, 32);
  return { dir, key };
}

const fileOf = (plan: SnapshotPlan) => join(plan.dir, `${plan.key}.tar`);

/** The saved data directory, or undefined when there is none yet. */
export async function readSnapshot(plan: SnapshotPlan): Promise<Blob | undefined> {
  try {
    // Marks it used (pruning removes the least recently used) BEFORE opening: a Blob from openAsBlob fails to
    // read once the file's modification time changes.
    const now = new Date();
    await utimes(fileOf(plan), now, now);
    return await openAsBlob(fileOf(plan));
  } catch {
    return undefined;
  }
}

/** Forgets a snapshot that failed to restore, so the next start rebuilds it. */
export async function discardSnapshot(plan: SnapshotPlan): Promise<void> {
  await rm(fileOf(plan), { force: true });
}

/**
 * Saves a data directory; written under a temporary name and renamed, so a reader never sees half a file (two
 * processes building the same snapshot at once both write whole files; the last rename wins).
 */
export async function writeSnapshot(plan: SnapshotPlan, data: Blob): Promise<void> {
  await mkdir(plan.dir, { recursive: true });
  const temporary = join(plan.dir, `${plan.key}.${process.pid}.${Date.now()}.partial`);
  await writeFile(temporary, Buffer.from(await data.arrayBuffer()));
  await rename(temporary, fileOf(plan));
  await prune(plan.dir);
}

async function prune(dir: string): Promise<void> {
  const names = await readdir(dir);
  const aged = await Promise.all(names.map(async (name) => ({ name, at: (await stat(join(dir, name)).catch(() => undefined))?.mtimeMs ?? 0 })));
  aged.sort((a, b) => b.at - a.at);
  const snapshots = aged.filter(({ name }) => name.endsWith('.tar'));
  // Partial files of a process that died while writing.
  const abandoned = aged.filter(({ name, at }) => name.endsWith('.partial') && Date.now() - at > 10 * 60_000);
  for (const { name } of [...snapshots.slice(keptSnapshots), ...abandoned]) await rm(join(dir, name), { force: true });
}
