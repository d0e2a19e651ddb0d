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
 * For each document, the index of the document it duplicates, or -1 if it is kept. Longer
 * documents are kept; among equal ones, the first.
 */
export function findDuplicates(fingerprints: Uint32Array[], lengths: number[]): Int32Array {
  const n = fingerprints.length;
  const dupOf = new Int32Array(n).fill(-1);
  const order = [...fingerprints.keys()].sort((a, b) => lengths[b]! - lengths[a]! || a - b);
  const postings = new Map<number, number[]>();
  // Votes per document in a typed array (with the list of those touched, to reset): a Map here
  // cost seconds on a corpus of thousands of similar reports.
  const votes = new Int32Array(n);
  const touched: number[] = [];
  for (const doc of order) {
    const fp = fingerprints[doc]!;
    for (const t of touched) votes[t] = 0;
    touched.length = 0;
    for (const h of fp) {
      const list = postings.get(h);
      if (!list || list.length > MAX_POSTING) continue;
      for (const other of list) if (votes[other]!++ === 0) touched.push(other);
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
      let list = postings.get(h);
      if (!list) postings.set(h, (list = []));
      if (list.length <= MAX_POSTING) list.push(doc);
    }
  }
  return dupOf;
}
