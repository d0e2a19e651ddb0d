/**
 * A suffix array built in two halves and merged, so that both cores of the machine build it.
 *
 * The text is split at a document's end; each half is sorted on its own (suffixArray with the
 * document terminator, so no comparison looks past a document's end), then the halves are
 * merged. Comparing two suffixes stops at the first difference or at a document's end at the
 * latest; suffixes identical up to their documents' ends are ordered by position, as the
 * single-core build orders them. So the merged array is exactly the single-core one, and the
 * merge itself can be cut at co-ranks (the "merge path") into pieces that both cores share.
 *
 * Memory: the halves are sorted on the text renumbered in place (sais.ts: no copy of it), and
 * the merge works in place, cut by co-ranks and rotations into pieces whose shorter run fits a
 * small buffer (a thirty-second of the text per thread). So the build holds the text, the suffix
 * array and little else: about 6.3 bytes a character.
 *
 * Pure: the workers and the shared memory live in electron/services/suggest/.
 */
import { renumberInPlace, restoreText, sortNumbered, suffixArray } from './sais';

/**
 * Where to cut the text into two halves: the start of the first document at or after its middle,
 * or 0 when no document starts there but the first (one document: no split).
 */
export function splitPoint(docStarts: ArrayLike<number>): number {
  const n = docStarts[docStarts.length - 1]!;
  for (let i = 0; i < docStarts.length - 1; i++) {
    const s = docStarts[i]!;
    if (2 * s >= n) return s < n ? s : 0;
  }
  return 0;
}

/**
 * Compares the suffixes at `a` and `b` of `text` (a ≠ b): negative when a's comes first.
 * `terminator` ends every comparison; two suffixes equal up to it are ordered by position.
 */
export function compareSuffixes(text: ArrayLike<number>, a: number, b: number, terminator: number): number {
  const n = text.length;
  for (;;) {
    if (a >= n || b >= n) return a >= n ? (b >= n ? 0 : -1) : 1;
    const x = text[a]!;
    const y = text[b]!;
    if (x !== y) return x === terminator ? -1 : y === terminator ? 1 : x - y;
    if (x === terminator) return a - b;
    a++;
    b++;
  }
}

/**
 * The co-rank of output position `m` when merging sorted `left` and `right`: how many of the
 * first `m` merged suffixes come from `left`.
 */
export function coRank(text: ArrayLike<number>, left: Int32Array, right: Int32Array, m: number, terminator: number): number {
  let lo = Math.max(0, m - right.length);
  let hi = Math.min(m, left.length);
  // Smallest i with left[i] after right[m - i - 1] (then the first m are left[0, i) and right[0, m - i)).
  while (lo < hi) {
    const i = (lo + hi) >>> 1;
    const j = m - i;
    if (j > 0 && compareSuffixes(text, left[i]!, right[j - 1]!, terminator) < 0) lo = i + 1;
    else hi = i;
  }
  return lo;
}

/**
 * Whether the suffix at `a` comes after the one at `b` (a ≠ b). The text must end with the
 * terminator, so a comparison never runs past its end (no bounds checks: this runs once per
 * character compared, tens of millions of times).
 */
function after(text: ArrayLike<number>, a: number, b: number, terminator: number): boolean {
  for (;;) {
    const x = text[a]!;
    const y = text[b]!;
    if (x !== y) return y === terminator || (x !== terminator && x > y);
    if (x === terminator) return a > b;
    a++;
    b++;
  }
}

/**
 * A merge to do in place: the sorted runs sa[lo, mid) and sa[mid, hi) become one sorted run
 * sa[lo, hi).
 */
export interface MergeRun {
  lo: number;
  mid: number;
  hi: number;
}

/** Swaps the blocks sa[a, b) and sa[b, c), by three reversals (no extra memory). */
function rotate(sa: Int32Array, a: number, b: number, c: number): void {
  const reverse = (from: number, to: number) => {
    for (let i = from, j = to - 1; i < j; i++, j--) {
      const t = sa[i]!;
      sa[i] = sa[j]!;
      sa[j] = t;
    }
  };
  reverse(a, b);
  reverse(b, c);
  reverse(a, c);
}

/**
 * Cuts a merge into two independent ones at the middle of its output: finds how many of the
 * output's first half come from the left run (the co-rank), then rotates the left run's rest
 * and the right run's front past each other. Each returned merge can run on its own thread.
 */
export function splitMerge(text: ArrayLike<number>, sa: Int32Array, run: MergeRun, terminator: number): [MergeRun, MergeRun] {
  const { lo, mid, hi } = run;
  const half = (hi - lo) >>> 1;
  const p = coRank(text, sa.subarray(lo, mid), sa.subarray(mid, hi), half, terminator);
  rotate(sa, lo + p, mid, mid + half - p);
  const m = lo + half;
  return [
    { lo, mid: lo + p, hi: m },
    { lo: m, mid: m + (mid - lo - p), hi },
  ];
}

/**
 * Pieces a merge is cut into for two threads to share: the halves of the output cost unequal
 * times (suffixes sharing long phrases compare longer), so each thread takes the next piece
 * left when it is done with one, rather than one half each.
 */
export const MERGE_PIECES = 16;

/** Cuts a merge into `pieces` (a power of two) independent merges, in order (splitMerge, level by level). */
export function splitMergeInPieces(text: ArrayLike<number>, sa: Int32Array, run: MergeRun, terminator: number, pieces = MERGE_PIECES): MergeRun[] {
  let runs = [run];
  for (let n = 1; n < pieces; n *= 2) runs = runs.flatMap((r) => (r.lo === r.mid || r.mid === r.hi ? [r] : splitMerge(text, sa, r, terminator)));
  return runs;
}

/**
 * Merges the pieces taken in turn through the shared counter `next` (Atomics), until none is
 * left: every thread that runs it on the same pieces and counter merges a share of them, each
 * piece once.
 */
export function mergePieces(text: ArrayLike<number>, sa: Int32Array, runs: MergeRun[], terminator: number, temp: Int32Array, next: Int32Array): void {
  for (;;) {
    const i = Atomics.add(next, 0, 1);
    if (i >= runs.length) return;
    mergeRuns(text, sa, runs[i]!, terminator, temp);
  }
}

/** Entries of the buffer each thread merges with: a thirty-second of the text (an eighth of a byte a character). */
export function mergeBufferLength(n: number): number {
  return (n >>> 5) + 16;
}

/**
 * Merges a run in place with the buffer `temp`: the shorter of the two runs is copied into
 * it and merged from its side; a run whose shorter side does not fit is split (splitMerge)
 * until it does. The text must end with the terminator.
 */
export function mergeRuns(text: ArrayLike<number>, sa: Int32Array, run: MergeRun, terminator: number, temp: Int32Array): void {
  const { lo, mid, hi } = run;
  if (lo === mid || mid === hi) return;
  if (Math.min(mid - lo, hi - mid) > temp.length) {
    for (const part of splitMerge(text, sa, run, terminator)) mergeRuns(text, sa, part, terminator, temp);
  } else if (mid - lo <= hi - mid) mergeForward(text, sa, run, terminator, temp);
  else mergeBackward(text, sa, run, terminator, temp);
}

/** The left run copied to temp, merged front to back (the right run's rest is then in place). */
function mergeForward(text: ArrayLike<number>, sa: Int32Array, { lo, mid, hi }: MergeRun, terminator: number, temp: Int32Array): void {
  const left = mid - lo;
  temp.set(sa.subarray(lo, mid));
  let i = 0;
  let j = mid;
  let w = lo;
  while (i < left && j < hi) {
    const a = temp[i]!;
    const b = sa[j]!;
    if (after(text, a, b, terminator)) {
      sa[w++] = b;
      j++;
    } else {
      sa[w++] = a;
      i++;
    }
  }
  while (i < left) sa[w++] = temp[i++]!;
}

/** The right run copied to temp, merged back to front (the left run's rest is then in place). */
function mergeBackward(text: ArrayLike<number>, sa: Int32Array, { lo, mid, hi }: MergeRun, terminator: number, temp: Int32Array): void {
  temp.set(sa.subarray(mid, hi));
  let i = mid - 1;
  let j = hi - mid - 1;
  let w = hi - 1;
  while (i >= lo && j >= 0) {
    const a = sa[i]!;
    const b = temp[j]!;
    if (after(text, a, b, terminator)) {
      sa[w--] = a;
      i--;
    } else {
      sa[w--] = b;
      j--;
    }
  }
  while (j >= 0) sa[w--] = temp[j--]!;
}

/**
 * Sorts T[from, to) (a run of whole documents of a text renumbered in place) into sa[from, to),
 * as positions in the whole text.
 */
export function sortShard(T: Uint16Array, sa: Int32Array, from: number, to: number, alphabetSize: number): void {
  const out = sa.subarray(from, to);
  sortNumbered(T.subarray(from, to), out, alphabetSize);
  if (from > 0) for (let i = 0; i < out.length; i++) out[i]! += from;
}

/**
 * The whole sharded build in one thread: what the two threads do together, step by step (tests,
 * and a check of the plan). The text is renumbered meanwhile and given back.
 */
export function shardedSuffixArray(text: Uint16Array, docStarts: ArrayLike<number>, terminator: number): Int32Array {
  const n = text.length;
  const s = splitPoint(docStarts);
  const num = n > 0 && s > 0 && s < n && text[n - 1] === terminator ? renumberInPlace(text, terminator) : null;
  if (!num) return suffixArray(text, { terminator });
  const sa = new Int32Array(n);
  try {
    sortShard(text, sa, 0, s, num.size);
    sortShard(text, sa, s, n, num.size);
  } finally {
    restoreText(text, num);
  }
  const runs = splitMergeInPieces(text, sa, { lo: 0, mid: s, hi: n }, terminator);
  mergePieces(text, sa, runs, terminator, new Int32Array(mergeBufferLength(n)), new Int32Array(1));
  return sa;
}
