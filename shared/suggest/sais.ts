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
 * Memory: the output (4 bytes a character), a renumbered copy of the text (2 bytes), a bitset of
 * the LMS positions and the alphabet's buckets; the recursion works inside the output array.
 *
 * The text ends with a virtual sentinel smaller than every character; it is not stored.
 */

type Text = Uint16Array | Int32Array;

export interface SuffixArrayOptions {
  /**
   * A character that ends a document (the index's DOC_END): each occurrence is ranked as a
   * character of its own, below every other character and ordered by position, so that no
   * comparison of suffixes looks past a document's end. Two suffixes identical up to their
   * documents' ends are then ordered by position, which is what lets halves of a text be sorted
   * apart and merged into exactly the order of the whole (see mergeSuffixArrays).
   */
  terminator?: number;
  /** Where to write the result (length text.length); a new array if absent. */
  into?: Int32Array;
  /** Reused for the renumbered text when it fits (length ≥ text.length). */
  scratch?: Uint16Array;
}

/** The suffix array of `text` (code units, compared as unsigned numbers). */
export function suffixArray(text: ArrayLike<number>, opts: SuffixArrayOptions = {}): Int32Array {
  const alphabetSize = 65536;
  const n = text.length;
  const sa = opts.into ?? new Int32Array(n);
  if (sa.length !== n) throw new Error('suffixArray: output of the wrong length');
  if (n === 0) return sa;
  if (n === 1) {
    sa[0] = 0;
    return sa;
  }
  const used = new Uint8Array(alphabetSize);
  for (let i = 0; i < n; i++) used[text[i]!] = 1;
  const term = opts.terminator;
  let terminators = 0;
  if (term !== undefined && used[term]) {
    used[term] = 0;
    for (let i = 0; i < n; i++) if (text[i] === term) terminators++;
  }
  const rank = new Int32Array(alphabetSize);
  let k = terminators;
  for (let c = 0; c < alphabetSize; c++) if (used[c]) rank[c] = k++;
  const small = k <= 0x8000;
  const T: Text = small ? (opts.scratch && opts.scratch.length >= n ? opts.scratch.subarray(0, n) : new Uint16Array(n)) : new Int32Array(n);
  if (terminators > 0) {
    let next = 0;
    for (let i = 0; i < n; i++) {
      const c = text[i]!;
      T[i] = c === term ? next++ : rank[c]!;
    }
  } else for (let i = 0; i < n; i++) T[i] = rank[text[i]!]!;
  sais(T, sa, n, k, small ? 0x8000 : 0x40000000);
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

function buckets(counts: Int32Array, bkt: Int32Array, k: number, ends: boolean): void {
  let sum = 0;
  for (let i = 0; i < k; i++) {
    const c = counts[i]!;
    sum += c;
    bkt[i] = ends ? sum : sum - c;
  }
}

function sais(T: Text, SA: Int32Array, n: number, K: number, S: number): void {
  const M = S - 1;
  classify(T, n, S);
  const counts = new Int32Array(K);
  for (let i = 0; i < n; i++) counts[T[i]! & M]!++;
  const bkt = new Int32Array(K);
  // LMS positions as a bitset: an eighth of a byte a character stays in cache, where testing
  // the types of T[i] and T[i-1] at random positions would not.
  const lms = new Uint8Array((n >> 3) + 1);
  const isLMS = (i: number) => (lms[i >> 3]! & (1 << (i & 7))) !== 0;

  // Stage 1: sort the LMS substrings by induction from the LMS positions at their bucket ends.
  SA.fill(-1);
  buckets(counts, bkt, K, true);
  for (let i = 1; i < n; i++) {
    if ((T[i]! & S) !== 0 && (T[i - 1]! & S) === 0) {
      lms[i >> 3]! |= 1 << (i & 7);
      SA[--bkt[T[i]! & M]!] = i;
    }
  }
  induce(T, SA, n, K, S, counts, bkt);

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
  if (name < n1) sais(s1, sa1, n1, name, 0x40000000);
  else for (let i = 0; i < n1; i++) sa1[s1[i]!] = i;

  // Stage 3: induce the full order from the sorted LMS suffixes.
  for (let i = 1, j = 0; i < n; i++) if (isLMS(i)) s1[j++] = i;
  for (let i = 0; i < n1; i++) sa1[i] = s1[sa1[i]!]!;
  SA.fill(-1, n1, n);
  buckets(counts, bkt, K, true);
  for (let i = n1 - 1; i >= 0; i--) {
    const j = SA[i]!;
    SA[i] = -1;
    SA[--bkt[T[j]! & M]!] = j;
  }
  induce(T, SA, n, K, S, counts, bkt);
}

/** Induces L-type suffixes left to right, then S-type suffixes right to left. */
function induce(T: Text, SA: Int32Array, n: number, K: number, S: number, counts: Int32Array, bkt: Int32Array): void {
  const M = S - 1;
  buckets(counts, bkt, K, false);
  // The suffix before the sentinel is L-type and comes first in its bucket.
  SA[bkt[T[n - 1]! & M]!++] = n - 1;
  for (let i = 0; i < n; i++) {
    const j = SA[i]! - 1;
    if (j >= 0) {
      const c = T[j]!;
      if ((c & S) === 0) SA[bkt[c]!++] = j;
    }
  }
  buckets(counts, bkt, K, true);
  for (let i = n - 1; i >= 0; i--) {
    const j = SA[i]! - 1;
    if (j >= 0) {
      const c = T[j]!;
      if ((c & S) !== 0) SA[--bkt[c & M]!] = j;
    }
  }
}
