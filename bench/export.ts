/**
 * Export time of a 200,000-character document (generated from ../shared/corpus), against pandoc
 * (Debian's package) converting the same text, as markdown paragraphs, to .docx in the same run.
 *
 * The headline figure is the whole process, as a user runs it: `node build/app/cli.cjs export
 * doc.txt -o doc.docx` (Node's start-up, loading the CLI and the document worker, reading, laying
 * out, writing) against the whole `pandoc` process, run alternately, median wall time, with the
 * median CPU time (user + system: steadier than wall time on a loaded machine) and the peak
 * memory (max RSS) of each, from /usr/bin/time. The in-process figures below show where our time goes.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, promises as fs, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { writeDocx } from '../shared/docx/write/writeDocx';
import { layoutDocument } from '../shared/export/layout';
import { DEFAULT_EXPORT_SETTINGS } from '../shared/settings';
import { readDocumentFile } from '../electron/services/documentFiles';
import { exportDocumentFile } from '../electron/services/exportFiles';
import { generateDocumentText } from './corpus';
import { fmtMs, median, printTable, ratio } from './table';

const CHARS = 200_000;
const RUNS = Number(process.env.BENCH_RUNS ?? 7);

const ROOT = path.resolve(__dirname, '..');
const CLI = path.join(ROOT, 'build', 'app', 'cli.cjs');
const GNU_TIME = '/usr/bin/time';

interface ProcessRun {
  wallMs: number;
  /** User + system CPU time; NaN without GNU time. */
  cpuMs: number;
  /** Peak resident memory; NaN without GNU time. */
  rssMb: number;
}

/** Runs a command to completion; fails loudly when it fails (a benchmark of an error is no figure). */
function runProcess(dir: string, cmd: string, args: string[]): ProcessRun {
  const timeFile = path.join(dir, 'time.txt');
  const gnu = existsSync(GNU_TIME);
  const t = performance.now();
  const r = gnu ? spawnSync(GNU_TIME, ['-f', '%U %S %M', '-o', timeFile, cmd, ...args], { encoding: 'utf8' }) : spawnSync(cmd, args, { encoding: 'utf8' });
  const wallMs = performance.now() - t;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  if (!gnu) return { wallMs, cpuMs: NaN, rssMb: NaN };
  const [user, sys, rssKb] = readFileSync(timeFile, 'utf8').trim().split(/\s+/).slice(-3).map(Number);
  return { wallMs, cpuMs: (user! + sys!) * 1000, rssMb: rssKb! / 1024 };
}

/** Two commands run alternately `runs` times after one warm-up each. */
function alternate(dir: string, runs: number, a: [string, string[]], b: [string, string[]]): [ProcessRun[], ProcessRun[]] {
  runProcess(dir, ...a);
  runProcess(dir, ...b);
  const ra: ProcessRun[] = [];
  const rb: ProcessRun[] = [];
  for (let i = 0; i < runs; i++) {
    ra.push(runProcess(dir, ...a));
    rb.push(runProcess(dir, ...b));
  }
  return [ra, rb];
}

const fmtS = (ms: number) => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(2)} s` : '—');
const fmtMb = (mb: number) => (Number.isFinite(mb) ? `${Math.round(mb)} MB` : '—');

async function time(runs: number, fn: () => Promise<unknown> | unknown): Promise<number[]> {
  await fn(); // warm-up
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

export async function benchExport(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'wengao-bench-export-'));
  const text = generateDocumentText(CHARS);
  const txt = path.join(dir, 'doc.txt');
  const md = path.join(dir, 'doc.md');
  await fs.writeFile(txt, text, 'utf8');
  await fs.writeFile(md, text.split('\n').join('\n\n'), 'utf8');
  const options = { ...DEFAULT_EXPORT_SETTINGS, template: 'gbt9704' as const };

  let pandoc: number[] = [];
  let pandocVersion = 'not installed';
  const pandocArgs = ['-f', 'markdown', '-t', 'docx', '-o', path.join(dir, 'pandoc.docx'), md];
  try {
    pandocVersion = execFileSync('pandoc', ['--version'], { encoding: 'utf8' }).split('\n')[0]!;
  } catch {
    /* reported as — */
  }
  const loadBefore = os.loadavg()[0]!;
  const [cliRuns, pandocRuns] =
    pandocVersion === 'not installed'
      ? [[0, ...new Array<number>(RUNS)].map(() => runProcess(dir, process.execPath, [CLI, 'export', txt, '-o', path.join(dir, 'cli.docx')])), []]
      : alternate(dir, RUNS, [process.execPath, [CLI, 'export', txt, '-o', path.join(dir, 'cli.docx')]], ['pandoc', pandocArgs]);
  const loadAfter = os.loadavg()[0]!;
  const med = (rs: ProcessRun[], k: keyof ProcessRun) => median(rs.map((r) => r[k]));
  const maxRss = (rs: ProcessRun[]) => Math.max(...rs.map((r) => r.rssMb));
  if (pandocVersion !== 'not installed') pandoc = await time(RUNS, () => execFileSync('pandoc', pandocArgs));
  const ours = await time(RUNS, async () => {
    const { doc } = await readDocumentFile(txt);
    await exportDocumentFile(doc, path.join(dir, 'wengao.docx'), 'docx', options);
  });
  const plain = await time(RUNS, async () => {
    const { doc } = await readDocumentFile(txt);
    await exportDocumentFile(doc, path.join(dir, 'plain.docx'), 'docx', { ...options, template: 'plain' });
  });
  const { doc } = await readDocumentFile(txt);
  const layout = await time(RUNS, () => layoutDocument(doc.blocks, options));
  const write = await time(RUNS, () => writeDocx(doc, options));
  const gb = await time(RUNS, () => exportDocumentFile(doc, path.join(dir, 'doc-gb.txt'), 'txt', { ...options, textEncoding: 'gb18030' }));
  const p = median(pandoc);
  printTable(
    `export of a ${CHARS.toLocaleString('en')}-character document (${doc.blocks.length} paragraphs), median of ${RUNS}; baseline: ${pandocVersion}, markdown → .docx; load average ${loadBefore.toFixed(1)} → ${loadAfter.toFixed(1)} on ${os.cpus().length} cores`,
    [
      { figure: 'whole `wengao export` process: .txt → 公文 .docx, wall', ours: fmtS(med(cliRuns, 'wallMs')), baseline: fmtS(med(pandocRuns, 'wallMs')), ratio: ratio(med(cliRuns, 'wallMs'), med(pandocRuns, 'wallMs')), goal: '≤ 1.0×' },
      { figure: '  the same, CPU time (user + system)', ours: fmtS(med(cliRuns, 'cpuMs')), baseline: fmtS(med(pandocRuns, 'cpuMs')), ratio: ratio(med(cliRuns, 'cpuMs'), med(pandocRuns, 'cpuMs')) },
      { figure: '  the same, peak memory (max RSS)', ours: fmtMb(maxRss(cliRuns)), baseline: fmtMb(maxRss(pandocRuns)), ratio: ratio(maxRss(cliRuns), maxRss(pandocRuns)) },
    ],
  );
  printTable(`  in process (after start-up), median of ${RUNS}`, [
    { figure: '.txt → 公文 .docx on disk (read, lay out, write)', ours: fmtMs(median(ours)), baseline: fmtMs(p), ratio: ratio(median(ours), p) },
    { figure: '.txt → 通用 .docx on disk', ours: fmtMs(median(plain)), baseline: fmtMs(p), ratio: ratio(median(plain), p) },
    { figure: '  of which: layout plan (roles, headings, title)', ours: fmtMs(median(layout)) },
    { figure: '  of which: writeDocx (layout, XML, zip)', ours: fmtMs(median(write)) },
    { figure: 'model → GB18030 .txt on disk', ours: fmtMs(median(gb)) },
  ]);
  await fs.rm(dir, { recursive: true, force: true });
}
