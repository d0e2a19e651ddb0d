/**
 * Phrase suggestions: given the text before the caret, what the user is likely to type next.
 *
 * 1. Context: the longest suffix of the paragraph before the caret (2–12 characters) that
 *    occurs in a source; when nothing it offers is likely right, a shorter one (backing off).
 * 2. Continuations: the suffixes that start with the context form a contiguous range of the
 *    suffix array, sorted by what follows, so the range is a trie of continuations. It is
 *    expanded best-first (heaviest branch first) up to a clause end (，。；：！？ or the
 *    paragraph's end; 、 goes on through an enumeration) with balanced “”‘’《》（）【】.
 * 3. Evidence: each document has one vote for the context, shared among its continuations; the
 *    phrasebook and the open document vote with more weight. A continuation's confidence is its
 *    share of the votes (every occurrence that starts with it, so the user would accept it),
 *    shrunk towards zero when there is little evidence, and moved by the user's own accepts and
 *    dismissals.
 * 4. Ranking by expected keystrokes saved; near-duplicates (differing only in quotes or brackets)
 *    collapse; a prefix of a better suggestion is dropped. A ghost is shown only when its
 *    confidence says it is more likely right than wrong.
 */
import { markSlots } from '../corpus/slots';
import { DOC_END, PARA, charAt, docOf, narrowRange, patternOf, type DocKind, type PhraseIndex } from './phraseIndex';

export const MIN_CONTEXT = 2;
export const MAX_CONTEXT = 12;
export const MAX_CONTINUATION = 40;
/** Votes of one document of each kind (each paragraph of the open document votes on its own). */
export const DOC_WEIGHT: Record<DocKind, number> = { corpus: 1, phrasebook: 2, current: 1 };
/** Evidence shrinkage: a continuation seen in one ordinary document is not yet "likely". */
export const SHRINK = 1.5;
/** Longer continuations need more evidence: the shrinkage grows by this share per character. */
export const SHRINK_PER_CHAR = 0.1;
/** A ghost needs at least this confidence. */
export const GHOST_CONFIDENCE = 0.5;
/** Contexts with more occurrences than this are weighed by occurrence, not per document. */
const EXACT_WEIGHT_LIMIT = 512;

const CLAUSE_END = new Set([...'，。；：！？,;:!?'].map((c) => c.charCodeAt(0)));
const OPENERS = '“‘《（【(「『〈';
const CLOSERS = '”’》）】)」』〉';
const OPEN_OF = new Map<number, number>([...CLOSERS].map((c, i) => [c.charCodeAt(0), OPENERS.charCodeAt(i)]));
const IS_OPEN = new Set([...OPENERS].map((c) => c.charCodeAt(0)));

export interface SuggestQuery {
  /** The paragraph's text before the caret (only its end matters). */
  before: string;
  /** 'ghost': only what is likely right (cheap); 'list': the best alternatives whatever their confidence. */
  mode: 'ghost' | 'list';
  /** How many suggestions at most (default 5). */
  k?: number;
}

export interface Suggestion {
  /** The continuation only (placeholders as SLOT). */
  text: string;
  /** Estimated probability that the user goes on with exactly this text. */
  confidence: number;
  /** Distinct documents it comes from. */
  documents: number;
  /** One of them: a file name, 提法库·category or 当前文档. */
  source: string;
  sourceKind: DocKind;
}

export interface SuggestResult {
  /** The context that matched (placeholders as SLOT). */
  context: string;
  suggestions: Suggestion[];
  /** The suggestion to show as ghost text, if any is likely right. */
  ghost: Suggestion | null;
}

export interface FeedbackCounts {
  accepted: number;
  dismissed: number;
}

/** The user's accepts and dismissals, by suggestion key. */
export type FeedbackLookup = (key: string) => FeedbackCounts | undefined;

/** Identity of a suggestion for feedback and near-duplicate collapse: no quotes, brackets or spaces. */
export function suggestionKey(text: string): string {
  return text.replace(/[“”‘’"'《》〈〉（）()【】[\]「」『』\s\u3000]/g, '');
}

interface Context {
  codes: Uint16Array;
  /** Unclosed openers in the paragraph before the caret, innermost last. */
  open: number[];
}

function prepareContext(q: SuggestQuery): Context | null {
  const nl = q.before.lastIndexOf('\n');
  const para = markSlots(nl >= 0 ? q.before.slice(nl + 1) : q.before);
  const open: number[] = [];
  for (let i = 0; i < para.length; i++) {
    const c = para.charCodeAt(i);
    if (IS_OPEN.has(c)) open.push(c);
    else if (OPEN_OF.has(c) && open[open.length - 1] === OPEN_OF.get(c)) open.pop();
  }
  const tail = para.slice(-MAX_CONTEXT);
  if (tail.trim().length < MIN_CONTEXT) return null;
  return { codes: patternOf(tail), open };
}

interface Match {
  index: PhraseIndex;
  lo: number;
  hi: number;
  /** Context length in code units. */
  length: number;
}

/**
 * The suffix-array ranges of the context's suffixes in one index, each searched once per query
 * (on a large index every search costs cache misses).
 */
class ContextRanges {
  private readonly memo = new Map<number, [number, number]>();
  constructor(
    readonly index: PhraseIndex,
    readonly codes: Uint16Array,
  ) {}

  private at(len: number): [number, number] {
    let r = this.memo.get(len);
    if (!r) this.memo.set(len, (r = narrowRange(this.index, 0, this.index.sa.length, 0, this.codes.subarray(this.codes.length - len))));
    return r;
  }

  /** The longest suffix, at most `maxLength` long, that occurs (a binary search: a suffix of one that occurs occurs too). */
  longest(maxLength: number): Match | null {
    let lo = MIN_CONTEXT;
    let hi = Math.min(this.codes.length, maxLength);
    if (hi < lo) return null;
    const found = (len: number) => {
      const [a, b] = this.at(len);
      return b > a;
    };
    if (!found(lo)) return null;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (found(mid)) lo = mid;
      else hi = mid - 1;
    }
    const [a, b] = this.at(lo);
    return { index: this.index, lo: a, hi: b, length: lo };
  }
}

/** Votes per suffix-array position of a context range, as prefix sums. */
class Votes {
  readonly pre: Float64Array | null;
  readonly total: number;
  constructor(readonly m: Match) {
    const size = m.hi - m.lo;
    if (size > EXACT_WEIGHT_LIMIT) {
      this.pre = null;
      this.total = size;
      return;
    }
    const docs = new Int32Array(size);
    const occ = new Map<number, number>();
    for (let i = 0; i < size; i++) {
      const d = docOf(m.index, m.index.sa[m.lo + i]!);
      docs[i] = d;
      occ.set(d, (occ.get(d) ?? 0) + 1);
    }
    const pre = new Float64Array(size + 1);
    for (let i = 0; i < size; i++) {
      const d = docs[i]!;
      pre[i + 1] = pre[i]! + DOC_WEIGHT[m.index.docs[d]!.kind] / occ.get(d)!;
    }
    this.pre = pre;
    this.total = pre[size]!;
  }
  of(lo: number, hi: number): number {
    if (!this.pre) return hi - lo;
    return this.pre[hi - this.m.lo]! - this.pre[lo - this.m.lo]!;
  }
}

interface Node {
  lo: number;
  hi: number;
  len: number;
  /** Openers inside the continuation. */
  stack: number[];
  /** How many of the context's unclosed openers the continuation has closed. */
  closed: number;
  weight: number;
}

function isLineEnd(c: number): boolean {
  return c === PARA || c === DOC_END || c === -1;
}

/** Best-first expansion of one source's continuations up to clause ends. */
function expand(m: Match, votes: Votes, ctx: Context, minWeight: number, maxCandidates: number, budget: number): string[] {
  const { index } = m;
  const { sa } = index;
  const heap: Node[] = [{ lo: m.lo, hi: m.hi, len: 0, stack: [], closed: 0, weight: votes.total }];
  const out: string[] = [];
  const textOf = (node: Node) => {
    const p = sa[node.lo]! + m.length;
    return String.fromCharCode(...index.text.subarray(p, p + node.len));
  };
  const push = (node: Node) => {
    heap.push(node);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (heap[parent]!.weight >= heap[i]!.weight) break;
      [heap[parent], heap[i]] = [heap[i]!, heap[parent]!];
      i = parent;
    }
  };
  const pop = (): Node => {
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let best = i;
        if (l < heap.length && heap[l]!.weight > heap[best]!.weight) best = l;
        if (r < heap.length && heap[r]!.weight > heap[best]!.weight) best = r;
        if (best === i) break;
        [heap[best], heap[i]] = [heap[i]!, heap[best]!];
        i = best;
      }
    }
    return top;
  };

  /** Applies the next character to a node's bracket state; null if it cannot continue. */
  const step = (node: Node, c: number): { stack: number[]; closed: number } | null => {
    if (IS_OPEN.has(c)) return { stack: [...node.stack, c], closed: node.closed };
    const opener = OPEN_OF.get(c);
    if (opener !== undefined) {
      if (node.stack.length > 0) return node.stack[node.stack.length - 1] === opener ? { stack: node.stack.slice(0, -1), closed: node.closed } : null;
      const ctxOpen = ctx.open[ctx.open.length - 1 - node.closed];
      return ctxOpen === opener ? { stack: node.stack, closed: node.closed + 1 } : null;
    }
    return { stack: node.stack, closed: node.closed };
  };

  /**
   * Follows a branch while every occurrence goes on with the same character. Returns the node
   * where they diverge, or null when the branch ended (a clause end: then it is a candidate) or
   * cannot go on (unbalanced bracket, too long).
   */
  const follow = (start: Node): Node | null => {
    let node = start;
    for (;;) {
      const off = m.length + node.len;
      const first = charAt(index, sa[node.lo]! + off);
      if (first !== charAt(index, sa[node.hi - 1]! + off)) return node;
      if (isLineEnd(first) || (CLAUSE_END.has(first) && node.stack.length === 0)) {
        if (node.len > 0 && node.stack.length === 0) out.push(textOf(node));
        return null;
      }
      const next = node.len + 1 <= MAX_CONTINUATION ? step(node, first) : null;
      if (!next) return null;
      node = { ...node, len: node.len + 1, stack: next.stack, closed: next.closed };
    }
  };

  while (heap.length > 0 && budget-- > 0 && out.length < maxCandidates) {
    const node = follow(pop());
    if (!node) continue;
    // The occurrences diverge here: one child per next character.
    const off = m.length + node.len;
    let i = node.lo;
    let endedHere = false;
    while (i < node.hi) {
      const c = charAt(index, sa[i]! + off);
      // First index in (i, hi) with another character (they are sorted): exponential, then binary search.
      let known = i;
      let probe = i + 1;
      for (let stepSize = 1; probe < node.hi && charAt(index, sa[probe]! + off) === c; stepSize *= 2) {
        known = probe;
        probe = i + stepSize * 2;
      }
      let a = known + 1;
      let b = Math.min(probe, node.hi);
      while (a < b) {
        const mid = (a + b) >>> 1;
        if (charAt(index, sa[mid]! + off) === c) a = mid + 1;
        else b = mid;
      }
      const j = a;
      const ends = isLineEnd(c) || (CLAUSE_END.has(c) && node.stack.length === 0);
      if (ends) endedHere = true;
      else if (node.len + 1 <= MAX_CONTINUATION) {
        const next = step(node, c);
        const weight = votes.of(i, j);
        if (next && weight >= minWeight) push({ lo: i, hi: j, len: node.len + 1, stack: next.stack, closed: next.closed, weight });
      }
      i = j;
    }
    if (endedHere && node.len > 0 && node.stack.length === 0) out.push(textOf(node));
  }
  return out;
}

interface Scored {
  text: string;
  weight: number;
  confidence: number;
  /** Its suffix-array range in each source used. */
  ranges: Array<[number, number]>;
  score: number;
}

/** Distinct documents are counted among at most this many occurrences. */
const MAX_COUNTED_OCCURRENCES = 128;

const KIND_PREFERENCE: Record<DocKind, number> = { corpus: 0, phrasebook: 1, current: 2 };

/** Suggestions for the text before the caret, from one or more indexes (corpus, open document). */
export function suggest(sources: PhraseIndex[], q: SuggestQuery, feedback?: FeedbackLookup): SuggestResult {
  const ctx = prepareContext(q);
  const none: SuggestResult = { context: '', suggestions: [], ghost: null };
  if (!ctx) return none;
  // Back off to shorter contexts (more evidence, less specific) while nothing is likely right;
  // a shorter context is only tried when it occurs more often than the one that failed.
  let maxLength = ctx.codes.length;
  let result: SuggestResult | null = null;
  let occurrences = 0;
  const ranges = sources.map((s) => new ContextRanges(s, ctx.codes));
  for (let attempt = 0; attempt <= MAX_BACKOFF && maxLength >= MIN_CONTEXT; attempt++) {
    let matches: Match[] = [];
    for (; maxLength >= MIN_CONTEXT; maxLength--) {
      matches = ranges.map((r) => r.longest(maxLength)).filter((m): m is Match => m !== null);
      const best = Math.max(0, ...matches.map((m) => m.length));
      matches = matches.filter((m) => m.length === best);
      const occ = matches.reduce((n, m) => n + m.hi - m.lo, 0);
      if (matches.length === 0 || occ > occurrences) {
        occurrences = occ;
        break;
      }
      maxLength = best;
    }
    if (matches.length === 0) break;
    const r = suggestAt(matches, ctx, q, feedback);
    if (q.mode === 'ghost') {
      if (r.ghost) return r;
      result ??= r;
    } else {
      // The list goes on with what shorter contexts add, until it has k entries.
      result = result ? mergeLists(result, r, q.k ?? 5) : r;
      if (result.suggestions.length >= (q.k ?? 5)) return result;
    }
    maxLength = matches[0]!.length - 1;
  }
  return result ?? none;
}

function mergeLists(a: SuggestResult, b: SuggestResult, k: number): SuggestResult {
  const out = [...a.suggestions];
  for (const s of b.suggestions) {
    const same = out.findIndex((x) => suggestionKey(x.text) === suggestionKey(s.text));
    if (same >= 0) out[same] = { ...out[same]!, documents: Math.max(out[same]!.documents, s.documents) };
    else if (!out.some((x) => x.text.startsWith(s.text)) && out.length < k) out.push(s);
  }
  return { ...a, suggestions: out, ghost: a.ghost ?? b.ghost };
}

/** How many times a ghost query may fall back to a shorter context. */
const MAX_BACKOFF = 3;

/**
 * Whether some next character could hold `share` of a context's occurrences. The characters
 * are sorted over the range, so such a branch is a block covering that share of it: among
 * evenly spaced samples it shows at two neighbours. Sampling costs a few memory reads where
 * enumerating the branches of a wide context (thousands at 50M characters) costs thousands.
 */
function mayHaveBranchOf(m: Match, share: number): boolean {
  const size = m.hi - m.lo;
  const samples = Math.ceil(2 / share) + 1;
  if (size <= samples * 4) return true;
  let prev = -2;
  for (let k = 0; k < samples; k++) {
    const i = m.lo + Math.floor((k * (size - 1)) / (samples - 1));
    const c = charAt(m.index, m.index.sa[i]! + m.length);
    if (c === prev) return true;
    prev = c;
  }
  return false;
}

/** Below this share for the most frequent next character, no ghost can be likely right: skip the work. */
const HOPELESS_BRANCH_SHARE = 0.15;

function suggestAt(used: Match[], ctx: Context, q: SuggestQuery, feedback?: FeedbackLookup): SuggestResult {
  const k = q.k ?? 5;
  const best = used[0]!.length;
  if (q.mode === 'ghost' && used.every((m) => !mayHaveBranchOf(m, HOPELESS_BRANCH_SHARE))) {
    return { context: '', suggestions: [], ghost: null };
  }
  const votes = used.map((m) => new Votes(m));
  const total = votes.reduce((s, v) => s + v.total, 0) + SHRINK;
  const ghostOnly = q.mode === 'ghost';
  const minWeight = ghostOnly ? total * GHOST_CONFIDENCE * 0.4 : 0;

  const texts = new Set<string>();
  used.forEach((m, i) => {
    for (const t of expand(m, votes[i]!, ctx, minWeight, ghostOnly ? 8 : 4 * k + 8, ghostOnly ? 120 : 600)) texts.add(t);
  });
  // Weigh every candidate in every source: its votes are all occurrences that start with it.
  const byKey = new Map<string, Scored>();
  for (const text of texts) {
    let weight = 0;
    const ranges: Array<[number, number]> = [];
    used.forEach((m, i) => {
      const range = narrowRange(m.index, m.lo, m.hi, m.length, patternOf(text));
      ranges.push(range);
      if (range[1] > range[0]) weight += votes[i]!.of(range[0], range[1]);
    });
    const key = suggestionKey(text);
    const fb = feedback?.(key);
    const accepted = fb?.accepted ?? 0;
    const dismissed = fb?.dismissed ?? 0;
    const len = [...text].length;
    const shrink = SHRINK * (1 + SHRINK_PER_CHAR * (len - 1));
    const confidence = (weight + 2 * accepted) / (total - SHRINK + shrink + 2 * accepted + 2 * dismissed);
    const scored: Scored = { text, weight, confidence, ranges, score: confidence * (len - 0.5) };
    const prev = byKey.get(key);
    if (!prev || prev.weight < scored.weight) byKey.set(key, scored);
  }

  /** Distinct documents and the preferred source of a kept suggestion (only these are counted). */
  const sourcesOf = (s: Scored): Pick<Suggestion, 'documents' | 'source' | 'sourceKind'> => {
    let documents = 0;
    let source = '';
    let sourceKind: DocKind = 'corpus';
    used.forEach((m, i) => {
      const [lo, hi] = s.ranges[i]!;
      const seen = new Set<number>();
      for (let p = lo; p < Math.min(hi, lo + MAX_COUNTED_OCCURRENCES); p++) {
        const d = docOf(m.index, m.index.sa[p]!);
        if (seen.has(d)) continue;
        seen.add(d);
        documents++;
        const doc = m.index.docs[d]!;
        if (!source || KIND_PREFERENCE[doc.kind] < KIND_PREFERENCE[sourceKind]) {
          source = doc.name;
          sourceKind = doc.kind;
        }
      }
    });
    return { documents, source, sourceKind };
  };

  const ranked = [...byKey.values()].sort((a, b) => b.score - a.score || b.weight - a.weight);
  const kept: Scored[] = [];
  for (const s of ranked) {
    if (kept.some((better) => better.text.startsWith(s.text))) continue;
    kept.push(s);
    if (kept.length >= k) break;
  }
  const toSuggestion = (s: Scored): Suggestion => ({ text: s.text, confidence: s.confidence, ...sourcesOf(s) });
  const likely = kept.filter((s) => s.confidence >= GHOST_CONFIDENCE && [...s.text].length >= 2);
  const suggestions = (ghostOnly ? likely.slice(0, 1) : kept).map(toSuggestion);
  const ghost = likely.length > 0 ? (ghostOnly ? suggestions[0]! : toSuggestion(likely[0]!)) : null;
  const context = String.fromCharCode(...ctx.codes.subarray(ctx.codes.length - best));
  return { context, suggestions, ghost };
}
