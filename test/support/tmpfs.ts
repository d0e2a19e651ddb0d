/**
 * A small real file system for "disk full" and "read-only" tests: a tmpfs mounted by root.
 * Where mounting is not permitted the tests that need it are skipped with this reason.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface SmallDisk {
  dir: string;
  readOnly(): void;
  dispose(): void;
}

export function mountSmallDisk(sizeKb: number): SmallDisk | string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'wengao-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k`, 'tmpfs', dir], { stdio: 'pipe' });
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    return `cannot mount a tmpfs here (${(e as Error).message.split('\n')[0]}); needs root`;
  }
  return {
    dir,
    readOnly: () => execFileSync('mount', ['-o', 'remount,ro', dir], { stdio: 'pipe' }),
    dispose: () => {
      try {
        execFileSync('umount', [dir], { stdio: 'pipe' });
      } catch {
        /* already gone */
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
