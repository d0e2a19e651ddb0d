/**
 * The phrase index built on two cores (two halves sorted apart, then merged) against the
 * single-core build: the same suffix array, hence the same answers to every query.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { phrasebookDocuments } from '../../../shared/corpus/phrasebook';
import { prepareCorpus } from '../../../shared/corpus/prepare';
import { suggest } from '../../../shared/suggest/engine';
import { DOC_END, buildPhraseIndex, layoutText, stringOf, type IndexInput, type PhraseIndex } from '../../../shared/suggest/phraseIndex';
import { renumberInPlace, restoreText, suffixArray } from '../../../shared/suggest/sais';
import { MERGE_PIECES, mergeBufferLength, mergeRuns, shardedSuffixArray, splitMergeInPieces, splitPoint } from '../../../shared/suggest/shards';
import { buildSuffixArray, sharedUint16, startShardWorker } from '../../../electron/services/suggest/shardedBuild';
import { corpusSources } from './corpusText';

function corpusInputs(): IndexInput[] {
  return [
    ...prepareCorpus(corpusSources()).documents.map((d) => ({ name: d.name, kind: 'corpus' as const, paragraphs: d.paragraphs })),
    ...phrasebookDocuments().map((d) => ({ ...d, kind: 'phrasebook' as const })),
  ];
}

/** Suffix array by plain sorting, with the terminator rule spelt out (a document's end sorts first, ties by position). */
function naiveSuffixArray(text: Uint16Array): number[] {
  const n = text.length;
  const cmp = (a: number, b: number): number => {
    for (;;) {
      if (a >= n || b >= n) return a >= n ? -1 : 1;
      const x = text[a]!;
      const y = text[b]!;
      if (x !== y) return x === DOC_END ? -1 : y === DOC_END ? 1 : x - y;
      if (x === DOC_END) return a - b;
      a++;
      b++;
    }
  };
  return [...Array(n).keys()].sort(cmp);
}

const textOf = (docs: string[][]) => layoutText(docs.map((paragraphs, i) => ({ name: `d${i}`, kind: 'corpus' as const, paragraphs })));

describe('sharded suffix array build', () => {
  it('gives the single-core array and the same answers to every query on the real corpus', () => {
    const inputs = corpusInputs();
    const one = buildPhraseIndex(inputs);
    const { text, docStarts } = layoutText(inputs);
    const sa = shardedSuffixArray(text, docStarts, DOC_END);
    const s = splitPoint(docStarts);
    expect(s).toBeGreaterThan(0);
    expect(text[s - 1]).toBe(DOC_END);
    expect(sa).toEqual(one.sa);
    const sharded: PhraseIndex = { ...one, sa };
    // Contexts as typed: 2–12 characters before many points of the corpus's own paragraphs.
    const contexts: string[] = [];
    let seed = 11;
    const rand = (k: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff) % k);
    const paras = inputs.flatMap((d) => d.paragraphs).filter((p) => p.length > 14);
    while (contexts.length < 600) {
      const p = paras[rand(paras.length)]!;
      const end = 2 + rand(p.length - 2);
      contexts.push(p.slice(Math.max(0, end - 2 - rand(11)), end));
    }
    let ghosts = 0;
    for (const before of contexts) {
      const ghostOne = suggest([one], { before, mode: 'ghost' });
      expect(suggest([sharded], { before, mode: 'ghost' }), before).toEqual(ghostOne);
      if (ghostOne.ghost) ghosts++;
      expect(suggest([sharded], { before, mode: 'list', k: 5 }), before).toEqual(suggest([one], { before, mode: 'list', k: 5 }));
    }
    // The comparison means something: many of these contexts get a ghost.
    expect(ghosts).toBeGreaterThan(100);
  });

  it('handles one document, empty documents, identical documents across the split and surrogate pairs', () => {
    const cases: Array<[string, string[][]]> = [
      ['one document (nothing to split)', [['加强党的建设，推进全面从严治党。', '加强党的建设']]],
      ['empty documents', [[], ['加强学习'], [], [], ['加强学习，提高本领'], []]],
      ['identical documents on both sides of the split', [['一体推进不敢腐、不能腐、不想腐'], ['一体推进不敢腐、不能腐、不想腐'], ['一体推进不敢腐、不能腐、不想腐'], ['一体推进不敢腐、不能腐、不想腐']]],
      ['a document that is a suffix of another', [['深刻领悟两个确立'], ['两个确立'], ['领悟两个确立'], ['立']]],
      ['surrogate pairs', [['𠀀𠀁𠀀，𪚥𪚥'], ['𠀀𠀁', '𪚥'], ['文稿𠀀𠀁𠀀'], ['𠀀']]],
    ];
    for (const [what, docs] of cases) {
      const { text, docStarts } = textOf(docs);
      const expected = naiveSuffixArray(text);
      expect([...suffixArray(text, { terminator: DOC_END })], what).toEqual(expected);
      expect([...shardedSuffixArray(text, docStarts, DOC_END)], what).toEqual(expected);
    }
    // The split falls on a document's start, so no document is cut in two.
    const { text, docStarts } = textOf([['甲乙丙丁'], ['戊己'], ['庚辛壬癸子丑']]);
    const s = splitPoint(docStarts);
    expect([...docStarts]).toContain(s);
    expect(stringOf(text.subarray(s))).toBe('\n庚辛壬癸子丑\0');
  });

  it('sorts random texts of many documents like a naive sort', () => {
    let seed = 5;
    const rand = (k: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff) % k);
    for (let round = 0; round < 40; round++) {
      const alphabet = round % 2 === 0 ? '甲乙' : '党的建设全面从严治';
      const docs = Array.from({ length: 1 + rand(8) }, () => Array.from({ length: rand(3) }, () => Array.from({ length: rand(12) }, () => alphabet[rand(alphabet.length)]).join('')));
      const { text, docStarts } = textOf(docs);
      expect([...shardedSuffixArray(text, docStarts, DOC_END)], JSON.stringify(docs)).toEqual(naiveSuffixArray(text));
    }
  });

  it('merges in place with a buffer of any size (a run too long for it is split by co-rank and rotation)', () => {
    let seed = 9;
    const rand = (k: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff) % k);
    for (let round = 0; round < 30; round++) {
      const docs = Array.from({ length: 2 + rand(10) }, () => Array.from({ length: 1 + rand(3) }, () => Array.from({ length: rand(15) }, () => '党的建设'[rand(4)]).join('')));
      const { text, docStarts } = textOf(docs);
      const s = splitPoint(docStarts);
      const expected = naiveSuffixArray(text);
      for (const buffer of [1, 2, 5]) {
        // Each half's own order is the whole order restricted to it (no comparison crosses a document's end).
        const sa = Int32Array.from([...expected.filter((p) => p < s), ...expected.filter((p) => p >= s)]);
        mergeRuns(text, sa, { lo: 0, mid: s, hi: text.length }, DOC_END, new Int32Array(buffer));
        expect([...sa], `${JSON.stringify(docs)} buffer ${buffer}`).toEqual(expected);
      }
    }
  });

  it('renumbers a text in place and gives it back; more numbers than 15 bits hold leave it untouched', () => {
    const { text } = textOf([['加强党的建设𠀀'], ['全面从严治党']]);
    const before = stringOf(text);
    const num = renumberInPlace(text, DOC_END)!;
    expect(num.size).toBe(2 + new Set('加强党的建设全面从严治\n'.split('').concat(['\ud840', '\udc00'])).size);
    expect(stringOf(text)).not.toBe(before);
    text[0]! |= 0x8000; // a type bit left by sorting
    restoreText(text, num);
    expect(stringOf(text)).toBe(before);
    // 33,000 one-character documents: 33,000 terminators and their characters do not fit in 15 bits.
    const many = textOf(Array.from({ length: 33_000 }, (_, i) => [String.fromCharCode(0x4e00 + (i % 50))]));
    const copy = many.text.slice();
    expect(renumberInPlace(many.text, DOC_END)).toBeNull();
    expect(many.text).toEqual(copy);
    expect([...shardedSuffixArray(many.text, many.docStarts, DOC_END)]).toEqual(naiveSuffixArray(many.text));
  });
});

describe('sharded build on two threads', () => {
  const inputs = corpusInputs();
  const reference = buildPhraseIndex(inputs).sa;
  const shared = () => layoutText(inputs, sharedUint16);

  it('builds in a worker and this thread, with the single-core result', async () => {
    const { text, docStarts } = shared();
    const before = stringOf(text);
    const r = await buildSuffixArray(text, docStarts, DOC_END, { minChars: 0 });
    expect(r.fallback).toBeUndefined();
    expect(r.sharded).toBe(true);
    expect(r.sa).toEqual(reference);
    // Renumbered for the sort, given back after it.
    expect(stringOf(text)).toBe(before);
  });

  it('builds a text that is the start of a longer shared buffer (the corpus builder writes in place) on both threads', async () => {
    const { text, docStarts } = shared();
    const longer = new Uint16Array(new SharedArrayBuffer(2 * (text.length + 5000)));
    longer.set(text);
    // What lies beyond the text (left by documents moved out) must not be read.
    longer.fill(0x4e00, text.length);
    const r = await buildSuffixArray(longer.subarray(0, text.length), docStarts, DOC_END, { minChars: 0 });
    expect(r.fallback).toBeUndefined();
    expect(r.sharded).toBe(true);
    expect(r.sa).toEqual(reference);
  });

  it('falls back to one core when the worker fails, with the same result', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'wengao-shard-'));
    const exits = path.join(dir, 'exits.cjs');
    writeFileSync(exits, "require('node:worker_threads').parentPort.on('message', () => process.exit(3));\n");
    const throws = path.join(dir, 'throws.cjs');
    writeFileSync(throws, "throw new Error('broken worker');\n");
    const refuses = path.join(dir, 'refuses.cjs');
    writeFileSync(refuses, "const p = require('node:worker_threads').parentPort; p.on('message', () => p.postMessage({ type: 'failed', message: 'no memory' }));\n");
    const hangs = path.join(dir, 'hangs.cjs');
    writeFileSync(hangs, "require('node:worker_threads').parentPort.on('message', () => { for (;;); });\n");
    for (const [workerPath, why] of [
      [exits, /exited with code 3/],
      [throws, /broken worker/],
      [refuses, /no memory/],
      [hangs, /took over/],
      [path.join(dir, 'missing.cjs'), /./],
    ] as const) {
      const { text, docStarts } = shared();
      const before = stringOf(text);
      const r = await buildSuffixArray(text, docStarts, DOC_END, { minChars: 0, workerPath, stepTimeoutMs: 1500 });
      expect(r.sharded, workerPath).toBe(false);
      expect(r.fallback, workerPath).toMatch(why);
      expect(r.sa, workerPath).toEqual(reference);
      expect(stringOf(text)).toBe(before);
    }
  });

  it('builds a small or unshared text on one core', async () => {
    const { text, docStarts } = layoutText(inputs);
    const r = await buildSuffixArray(text, docStarts, DOC_END, { minChars: 0 });
    expect(r.sharded).toBe(false);
    expect(r.fallback).toBeUndefined();
    expect(r.sa).toEqual(reference);
    const small = await buildSuffixArray(...(Object.values(shared()) as [Uint16Array, Int32Array]), DOC_END);
    expect(small.sharded).toBe(false);
    expect(small.sa).toEqual(reference);
  });

  it('uses a worker started beforehand, and falls back to one core when that one fails', async () => {
    const { text, docStarts } = shared();
    const started = await buildSuffixArray(text, docStarts, DOC_END, { minChars: 0, worker: startShardWorker() });
    expect(started.fallback).toBeUndefined();
    expect(started.sharded).toBe(true);
    expect(started.sa).toEqual(reference);
    const exits = path.join(mkdtempSync(path.join(os.tmpdir(), 'wengao-shard-')), 'exits.cjs');
    writeFileSync(exits, "require('node:worker_threads').parentPort.on('message', () => process.exit(3));\n");
    const again = shared();
    const failed = await buildSuffixArray(again.text, again.docStarts, DOC_END, { minChars: 0, worker: startShardWorker(exits) });
    expect(failed.sharded).toBe(false);
    expect(failed.fallback).toMatch(/exited with code 3/);
    expect(failed.sa).toEqual(reference);
  });

  it('cuts the merge into pieces that merged in any order by either thread give the single-core array', () => {
    const { text, docStarts } = shared();
    const n = text.length;
    const s = splitPoint(docStarts);
    const expected = Int32Array.from(reference);
    // Each half's own order is the whole order restricted to it.
    const sa = Int32Array.from([...expected.filter((p) => p < s), ...expected.filter((p) => p >= s)]);
    const runs = splitMergeInPieces(text, sa, { lo: 0, mid: s, hi: n }, DOC_END);
    expect(runs).toHaveLength(MERGE_PIECES);
    expect(runs.map((r) => r.hi - r.lo).reduce((a, b) => a + b, 0)).toBe(n);
    // Backwards, as if the other thread took the first pieces.
    for (const r of [...runs].reverse()) mergeRuns(text, sa, r, DOC_END, new Int32Array(mergeBufferLength(n)));
    expect(sa).toEqual(expected);
  });
});
