/**
 * Numbering follows structure. Headings are numbered in sequences: the numbered children of one
 * parent at one level (一、二、三… under the title, （一）（二）… under each 一、), or, where a
 * document numbers a level straight through its parents (an indicator table: 1.–55. across
 * （一）…（十四）), one chain per title and level. This module finds the sequences, the
 * document's own number style per level, and the edits that renumber a sequence or restyle a
 * heading that changes level.
 */
import type { HeadingLevel } from './levels';
import { DEFAULT_STYLES, LEVEL_OF_KIND, correctedStyle, formatNumber, type NumberStyle } from './numbering';
import type { Outline, OutlineEntry } from './outline';

/** Replace [start, end) of a block's text with `text`. */
export interface TextEdit {
  block: number;
  start: number;
  end: number;
  text: string;
}

export interface NumberSequence {
  /** Stable across edits when built with block ids: "p:<parent id>/<level>" or "c:<title id>/<level>". */
  id: string;
  level: HeadingLevel;
  /** Entry ids of the numbered headings, in document order. */
  members: number[];
  /** Numbered straight through the parents of its level (one chain per title). */
  continuous: boolean;
}

export type DocumentStyles = Record<HeadingLevel, NumberStyle>;

function styleKey(s: NumberStyle): string {
  return `${s.kind}|${s.sep ?? ''}|${s.halfWidth ? 1 : 0}|${s.wideDigits ? 1 : 0}`;
}

/** The number style the document uses most at each level (corrected: "（一）", "1." not "1、"). */
export function documentStyles(outline: Outline): DocumentStyles {
  const counts = new Map<HeadingLevel, Map<string, { style: NumberStyle; n: number }>>();
  for (const e of outline.entries) {
    const tok = e.heading?.numbering;
    if (!tok || e.level === 0 || LEVEL_OF_KIND[tok.kind] !== e.level) continue;
    const style = correctedStyle(tok.style);
    const byStyle = counts.get(e.level) ?? new Map<string, { style: NumberStyle; n: number }>();
    const k = styleKey(style);
    const c = byStyle.get(k) ?? { style, n: 0 };
    c.n++;
    byStyle.set(k, c);
    counts.set(e.level, byStyle);
  }
  const pick = (level: HeadingLevel): NumberStyle | null => {
    const byStyle = counts.get(level);
    if (!byStyle) return null;
    return [...byStyle.values()].sort((a, b) => b.n - a.n)[0]!.style;
  };
  const l1 = pick(1);
  const regulation = l1?.kind === 'chapter';
  return {
    1: l1 ?? DEFAULT_STYLES[1],
    2: pick(2) ?? (regulation ? { kind: 'section' } : DEFAULT_STYLES[2]),
    3: pick(3) ?? (regulation ? { kind: 'article' } : DEFAULT_STYLES[3]),
    4: pick(4) ?? DEFAULT_STYLES[4],
  };
}

function titleRootOf(outline: Outline, id: number): number {
  for (let i = outline.entries[id]!.parent; i >= 0; i = outline.entries[i]!.parent) if (outline.entries[i]!.level === 0) return i;
  return -1;
}

const valueOf = (outline: Outline, id: number) => outline.entries[id]!.heading!.numbering!.value;

/**
 * The numbering sequences of an outline. `ids` names blocks stably across edits (editor node
 * keys); `continuousChains`, when given, says which "<title id>/<level>" chains are numbered
 * straight through (decided on the outline before an edit, since an edit may break the pattern).
 */
export function numberingSequences(outline: Outline, ids?: readonly string[], continuousChains?: ReadonlySet<string>): NumberSequence[] {
  const idOf = (entry: number) => (entry < 0 ? 'top' : ids ? ids[outline.entries[entry]!.block]! : String(outline.entries[entry]!.block));
  const groups = new Map<string, { container: number; level: HeadingLevel; members: number[] }>();
  for (const e of outline.entries) {
    if (e.level === 0 || !e.heading?.numbering) continue;
    const key = `${e.parent}/${e.level}`;
    const g = groups.get(key) ?? { container: e.parent, level: e.level, members: [] };
    g.members.push(e.id);
    groups.set(key, g);
  }
  // Chains: the groups of one level under one title, in document order.
  const chains = new Map<string, Array<{ container: number; level: HeadingLevel; members: number[] }>>();
  for (const g of groups.values()) {
    const root = titleRootOf(outline, g.members[0]!);
    const key = `${idOf(root)}/${g.level}`;
    const list = chains.get(key) ?? [];
    list.push(g);
    chains.set(key, list);
  }
  const out: NumberSequence[] = [];
  for (const [chainKey, list] of chains) {
    list.sort((a, b) => a.members[0]! - b.members[0]!);
    let continuous: boolean;
    if (continuousChains) continuous = continuousChains.has(chainKey);
    else {
      let continuing = 0;
      for (let i = 1; i < list.length; i++) {
        const first = valueOf(outline, list[i]!.members[0]!);
        const prevLast = valueOf(outline, list[i - 1]!.members[list[i - 1]!.members.length - 1]!);
        if (first !== 1 && first === prevLast + 1) continuing++;
      }
      continuous = list.length > 1 && continuing * 2 > list.length - 1;
    }
    if (continuous) {
      out.push({ id: `c:${chainKey}`, level: list[0]!.level, members: list.flatMap((g) => g.members), continuous: true });
    } else {
      for (const g of list) out.push({ id: `p:${idOf(g.container)}/${g.level}`, level: g.level, members: g.members, continuous: false });
    }
  }
  out.sort((a, b) => a.members[0]! - b.members[0]!);
  return out;
}

/** The "<title id>/<level>" keys of the chains numbered straight through. */
export function continuousChainsOf(sequences: readonly NumberSequence[]): Set<string> {
  return new Set(sequences.filter((s) => s.continuous).map((s) => s.id.slice(2)));
}

function isSequential(outline: Outline, seq: NumberSequence): boolean {
  return seq.members.every((id, i) => valueOf(outline, id) === i + 1);
}

/** The number an entry should show as the `value`-th of its level, in its own style when that fits the level. */
export function numberFor(entry: OutlineEntry, level: HeadingLevel, value: number, styles: DocumentStyles): string {
  const tok = entry.heading?.numbering;
  const style = tok && LEVEL_OF_KIND[tok.kind] === level ? tok.style : styles[level];
  return formatNumber(style, value);
}

/** The edits that number a sequence 1, 2, 3… (only where a number differs). */
export function renumberSequence(outline: Outline, seq: NumberSequence, styles: DocumentStyles): TextEdit[] {
  const edits: TextEdit[] = [];
  seq.members.forEach((id, i) => {
    const e = outline.entries[id]!;
    const tok = e.heading!.numbering!;
    const text = numberFor(e, seq.level, i + 1, styles);
    if (text !== tok.text) edits.push({ block: e.block, start: tok.start, end: tok.end, text });
  });
  return edits;
}

/** Renumbers every sequence of the document. */
export function renumberAll(outline: Outline): TextEdit[] {
  const styles = documentStyles(outline);
  return numberingSequences(outline).flatMap((s) => renumberSequence(outline, s, styles));
}

/** The edit that rewrites a heading's number in the style of another level (same value), or null. */
export function restyleEdit(entry: OutlineEntry, level: HeadingLevel, styles: DocumentStyles): TextEdit | null {
  const tok = entry.heading?.numbering;
  if (!tok) return null;
  const text = formatNumber(styles[level], tok.value);
  return text === tok.text ? null : { block: entry.block, start: tok.start, end: tok.end, text };
}

export interface SequenceSnapshot {
  /** Block ids of the members. */
  members: string[];
  sequential: boolean;
}

/** What renumbering after an edit compares against: each sequence's members and whether it was in order. */
export function snapshotSequences(outline: Outline, ids: readonly string[], sequences: readonly NumberSequence[]): Map<string, SequenceSnapshot> {
  return new Map(sequences.map((s) => [s.id, { members: s.members.map((m) => ids[outline.entries[m]!.block]!), sequential: isSequential(outline, s) }]));
}

/**
 * After a structural edit (a section moved, a heading inserted, deleted or changed level): the
 * edits that renumber each sequence whose members changed, if it was in order before (a
 * sequence the user left out of order is theirs to fix). A sequence the edit created is
 * renumbered only with `renumberNew` (a section moved or demoted under a new parent), not when
 * typed or pasted text brings its own numbering.
 */
export function renumberAfterEdit(
  before: ReadonlyMap<string, SequenceSnapshot>,
  outline: Outline,
  ids: readonly string[],
  sequences: readonly NumberSequence[],
  renumberNew = true,
): TextEdit[] {
  const styles = documentStyles(outline);
  const edits: TextEdit[] = [];
  for (const seq of sequences) {
    const prev = before.get(seq.id);
    const members = seq.members.map((m) => ids[outline.entries[m]!.block]!);
    if (prev) {
      if (!prev.sequential) continue;
      if (prev.members.length === members.length && prev.members.every((k, i) => k === members[i])) continue;
    } else if (!renumberNew) {
      continue;
    }
    edits.push(...renumberSequence(outline, seq, styles));
  }
  return edits;
}
