/**
 * The phrase index: the cleaned corpus as one Uint16Array of code units and its suffix array.
 * Every paragraph starts with PARA ("\n"), every document ends with DOC_END (U+0000), so a
 * context never matches across a paragraph and a continuation stops at a paragraph's end; the
 * start of each document is kept to tell which document an occurrence comes from.
 */
import { suffixArray } from './sais';

export const PARA = 0x0a;
export const DOC_END = 0x00;

export type DocKind = 'corpus' | 'phrasebook' | 'current';

export interface IndexedDoc {
  /** What the user sees as the source: a file name, 提法库·category or 当前文档. */
  name: string;
  kind: DocKind;
}

export interface IndexInput {
  name: string;
  kind: DocKind;
  paragraphs: string[];
}

export interface PhraseIndex {
  text: Uint16Array;
  sa: Int32Array;
  /** Start offset of each document in `text`, plus text.length at the end. */
  docStarts: Int32Array;
  docs: IndexedDoc[];
}

/** Writes one paragraph (its PARA, then its code units) at `at`; returns where it ends. */
export function writeParagraph(text: Uint16Array, at: number, p: string): number {
  text[at++] = PARA;
  for (let k = 0; k < p.length; k++) {
    const c = p.charCodeAt(k);
    // A stray NUL or newline inside a paragraph would fake a boundary.
    text[at++] = c === PARA || c === DOC_END || c === 0x0d ? 0x20 : c;
  }
  return at;
}

/**
 * Lays the documents out as one text (paragraph and document markers included). `alloc` gives
 * the text's memory (the sharded build wants it shared between threads).
 */
export function layoutText(docs: IndexInput[], alloc: (n: number) => Uint16Array = (n) => new Uint16Array(n)): { text: Uint16Array; docStarts: Int32Array } {
  let n = 0;
  for (const d of docs) {
    for (const p of d.paragraphs) n += p.length + 1;
    n += 1;
  }
  const text = alloc(n);
  const docStarts = new Int32Array(docs.length + 1);
  let at = 0;
  docs.forEach((d, i) => {
    docStarts[i] = at;
    for (const p of d.paragraphs) at = writeParagraph(text, at, p);
    text[at++] = DOC_END;
  });
  docStarts[docs.length] = at;
  return { text, docStarts };
}

/**
 * The index on one core. Each document's end sorts as a character of its own (the suffix array's
 * terminator), so suffixes equal up to their documents' ends are ordered by position: the order
 * the sharded build (shards.ts) gives too.
 */
export function buildPhraseIndex(docs: IndexInput[]): PhraseIndex {
  const { text, docStarts } = layoutText(docs);
  return { text, sa: suffixArray(text, { terminator: DOC_END }), docStarts, docs: docs.map((d) => ({ name: d.name, kind: d.kind })) };
}

/** The text is cut into blocks of 2^DOC_BLOCK_SHIFT characters for docOf's table. */
const DOC_BLOCK_SHIFT = 10;
/** Per index (by its document table): the document holding the first character of each block. */
const docTables = new WeakMap<Int32Array, Int32Array>();

let lastStarts: Int32Array | null = null;
let lastTable: Int32Array | null = null;

function docTableOf(docStarts: Int32Array): Int32Array {
  if (docStarts === lastStarts) return lastTable!;
  let table = docTables.get(docStarts);
  if (table) {
    lastStarts = docStarts;
    lastTable = table;
    return table;
  }
  const last = docStarts.length - 2;
  table = new Int32Array((docStarts[docStarts.length - 1]! >> DOC_BLOCK_SHIFT) + 2);
  let d = 0;
  for (let k = 0; k < table.length; k++) {
    while (d < last && docStarts[d + 1]! <= k << DOC_BLOCK_SHIFT) d++;
    table[k] = d;
  }
  docTables.set(docStarts, table);
  lastStarts = docStarts;
  lastTable = table;
  return table;
}

/**
 * The document an offset of the text belongs to: a binary search between the documents that
 * hold the ends of its block (at 50M characters a search over every document start cost a
 * tenth of a query, in cache misses).
 */
export function docOf(index: PhraseIndex, pos: number): number {
  const s = index.docStarts;
  const table = docTableOf(s);
  const k = pos >> DOC_BLOCK_SHIFT;
  let lo = table[k]!;
  let hi = Math.min(table[k + 1]! + 1, s.length - 1);
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (s[mid]! <= pos) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** Code unit at `pos`, or -1 past the end. */
export function charAt(index: PhraseIndex, pos: number): number {
  return pos < index.text.length ? index.text[pos]! : -1;
}

/**
 * The suffix-array range [lo, hi) of suffixes that continue, at `offset` characters after their
 * start, with `pattern`, searched within [lo, hi) whose suffixes already agree on the first
 * `offset` characters. With offset 0 and the whole array this is the range of a pattern.
 */
export function narrowRange(index: PhraseIndex, lo: number, hi: number, offset: number, pattern: ArrayLike<number>): [number, number] {
  const { sa, text } = index;
  const n = text.length;
  const m = pattern.length;
  // compare suffix (from offset) with pattern: <0, 0 (pattern is a prefix), >0
  const cmp = (i: number): number => {
    const p = sa[i]! + offset;
    for (let k = 0; k < m; k++) {
      const c = p + k < n ? text[p + k]! : -1;
      const d = c - pattern[k]!;
      if (d !== 0) return d;
    }
    return 0;
  };
  // One descent until an entry matches (every entry before `a` is smaller, from `b` on larger);
  // then the range's start lies in [a, mid] and its end in (mid, b]: two short searches instead
  // of two over the whole of [lo, hi) (each step a cache miss on a large index).
  let a = lo;
  let b = hi;
  while (a < b) {
    const mid = (a + b) >>> 1;
    const c = cmp(mid);
    if (c < 0) a = mid + 1;
    else if (c > 0) b = mid;
    else {
      let l = a;
      let r = mid;
      while (l < r) {
        const m2 = (l + r) >>> 1;
        if (cmp(m2) < 0) l = m2 + 1;
        else r = m2;
      }
      let e = mid + 1;
      r = b;
      while (e < r) {
        const m2 = (e + r) >>> 1;
        if (cmp(m2) <= 0) e = m2 + 1;
        else r = m2;
      }
      return [l, e];
    }
  }
  return [a, a];
}

/** Code units back to a string (in chunks: a spread of millions of arguments would overflow the stack). */
export function stringOf(a: Uint16Array): string {
  let s = '';
  for (let i = 0; i < a.length; i += 8192) s += String.fromCharCode(...a.subarray(i, i + 8192));
  return s;
}

export function patternOf(s: string): Uint16Array {
  const out = new Uint16Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/** Bytes the index occupies in memory (text, suffix array, document table). */
export function indexBytes(index: PhraseIndex): number {
  return index.text.byteLength + index.sa.byteLength + index.docStarts.byteLength;
}
