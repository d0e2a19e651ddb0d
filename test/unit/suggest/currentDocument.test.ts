import { describe, expect, it } from 'vitest';
import { markSlots } from '../../../shared/corpus/slots';
import { CurrentDocumentIndex, DocumentLines, type DocumentLinesChange } from '../../../shared/suggest/currentDocument';
import { suggest } from '../../../shared/suggest/engine';
import { buildPhraseIndex, type PhraseIndex } from '../../../shared/suggest/phraseIndex';
import { corpusIndex, corpusSources } from './corpusText';

/** The index a whole rebuild makes of the document (what the worker did before: every line, trimmed, within the budget). */
function rebuilt(blocks: Array<[string, string[]]>, budget: number): PhraseIndex | null {
  const lines: string[] = [];
  let left = budget;
  outer: for (const [, raw] of blocks)
    for (const l of raw) {
      const t = markSlots(l.trim());
      if (t.length < 2) continue;
      left -= t.length;
      if (left < 0) break outer;
      lines.push(t);
    }
  return lines.length > 0 ? buildPhraseIndex(lines.map((t) => ({ name: '当前文档', kind: 'current' as const, paragraphs: [t] }))) : null;
}

/** The sender's side as the renderer does it: every block in order, only the changed ones' lines. */
class Sender {
  private sent: Map<string, string[]> | null = null;
  next(doc: Array<[string, string[]]>): DocumentLinesChange {
    const reset = this.sent === null;
    const blocks = doc.filter(([k, lines]) => reset || this.sent!.get(k) !== lines);
    this.sent = new Map(doc);
    return { reset, order: doc.map(([k]) => k), blocks: blocks.map(([k, l]) => [k, l]) };
  }
}

/** The first index where two arrays differ (their length if one is a prefix of the other), -1 if equal. */
function differsAt(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return a.length === b.length ? -1 : n;
}

function randomFrom(seed: number) {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
}

/** Real paragraphs of the corpus, a few of them cut short or repeated so that lines tie. */
function paragraphs(): string[] {
  const out: string[] = [];
  for (const doc of corpusSources().slice(0, 4)) for (const l of doc.lines) if (l.trim().length >= 2) out.push(l);
  return out;
}

describe('the open document’s index, updated by changes', () => {
  it('after a random sequence of paragraph edits is exactly the index rebuilt from the final document, and suggests the same', () => {
    const pool = paragraphs();
    const rand = randomFrom(7);
    const pick = <T>(a: T[]) => a[Math.floor(rand() * a.length)]!;
    let nextKey = 1;
    // The document: blocks by key, each its lines (a table cell or a soft line break makes several).
    const doc: Array<[string, string[]]> = Array.from({ length: 60 }, () => [String(nextKey++), [pick(pool)]]);
    const sender = new Sender();
    const mirror = new DocumentLines();
    const index = new CurrentDocumentIndex(2_000_000);
    const updates = { merged: 0, rebuilt: 0, unchanged: 0 };
    const corpus = corpusIndex();
    let compared = 0;
    for (let step = 0; step < 300; step++) {
      const r = rand();
      const at = Math.floor(rand() * doc.length);
      const edited = doc[at]?.[1][0] ?? '';
      if (r < 0.35 && doc.length > 0) {
        // Typing in a paragraph: characters inserted or deleted somewhere in it.
        const p = Math.floor(rand() * (edited.length + 1));
        const text = rand() < 0.6 ? edited.slice(0, p) + pick(pool).slice(0, 1 + Math.floor(rand() * 6)) + edited.slice(p) : edited.slice(0, p) + edited.slice(p + 3);
        doc[at] = [doc[at]![0], [text]];
      } else if (r < 0.5) {
        // A new paragraph, sometimes a copy of another (identical lines must keep their order).
        const text = rand() < 0.3 && doc.length > 0 ? pick(doc)[1][0]! : pick(pool);
        doc.splice(at, 0, [String(nextKey++), [text]]);
      } else if (r < 0.62 && doc.length > 1) {
        doc.splice(at, 1);
      } else if (r < 0.7 && doc.length > 2) {
        // A paragraph moved elsewhere (same key).
        const [moved] = doc.splice(at, 1);
        doc.splice(Math.floor(rand() * doc.length), 0, moved!);
      } else if (r < 0.8 && doc.length > 0) {
        // Several lines in one block, some blank or too short to index.
        doc[at] = [doc[at]![0], [pick(pool), ' ', pick(pool).slice(0, 8), '是', pick(pool)]];
      } else if (r < 0.85) {
        // A paste of several paragraphs at once.
        doc.splice(at, 0, ...Array.from({ length: 1 + Math.floor(rand() * 30) }, (): [string, string[]] => [String(nextKey++), [pick(pool)]]));
      } else if (r < 0.9 && doc.length > 10) {
        doc.splice(at, 1 + Math.floor(rand() * 8));
      }
      // The caret's paragraph is left out (it would suggest itself).
      const caret = doc.length > 0 ? pick(doc)[0] : '';
      const sent = doc.filter(([k]) => k !== caret);
      expect(mirror.apply(sender.next(sent))).toBe(true);
      index.update(mirror.entries());
      updates[index.lastUpdate]++;
      const want = rebuilt(sent, 2_000_000);
      const got = index.index;
      expect(got === null, `step ${step}`).toBe(want === null);
      if (!got || !want) continue;
      expect(differsAt(got.docStarts, want.docStarts), `step ${step}: document table`).toBe(-1);
      expect(differsAt(got.text, want.text), `step ${step}: text`).toBe(-1);
      expect(differsAt(got.sa, want.sa), `step ${step}: suffix array`).toBe(-1);
      if (step % 10 === 0) {
        // Contexts taken from the document itself, where the boost matters.
        for (let c = 0; c < 20; c++) {
          const line = pick(sent)[1][0]!;
          const end = 2 + Math.floor(rand() * Math.max(1, line.length - 2));
          const before = line.slice(Math.max(0, end - 8), end);
          for (const mode of ['ghost', 'list'] as const) expect(suggest([corpus, got], { before, mode }), before).toEqual(suggest([corpus, want], { before, mode }));
          compared++;
        }
      }
    }
    // Most changes were merged in, not rebuilt.
    expect(updates.merged).toBeGreaterThan(150);
    expect(compared).toBeGreaterThan(500);
  });

  it('keeps to its character budget, letting lines in and out as the text before them grows and shrinks', () => {
    const pool = paragraphs();
    const rand = randomFrom(11);
    let doc: Array<[string, string[]]> = pool.slice(0, 80).map((t, i) => [String(i + 1), [t]]);
    const sender = new Sender();
    const mirror = new DocumentLines();
    const budget = 3000;
    const index = new CurrentDocumentIndex(budget);
    for (let step = 0; step < 80; step++) {
      const at = Math.floor(rand() * 20);
      const [key, [line]] = doc[at]!;
      doc = doc.map((b, i) => (i === at ? [key, [rand() < 0.5 ? line! + pool[step]! : line!.slice(0, Math.max(2, line!.length - 40))]] : b));
      mirror.apply(sender.next(doc));
      index.update(mirror.entries());
      const want = rebuilt(doc, budget)!;
      expect(differsAt(index.index!.text, want.text)).toBe(-1);
      expect(differsAt(index.index!.sa, want.sa)).toBe(-1);
      expect(want.text.length).toBeLessThan(budget + 2 * want.docs.length + 1);
    }
  });

  it('asks for everything again when a block it should keep was never sent', () => {
    const mirror = new DocumentLines();
    expect(mirror.apply({ reset: true, order: ['1', '2'], blocks: [['1', ['第一段。']], ['2', ['第二段。']]] })).toBe(true);
    expect(mirror.apply({ reset: false, order: ['1', '3'], blocks: [] })).toBe(false);
    expect(mirror.entries()).toEqual([]);
    expect(mirror.apply({ reset: false, order: ['1', '2', '3'], blocks: [['3', ['第三段。']]] })).toBe(false);
  });
});
