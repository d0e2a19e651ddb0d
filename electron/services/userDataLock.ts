/**
 * One process at a time in a user-data folder. The Electron app has its single-instance lock;
 * the web harness (and anything else that writes settings, state and backups there) takes this
 * one: a lock file `wengao.lock` holding the owner's process id, created atomically (written
 * beside it, then hard-linked into place, so it is never seen half-written). A lock whose process
 * is gone (a crash, a kill) is stale and taken over; the lock is removed when the process exits.
 */
import { promises as fs, readFileSync, unlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { UserError } from '../../shared/api/contract';

export const LOCK_FILE = 'wengao.lock';

interface LockInfo {
  pid: number;
  host: string;
  what: string;
  since: number;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readLock(file: string): Promise<LockInfo | null> {
  try {
    const v = JSON.parse(await fs.readFile(file, 'utf8')) as Partial<LockInfo>;
    return typeof v.pid === 'number' && Number.isInteger(v.pid) && v.pid > 0 ? { pid: v.pid, host: String(v.host ?? ''), what: String(v.what ?? ''), since: Number(v.since) || 0 } : null;
  } catch {
    return null;
  }
}

/** Does this lock still hold? Only a live process on this machine holds one. */
function holds(info: LockInfo | null): info is LockInfo {
  return info !== null && info.host === os.hostname() && info.pid !== process.pid && alive(info.pid);
}

export interface UserDataLock {
  file: string;
  release(): void;
}

/**
 * Takes the lock of `dir` for this process, or throws a UserError with one line in Chinese and
 * English naming the process that holds it.
 */
export async function lockUserData(dir: string, what: string): Promise<UserDataLock> {
  await fs.mkdir(dir, { recursive: true });
  const file = path.join(dir, LOCK_FILE);
  const mine: LockInfo = { pid: process.pid, host: os.hostname(), what, since: Date.now() };
  const text = JSON.stringify(mine);
  const tmp = path.join(dir, `.${LOCK_FILE}-${process.pid}-${randomBytes(4).toString('hex')}`);
  await fs.writeFile(tmp, text);
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await fs.link(tmp, file);
        break;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 5) throw e;
      }
      const owner = await readLock(file);
      if (holds(owner)) {
        throw new UserError(
          'user-data-locked',
          `用户数据文件夹“${dir}”正被另一个文稿进程（${owner.what}，进程号 ${owner.pid}）使用，请先关闭它或用 --user-data 指定其他文件夹。/ The user-data folder ${dir} is in use by another Wengao process (${owner.what}, pid ${owner.pid}).`,
        );
      }
      // Stale (its process is gone) or unreadable: remove it, unless it changed meanwhile.
      const again = await fs.readFile(file, 'utf8').catch(() => null);
      if (again !== null && JSON.stringify(await readLock(file)) === JSON.stringify(owner)) await fs.rm(file, { force: true });
    }
  } finally {
    await fs.rm(tmp, { force: true });
  }
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.off('exit', release);
    try {
      if (readFileSync(file, 'utf8') === text) unlinkSync(file);
    } catch {
      // already gone
    }
  };
  process.on('exit', release);
  return { file, release };
}
