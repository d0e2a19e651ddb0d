/**
 * `wengao index` as a whole process (start, reading and cleaning the files, the suffix array,
 * writing the index file) on a folder of generated .txt reports of 10M characters, against the
 * build of commit BASELINE_COMMIT (its CLI and workers built from git into a temp folder) in the
 * same run, the two run alternately. Wall time, CPU time, peak RSS of the whole process (threads included) and bytes per character above the same command's peak on a folder
 * of one short report (Node, the bundles and the workers). Medians over the rounds; the load
 * average is printed with them (two cores shared with other jobs).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { generateCorpus } from './corpusGen';
import { median, printTable, ratio } from './table';

/**
 * The baseline: main before the streamed reading of the files (e487780: sharded suffix array,
 * one document worker job per file). Issue #14's first figures were measured on 807e08d (the
 * single-core build): BENCH_INDEX_BASELINE=807e08d compares against it.
 */
export const BASELINE_COMMIT = process.env.BENCH_INDEX_BASELINE ?? 'e487780';
const ROOT = path.resolve(__dirname, '..');
const CHARS = Number(process.env.BENCH_INDEX_CHARS ?? 10_000_000);
const ROUNDS = Number(process.env.BENCH_INDEX_ROUNDS ?? 3);

interface Run {
  wallS: number;
  cpuS: number;
  peakMb: number;
}

/** Writes the generated corpus as one .txt file per document. */
function corpusFolder(chars: number): { dir: string; chars: number } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'wengao-index-bench-'));
  let n = 0;
  for (const d of generateCorpus(chars)) {
    writeFileSync(path.join(dir, d.name), `${d.paragraphs.join('\n')}\n`);
    n += d.paragraphs.reduce((s, p) => s + p.length, 0);
  }
  return { dir, chars: n };
}

/** The baseline's CLI and workers, built from git (null when the commit is not in this clone). */
async function baselineCli(): Promise<string | null> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'wengao-index-baseline-'));
  try {
    const tar = execFileSync('git', ['-C', ROOT, 'archive', BASELINE_COMMIT, 'electron', 'shared', 'package.json'], { maxBuffer: 1 << 28 });
    execFileSync('tar', ['-x', '-C', dir], { input: tar });
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  const out = path.join(dir, 'build', 'app');
  mkdirSync(out, { recursive: true });
  const entries: Record<string, string> = { cli: 'electron/cli/main.ts', suggestWorker: 'electron/services/suggest/worker.ts', documentWorker: 'electron/services/documents/worker.ts' };
  // From the sharded build on (without its bundle the baseline would build on one core).
  if (existsSync(path.join(dir, 'electron/services/suggest/shardWorker.ts'))) entries.shardWorker = 'electron/services/suggest/shardWorker.ts';
  for (const [name, entry] of Object.entries(entries)) {
    await build({ entryPoints: [path.join(dir, entry)], outfile: path.join(out, `${name}.cjs`), bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'error' });
  }
  return path.join(out, 'cli.cjs');
}

/** One whole `wengao index` process under /usr/bin/time. */
function runIndex(cli: string, folder: string): Run {
  const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'wengao-index-out-')), 'index.wgi');
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', process.execPath, cli, 'index', folder, '-o', out], { encoding: 'utf8' });
  rmSync(path.dirname(out), { recursive: true, force: true });
  if (r.status !== 0) throw new Error(`wengao index failed: ${r.stderr}`);
  const [wall, user, sys, maxKb] = r.stderr.trim().split('\n').pop()!.split(' ').map(Number);
  return { wallS: wall!, cpuS: user! + sys!, peakMb: maxKb! / 1024 };
}

const load = () => os.loadavg()[0]!.toFixed(1);

export async function benchIndexBuild(): Promise<void> {
  if (!existsSync('/usr/bin/time')) {
    process.stdout.write('\n(index-build: /usr/bin/time is needed to measure the peak memory; skipped)\n');
    return;
  }
  const ours = path.join(ROOT, 'build', 'app', 'cli.cjs');
  const old = await baselineCli();
  const corpus = corpusFolder(CHARS);
  const tiny = corpusFolder(2000);
  const loadBefore = load();
  const runs: Record<'ours' | 'old', Run[]> = { ours: [], old: [] };
  const tinyRuns: Record<'ours' | 'old', Run[]> = { ours: [], old: [] };
  for (let i = 0; i < ROUNDS; i++) {
    for (const [who, cli] of [['ours', ours], ['old', old]] as const) {
      if (!cli) continue;
      runs[who].push(runIndex(cli, corpus.dir));
      tinyRuns[who].push(runIndex(cli, tiny.dir));
    }
  }
  const loadAfter = load();
  rmSync(corpus.dir, { recursive: true, force: true });
  rmSync(tiny.dir, { recursive: true, force: true });
  if (old) rmSync(path.dirname(path.dirname(path.dirname(old))), { recursive: true, force: true });
  const m = (who: 'ours' | 'old', k: keyof Run) => median(runs[who].map((r) => r[k]));
  const fixed = (who: 'ours' | 'old') => median(tinyRuns[who].map((r) => r.peakMb));
  const perChar = (who: 'ours' | 'old') => ((m(who, 'peakMb') - fixed(who)) * 2 ** 20) / corpus.chars;
  const cell = (who: 'ours' | 'old', f: (w: 'ours' | 'old') => number, fmt: (x: number) => string) => (who === 'old' && !old ? '—' : fmt(f(who)));
  const s = (x: number) => `${x.toFixed(2)} s`;
  const mb = (x: number) => `${x.toFixed(0)} MB`;
  printTable(
    `wengao index, ${(corpus.chars / 1e6).toFixed(1)}M characters in generated .txt reports, whole process (median of ${ROUNDS}; baseline: the build of ${BASELINE_COMMIT}${old ? '' : ', not available in this clone'}; load average ${loadBefore} → ${loadAfter})`,
    [
      { figure: 'wall time', ours: s(m('ours', 'wallS')), baseline: cell('old', (w) => m(w, 'wallS'), s), ratio: old ? ratio(m('ours', 'wallS'), m('old', 'wallS')) : '', goal: '≤ 5 s' },
      { figure: 'CPU time (all threads)', ours: s(m('ours', 'cpuS')), baseline: cell('old', (w) => m(w, 'cpuS'), s), ratio: old ? ratio(m('ours', 'cpuS'), m('old', 'cpuS')) : '' },
      { figure: 'peak RSS', ours: mb(m('ours', 'peakMb')), baseline: cell('old', (w) => m(w, 'peakMb'), mb), ratio: old ? ratio(m('ours', 'peakMb'), m('old', 'peakMb')) : '' },
      { figure: 'peak RSS with one short report (Node, bundles, workers)', ours: mb(fixed('ours')), baseline: cell('old', fixed, mb) },
      { figure: 'bytes per character above that', ours: perChar('ours').toFixed(1), baseline: cell('old', perChar, (x) => x.toFixed(1)), ratio: old ? ratio(perChar('ours'), perChar('old')) : '', goal: '≤ 10' },
      { figure: 'each round, wall (ours / baseline)', ours: runs.ours.map((r) => r.wallS.toFixed(1)).join(' '), baseline: runs.old.map((r) => r.wallS.toFixed(1)).join(' ') },
    ],
  );
}
