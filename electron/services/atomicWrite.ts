/**
 * Atomic file replacement: write a temp file in the same folder, fsync it, rename it over the
 * target, fsync the folder. The target is never truncated in place, so a crash, a kill or a
 * full disk leaves either the old file or the new one, never a torn one.
 *
 * The temp file's name is short and independent of the target's (".wgtmp-<pid>-<random>"), so
 * a target whose name is at the file system's 255-byte limit can still be saved; it carries the
 * writer's process id, so temp files that a kill or a crash left behind are recognised as ours
 * and removed once they are stale (old, and their process gone) by the next write into that folder.
 */
import { promises as fs, constants as fsConstants } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { UserError } from '../../shared/api/errors';

export interface AtomicWriteOptions {
  /** How long to keep retrying a rename that fails with EBUSY/EPERM/EACCES (Windows: antivirus, Word). */
  retryForMs?: number;
  /** File mode for a new file. */
  mode?: number;
}

const RETRYABLE_RENAME = new Set(['EBUSY', 'EPERM', 'EACCES']);

function sleep(ms: number) {
  return new Promise((r) => setTimeout(r, ms));
}

const TEMP_PREFIX = '.wgtmp-';
/** Ours: ".wgtmp-<pid in base 36>-<8 hex>", and the names of earlier versions (".<name>.<12 hex>.wgtmp"). */
const TEMP_NAME = /^\.wgtmp-([0-9a-z]{1,8})-[0-9a-f]{8}$/;
const LEGACY_TEMP_NAME = /^\..+\.[0-9a-f]{12}\.wgtmp$/;
/** A temp file younger than this may still be being written (a slow disk, a big file): never touched. */
export const STALE_TEMP_AGE_MS = 10 * 60_000;
/** Older than this, a temp file is stale even if a process with its id runs (the id was reused). */
const ABANDONED_TEMP_AGE_MS = 24 * 3_600_000;

/** A temp name in the target's folder, 22 bytes whatever the target's name. */
export function tempPathFor(target: string): string {
  return path.join(path.dirname(target), `${TEMP_PREFIX}${process.pid.toString(36)}-${randomBytes(4).toString('hex')}`);
}

function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Is this temp file ours, and left behind by a write that can no longer finish? */
export function isStaleTempFile(name: string, ageMs: number): boolean {
  if (ageMs < STALE_TEMP_AGE_MS) return false;
  const ours = TEMP_NAME.exec(name);
  if (ours) return ageMs > ABANDONED_TEMP_AGE_MS || !processAlive(parseInt(ours[1]!, 36));
  return LEGACY_TEMP_NAME.test(name);
}

const cleanedFolders = new Set<string>();

/**
 * Removes the stale temp files of interrupted writes from a folder (never anything else, never
 * a fresh one or one whose process still runs). Done once per folder per process, on the first
 * write there; `force` scans again (at start, for the user-data folders).
 */
export async function removeStaleTempFiles(dir: string, force = false): Promise<number> {
  const key = path.resolve(dir);
  if (!force && cleanedFolders.has(key)) return 0;
  cleanedFolders.add(key);
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const n of names) {
    if (!n.startsWith(TEMP_PREFIX) && !n.endsWith('.wgtmp')) continue;
    const p = path.join(dir, n);
    const st = await fs.lstat(p).catch(() => null);
    if (!st?.isFile() || !isStaleTempFile(n, Date.now() - st.mtimeMs)) continue;
    await fs.rm(p, { force: true }).then(
      () => removed++,
      () => {},
    );
  }
  return removed;
}

/** Maps a file-system error to a message a user understands. */
export function fileErrorMessage(err: unknown, target: string): UserError {
  const code = (err as NodeJS.ErrnoException)?.code ?? 'EUNKNOWN';
  const name = path.basename(target);
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new UserError('disk-full', `磁盘空间不足，“${name}”未能保存。原文件保持不变，请清理磁盘后重试或另存到其他位置。`);
    case 'EROFS':
      return new UserError('read-only', `“${name}”所在位置是只读的，无法保存。原文件保持不变，请另存到其他位置。`);
    case 'EACCES':
    case 'EPERM':
      return new UserError('permission', `没有权限写入“${name}”（文件可能为只读，或正被其他程序占用）。原文件保持不变，请另存到其他位置。`);
    case 'EBUSY':
      return new UserError('locked', `“${name}”正被其他程序占用（例如 Word 或杀毒软件），无法保存。原文件保持不变，请关闭占用它的程序后重试。`);
    case 'ENOENT':
      return new UserError('not-found', `找不到保存位置：“${path.dirname(target)}”不存在。`);
    case 'ENAMETOOLONG':
      return new UserError('name-too-long', `文件名或路径过长，无法保存“${name}”。`);
    case 'EISDIR':
      return new UserError('is-directory', `“${name}”是一个文件夹，不能作为文件保存。`);
    default:
      return new UserError('io', `保存“${name}”失败（${code}）。原文件保持不变。`);
  }
}

/** Writes `data` (bytes, a string, or parts of bytes written in turn) to `file` atomically. */
export async function writeFileAtomic(file: string, data: Uint8Array | string | Uint8Array[], opts: AtomicWriteOptions = {}): Promise<void> {
  // Through a symbolic link the file it points to is replaced, not the link.
  const target = await fs.realpath(file).catch(() => file);
  const retryForMs = opts.retryForMs ?? 3000;
  const tmp = tempPathFor(target);
  await removeStaleTempFiles(path.dirname(target));
  let mode = opts.mode ?? 0o666;
  try {
    const st = await fs.stat(target);
    if (st.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    mode = st.mode & 0o7777; // keep the existing file's permissions
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EISDIR') throw fileErrorMessage(e, target);
    // a new file
  }
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(tmp, fsConstants.O_CREAT | fsConstants.O_EXCL | fsConstants.O_WRONLY, mode);
    if (Array.isArray(data)) {
      for (const part of data) for (let at = 0; at < part.byteLength; ) at += (await handle.write(part, at)).bytesWritten;
    }    else await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = undefined;
    const deadline = Date.now() + retryForMs;
    for (let attempt = 0; ; attempt++) {
      try {
        await fs.rename(tmp, target);
        break;
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code ?? '';
        if (!RETRYABLE_RENAME.has(code) || Date.now() >= deadline) throw e;
        await sleep(Math.min(50 * 2 ** attempt, 500));
      }
    }
    await syncDirectory(path.dirname(target));
  } catch (e) {
    if (handle) await handle.close().catch(() => {});
    await fs.rm(tmp, { force: true }).catch(() => {});
    throw e instanceof UserError ? e : fileErrorMessage(e, target);
  }
}

/** Makes the rename durable. Not supported on Windows (opening a folder fails): ignored there. */
async function syncDirectory(dir: string): Promise<void> {
  let h: fs.FileHandle | undefined;
  try {
    h = await fs.open(dir, 'r');
    await h.sync();
  } catch {
    // EISDIR/EPERM on Windows, EINVAL on some file systems: the data itself is already synced.
  } finally {
    await h?.close().catch(() => {});
  }
}
