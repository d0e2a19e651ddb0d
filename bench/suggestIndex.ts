/**
 * Phrase index at scale: build time and peak memory, bytes per character, and query latency
 * over 10,000 contexts, for corpora of 10M and 50M characters generated from ../shared/corpus,
 * against the naive baseline (indexOf over the same text) measured in the same run. Each size is
 * generated and laid out here, then built and queried in a child process of its own, so that
 * the peak memory measured is the build's. The queries run the engine bundled by esbuild, as the
 * app's worker ships it: through tsx every closure it makes per query would be wrapped by
 * `__name` (keepNames), which about doubles its cost.
 */
import { fork } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { indexBytes, layoutText, stringOf } from '../shared/suggest/phraseIndex';
import { suffixArray } from '../shared/suggest/sais';
import { DOC_END } from '../shared/suggest/phraseIndex';
import { buildSuffixArray, sharedUint16 } from '../electron/services/suggest/shardedBuild';
import type * as Engine from '../shared/suggest/engine';
import { generateCorpus, sampleContexts } from './corpusGen';
import { NaiveSuggester } from './naiveSuggest';
import { fmtMs, median, percentile, printTable, ratio } from './table';

const SIZES = (process.env.BENCH_CORPUS_SIZES ?? '10000000,50000000').split(',').map(Number);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 10_000);
const NAIVE_QUERIES = Number(process.env.BENCH_NAIVE_QUERIES ?? 100);

interface SizeResult {
  chars: number;
  docs: number;
  layoutMs: number;
  saMs: number;
  /** CPU time of the build: on a shared machine, wall time includes waiting for a core. */
  saCpuMs: number;
  /** The same suffix array on one core (after the peak was read). */
  oneCoreMs: number;
  sharded: boolean;
  peakMb: number;
  inputMb: number;
  bytesPerChar: number;
  ghost: number[];
  ghostCpu: number[];
  list: number[];
  naive: number[];
}


/** Writes a generated corpus, laid out as the index's text, to a file for the child. */
function prepareInput(chars: number): { file: string; docs: number; layoutMs: number } {
  const docs = generateCorpus(chars);
  const t = performance.now();
  const { text, docStarts } = layoutText(docs);
  const layoutMs = performance.now() - t;
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'wengao-bench-')), 'corpus.bin');
  writeFileSync(file, Buffer.concat([Buffer.from(new Uint32Array([text.length, docStarts.length]).buffer), Buffer.from(text.buffer), Buffer.from(docStarts.buffer)]));
  return { file, docs: docs.length, layoutMs };
}

/** Runs in the child: builds and queries one corpus (so that its peak memory is the build's own). */
async function measure(file: string): Promise<Omit<SizeResult, 'docs' | 'layoutMs'>> {
  const bytes = readFileSync(file);
  const [n, d] = new Uint32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + 8));
  const text = sharedUint16(n!);
  new Uint8Array(text.buffer).set(bytes.subarray(8, 8 + 2 * n!));
  const docStarts = new Int32Array(d!);
  new Uint8Array(docStarts.buffer).set(bytes.subarray(8 + 2 * n!, 8 + 2 * n! + 4 * d!));
  global.gc?.();
  const inputMb = process.memoryUsage().rss / 2 ** 20;
  const t = performance.now();
  const cpu = process.cpuUsage();
  // Both cores, as the app builds it (the worker's CPU time is not in this thread's figure).
  const built = await buildSuffixArray(text, docStarts, DOC_END);
  const sa = built.sa;
  const saMs = performance.now() - t;
  const saCpu = process.cpuUsage(cpu);
  const saCpuMs = (saCpu.user + saCpu.system) / 1000;
  const peakMb = process.resourceUsage().maxRSS / 1024;
  const t1 = performance.now();
  suffixArray(text, { terminator: DOC_END });
  const oneCoreMs = performance.now() - t1;
  global.gc?.();
  const index = { text, sa, docStarts, docs: Array.from({ length: d! - 1 }, (_, i) => ({ name: `生成-${i + 1}.txt`, kind: 'corpus' as const })) };
  global.gc?.();
  const { suggest } = (await import(pathToFileURL(process.env.WENGAO_BENCH_ENGINE!).href)) as typeof Engine;
  const contexts = sampleContexts(QUERIES);
  const ghost: number[] = [];
  const list: number[] = [];
  for (const before of contexts.slice(0, 200)) suggest([index], { before, mode: 'ghost' }); // warm up
  const ghostCpu: number[] = [];
  for (const before of contexts) {
    const a = performance.now();
    const c = process.cpuUsage();
    suggest([index], { before, mode: 'ghost' });
    const used = process.cpuUsage(c);
    ghost.push(performance.now() - a);
    ghostCpu.push((used.user + used.system) / 1000);
  }
  for (const before of contexts) {
    const a = performance.now();
    suggest([index], { before, mode: 'list', k: 5 });
    list.push(performance.now() - a);
  }
  const naive = new NaiveSuggester(stringOf(index.text));
  const naiveTimes: number[] = [];
  for (const before of contexts.slice(0, NAIVE_QUERIES)) {
    const a = performance.now();
    naive.ghost(before);
    naiveTimes.push(performance.now() - a);
  }
  return { chars: n!, saMs, saCpuMs, oneCoreMs, sharded: built.sharded, peakMb, inputMb, bytesPerChar: indexBytes(index) / n!, ghost, ghostCpu, list, naive: naiveTimes };
}

if (process.env.WENGAO_BENCH_CHILD) {
  void measure(process.env.WENGAO_BENCH_CHILD).then((r) => process.send!(r, () => process.exit(0)));
}

/** The engine as the app bundles it (no keepNames), for the child to query. */
async function bundledEngine(): Promise<string> {
  const outfile = path.resolve(__dirname, '..', 'build', 'bench', 'engine.cjs');
  await build({ entryPoints: [path.resolve(__dirname, '..', 'shared', 'suggest', 'engine.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile, logLevel: 'error' });
  return outfile;
}

async function runChild(chars: number): Promise<SizeResult> {
  const engine = await bundledEngine();
  const input = prepareInput(chars);
  const r = await new Promise<Omit<SizeResult, 'docs' | 'layoutMs'>>((resolve, reject) => {
    const child = fork(__filename, [], { env: { ...process.env, WENGAO_BENCH_CHILD: input.file, WENGAO_BENCH_ENGINE: engine }, execArgv: [...process.execArgv, '--max-old-space-size=8192', '--expose-gc'] });
    child.once('message', (m) => resolve(m as Omit<SizeResult, 'docs' | 'layoutMs'>));
    child.once('exit', (code) => code !== 0 && reject(new Error(`bench child exited with ${code}`)));
  });
  rmSync(path.dirname(input.file), { recursive: true, force: true });
  return { ...r, docs: input.docs, layoutMs: input.layoutMs };
}

export async function benchSuggestIndex(): Promise<void> {
  for (const size of SIZES) {
    const r = await runChild(size);
    const mchars = r.chars / 1e6;
    printTable(`Phrase index, ${mchars.toFixed(1)}M characters (load average ${os.loadavg()[0]!.toFixed(1)}) in ${r.docs.toLocaleString()} generated documents (queries: ${r.ghost.length.toLocaleString()} contexts; naive: first ${r.naive.length})`, [
      { figure: `build: suffix array (SA-IS), ${r.sharded ? 'two threads' : 'one core (the worker failed)'}, wall / CPU of this thread`, ours: `${fmtMs(r.saMs)} / ${fmtMs(r.saCpuMs)}`, baseline: `${fmtMs(r.oneCoreMs)} (one core)`, ratio: ratio(r.saMs, r.oneCoreMs), goal: `≤ ${(3 * mchars / 10).toFixed(1)} s (3 s per 10M)` },
      { figure: 'build: layout of the text', ours: fmtMs(r.layoutMs) },
      { figure: 'build: per 10M characters (CPU)', ours: `${((r.saCpuMs + r.layoutMs) / mchars / 100).toFixed(2)} s`, goal: '≤ 3 s' },
      { figure: 'peak memory of the build (RSS peak − before)', ours: `${(r.peakMb - r.inputMb).toFixed(0)} MB (${((2 ** 20 * (r.peakMb - r.inputMb)) / r.chars).toFixed(1)} B/char)` },
      { figure: 'index bytes per character', ours: r.bytesPerChar.toFixed(2), goal: '≤ 8' },
      { figure: 'ghost query median', ours: fmtMs(median(r.ghost)), baseline: fmtMs(median(r.naive)), ratio: ratio(median(r.ghost), median(r.naive)) },
      { figure: 'ghost query p99', ours: fmtMs(percentile(r.ghost, 99)), baseline: fmtMs(percentile(r.naive, 99)), ratio: ratio(percentile(r.ghost, 99), percentile(r.naive, 99)), goal: '≤ 0.5 ms at 50M' },
      { figure: 'ghost query p99, CPU time', ours: fmtMs(percentile(r.ghostCpu, 99)), goal: '≤ 0.5 ms at 50M' },
      { figure: 'Alt+/ list query median / p99', ours: `${fmtMs(median(r.list))} / ${fmtMs(percentile(r.list, 99))}` },
      { figure: 'Alt+/ list query mean', ours: fmtMs(r.list.reduce((a, b) => a + b, 0) / r.list.length), goal: '< 1 ms' },
    ]);
  }
}
