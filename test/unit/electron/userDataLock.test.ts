/**
 * Two web harnesses on one user-data folder lost settings and discarded each other's backups
 * (issue #13): the second one is refused with one clear line; a lock left by a killed harness is
 * taken over; a harness that ends normally leaves no lock behind.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LOCK_FILE, lockUserData } from '../../../electron/services/userDataLock';

const HARNESS = path.resolve(__dirname, '../../../build/app/harness.cjs');
const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'wengao-lock-'));
const running: ChildProcess[] = [];
afterAll(() => {
  for (const p of running) if (p.exitCode === null) p.kill('SIGKILL');
});

/** Starts a harness; resolves with its URL, or with its exit code and stderr if it ends first. */
function startHarness(userData: string): Promise<{ proc: ChildProcess; url?: string; code?: number | null; stderr: string }> {
  const proc = spawn(process.execPath, [HARNESS, '--user-data', userData], { stdio: ['ignore', 'pipe', 'pipe'] });
  running.push(proc);
  let stderr = '';
  proc.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => {
    proc.stdout!.once('data', (d: Buffer) => resolve({ proc, url: d.toString().trim(), stderr }));
    proc.once('exit', (code) => resolve({ proc, code, stderr }));
  });
}

const exited = (p: ChildProcess) => new Promise<void>((r) => (p.exitCode !== null || p.signalCode !== null ? r() : p.once('exit', () => r())));

describe('one harness per user-data folder', () => {
  it('refuses a second harness with one line, takes over the lock of a killed one, and releases it on a normal end', async () => {
    const dir = tmp();
    const first = await startHarness(dir);
    expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    expect(JSON.parse(readFileSync(path.join(dir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: first.proc.pid });

    const second = await startHarness(dir);
    expect(second.url).toBeUndefined();
    expect(second.code).toBe(1);
    const lines = second.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`正被另一个文稿进程（web harness，进程号 ${first.proc.pid}）使用.*in use by another Wengao process`));

    // A kill leaves the lock behind; the next harness sees its process is gone and takes it.
    first.proc.kill('SIGKILL');
    await exited(first.proc);
    expect(existsSync(path.join(dir, LOCK_FILE))).toBe(true);
    const third = await startHarness(dir);
    expect(third.url).toMatch(/^http:/);
    expect(JSON.parse(readFileSync(path.join(dir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: third.proc.pid });

    third.proc.kill('SIGTERM');
    await exited(third.proc);
    expect([third.proc.exitCode, third.proc.signalCode]).toEqual([0, null]);
    expect(existsSync(path.join(dir, LOCK_FILE))).toBe(false);
  }, 60_000);

  it('treats an unreadable lock file as stale, and gives the lock back on release', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, LOCK_FILE), 'garbage');
    const lock = await lockUserData(dir, 'test');
    expect(JSON.parse(readFileSync(lock.file, 'utf8'))).toMatchObject({ pid: process.pid, what: 'test' });
    lock.release();
    expect(existsSync(lock.file)).toBe(false);
  });
});
