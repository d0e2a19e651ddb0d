import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/program';

const root = path.resolve(__dirname, '../../..');

async function run(args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(args, '9.9.9', { stdout: (s) => (out += s), stderr: (s) => (err += s) });
  return { code, out, err };
}

describe('wengao CLI', () => {
  it('prints help and version', async () => {
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.out).toContain('wengao');
    expect(help.out).toContain('显示版本号');
    const v = await run(['--version']);
    expect(v).toMatchObject({ code: 0, out: '9.9.9\n' });
  });

  it('rejects unknown options with one line and a non-zero code', async () => {
    const r = await run(['--frobnicate']);
    expect(r.code).not.toBe(0);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });

  it('works as the installed binary without Electron', () => {
    const bin = path.join(root, 'build/app/cli.cjs');
    expect(existsSync(bin), 'run `npm run build` first').toBe(true);
    const pkg = JSON.parse(execFileSync('node', ['-e', 'process.stdout.write(require("fs").readFileSync("package.json","utf8"))'], { cwd: root, encoding: 'utf8' }));
    expect(execFileSync(bin, ['--version'], { encoding: 'utf8' }).trim()).toBe(pkg.version);
    const r = spawnSync(bin, ['--no-such-flag'], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).not.toMatch(/at .*\.cjs:\d+/); // no stack trace
  });

  it('never bundles electron into the CLI or the harness', async () => {
    const { readFileSync, readdirSync } = await import('node:fs');
    // The CLI is cli.cjs and the modules it loads from cli/ (split by command).
    const cliModules = readdirSync(path.join(root, 'build/app/cli')).filter((f) => f.endsWith('.mjs'));
    expect(cliModules.length).toBeGreaterThan(2);
    for (const f of ['build/app/cli.cjs', 'build/app/harness.cjs', ...cliModules.map((m) => `build/app/cli/${m}`)]) {
      const text = readFileSync(path.join(root, f), 'utf8');
      expect(text).not.toMatch(/(require\(|import\(|from )["']electron["']/);
    }
  });
});
