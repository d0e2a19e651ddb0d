/**
 * Exact and near-duplicate documents. The same report often sits in a user's folders several
 * times (a draft, the final version, a copy sent back with a changed date); indexed twice it
 * would count as two documents agreeing on every phrase. Each document gets a fingerprint — a
 * deterministic sample of the hashes of its 8-character shingles — and a document whose sample
 * is at least 90% contained in a longer one's is a duplicate of it.
 */

const SHINGLE = 8;
/** Keep one shingle hash in 8: same hashes are kept in every document, so samples compare. */
const SAMPLE_MASK = 7;
/** Hashes found in more documents than this are boilerplate (主送机关, 落款) and do not nominate candidates. */
const MAX_POSTING = 64;
export const NEAR_DUPLICATE_CONTAINMENT = 0.9;

/** Letters only: punctuation, spaces and digits differ between copies of one report. */
function normalized(text: string): string {
  return text.replace(/[\s\u3000\p{P}\p{S}0-9０-９]+/gu, '');
}

/** Sorted, unique sampled shingle hashes of a text. */
export function fingerprint(text: string): Uint32Array {
  const s = normalized(text);
  const out: number[] = [];
  if (s.length < SHINGLE) {
    if (s.length > 0) out.push(hashRange(s, 0, s.length));
    return Uint32Array.from(out);
  }
  for (let i = 0; i + SHINGLE <= s.length; i++) {
    const h = hashRange(s, i, i + SHINGLE);
    if ((h & SAMPLE_MASK) === 0) out.push(h);
  }
  // A short document may sample nothing; then its whole text is its fingerprint.
  if (out.length === 0) out.push(hashRange(s, 0, s.length));
  const sorted = Uint32Array.from(out).sort();
  let n = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[n++] = sorted[i]!;
  return sorted.slice(0, n);
}

function hashRange(s: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h >>> 0;
}

function intersectionSize(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    if (a[i]! < b[j]!) i++;
    else if (a[i]! > b[j]!) j++;
    else {
      n++;
      i++;
      j++;
    }
  }
  return n;
}

/** Share of the smaller fingerprint found in the larger one (1 for identical texts). */
export function containment(a: Uint32Array, b: Uint32Array): number {
  const small = Math.min(a.length, b.length);
  return small === 0 ? 0 : intersectionSize(a, b) / small;
}

/**
 * Lists of documents by sampled hash, in the order added: an open-addressing table of hashes,
 * each list a run of an arena that moves to a run twice as long when full (a Map of arrays,
 * keyed by numbers beyond the small-integer range, cost over a second for 10M characters).
 */
class Postings {
  private readonly keys: Uint32Array;
  /** List of each slot, plus one (0: empty slot). */
  private readonly listOf: Int32Array;
  private readonly mask: number;
  private lists = 0;
  readonly start: Int32Array;
  readonly length: Int32Array;
  private readonly room: Int32Array;
  arena: Int32Array;
  private top = 0;

  /** `capacity`: the most hashes there will be. */
  constructor(capacity: number) {
    let size = 1024;
    while (size < capacity * 1.5) size *= 2;
    this.keys = new Uint32Array(size);
    this.listOf = new Int32Array(size);
    this.mask = size - 1;
    this.start = new Int32Array(capacity + 1);
    this.length = new Int32Array(capacity + 1);
    this.room = new Int32Array(capacity + 1);
    this.arena = new Int32Array(2 * capacity + 16);
  }

  private slot(h: number): number {
    let i = Math.imul(h, 0x9e3779b1) >>> 0;
    for (i &= this.mask; this.listOf[i] !== 0 && this.keys[i] !== h; i = (i + 1) & this.mask);
    return i;
  }

  /** The list of hash `h` (-1 if none). */
  find(h: number): number {
    return this.listOf[this.slot(h)]! - 1;
  }

  /** The list of hash `h`, made if need be. */
  make(h: number): number {
    const i = this.slot(h);
    if (this.listOf[i] === 0) {
      this.keys[i] = h;
      this.listOf[i] = ++this.lists;
    }
    return this.listOf[i]! - 1;
  }

  push(list: number, doc: number): void {
    const len = this.length[list]!;
    if (len === this.room[list]) {
      const room = len === 0 ? 2 : len * 2;
      if (this.top + room > this.arena.length) {
        const bigger = new Int32Array(2 * (this.top + room));
        bigger.set(this.arena.subarray(0, this.top));
        this.arena = bigger;
      }
      this.arena.copyWithin(this.top, this.start[list]!, this.start[list]! + len);
      this.start[list] = this.top;
      this.room[list] = room;
      this.top += room;
    }
    this.arena[this.start[list]! + len] = doc;
    this.length[list] = len + 1;
  }
}

/**
 * For each document, the index of the document it duplicates, or -1 if it is kept. Longer
 * documents are kept; among equal ones, the first.
 */
export function findDuplicates(fingerprints: Uint32Array[], lengths: number[]): Int32Array {
  const n = fingerprints.length;
  const dupOf = new Int32Array(n).fill(-1);
  const order = [...fingerprints.keys()].sort((a, b) => lengths[b]! - lengths[a]! || a - b);
  const postings = new Postings(fingerprints.reduce((m, fp) => m + fp.length, 0));
  // Votes per document in a typed array (with the list of those touched, to reset): a Map here
  // cost seconds on a corpus of thousands of similar reports.
  const votes = new Int32Array(n);
  const touched: number[] = [];
  for (const doc of order) {
    const fp = fingerprints[doc]!;
    for (const t of touched) votes[t] = 0;
    touched.length = 0;
    for (const h of fp) {
      const list = postings.find(h);
      if (list < 0 || postings.length[list]! > MAX_POSTING) continue;
      const { arena } = postings;
      for (let e = postings.start[list]!, end = e + postings.length[list]!; e < end; e++) {
        const other = arena[e]!;
        if (votes[other]!++ === 0) touched.push(other);
      }
    }
    let best = -1;
    let bestScore = 0;
    for (const other of touched) {
      const v = votes[other]!;
      if (v < NEAR_DUPLICATE_CONTAINMENT * fp.length * 0.5) continue;
      const c = containment(fp, fingerprints[other]!);
      if (c >= NEAR_DUPLICATE_CONTAINMENT && c > bestScore) {
        best = other;
        bestScore = c;
      }
    }
    if (best >= 0) {
      dupOf[doc] = best;
      continue;
    }
    for (const h of fp) {
      const list = postings.make(h);
      if (postings.length[list]! <= MAX_POSTING) postings.push(list, doc);
    }
  }
  return dupOf;
}
