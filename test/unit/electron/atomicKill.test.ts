/**
 * Saving is atomic under the harshest interruption: a child process saves in a loop and is killed
 * with SIGKILL at a random moment, again and again; the file is always the old or the new
 * version, complete, never torn or empty.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../..');
const SIZE = 2 * 1024 * 1024;
const version = (n: number) => `版本${n}|`.padEnd(SIZE / 3, String(n % 10));

describe('atomic save under SIGKILL', () => {
  it('leaves the old or the new file every time, never a torn one', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'wengao-kill-'));
    const target = path.join(dir, '报告.txt');
    writeFileSync(target, version(0));
    const child = path.join(dir, 'saver.ts');
    writeFileSync(
      child,
      `import { writeFileAtomic } from ${JSON.stringify(path.join(root, 'electron/services/atomicWrite.ts'))};
const target = process.argv[2];
const size = ${SIZE};
const version = (n) => \`版本\${n}|\`.padEnd(size / 3, String(n % 10));
(async () => {
  process.stdout.write('ready\\n');
  for (let n = 1; ; n++) await writeFileAtomic(target, version(n));
})();`,
    );
    const valid = new Set(Array.from({ length: 10_000 }, (_, n) => n));
    for (let round = 0; round < 12; round++) {
      const proc = spawn(process.execPath, ['--import', 'tsx', child, target], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
      await new Promise<void>((resolve) => proc.stdout.once('data', () => resolve()));
      await new Promise((r) => setTimeout(r, 20 + Math.random() * 120));
      proc.kill('SIGKILL');
      await new Promise((r) => proc.once('exit', r));
      const text = readFileSync(target, 'utf8');
      const n = Number(/^版本(\d+)\|/.exec(text)?.[1]);
      expect(valid.has(n), `round ${round}: header ${text.slice(0, 12)}`).toBe(true);
      expect(text).toBe(version(n));
    }
    // Temp files of killed saves may remain (never the target itself); they are named so the user can tell.
    for (const f of readdirSync(dir)) expect(f === '报告.txt' || f === 'saver.ts' || /^\.wgtmp-[0-9a-z]+-[0-9a-f]{8}$/.test(f)).toBe(true);
  }, 120_000);
});
