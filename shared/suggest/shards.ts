/**
 * A suffix array built in two halves and merged, so that both cores of the machine build it.
 *
 * The text is split at a document's end; each half is sorted on its own (suffixArray with the
 * document terminator, so no comparison looks past a document's end), then the halves are
 * merged. Comparing two suffixes stops at the first difference or at a document's end at the
 * latest; suffixes identical up to their documents' ends are ordered by position, as the
 * single-core build orders them. So the merged array is exactly the single-core one, and the
 * merge itself can be cut in two at a co-rank (the "merge path") and run on both cores.
 *
 * Pure: the workers and the shared memory live in electron/services/suggest/.
 */
import { suffixArray } from './sais';

/**
 * Where to cut the text into two halves: the start of the first document at or after its middle
 * (so the right half is the smaller, and the merge's copy of it fits in half the entries), or 0
 * when no document starts there but the first (one document: no split).
 */
export function splitPoint(docStarts: ArrayLike<number>): number {
  const n = docStarts[docStarts.length - 1]!;
  for (let i = 0; i < docStarts.length - 1; i++) {
    const s = docStarts[i]!;
    if (2 * s >= n) return s < n ? s : 0;
  }
  return 0;
}

/** Entries of temp (Int32) the sharded build's merge is given: half the text and a margin. */
export function tempCapacity(n: number): number {
  return (n >>> 1) + (n >>> 6) + 16;
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
 * The in-place merge of the two halves' suffix arrays, cut at output position `m` so that two
 * threads can run it: the first `m` entries are merged front to back from the left half's first
 * `p` (copied to `temp`) and the right half's first m − p (moved to sa[p, m)); the others back to
 * front from the left half's rest (moved to sa[m, m + s − p)) and the right half's rest (copied to
 * `temp` after the first part). Only `temp` is extra memory (about half the entries).
 */
export interface MergePlan {
  /** Length of the text, and where its right half starts. */
  n: number;
  s: number;
  /** The output position where the two merges meet, and how many of the first m come from the left half. */
  m: number;
  p: number;
}

/** Entries of `temp` a plan needs. */
export function tempLength(plan: MergePlan): number {
  return plan.p + (plan.n - plan.s - (plan.m - plan.p));
}

/** Plans the merge of sa[0, s) and sa[s, n) (each sorted) at the middle of the output. */
export function planMerge(text: ArrayLike<number>, sa: Int32Array, s: number, terminator: number): MergePlan {
  const n = sa.length;
  if (text.length !== n || n === 0 || text[n - 1] !== terminator) throw new Error('planMerge: the text must end with the terminator');
  const m = n >>> 1;
  const p = coRank(text, sa.subarray(0, s), sa.subarray(s, n), m, terminator);
  return { n, s, m, p };
}

/** Moves the runs where the plan wants them (copies to temp, then a rotation of the middle). */
export function arrangeMerge(sa: Int32Array, temp: Int32Array, plan: MergePlan): void {
  const { n, s, m, p } = plan;
  if (temp.length < tempLength(plan)) throw new Error('arrangeMerge: temp too short');
  temp.set(sa.subarray(0, p), 0);
  temp.set(sa.subarray(s + (m - p), n), p);
  // sa[p, s) (left rest) and sa[s, s + m − p) (right front) swap places: a rotation by reversals.
  const reverse = (from: number, to: number) => {
    for (let i = from, j = to - 1; i < j; i++, j--) {
      const t = sa[i]!;
      sa[i] = sa[j]!;
      sa[j] = t;
    }
  };
  reverse(p, s);
  reverse(s, s + (m - p));
  reverse(p, s + (m - p));
}

/** The first half of the arranged merge: sa[0, m). */
export function mergeFront(text: ArrayLike<number>, sa: Int32Array, temp: Int32Array, plan: MergePlan, terminator: number): void {
  const { m, p } = plan;
  let i = 0;
  let j = p;
  let w = 0;
  while (i < p && j < m) {
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
  while (i < p) sa[w++] = temp[i++]!;
  // The right run's rest is already in place.
}

/** The second half of the arranged merge: sa[m, n), back to front. */
export function mergeBack(text: ArrayLike<number>, sa: Int32Array, temp: Int32Array, plan: MergePlan, terminator: number): void {
  const { n, s, m, p } = plan;
  const leftEnd = m + (s - p);
  const rightFrom = p;
  let i = leftEnd - 1;
  let j = p + (n - s - (m - p)) - 1;
  let w = n - 1;
  while (i >= m && j >= rightFrom) {
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
  while (j >= rightFrom) sa[w--] = temp[j--]!;
  // The left run's rest is already in place.
}

/**
 * Sorts text[from, to) (a run of whole documents) into sa[from, to), as positions in the whole
 * text. `scratch` (the same length as the text) holds the renumbered run meanwhile.
 */
export function sortShard(text: Uint16Array, sa: Int32Array, from: number, to: number, terminator: number, scratch?: Uint16Array): void {
  const out = sa.subarray(from, to);
  suffixArray(text.subarray(from, to), { terminator, into: out, scratch: scratch?.subarray(from, to) });
  if (from > 0) for (let i = 0; i < out.length; i++) out[i]! += from;
}

/** The whole sharded build in one thread: what the two workers do together, step by step (tests, and a check of the plan). */
export function shardedSuffixArray(text: Uint16Array, docStarts: ArrayLike<number>, terminator: number): Int32Array {
  const n = text.length;
  const sa = new Int32Array(n);
  const s = splitPoint(docStarts);
  if (n === 0 || s <= 0 || s >= n) return suffixArray(text, { terminator, into: sa });
  sortShard(text, sa, 0, s, terminator);
  sortShard(text, sa, s, n, terminator);
  const plan = planMerge(text, sa, s, terminator);
  const temp = new Int32Array(Math.max(tempCapacity(n), tempLength(plan)));
  arrangeMerge(sa, temp, plan);
  mergeFront(text, sa, temp, plan, terminator);
  mergeBack(text, sa, temp, plan, terminator);
  return sa;
}
