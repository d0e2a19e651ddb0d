/**
 * Cleaning up the kept source packages (userData/sources/<sha256>.docx, see sourcePackages.ts):
 * at start, a package no backup and no recent file refers to, unused for SOURCE_MAX_AGE_DAYS,
 * is removed. Using a package (opening its document, saving it, restoring its backup) refreshes
 * its date, so a document open in a window, or opened in the last days, keeps its package.
 * A recent .docx refers to the package of its own bytes (it is put again, unchanged, on opening).
 */
import { createHash } from 'node:crypto';
import { createReadStream, promises as fs } from 'node:fs';
import path from 'node:path';
import type { BackupStore } from './backups';

/** Days a package no backup or recent file refers to is kept after its last use. */
export const SOURCE_MAX_AGE_DAYS = 30;

const PACKAGE_NAME = /^([0-9a-f]{64})\.docx$/;

/** SHA-256 of a file, streamed; null when it cannot be read. */
function fileHash(file: string): Promise<string | null> {
  return new Promise((resolve) => {
    const hash = createHash('sha256');
    const stream = createReadStream(file);
    stream.on('data', (chunk) => hash.update(chunk));
    stream.on('error', () => resolve(null));
    stream.on('end', () => resolve(hash.digest('hex')));
  });
}

/** The packages the backups and the recent files refer to. */
export async function referencedSourcePackages(backups: BackupStore, recentFiles: readonly string[]): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const summary of await backups.list().catch(() => [])) {
    if (summary.damaged) continue;
    const backup = await backups.read(summary.id).catch(() => null);
    if (backup?.source?.package) ids.add(backup.source.package);
  }
  for (const file of recentFiles) {
    if (!/\.(docx|docm|dotx|dotm)$/i.test(file)) continue;
    const id = await fileHash(file);
    if (id) ids.add(id);
  }
  return ids;
}

/**
 * Removes the packages in `dir` not in `keep` and unused for `maxAgeDays` (by the file's date).
 * Returns the ids removed.
 */
export async function pruneSourcePackages(dir: string, keep: ReadonlySet<string>, options: { maxAgeDays?: number; now?: number } = {}): Promise<string[]> {
  const maxAgeMs = (options.maxAgeDays ?? SOURCE_MAX_AGE_DAYS) * 24 * 3600 * 1000;
  const now = options.now ?? Date.now();
  const removed: string[] = [];
  for (const name of await fs.readdir(dir).catch(() => [] as string[])) {
    const id = PACKAGE_NAME.exec(name)?.[1];
    if (!id || keep.has(id)) continue;
    const file = path.join(dir, name);
    const stat = await fs.lstat(file).catch(() => null);
    if (!stat?.isFile() || now - stat.mtimeMs < maxAgeMs) continue;
    await fs.rm(file, { force: true }).then(
      () => removed.push(id),
      () => {},
    );
  }
  return removed;
}

/** The cleanup done at start: what the backups and recent files refer to stays, the rest ages out. */
export async function cleanUpSourcePackages(dir: string, backups: BackupStore, recentFiles: readonly string[], options: { maxAgeDays?: number; now?: number } = {}): Promise<string[]> {
  return pruneSourcePackages(dir, await referencedSourcePackages(backups, recentFiles), options);
}
