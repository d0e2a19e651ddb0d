/**
 * Suffix array construction by induced sorting (SA-IS: Nong, Zhang & Chan, "Two Efficient
 * Algorithms for Linear Time Suffix Array Construction", 2009). Linear time.
 *
 * Written here because no maintained npm package builds a suffix array over a Uint16Array in
 * linear time (mnemonist's SuffixArray sorts JavaScript strings by comparison: O(n log n)
 * comparisons of unbounded length and gigabytes at 10M characters).
 *
 * Speed: the characters are renumbered densely (a Chinese text uses a few thousand code units,
 * so the bucket arrays stay in cache) and each character carries its L/S type in its top bit,
 * so the induction passes touch one array where the textbook version touches two.
 * Memory: the output (4 bytes a character), the renumbered text (a copy, 2 bytes a character, or
 * the text itself renumbered in place and given back after), a bitset of the LMS positions and
 * the alphabet's buckets; the recursion works inside the output array.
 *
 * The text ends with a virtual sentinel smaller than every character; it is not stored.
 */

type Text = Uint16Array | Int32Array;

/** The type bit of a renumbered character when the alphabet fits in 15 bits (Uint16Array). */
const SMALL_S = 0x8000;

export interface SuffixArrayOptions {
  /**
   * A character that ends a document (the index's DOC_END): each occurrence is ranked as a
   * character of its own, below every other character and ordered by position, so that no
   * comparison of suffixes looks past a document's end. Two suffixes identical up to their
   * documents' ends are then ordered by position, which is what lets halves of a text be sorted
   * apart and merged into exactly the order of the whole (see shards.ts).
   */
  terminator?: number;
  /** Where to write the result (length text.length); a new array if absent. */
  into?: Int32Array;
}

/**
 * The dense numbering of a text's characters: the terminators first (one number each, in
 * text order), then every other character used, in code-unit order.
 */
export interface Renumbering {
  /** How many numbers are used (the alphabet of the renumbered text). */
  size: number;
  terminator: number | undefined;
  terminators: number;
  /** The number of each code unit (terminators excepted). */
  rank: Int32Array;
  /** The code unit of number terminators + i. */
  chars: Uint16Array;
}

function renumberingOf(text: ArrayLike<number>, terminator?: number): Renumbering {
  const n = text.length;
  const used = new Uint8Array(65536);
  for (let i = 0; i < n; i++) used[text[i]!] = 1;
  let terminators = 0;
  if (terminator !== undefined && used[terminator]) {
    used[terminator] = 0;
    for (let i = 0; i < n; i++) if (text[i] === terminator) terminators++;
  }
  const rank = new Int32Array(65536);
  const chars: number[] = [];
  for (let c = 0; c < 65536; c++) {
    if (!used[c]) continue;
    rank[c] = terminators + chars.length;
    chars.push(c);
  }
  return { size: terminators + chars.length, terminator, terminators, rank, chars: Uint16Array.from(chars) };
}

/** Writes the numbers of `text`'s characters into `T` (which may be `text` itself). */
function renumber(text: ArrayLike<number>, T: Text, num: Renumbering): void {
  const { rank, terminator } = num;
  let next = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    T[i] = c === terminator ? next++ : rank[c]!;
  }
}

/**
 * Renumbers `text` in place (so that sorting needs no copy of it: 2 bytes a character saved),
 * or returns null, leaving it untouched, when the numbers would not fit in 15 bits. Sort it
 * with sortNumbered (any parts of it, on any threads), then give it back with restoreText.
 */
export function renumberInPlace(text: Uint16Array, terminator?: number): Renumbering | null {
  const num = renumberingOf(text, terminator);
  if (num.size > SMALL_S) return null;
  renumber(text, text, num);
  return num;
}

/** The text renumberInPlace numbered (whatever sorting left in its type bits), as it was. */
export function restoreText(text: Uint16Array, num: Renumbering): void {
  const { chars, terminators } = num;
  const term = num.terminator ?? 0;
  for (let i = 0; i < text.length; i++) {
    const v = text[i]! & (SMALL_S - 1);
    text[i] = v < terminators ? term : chars[v - terminators]!;
  }
}

/** Sorts a renumbered text (or a run of whole documents of one) into `sa` (positions in `T`). */
export function sortNumbered(T: Uint16Array, sa: Int32Array, alphabetSize: number): void {
  const n = T.length;
  if (sa.length !== n) throw new Error('suffixArray: output of the wrong length');
  if (n === 0) return;
  if (n === 1) {
    sa[0] = 0;
    return;
  }
  sais(T, sa, n, alphabetSize, SMALL_S);
}

/** The suffix array of `text` (code units, compared as unsigned numbers); `text` is not touched. */
export function suffixArray(text: ArrayLike<number>, opts: SuffixArrayOptions = {}): Int32Array {
  const n = text.length;
  const sa = opts.into ?? new Int32Array(n);
  if (sa.length !== n) throw new Error('suffixArray: output of the wrong length');
  const num = renumberingOf(text, opts.terminator);
  if (num.size <= SMALL_S) {
    const T = new Uint16Array(n);
    renumber(text, T, num);
    sortNumbered(T, sa, num.size);
  } else if (n > 0) {
    const T = new Int32Array(n);
    renumber(text, T, num);
    sais(T, sa, n, num.size, 0x40000000);
  }
  return sa;
}

/**
 * suffixArray for a text this thread owns, sorted in place (renumbered, then given back): 2
 * bytes a character less. Nothing else may read the text meanwhile.
 */
export function suffixArrayInPlace(text: Uint16Array, opts: SuffixArrayOptions = {}): Int32Array {
  const num = renumberInPlace(text, opts.terminator);
  if (!num) return suffixArray(text, opts);
  const sa = opts.into ?? new Int32Array(text.length);
  try {
    sortNumbered(text, sa, num.size);
  } finally {
    restoreText(text, num);
  }
  return sa;
}

/** Marks S-type characters with `S` (the character's top bit). The last character is L-type. */
function classify(T: Text, n: number, S: number): void {
  for (let i = n - 2; i >= 0; i--) {
    const a = T[i]!;
    const b = T[i + 1]! & (S - 1);
    if (a < b || (a === b && (T[i + 1]! & S) !== 0)) T[i] = a | S;
  }
}

/** Alphabets up to this size keep their characters' counts; larger ones (the recursion's names) count again each time. */
const KEPT_COUNTS = 1 << 16;

/**
 * The bucket of each character: where its next suffix goes (from the bucket's start or end).
 * In the recursion the alphabet is the LMS substrings' names, up to a third of the text: there
 * the counts are not kept (T is counted again, a fast pass) and the bucket array lives in the
 * caller's free part of SA when it fits, so the recursion takes no memory of its own.
 */
class Buckets {
  readonly at: Int32Array;
  private readonly counts: Int32Array | null;

  constructor(
    private readonly T: Text,
    private readonly n: number,
    private readonly K: number,
    private readonly M: number,
    workspace: Int32Array | undefined,
  ) {
    this.at = workspace && workspace.length >= K ? workspace.subarray(0, K) : new Int32Array(K);
    this.counts = K <= KEPT_COUNTS ? this.count(new Int32Array(K)) : null;
  }

  private count(into: Int32Array): Int32Array {
    into.fill(0);
    for (let i = 0; i < this.n; i++) into[this.T[i]! & this.M]!++;
    return into;
  }

  /** Each bucket's start, or with `ends` its end. */
  set(ends: boolean): void {
    const counts = this.counts ?? this.count(this.at);
    let sum = 0;
    for (let i = 0; i < this.K; i++) {
      const c = counts[i]!;
      sum += c;
      this.at[i] = ends ? sum : sum - c;
    }
  }
}

/** `workspace`: memory free during this call (part of the caller's SA) for the buckets. */
function sais(T: Text, SA: Int32Array, n: number, K: number, S: number, workspace?: Int32Array): void {
  const M = S - 1;
  classify(T, n, S);
  const buckets = new Buckets(T, n, K, M, workspace);
  const bkt = buckets.at;
  // LMS positions as a bitset: an eighth of a byte a character stays in cache, where testing
  // the types of T[i] and T[i-1] at random positions would not.
  const lms = new Uint8Array((n >> 3) + 1);
  const isLMS = (i: number) => (lms[i >> 3]! & (1 << (i & 7))) !== 0;

  // Stage 1: sort the LMS substrings by induction from the LMS positions at their bucket ends.
  SA.fill(-1);
  buckets.set(true);
  for (let i = 1; i < n; i++) {
    if ((T[i]! & S) !== 0 && (T[i - 1]! & S) === 0) {
      lms[i >> 3]! |= 1 << (i & 7);
      SA[--bkt[T[i]! & M]!] = i;
    }
  }
  induce(T, SA, n, S, buckets);

  // Compact the sorted LMS positions into SA[0, n1).
  let n1 = 0;
  for (let i = 0; i < n; i++) {
    const p = SA[i]!;
    if (p > 0 && isLMS(p)) SA[n1++] = p;
  }
  // Name the LMS substrings: equal substrings (characters and types) get equal names.
  SA.fill(-1, n1, n);
  let name = 0;
  let prev = -1;
  for (let i = 0; i < n1; i++) {
    const pos = SA[i]!;
    let diff = true;
    if (prev >= 0) {
      for (let d = 0; ; d++) {
        if (pos + d === n || prev + d === n || T[pos + d] !== T[prev + d]) break;
        if (d > 0) {
          const pl = isLMS(pos + d);
          const ql = isLMS(prev + d);
          if (pl || ql) {
            diff = !(pl && ql);
            break;
          }
        }
      }
    }
    if (diff) {
      name++;
      prev = pos;
    }
    SA[n1 + (pos >> 1)] = name - 1;
  }
  // The reduced string s1 (names in text order) goes to the end of SA.
  for (let i = n - 1, j = n - 1; i >= n1; i--) if (SA[i]! >= 0) SA[j--] = SA[i]!;

  // Stage 2: sort the reduced problem (recursively unless every name is unique).
  const s1 = SA.subarray(n - n1, n);
  const sa1 = SA.subarray(0, n1);
  // SA between sa1 and s1 is free meanwhile: the recursion's buckets go there.
  if (name < n1) sais(s1, sa1, n1, name, 0x40000000, SA.subarray(n1, n - n1));
  else for (let i = 0; i < n1; i++) sa1[s1[i]!] = i;

  // Stage 3: induce the full order from the sorted LMS suffixes.
  for (let i = 1, j = 0; i < n; i++) if (isLMS(i)) s1[j++] = i;
  for (let i = 0; i < n1; i++) sa1[i] = s1[sa1[i]!]!;
  SA.fill(-1, n1, n);
  buckets.set(true);
  for (let i = n1 - 1; i >= 0; i--) {
    const j = SA[i]!;
    SA[i] = -1;
    SA[--bkt[T[j]! & M]!] = j;
  }
  induce(T, SA, n, S, buckets);
}

/** Induces L-type suffixes left to right, then S-type suffixes right to left. */
function induce(T: Text, SA: Int32Array, n: number, S: number, buckets: Buckets): void {
  const M = S - 1;
  const bkt = buckets.at;
  buckets.set(false);
  // The suffix before the sentinel is L-type and comes first in its bucket.
  SA[bkt[T[n - 1]! & M]!++] = n - 1;
  for (let i = 0; i < n; i++) {
    const j = SA[i]! - 1;
    if (j >= 0) {
      const c = T[j]!;
      if ((c & S) === 0) SA[bkt[c]!++] = j;
    }
  }
  buckets.set(true);
  for (let i = n - 1; i >= 0; i--) {
    const j = SA[i]! - 1;
    if (j >= 0) {
      const c = T[j]!;
      if ((c & S) !== 0) SA[--bkt[c & M]!] = j;
    }
  }
}
