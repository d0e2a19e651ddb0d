/**
 * Phrase index at scale: build time and peak memory, bytes per character, and query latency
 * over 10,000 contexts, for corpora of 10M and 50M characters generated from ../shared/corpus,
 * against the naive baseline (indexOf over the same text) measured in the same run. Each size
 * runs in a child process of its own so that its peak memory is its own.
 */
import { fork } from 'node:child_process';
import { indexBytes, layoutText, stringOf } from '../shared/suggest/phraseIndex';
import { suffixArray } from '../shared/suggest/sais';
import { suggest } from '../shared/suggest/engine';
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
  peakMb: number;
  inputMb: number;
  bytesPerChar: number;
  ghost: number[];
  list: number[];
  naive: number[];
}


/** Runs in the child: one corpus size. */
function measure(chars: number): SizeResult {
  const docs = generateCorpus(chars);
  const docCount = docs.length;
  // Flat strings, as a file reader produces them (the generator builds ropes).
  for (const d of docs) d.paragraphs = d.paragraphs.map((p) => p.split('').join(''));
  global.gc?.();
  const inputMb = process.memoryUsage().rss / 2 ** 20;
  let t = performance.now();
  const { text, docStarts } = layoutText(docs);
  const layoutMs = performance.now() - t;
  t = performance.now();
  const sa = suffixArray(text);
  const saMs = performance.now() - t;
  const peakMb = process.resourceUsage().maxRSS / 1024;
  const index = { text, sa, docStarts, docs: docs.map((d) => ({ name: d.name, kind: d.kind })) };
  docs.length = 0; // the worker keeps only the index
  global.gc?.();
  const contexts = sampleContexts(QUERIES);
  const ghost: number[] = [];
  const list: number[] = [];
  for (const before of contexts.slice(0, 200)) suggest([index], { before, mode: 'ghost' }); // warm up
  for (const before of contexts) {
    const a = performance.now();
    suggest([index], { before, mode: 'ghost' });
    ghost.push(performance.now() - a);
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
  return { chars: index.text.length, docs: docCount, layoutMs, saMs, peakMb, inputMb, bytesPerChar: indexBytes(index) / index.text.length, ghost, list, naive: naiveTimes };
}

if (process.env.WENGAO_BENCH_CHILD) {
  const r = measure(Number(process.env.WENGAO_BENCH_CHILD));
  process.send!(r, () => process.exit(0));
}

function runChild(chars: number): Promise<SizeResult> {
  return new Promise((resolve, reject) => {
    const child = fork(__filename, [], { env: { ...process.env, WENGAO_BENCH_CHILD: String(chars) }, execArgv: [...process.execArgv, '--max-old-space-size=8192', '--expose-gc'] });
    child.once('message', (m) => resolve(m as SizeResult));
    child.once('exit', (code) => code !== 0 && reject(new Error(`bench child exited with ${code}`)));
  });
}

export async function benchSuggestIndex(): Promise<void> {
  for (const size of SIZES) {
    const r = await runChild(size);
    const mchars = r.chars / 1e6;
    printTable(`Phrase index, ${mchars.toFixed(1)}M characters in ${r.docs.toLocaleString()} generated documents (queries: ${r.ghost.length.toLocaleString()} contexts; naive: first ${r.naive.length})`, [
      { figure: 'build: suffix array (SA-IS)', ours: fmtMs(r.saMs), goal: `≤ ${(3 * mchars / 10).toFixed(1)} s (3 s per 10M)` },
      { figure: 'build: layout of the text', ours: fmtMs(r.layoutMs) },
      { figure: 'build: per 10M characters', ours: `${((r.saMs + r.layoutMs) / mchars / 100).toFixed(2)} s`, goal: '≤ 3 s' },
      { figure: 'peak memory (process) / before build', ours: `${r.peakMb.toFixed(0)} MB`, baseline: `${r.inputMb.toFixed(0)} MB` },
      { figure: 'index bytes per character', ours: r.bytesPerChar.toFixed(2), goal: '≤ 8' },
      { figure: 'ghost query median', ours: fmtMs(median(r.ghost)), baseline: fmtMs(median(r.naive)), ratio: ratio(median(r.ghost), median(r.naive)) },
      { figure: 'ghost query p99', ours: fmtMs(percentile(r.ghost, 99)), baseline: fmtMs(percentile(r.naive, 99)), ratio: ratio(percentile(r.ghost, 99), percentile(r.naive, 99)), goal: '≤ 2 ms at 50M' },
      { figure: 'Alt+/ list query median / p99', ours: `${fmtMs(median(r.list))} / ${fmtMs(percentile(r.list, 99))}` },
    ]);
  }
}
