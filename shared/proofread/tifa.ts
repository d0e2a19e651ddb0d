/**
 * 提法: set political formulations, from a dated, versioned data file (data/tifa.json, which a user
 * file may extend): a near miss of a canonical phrase ("主体教育" for 主题教育), a wrong member of a
 * numbered set (四个意识 …), a missing 同志 in "以…同志为核心的党中央", Arabic numerals in the
 * names of party congresses and plenums, and forbidden wordings ("一带一路"战略).
 */
import { chineseNumeral } from '../text/numerals';
import builtin from './data/tifa.json';
import { addWords, confusionKind, getLexicon } from './lexicon';
import type { Finding } from './types';
import { TifaDataSchema, type TifaData } from './tifaData';

export { TifaDataSchema, type TifaData } from './tifaData';

export const BUILTIN_TIFA: TifaData = TifaDataSchema.parse(builtin);

/** The built-in data with a user's file laid over it: its entries are added, its date shown beside. */
export function mergeTifa(base: TifaData, extra: TifaData | null): TifaData {
  if (!extra) return base;
  const setNames = new Set(extra.sets.map((s) => s.name));
  return {
    ...base,
    date: extra.date > base.date ? extra.date : base.date,
    phrases: [...new Set([...base.phrases, ...extra.phrases])],
    words: [...new Set([...base.words, ...extra.words])],
    sets: [...base.sets.filter((s) => !setNames.has(s.name)), ...extra.sets],
    core: { pattern: base.core?.pattern ?? '', names: [...new Set([...(base.core?.names ?? []), ...(extra.core?.names ?? [])])] },
    forbidden: [...base.forbidden, ...extra.forbidden],
  };
}

interface TifaIndex {
  data: TifaData;
  byStart: Map<string, string[]>;
  byEnd: Map<string, string[]>;
  forbidden: RegExp | null;
  forbiddenBy: Map<string, TifaData['forbidden'][number]>;
  sets: Array<{ name: string; members: string[]; suffix: string; item: RegExp }>;
}

const HAN = /^[\u4e00-\u9fa5]$/;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function commonSuffix(words: string[]): string {
  let s = words[0]!;
  for (const w of words) while (!w.endsWith(s)) s = s.slice(1);
  return s;
}

function buildIndex(data: TifaData): TifaIndex {
  addWords([...data.words, ...data.phrases.filter((p) => p.length <= 4 && /^[\u4e00-\u9fa5]+$/.test(p))]);
  const byStart = new Map<string, string[]>();
  const byEnd = new Map<string, string[]>();
  const add = (m: Map<string, string[]>, k: string, p: string) => (m.get(k) ?? m.set(k, []).get(k)!).push(p);
  for (const p of data.phrases) {
    if (p.length < 4) continue;
    add(byStart, p.slice(0, 2), p);
    add(byEnd, p.slice(-2), p);
  }
  const forbiddenBy = new Map(data.forbidden.map((f) => [f.wrong, f]));
  const forbidden = data.forbidden.length ? new RegExp([...forbiddenBy.keys()].sort((a, b) => b.length - a.length).map(escape).join('|'), 'g') : null;
  const sets = data.sets.flatMap((s) => {
    const suffix = commonSuffix(s.members);
    if (suffix.length < 2 || s.members.some((m) => m.length - suffix.length > 4)) return [];
    const item = new RegExp(`(?:[\\u4e00-\\u9fa5]{1,4}${escape(suffix)}[、，和及与]?){${s.members.length - 1},${s.members.length + 1}}`, 'g');
    return [{ name: s.name, members: s.members, suffix, item }];
  });
  return { data, byStart, byEnd, forbidden, forbiddenBy, sets };
}

let cached: TifaIndex | null = null;
function indexFor(data: TifaData): TifaIndex {
  if (!cached || cached.data !== data) cached = buildIndex(data);
  return cached;
}

/** A window one character off a canonical phrase, that character a sound- or look-alike (or the phrase long). */
function nearMisses(text: string, idx: TifaIndex, out: Finding[]): void {
  const lex = getLexicon();
  const seen = new Set<number>();
  const tryPhrase = (p: string, at: number) => {
    if (at < 0 || at + p.length > text.length || seen.has(at)) return;
    const w = text.slice(at, at + p.length);
    if (w === p) return;
    let diff = -1;
    for (let i = 0; i < p.length; i++) {
      if (w[i] === p[i]) continue;
      if (diff >= 0) return;
      diff = i;
    }
    const a = w[diff]!;
    const b = p[diff]!;
    if (!HAN.test(a) || !HAN.test(b)) return;
    const kind = confusionKind(lex, a, b);
    if (!kind && p.length < 10) return;
    if (text.includes(p, Math.max(0, at - 2)) && text.indexOf(p, Math.max(0, at - 2)) <= at) return;
    seen.add(at);
    out.push({
      start: at,
      end: at + p.length,
      category: 'tifa',
      authority: '规范表述',
      rule: 'tifa-phrase',
      message: `规范表述为“${p}”，这里写作“${w}”`,
      suggestion: p,
    });
  };
  for (let i = 0; i + 1 < text.length; i++) {
    const bi = text.slice(i, i + 2);
    for (const p of idx.byStart.get(bi) ?? []) tryPhrase(p, i);
    for (const p of idx.byEnd.get(bi) ?? []) tryPhrase(p, i + 2 - p.length);
  }
}

function setMembers(text: string, idx: TifaIndex, out: Finding[]): void {
  for (const set of idx.sets) {
    if (!text.includes(set.suffix)) continue;
    for (const m of text.matchAll(set.item)) {
      const items: Array<{ s: number; e: number; t: string }> = [];
      for (const it of m[0].matchAll(new RegExp(`[\\u4e00-\\u9fa5]{1,4}?${escape(set.suffix)}`, 'g'))) {
        // trim the connective at the start of an item ("和文化自信" → "文化自信")
        let t = it[0];
        let s = m.index + it.index;
        const core = set.members.find((x) => t.endsWith(x));
        const len = core ? core.length : Math.min(t.length, set.members[0]!.length);
        s += t.length - len;
        t = t.slice(t.length - len);
        items.push({ s, e: s + t.length, t });
      }
      if (items.length !== set.members.length) continue;
      const wrong = items.filter((it) => !set.members.includes(it.t));
      const missing = set.members.filter((x) => !items.some((it) => it.t === x));
      if (wrong.length !== 1 || missing.length !== 1) continue;
      const w = wrong[0]!;
      out.push({
        start: w.s,
        end: w.e,
        category: 'tifa',
        authority: '规范表述',
        rule: 'tifa-set',
        message: `“${set.name}”是${set.members.map((x) => `“${x}”`).join('')}，这里的“${w.t}”应为“${missing[0]}”`,
        suggestion: missing[0]!,
      });
    }
  }
}

const CORE = /以([\u4e00-\u9fa5]{2,3}?)(同志)?为核心的党中央/g;
const FULL_NAME = /习近平新时代中国特色社会主义(?!思想)/g;
const CN = '一二三四五六七八九十';
const CONGRESS = new RegExp(
  `(?:党的|中共)(\\d{1,2})大|(?:第)?([\\d${CN}]{1,3})届(?:([\\d${CN}]{1,3})中全会|全国人大(?:常委会)?(?:第?([\\d${CN}]{1,3})次会议)?|全国政协(?:第?([\\d${CN}]{1,3})次会议)?|中央(?:委员会|纪委))`,
  'g',
);

function congressNames(text: string, out: Finding[]): void {
  for (const m of text.matchAll(CONGRESS)) {
    if (!/\d/.test(m[0])) continue;
    const fixed = m[0].replace(/\d+/g, (d) => chineseNumeral(Number(d)));
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      category: 'tifa',
      authority: '规范表述',
      rule: 'tifa-congress',
      message: `党的代表大会、全会和人大、政协会议的届次用汉字数字：应为“${fixed}”`,
      suggestion: fixed,
    });
  }
}

/** Sentences' findings by text, per data file (no 提法 spans a 。！？；): a keystroke re-checks one sentence. */
const sentenceCache = new WeakMap<TifaData, Map<string, Finding[]>>();
const SENTENCE_CACHE_MAX = 20_000;
const SENTENCE = /[^。！？；]+[。！？；]*|[。！？；]+/g;

/** 提法 findings in a paragraph. */
export function checkTifa(text: string, data: TifaData = BUILTIN_TIFA): Finding[] {
  let cache = sentenceCache.get(data);
  if (!cache) sentenceCache.set(data, (cache = new Map()));
  const out: Finding[] = [];
  for (const m of text.matchAll(SENTENCE)) {
    let found = cache.get(m[0]);
    if (!found) {
      found = checkSentence(m[0], data);
      if (cache.size >= SENTENCE_CACHE_MAX) cache.clear();
      cache.set(m[0], found);
    }
    for (const f of found) out.push({ ...f, start: m.index + f.start, end: m.index + f.end });
  }
  return out;
}

function checkSentence(text: string, data: TifaData): Finding[] {
  const idx = indexFor(data);
  const out: Finding[] = [];
  const names = new Set(data.core?.names ?? []);
  for (const m of text.matchAll(CORE)) {
    if (m[2] || !names.has(m[1]!)) continue;
    const at = m.index + 1 + m[1]!.length;
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      category: 'tifa',
      authority: '规范表述',
      rule: 'tifa-core',
      message: `规范表述为“以${m[1]}同志为核心的党中央”，不能省略“同志”`,
      suggestion: `以${m[1]}同志为核心的党中央`,
    });
    void at;
  }
  for (const m of text.matchAll(FULL_NAME)) {
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      category: 'tifa',
      authority: '规范表述',
      rule: 'tifa-full-name',
      message: '规范表述为“习近平新时代中国特色社会主义思想”，不能省略“思想”',
      suggestion: null,
    });
  }
  if (idx.forbidden) {
    for (const m of text.matchAll(idx.forbidden)) {
      const f = idx.forbiddenBy.get(m[0])!;
      out.push({ start: m.index, end: m.index + m[0].length, category: 'tifa', authority: '规范表述', rule: 'tifa-forbidden', message: f.note, suggestion: f.right || null });
    }
  }
  congressNames(text, out);
  setMembers(text, idx, out);
  nearMisses(text, idx, out);
  return out;
}

/** Makes the 提法 data's words known to the typo rules (they are also added when it is first used). */
export function prepareTifa(data: TifaData = BUILTIN_TIFA): void {
  indexFor(data);
}
