/**
 * The built CLI (build/app/cli.cjs, its modules in cli/, the document worker and vendor/) as a
 * user runs it: every command loads from the split bundle, and each run loads only the libraries
 * it needs. jschardet (GBK/Big5 detection), iconv-lite (GB18030 writing) and zod (.wgd files)
 * are files of their own in build/app/vendor/, required on first use; a preloaded hook on Node's
 * module loader (which runs in the document worker too) records which ones a run loaded.
 * Needs `npm run build`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../electron/cli/commands';
import { paragraphs, readDocxParts } from '../../support/docxXml';

const root = path.resolve(__dirname, '../../..');
const app = path.join(root, 'build', 'app');
const bin = path.join(app, 'cli.cjs');
const SEED = path.resolve(root, '../shared/corpus/seeds/002_182f94ccda9023a4.txt');

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'wengao-cli-bundle-'));

/** Preloaded in every thread of a run: appends the name of each vendor library required to $WG_LOAD_LOG. */
const HOOK = `const Module = require('node:module');
const fs = require('node:fs');
const load = Module._load;
Module._load = function (request, ...rest) {
  const m = /(?:^|\\/)vendor\\/([^/]+)\\.cjs$/.exec(request);
  if (m) fs.appendFileSync(process.env.WG_LOAD_LOG, m[1] + '\\n');
  return load.call(this, request, ...rest);
};
`;

/** Runs the built CLI; its output and the vendor libraries the run loaded (in any thread). */
function runBuilt(args: string[]): { status: number | null; stdout: string; stderr: string; loaded: string[] } {
  expect(existsSync(bin), 'run `npm run build` first').toBe(true);
  const dir = tmp();
  const hook = path.join(dir, 'hook.cjs');
  const log = path.join(dir, 'loaded.txt');
  writeFileSync(hook, HOOK);
  writeFileSync(log, '');
  const r = spawnSync(process.execPath, ['-r', hook, bin, ...args], { encoding: 'utf8', env: { ...process.env, WG_LOAD_LOG: log } });
  const loaded = [...new Set(readFileSync(log, 'utf8').split('\n').filter(Boolean))].sort();
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, loaded };
}

describe('the built CLI', () => {
  it('loads every command from the split bundle for help, and only the named one otherwise', () => {
    // Help loads every command's module (program.ts): each must load and register.
    const help = runBuilt(['--help']);
    expect(help.status, help.stderr).toBe(0);
    for (const name of Object.keys(COMMANDS)) expect(help.stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
    const one = runBuilt(['export', '--help']);
    expect(one.status, one.stderr).toBe(0);
    expect(one.stdout).toContain('Usage: wengao export');
    // A mistyped command is answered with the command it resembles (all of them are loaded).
    const typo = runBuilt(['exprot', SEED]);
    expect(typo.status).toBe(1);
    expect(typo.stderr).toContain('export');
  }, 60_000);

  it('exports a UTF-8 .txt to .docx without loading jschardet, iconv-lite or zod', () => {
    const out = path.join(tmp(), '报告.docx');
    const r = runBuilt(['export', SEED, '-o', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.loaded).toEqual([]);
    expect(paragraphs(readDocxParts(readFileSync(out)).document).map((p) => p.text).join('\n')).toContain('（一）把稳思想之舵，在“带”上用真心');
  });

  it('still detects a GBK file, loading jschardet for it, and writes GB18030 through iconv-lite', () => {
    const dir = tmp();
    const text = readFileSync(SEED, 'utf8');
    const gbk = path.join(dir, '旧稿.txt');
    writeFileSync(gbk, iconv.encode(text, 'gbk'));
    const docx = path.join(dir, '旧稿.docx');
    const r = runBuilt(['export', gbk, '-o', docx]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.loaded).toEqual(['jschardet']);
    const body = paragraphs(readDocxParts(readFileSync(docx)).document).map((p) => p.text);
    expect(body.join('\n')).toContain('（一）把稳思想之舵，在“带”上用真心');
    expect(body.join('')).not.toContain('\uFFFD');

    const gb = path.join(dir, '导出.txt');
    const w = runBuilt(['export', SEED, '-o', gb, '--encoding', 'gb18030', '--lf']);
    expect(w.status, w.stderr).toBe(0);
    expect(w.loaded).toEqual(['iconv-lite']);
    expect(new TextDecoder('gb18030').decode(readFileSync(gb))).toContain('（一）把稳思想之舵');
  });

  it('loads zod for a .wgd file, where the document schema checks what is read', () => {
    const dir = tmp();
    const wgd = path.join(dir, '报告.wgd');
    const c = runBuilt(['convert', SEED, '-o', wgd]);
    expect(c.status, c.stderr).toBe(0);
    expect(c.loaded).toEqual(['zod']);
    const o = runBuilt(['outline', wgd]);
    expect(o.status, o.stderr).toBe(0);
    expect(o.stdout).toContain('把稳思想之舵');
    expect(o.loaded).toEqual(['zod']);
  });

});
