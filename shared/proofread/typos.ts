/**
 * 错别字 and 成语: a character whose sound-alike or look-alike makes a frequent word where the
 * written one makes none ("选拨" → 选拔, "不愉懒" → 不偷懒, "贫团" → 贫困), and a four-character set
 * phrase with one character changed ("再接再励" → 再接再厉).
 *
 * The text is cut into words by the best-scoring segmentation over the dictionary (a unigram model
 * on jieba's frequencies). A character is suspect only when it stands alone in that segmentation;
 * a substitution is reported only when it scores much better than the text as written, and when no
 * other substitution comes close. Precision comes first: anything doubtful stays silent.
 */
import { confusables, confusionKind, getLexicon, pairKey, type Lexicon } from './lexicon';
import type { Finding } from './types';

const HAN = /[\u4e00-\u9fa5]/;
const HAN_RUN = /[\u4e00-\u9fa5]+/g;
/** Cost of one token: a word of class k scores k − TOKEN_COST. */
const TOKEN_COST = 16;
/** How much better (in class units, ~1.6 bits each) a correction must score. */
const MIN_GAIN = 7;
/** A homophone in another tone must score this much more. */
const OTHER_TONE_PENALTY = 3;
/** How far the best correction must be ahead of the next one for a fix to be offered. */
const MIN_MARGIN = 3;
/** A correction must make a word at least this frequent (class 3 ≈ 28 in jieba's counts). */
const MIN_WORD_CLASS = 3;
/** Very frequent characters (的, 一, 以, 会 …) stand alone legitimately: they are not suspects. */
const MAX_WRITTEN_CLASS = 10;
/** A person's name follows these: its characters are not checked. */
const BEFORE_NAME = /(?:书记|主任|经理|董事长|厂长|矿长|镇长|乡长|县长|市长|省长|局长|处长|科长|部长|主席|委员|院长|校长|队长|所长|站长|同志|先生|女士)$/;
/** Agency abbreviations of 发文字号 ("国办发〔2019〕3号"). */
const NAME_AFTER_TITLE = new RegExp(BEFORE_NAME.source.slice(0, -1), 'g');
const BEFORE_DOC_NUMBER = /[〔［[]\d{4}/y;
/** A short quoted term ("“一证式”", "“一淀、三带、九片”"): a coinage or abbreviation, not checked. */
const QUOTED_TERM = /“[^“”。，；]{1,12}”/g;
/** The written character already makes a word this frequent with a neighbour ("年度" in "上一年度病案"). */
const WRITTEN_WORD_CLASS = 6;

function tokenScore(lex: Lexicon, w: string): number {
  if (w.length === 1) return (lex.chars.get(w) ?? 0) - TOKEN_COST;
  const k = lex.words.get(w);
  return k === undefined ? -Infinity : k - TOKEN_COST;
}

export interface Segmentation {
  score: number;
  /** Token end offsets (relative to the segmented string). */
  ends: number[];
}

/** The best segmentation of a run of Chinese characters. */
export function segment(lex: Lexicon, s: string): Segmentation {
  const n = s.length;
  const best = new Float64Array(n + 1);
  const from = new Int32Array(n + 1);
  for (let i = 1; i <= n; i++) {
    best[i] = -Infinity;
    // every word's last two characters are a known pair: most windows need no lookup
    const pairEnds = i >= 2 && lex.pairs.has(pairKey(s.charCodeAt(i - 2), s.charCodeAt(i - 1)));
    for (let len = 1; len <= 4 && len <= i; len++) {
      if (len > 1 && !pairEnds) break;
      const sc = best[i - len]! + tokenScore(lex, len === 1 ? s[i - 1]! : s.slice(i - len, i));
      if (sc > best[i]!) {
        best[i] = sc;
        from[i] = i - len;
      }
    }
  }
  const ends: number[] = [];
  for (let i = n; i > 0; i = from[i]!) ends.push(i);
  ends.reverse();
  return { score: best[n]!, ends };
}

/** [start, end) of the token covering offset p. */
function tokenAt(seg: Segmentation, p: number): [number, number] {
  let start = 0;
  for (const end of seg.ends) {
    if (p < end) return [start, end];
    start = end;
  }
  return [start, start];
}

/** True when some word of 2–4 characters inside `s` covers offset p. */
function makesWord(lex: Lexicon, s: string, p: number): boolean {
  const c = s.charCodeAt(p);
  const before = p > 0 && lex.pairs.has(pairKey(s.charCodeAt(p - 1), c));
  const after = p + 1 < s.length && lex.pairs.has(pairKey(c, s.charCodeAt(p + 1)));
  if (!before && !after) return false;
  for (let len = 2; len <= 4; len++) {
    for (let a = Math.max(0, p - len + 1); a <= p && a + len <= s.length; a++) {
      if (lex.words.has(s.slice(a, a + len))) return true;
    }
  }
  return false;
}

interface Candidate {
  gain: number;
  start: number;
  end: number;
  word: string;
  ch: string;
  /** The runner-up's word when it comes close (then no fix is offered). */
  rival: string | null;
}

const candidateCache = new Map<string, Array<[string, number]>>();
/** What a writer may have typed instead of `ch`, each with the extra gain it must show. */
function candidatesOf(lex: Lexicon, ch: string): Array<[string, number]> {
  let list = candidateCache.get(ch);
  if (list) return list;
  const same = confusables(lex, ch);
  list = [...same].map((c): [string, number] => [c, 0]);
  for (const c of new Set(lex.nearHomophones.get(ch) ?? '')) if (!same.includes(c) && c !== ch) list.push([c, OTHER_TONE_PENALTY]);
  candidateCache.set(ch, list);
  return list;
}

/** For each offset of a run: is it a token of one character in the segmentation? */
function singles(seg: Segmentation, n: number): Uint8Array {
  const out = new Uint8Array(n);
  let start = 0;
  for (const end of seg.ends) {
    if (end - start === 1) out[start] = 1;
    start = end;
  }
  return out;
}

function typoAt(lex: Lexicon, run: string, single: Uint8Array, p: number): Candidate | null {
  // a slip breaks a word into single characters: the suspect and a neighbour stand alone
  if (!single[p] || !(single[p - 1] || single[p + 1]) || (lex.chars.get(run[p]!) ?? 0) >= MAX_WRITTEN_CLASS) return null;
  // ...and does not leave a frequent word as written
  const here = run.charCodeAt(p);
  if ((p > 0 && (lex.words2.get(pairKey(run.charCodeAt(p - 1), here)) ?? 0) >= WRITTEN_WORD_CLASS) || (p + 1 < run.length && (lex.words2.get(pairKey(here, run.charCodeAt(p + 1))) ?? 0) >= WRITTEN_WORD_CLASS)) return null;
  const a = Math.max(0, p - 3);
  const b = Math.min(run.length, p + 4);
  const window = run.slice(a, b);
  const q = p - a;
  const orig = segment(lex, window).score;
  const found: Array<Omit<Candidate, 'rival'>> = [];
  const prev = p > 0 ? run.charCodeAt(p - 1) : -1;
  const next = p + 1 < run.length ? run.charCodeAt(p + 1) : -1;
  for (const [c, penalty] of candidatesOf(lex, run[p]!)) {
    const code = c.charCodeAt(0);
    // a correction makes a frequent two-character word with a neighbour
    if (!(prev >= 0 && (lex.words2.get(pairKey(prev, code)) ?? 0) >= MIN_WORD_CLASS) && !(next >= 0 && (lex.words2.get(pairKey(code, next)) ?? 0) >= MIN_WORD_CLASS)) continue;
    const changed = window.slice(0, q) + c + window.slice(q + 1);
    if (!makesWord(lex, changed, q)) continue;
    const seg2 = segment(lex, changed);
    const [ws, we] = tokenAt(seg2, q);
    const word = changed.slice(ws, we);
    if (word.length < 2) continue;
    found.push({ gain: seg2.score - orig - penalty, start: a + ws, end: a + we, word, ch: c });
  }
  if (found.length === 0) return null;
  found.sort((x, y) => y.gain - x.gain);
  const best = found[0]!;
  if (best.gain < MIN_GAIN || (lex.words.get(best.word) ?? 0) < MIN_WORD_CLASS) return null;
  const runnerUp = found[1];
  return { ...best, rival: runnerUp && best.gain - runnerUp.gain < MIN_MARGIN ? runnerUp.word : null };
}

let idiomIndex: Map<string, string[]> | null = null;
/** Idioms by each of their four one-character masks ("再接再?" → 再接再厉). */
function idiomsByMask(lex: Lexicon): Map<string, string[]> {
  if (idiomIndex) return idiomIndex;
  idiomIndex = new Map();
  for (const w of lex.idioms) {
    for (let i = 0; i < 4; i++) {
      const key = w.slice(0, i) + '?' + w.slice(i + 1);
      const list = idiomIndex.get(key);
      if (list) list.push(w);
      else idiomIndex.set(key, [w]);
    }
  }
  return idiomIndex;
}

let idiomPairs: Set<number> | null = null;
/** The first and last character pairs of the idioms: one of them survives a one-character slip. */
function idiomHalves(lex: Lexicon): Set<number> {
  if (idiomPairs) return idiomPairs;
  idiomPairs = new Set();
  for (const w of lex.idioms) {
    idiomPairs.add(pairKey(w.charCodeAt(0), w.charCodeAt(1)));
    idiomPairs.add(pairKey(w.charCodeAt(2), w.charCodeAt(3)));
  }
  return idiomPairs;
}

function idiomNearMiss(lex: Lexicon, run: string, i: number): { idiom: string; pos: number; kind: 'sound' | 'shape' } | null {
  const halves = idiomHalves(lex);
  if (!halves.has(pairKey(run.charCodeAt(i), run.charCodeAt(i + 1))) && !halves.has(pairKey(run.charCodeAt(i + 2), run.charCodeAt(i + 3)))) return null;
  const w = run.slice(i, i + 4);
  if (lex.words.has(w)) return null;
  const index = idiomsByMask(lex);
  let found: { idiom: string; pos: number; kind: 'sound' | 'shape' } | null = null;
  for (let k = 0; k < 4; k++) {
    for (const idiom of index.get(w.slice(0, k) + '?' + w.slice(k + 1)) ?? []) {
      const kind = confusionKind(lex, w[k]!, idiom[k]!);
      if (!kind) continue;
      if (found) return null; // two idioms fit: not sure which
      found = { idiom, pos: k, kind };
    }
  }
  return found;
}

const why = (kind: 'sound' | 'shape' | null, a: string, b: string) => (kind === 'sound' ? `“${a}”“${b}”音近` : kind === 'shape' ? `“${a}”“${b}”形近` : `“${a}”应为“${b}”`);

/** Findings of one run of Chinese characters, offsets relative to the run. */
function checkRun(lex: Lexicon, run: string): Finding[] {
  const out: Finding[] = [];
  const taken = new Uint8Array(run.length);
  for (const t of run.matchAll(NAME_AFTER_TITLE)) taken.fill(1, t.index + t[0].length, t.index + t[0].length + 3);
  for (let i = 0; i + 4 <= run.length; i++) {
    const hit = idiomNearMiss(lex, run, i);
    if (!hit) continue;
    const written = run.slice(i, i + 4);
    out.push({
      start: i,
      end: i + 4,
      category: 'idiom',
      authority: '建议',
      rule: 'idiom',
      message: `“${written}”疑为成语/固定词组“${hit.idiom}”之误（${why(hit.kind, written[hit.pos]!, hit.idiom[hit.pos]!)}）`,
      suggestion: hit.idiom,
    });
    taken.fill(1, i, i + 4);
    i += 3;
  }
  const single = singles(segment(lex, run), run.length);
  for (let p = 0; p < run.length; p++) {
    if (taken[p] || !HAN.test(run[p]!)) continue;
    const c = typoAt(lex, run, single, p);
    if (!c) continue;
    const written = run.slice(c.start, c.end);
    out.push({
      start: c.start,
      end: c.end,
      category: 'typo',
      authority: '建议',
      rule: 'typo',
      message: c.rival
        ? `“${written}”疑有错字，可能是“${c.word}”或“${c.rival}”`
        : `“${written}”疑为“${c.word}”之误（${why(confusionKind(lex, run[p]!, c.ch), run[p]!, c.ch)}）`,
      suggestion: c.rival ? null : c.word,
    });
    taken.fill(1, c.start, c.end);
    p = c.end - 1;
  }
  return out.sort((x, y) => x.start - y.start);
}

/**
 * Findings per run of Chinese characters (a run never spans punctuation, so a keystroke changes
 * one run of a paragraph and every other run of it is answered from here). Bounded: cleared when full.
 */
const runCache = new Map<string, Finding[]>();
const RUN_CACHE_MAX = 50_000;

let cachedFor = -1;

/** 错别字 and 成语 findings in a paragraph. */
export function checkTypos(text: string): Finding[] {
  const lex = getLexicon();
  if (cachedFor !== lex.version) {
    runCache.clear();
    cachedFor = lex.version;
  }
  const out: Finding[] = [];
  const terms = text.includes('“') ? [...text.matchAll(QUOTED_TERM)].map((q) => [q.index, q.index + q[0].length] as const) : [];
  for (const m of text.matchAll(HAN_RUN)) {
    const run = m[0];
    const base = m.index;
    if (run.length < 2) continue;
    if (terms.some(([a, b]) => base > a && base + run.length < b)) continue;
    BEFORE_DOC_NUMBER.lastIndex = base + run.length;
    if (BEFORE_DOC_NUMBER.test(text)) continue;
    let found = runCache.get(run);
    if (!found) {
      found = checkRun(lex, run);
      if (runCache.size >= RUN_CACHE_MAX) runCache.clear();
      runCache.set(run, found);
    }
    for (const f of found) out.push({ ...f, start: base + f.start, end: base + f.end });
  }
  return out;
}
