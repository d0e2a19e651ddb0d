/**
 * Save: a .docx opened and saved back with no edit (issue #11's faithful save: read, keep the
 * package, write document.xml back), for the 872-page fixture and perf_rich_tables_3mb.docx,
 * against LibreOffice converting the same file to .docx (soffice --convert-to docx) in the same
 * run. Each side runs in its own process: wall time and peak memory (GNU time's max RSS).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findSoffice } from '../electron/services/pdfRenderers';
import { SHARED } from './corpus';
import { fmtMs, median, printTable, ratio } from './table';

const ROOT = path.resolve(__dirname, '..');
const RUNS = 3;
const FILES = ['perf_handbook_872p.docx', 'perf_rich_tables_3mb.docx'];

function timed(cmd: string, args: string[]): { ms: number; kb: number } {
  const t = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', cmd, ...args], { cwd: ROOT, encoding: 'utf8' });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr.slice(-500)}`);
  const kb = Number(r.stderr.trim().split('\n').at(-1));
  return { ms, kb };
}

export async function benchSaveDocx(): Promise<void> {
  const soffice = findSoffice();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'wengao-bench-save-'));
  try {
    for (const name of FILES) {
      const file = path.join(SHARED, 'fixtures', 'docx', name);
      if (!existsSync(file)) continue;
      const ours: Array<{ ms: number; kb: number }> = [];
      const lo: Array<{ ms: number; kb: number }> = [];
      for (let i = 0; i < RUNS; i++) {
        ours.push(timed(process.execPath, ['--import', 'tsx', path.join(__dirname, 'saveOnce.ts'), file, path.join(dir, `wengao-${name}`)]));
        if (soffice) lo.push(timed(soffice, [`-env:UserInstallation=file://${dir}/lo-profile`, '--headless', '--convert-to', 'docx', '--outdir', path.join(dir, 'lo'), file]));
      }
      const ms = median(ours.map((o) => o.ms));
      const kb = Math.max(...ours.map((o) => o.kb));
      const loMs = lo.length ? median(lo.map((o) => o.ms)) : NaN;
      const loKb = lo.length ? Math.max(...lo.map((o) => o.kb)) : NaN;
      printTable(`Open + save ${name} (no edit) — Wengao's faithful save vs LibreOffice --convert-to docx (${RUNS} runs, each a new process)`, [
        { figure: 'time (median, process wall time)', ours: fmtMs(ms), baseline: lo.length ? fmtMs(loMs) : 'no soffice', ratio: lo.length ? ratio(ms, loMs) : '', goal: '≤ 1× LibreOffice' },
        { figure: 'peak memory (max RSS)', ours: `${Math.round(kb / 1024)} MB`, baseline: lo.length ? `${Math.round(loKb / 1024)} MB` : '', ratio: lo.length ? ratio(kb, loKb) : '', goal: '≤ 1× LibreOffice' },
      ]);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
