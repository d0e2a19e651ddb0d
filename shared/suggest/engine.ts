/**
 * Phrase suggestions: given the text before the caret, what the user is likely to type next.
 *
 * 1. Context: the longest suffix of the paragraph before the caret (2–12 characters) that
 *    occurs in a source, and up to two shorter ones that occur more often (levels).
 * 2. Continuations: the suffixes that start with the context form a contiguous range of the
 *    suffix array, sorted by what follows, so the range is a trie of continuations. It is
 *    expanded best-first (heaviest branch first) up to a clause end (，。；：！？ or the
 *    paragraph's end; 、 goes on through an enumeration) with balanced “”‘’《》（）【】. Where the
 *    continuations part before a clause end, the text they share is a candidate too.
 * 3. Evidence: each document has one vote for a context, shared among its continuations; the
 *    phrasebook votes with more weight, and every source (corpus and phrasebook, open document)
 *    adds its votes. A continuation's confidence is its share of the votes (every occurrence that
 *    starts with it, so the user would accept it) at the shortest level, shrunk towards zero when
 *    there is little evidence; each longer level's share is added to it with the shorter estimate
 *    as a prior (interpolation), so a longer context outweighs a shorter one as its evidence grows
 *    and a candidate of a short context is never lost to a near-tie with a long one. The user's
 *    own accepts and dismissals move it last.
 * 4. Ranking by expected keystrokes saved; near-duplicates (differing only in quotes or brackets)
 *    collapse; in the list a prefix of a better suggestion is dropped. The ghost is the best
 *    candidate whose confidence says it is more likely right than wrong (a likely prefix beats an
 *    unlikely longer text).
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

  /** The suffix of exactly `length` characters, if it occurs. */
  exactly(length: number): Match | null {
    if (length > this.codes.length) return null;
    const [lo, hi] = this.at(length);
    return hi > lo ? { index: this.index, lo, hi, length } : null;
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

let docsScratch = new Int32Array(EXACT_WEIGHT_LIMIT);
let occScratch = new Int32Array(0);
function scratchDocs(size: number): Int32Array {
  if (docsScratch.length < size) docsScratch = new Int32Array(size);
  return docsScratch;
}
/** Zeroed counts per document (callers reset what they counted). */
function occurrenceCounts(docs: number): Int32Array {
  if (occScratch.length < docs) occScratch = new Int32Array(docs);
  return occScratch;
}

/** Votes per suffix-array position of a context range, as prefix sums. */
class Votes {
  readonly pre: Float64Array | null;
  readonly total: number;
  /** The most one entry weighs (a bound for skipping light branches). */
  readonly maxEntryWeight: number;
  constructor(readonly m: Match) {
    const size = m.hi - m.lo;
    if (size > EXACT_WEIGHT_LIMIT) {
      this.pre = null;
      this.total = size;
      this.maxEntryWeight = 1;
      return;
    }
    this.maxEntryWeight = Math.max(...Object.values(DOC_WEIGHT));
    // Occurrences per document, counted in a scratch array kept between queries (a Map per
    // query made garbage that the collector then paid for at the tail of the latencies).
    const docs = scratchDocs(size);
    const occ = occurrenceCounts(m.index.docs.length);
    for (let i = 0; i < size; i++) {
      const d = docOf(m.index, m.index.sa[m.lo + i]!);
      docs[i] = d;
      occ[d]!++;
    }
    const pre = new Float64Array(size + 1);
    for (let i = 0; i < size; i++) {
      const d = docs[i]!;
      pre[i + 1] = pre[i]! + DOC_WEIGHT[m.index.docs[d]!.kind] / occ[d]!;
    }
    for (let i = 0; i < size; i++) occ[docs[i]!] = 0;
    this.pre = pre;
    this.total = pre[size]!;
  }
  of(lo: number, hi: number): number {
    if (!this.pre) return hi - lo;
    return this.pre[hi - this.m.lo]! - this.pre[lo - this.m.lo]!;
  }
}

/** Characters that end a continuation (line ends always; clause ends outside brackets), ascending. */
const LINE_ENDS = [DOC_END, PARA].sort((a, b) => a - b);
const ENDINGS = [...new Set([DOC_END, PARA, ...CLAUSE_END])].sort((a, b) => a - b);

/** Whether some entry of [lo, hi) goes on, at `off`, with a character that ends a continuation (binary searches: the characters are sorted). */
function endsAmong(index: PhraseIndex, sa: Int32Array, lo: number, hi: number, off: number, clauseEnds: boolean): boolean {
  const first = charAt(index, sa[lo]! + off);
  const last = charAt(index, sa[hi - 1]! + off);
  if (first < 0) return true;
  let from = lo;
  for (const e of clauseEnds ? ENDINGS : LINE_ENDS) {
    // Only characters between the first and the last can occur (most nodes go on with Chinese text only).
    if (e < first) continue;
    if (e > last) break;
    let a = from;
    let b = hi;
    while (a < b) {
      const mid = (a + b) >>> 1;
      if (charAt(index, sa[mid]! + off) < e) a = mid + 1;
      else b = mid;
    }
    if (a === hi) return false;
    if (charAt(index, sa[a]! + off) === e) return true;
    from = a;
  }
  return false;
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
function expand(m: Match, votes: Votes, ctx: Context, minWeight: number, maxCandidates: number, budget: number, sharedMinWeight: number): string[] {
  const { index } = m;
  const { sa } = index;
  const heap: Node[] = [{ lo: m.lo, hi: m.hi, len: 0, stack: [], closed: 0, weight: votes.total }];
  const out: string[] = [];
  /** Texts where the continuations part (not clause ends): ghosts for when no whole clause is likely. */
  const shared = new Set<string>();
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
  const follow = (node: Node): Node | null => {
    // The node was just popped off the heap: it is this loop's own to advance.
    for (;;) {
      const off = m.length + node.len;
      const first = charAt(index, sa[node.lo]! + off);
      if (first !== charAt(index, sa[node.hi - 1]! + off)) return node;
      if (isLineEnd(first) || (CLAUSE_END.has(first) && node.stack.length === 0)) {
        if (node.len > 0 && node.stack.length === 0) out.push(textOf(node));
        return null;
      }
      if (node.len + 1 > MAX_CONTINUATION) return null;
      if (IS_OPEN.has(first) || OPEN_OF.has(first)) {
        const next = step(node, first);
        if (!next) return null;
        node.stack = next.stack;
        node.closed = next.closed;
      }
      node.len++;
    }
  };

  while (heap.length > 0 && budget-- > 0 && out.length < maxCandidates) {
    const node = follow(pop());
    if (!node) continue;
    // Where the occurrences part, the text so far is a candidate too: what they all share.
    if (node.len >= 2 && node.weight >= sharedMinWeight && node.stack.length === 0 && !CLAUSE_END.has(charAt(index, sa[node.lo]! + m.length + node.len - 1))) shared.add(textOf(node));
    // The occurrences diverge here: one child per next character.
    const off = m.length + node.len;
    const charOf = (p: number) => charAt(index, sa[p]! + off);
    /** First index in [from, to) whose next character is not `c` (they are sorted): exponential, then binary search. */
    const endOfBlock = (from: number, to: number, c: number): number => {
      let known = from;
      let probe = from + 1;
      for (let stepSize = 1; probe < to && charOf(probe) === c; stepSize *= 2) {
        known = probe;
        probe = from + stepSize * 2;
      }
      let a = known + 1;
      let b = Math.min(probe, to);
      while (a < b) {
        const mid = (a + b) >>> 1;
        if (charOf(mid) === c) a = mid + 1;
        else b = mid;
      }
      return a;
    };
    // A child lighter than minWeight is never expanded: with every occurrence weighing at most
    // MAX_ENTRY_WEIGHT, it spans fewer than minSize entries. On a wide node (a frequent context
    // at 50M characters has hundreds of next characters) such children are skipped by probing
    // every minSize-th entry instead of visiting each child: the children kept are the same.
    const minSize = Math.floor(minWeight / votes.maxEntryWeight);
    const sampled = minSize >= 2;
    let endedHere = sampled && endsAmong(index, sa, node.lo, node.hi, off, node.stack.length === 0);
    let i = node.lo;
    while (i < node.hi) {
      if (sampled) {
        const at = i + minSize - 1;
        if (at >= node.hi) break;
        const c = charOf(at);
        if (charOf(i) !== c) {
          // The child at i is too light; go on from the start of the child holding `at`.
          let a = i + 1;
          let b = at;
          while (a < b) {
            const mid = (a + b) >>> 1;
            if (charOf(mid) === c) b = mid;
            else a = mid + 1;
          }
          i = a;
          continue;
        }
      }
      const c = charOf(i);
      const j = endOfBlock(i, node.hi, c);
      const ends = isLineEnd(c) || (CLAUSE_END.has(c) && node.stack.length === 0);
      if (ends) endedHere = true;
      else if (node.len + 1 <= MAX_CONTINUATION) {
        const weight = votes.of(i, j);
        const next = weight >= minWeight ? step(node, c) : null;
        if (next) push({ lo: i, hi: j, len: node.len + 1, stack: next.stack, closed: next.closed, weight });
      }
      i = j;
    }
    if (endedHere && node.len > 0 && node.stack.length === 0) out.push(textOf(node));
  }
  return [...out, ...shared];
}

interface Scored {
  text: string;
  /** Its votes at the shortest context weighed (where most documents show it). */
  weight: number;
  confidence: number;
  /** The sources at that context, and its suffix-array range in each. */
  matches: Match[];
  ranges: Array<[number, number]>;
  score: number;
}

/** Distinct documents are counted among at most this many occurrences. */
const MAX_COUNTED_OCCURRENCES = 128;

const KIND_PREFERENCE: Record<DocKind, number> = { corpus: 0, phrasebook: 1, current: 2 };

/**
 * The ranking's parameters. Tuned on the training documents of the bench's split (bench/suggestEval.ts),
 * never on its test documents.
 */
export interface RankingParams {
  /** Prior votes of the shorter context at each longer one (how far a longer context's own evidence is trusted). */
  backoff: number;
  /** Prior votes against any continuation at the shortest context: one document's evidence is not yet "likely". */
  shrink: number;
  /** Longer continuations need more evidence: that prior grows by this share per character. */
  shrinkPerChar: number;
  /** A ghost needs at least this confidence. */
  ghostConfidence: number;
}

/** Prior votes of the shorter context at each longer one. */
export const BACKOFF = 3;

export const RANKING: RankingParams = { backoff: BACKOFF, shrink: SHRINK, shrinkPerChar: SHRINK_PER_CHAR, ghostConfidence: GHOST_CONFIDENCE };

/** Suggestions for the text before the caret, from one or more indexes (corpus, open document). */
export function suggest(sources: PhraseIndex[], q: SuggestQuery, feedback?: FeedbackLookup, params: RankingParams = RANKING): SuggestResult {
  const ctx = prepareContext(q);
  const none: SuggestResult = { context: '', suggestions: [], ghost: null };
  if (!ctx) return none;
  const levels = contextLevels(
    sources.map((s) => new ContextRanges(s, ctx.codes)),
    ctx.codes.length,
  );
  if (levels.length === 0) return none;
  return suggestAt(levels, ctx, q, params, feedback);
}

/**
 * One context length and every source's occurrences of it. The levels of a query go from the
 * longest context that occurs down to shorter ones, each occurring more often than the last.
 */
interface Level {
  length: number;
  matches: Match[];
  votes: Votes[];
  total: number;
}

/** How many context lengths a query weighs (the longest and up to this many shorter ones, less one). */
const MAX_LEVELS = 3;

function contextLevels(ranges: ContextRanges[], contextLength: number): Level[] {
  const levels: Level[] = [];
  let occurrences = 0;
  let length = Math.max(0, ...ranges.map((r) => r.longest(contextLength)?.length ?? 0));
  for (; length >= MIN_CONTEXT && levels.length < MAX_LEVELS; length--) {
    const matches = ranges.map((r) => r.exactly(length)).filter((m): m is Match => m !== null);
    const occ = matches.reduce((n, m) => n + m.hi - m.lo, 0);
    if (occ <= occurrences) continue;
    occurrences = occ;
    const votes = matches.map((m) => new Votes(m));
    levels.push({ length, matches, votes, total: votes.reduce((s, v) => s + v.total, 0) });
  }
  return levels;
}

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

function suggestAt(levels: Level[], ctx: Context, q: SuggestQuery, params: RankingParams, feedback?: FeedbackLookup): SuggestResult {
  const k = q.k ?? 5;
  const ghostOnly = q.mode === 'ghost';
  const top = levels[0]!;
  const texts = new Set<string>();
  levels.forEach((level, l) => {
    if (ghostOnly && level.matches.every((m) => !mayHaveBranchOf(m, HOPELESS_BRANCH_SHARE))) return;
    // A branch lighter than this cannot reach a ghost's confidence even with all the shorter contexts' support.
    const ghostWeight = (level.total + params.backoff) * params.ghostConfidence * 0.4 - params.backoff;
    // The list is mostly the longest context's; shorter ones add a few of their best.
    const [most, budget] = ghostOnly ? [8, 120] : l === 0 ? [4 * k + 8, 600] : [k + 4, 150];
    level.matches.forEach((m, i) => {
      for (const t of expand(m, level.votes[i]!, ctx, ghostOnly ? ghostWeight : 0, most, budget, ghostWeight)) texts.add(t);
    });
  });
  // Weigh every candidate at every level, shortest first: a longer context's evidence is added to
  // the shorter one's estimate, so it outweighs it as it grows; sources add up within a level.
  const byKey = new Map<string, Scored>();
  for (const text of texts) {
    const pattern = patternOf(text);
    const len = [...text].length;
    let p = 0;
    let weight = 0;
    let matches: Match[] = [];
    let found: Array<[number, number]> = [];
    for (let l = levels.length - 1; l >= 0; l--) {
      const level = levels[l]!;
      const ranges = level.matches.map((m) => narrowRange(m.index, m.lo, m.hi, m.length, pattern));
      const w = ranges.reduce((sum, r, i) => (r[1] > r[0] ? sum + level.votes[i]!.of(r[0], r[1]) : sum), 0);
      if (l === levels.length - 1) p = w / (level.total + params.shrink * (1 + params.shrinkPerChar * (len - 1)));
      else p = (w + params.backoff * p) / (level.total + params.backoff);
      if (w > 0 && matches.length === 0) [weight, matches, found] = [w, level.matches, ranges];
    }
    const fb = feedback?.(suggestionKey(text));
    const accepted = fb?.accepted ?? 0;
    const dismissed = fb?.dismissed ?? 0;
    const prior = top.total + params.backoff;
    const confidence = (p * prior + 2 * accepted) / (prior + 2 * accepted + 2 * dismissed);
    const scored: Scored = { text, weight, confidence, matches, ranges: found, score: confidence * (len - 0.5) };
    const key = suggestionKey(text);
    const prev = byKey.get(key);
    if (!prev || prev.confidence < scored.confidence) byKey.set(key, scored);
  }

  /** Distinct documents and the preferred source of a kept suggestion (only these are counted). */
  const sourcesOf = (s: Scored): Pick<Suggestion, 'documents' | 'source' | 'sourceKind'> => {
    let documents = 0;
    let source = '';
    let sourceKind: DocKind = 'corpus';
    s.matches.forEach((m, i) => {
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

  const ranked = [...byKey.values()].sort((a, b) => b.score - a.score || b.confidence - a.confidence);
  // The ghost: the best of those likely right (a likely "发展" is not lost to an unlikely "发展的…").
  const best = ranked.find((s) => s.confidence >= params.ghostConfidence && [...s.text].length >= 2) ?? null;
  const toSuggestion = (s: Scored): Suggestion => ({ text: s.text, confidence: s.confidence, ...sourcesOf(s) });
  if (ghostOnly) {
    const ghost = best ? toSuggestion(best) : null;
    return { context: contextText(ctx, top), suggestions: ghost ? [ghost] : [], ghost };
  }
  // The list: the ghost first, then the best others; a prefix of a better one is dropped.
  const kept: Scored[] = best ? [best] : [];
  for (const s of ranked) {
    if (kept.length >= k) break;
    if (kept.some((better) => better.text.startsWith(s.text))) continue;
    kept.push(s);
  }
  const suggestions = kept.map(toSuggestion);
  const ghost = best ? suggestions[0]! : null;
  return { context: contextText(ctx, top), suggestions, ghost };
}

function contextText(ctx: Context, level: Level): string {
  return String.fromCharCode(...ctx.codes.subarray(ctx.codes.length - level.length));
}
