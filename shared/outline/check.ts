/**
 * The numbering checker: what `wengao check` prints and the sidebar marks, each problem with a
 * fix the user can apply in one click.
 * - skipped, repeated or disordered numbers in a sequence (一、二、四、; （一）（一）);
 * - "1、" for "1.", half-width "(一)", punctuation after "（一）", "一." for "一、";
 * - a level jump: 一、 straight to （1）, or to 1. without （一）;
 * - a "一、" heading that carries body text after its 。 (level-1 headings stand alone);
 * - a heading number whose title sits on the next line, or that has no title;
 * - a styled heading whose number belongs to another level (二级标题 numbered "一、").
 */
import type { HeadingLevel } from './levels';
import { LEVEL_OF_KIND, correctedStyle, formatNumber } from './numbering';
import type { Outline, OutlineEntry } from './outline';
import { documentStyles, numberFor, numberingSequences, renumberSequence, type DocumentStyles, type NumberSequence, type TextEdit } from './renumber';

export type ProblemKind =
  | 'start'
  | 'skipped'
  | 'repeated'
  | 'order'
  | 'half-width-brackets'
  | 'punct-after-number'
  | 'arabic-dun'
  | 'cn-separator'
  | 'level-jump'
  | 'run-in-level1'
  | 'detached-title'
  | 'empty-title'
  | 'style-mismatch';

export type Fix =
  /** Replace text (numbers). */
  | { kind: 'edits'; edits: TextEdit[] }
  /** Split a run-in heading: the heading keeps [0, titleEnd) (its 。 dropped), the body from bodyStart becomes a new paragraph. */
  | { kind: 'split'; block: number; titleEnd: number; bodyStart: number }
  /** Join the `count` blocks after `block` onto it (a title on the lines after its number). */
  | { kind: 'merge'; block: number; count: number }
  /** Promote (negative delta) or demote these sections, with their subsections. */
  | { kind: 'shift'; entries: number[]; delta: number };

export interface Problem {
  kind: ProblemKind;
  severity: 'error' | 'warning';
  /** The heading it concerns. */
  entry: number;
  block: number;
  message: string;
  /** What the fix does, for its button ("改为“1.”"), or '' when there is none. */
  fixLabel: string;
  fix: Fix | null;
}

export const LEVEL_NAMES = ['标题', '一级标题', '二级标题', '三级标题', '四级标题'] as const;

const q = (s: string) => `“${s}”`;

function describe(e: OutlineEntry): string {
  return e.level === 0 ? '标题' : q(e.number || e.title);
}

function numberFlaws(e: OutlineEntry, problems: Problem[]): void {
  const tok = e.heading?.numbering;
  if (!tok) return;
  const base = { entry: e.id, block: e.block, severity: 'error' as const };
  const fixed = formatNumber(correctedStyle(tok.style), tok.value);
  const replace = (to: string, end = tok.end): Fix => ({ kind: 'edits', edits: [{ block: e.block, start: tok.start, end, text: to }] });
  for (const flaw of tok.flaws) {
    if (flaw === 'half-width-brackets') {
      problems.push({ ...base, kind: flaw, message: `${q(tok.text)}用了半角括号，应为${q(fixed)}`, fixLabel: `改为${q(fixed)}`, fix: replace(fixed) });
    } else if (flaw === 'arabic-dun' || flaw === 'cn-separator') {
      problems.push({ ...base, kind: flaw, message: `${q(tok.text)}应为${q(fixed)}`, fixLabel: `改为${q(fixed)}`, fix: replace(fixed) });
    } else if (flaw === 'punct-after-number') {
      const stray = e.heading!.numbering!;
      problems.push({
        ...base,
        kind: flaw,
        message: `${q(tok.text)}后不应再加标点`,
        fixLabel: '删除多余标点',
        fix: { kind: 'edits', edits: [{ block: e.block, start: stray.end, end: stray.titleStart, text: '' }] },
      });
    }
  }
}

function sequenceProblems(outline: Outline, seq: NumberSequence, styles: DocumentStyles, skip: ReadonlySet<number>, fix: Fix, problems: Problem[]): void {
  let prev = 0;
  seq.members.forEach((id, i) => {
    const e = outline.entries[id]!;
    const value = e.heading!.numbering!.value;
    if (skip.has(id)) {
      prev = i + 1; // reported (and fixed) as a style mismatch with the right number
      return;
    }
    const base = { entry: id, block: e.block, severity: 'error' as const, fixLabel: '重新编号', fix };
    const name = (v: number) => q(numberFor(e, seq.level, v, styles));
    if (i === 0 && value !== 1) {
      problems.push({ ...base, kind: 'start', message: `编号应从${name(1)}开始，这里是${q(e.number)}` });
    } else if (i > 0 && value === prev) {
      problems.push({ ...base, kind: 'repeated', message: `编号重复：${q(e.number)}出现了不止一次` });
    } else if (i > 0 && value < prev) {
      problems.push({ ...base, kind: 'order', message: `编号顺序颠倒：${q(e.number)}排在${name(prev)}之后` });
    } else if (i > 0 && value > prev + 1) {
      const missing = value === prev + 2 ? name(prev + 1) : `${name(prev + 1)}至${name(value - 1)}`;
      problems.push({ ...base, kind: 'skipped', message: `编号跳过了${missing}` });
    }
    prev = value;
  });
}

export function checkOutline(outline: Outline): Problem[] {
  const problems: Problem[] = [];
  const styles = documentStyles(outline);
  const sequences = numberingSequences(outline);
  const expectedValue = new Map<number, number>();
  for (const seq of sequences) seq.members.forEach((id, i) => expectedValue.set(id, i + 1));
  const mismatched = new Set<number>();

  for (const e of outline.entries) {
    if (e.level === 0) continue;
    numberFlaws(e, problems);
    const h = e.heading!;
    const tok = h.numbering;
    if (!h.inferred && tok && LEVEL_OF_KIND[tok.kind] !== e.level) {
      mismatched.add(e.id);
      const want = formatNumber(styles[e.level as HeadingLevel], expectedValue.get(e.id) ?? tok.value);
      problems.push({
        entry: e.id,
        block: e.block,
        severity: 'error',
        kind: 'style-mismatch',
        message: `${LEVEL_NAMES[e.level]}应使用${q(want)}式编号，这里是${q(tok.text)}`,
        fixLabel: `改为${q(want)}`,
        fix: { kind: 'edits', edits: [{ block: e.block, start: tok.start, end: tok.end, text: want }] },
      });
    }
    if (e.headBlocks > 1) {
      problems.push({
        entry: e.id,
        block: e.block,
        severity: 'warning',
        kind: 'detached-title',
        message: `编号${q(e.number)}与标题${q(e.title)}不在同一段`,
        fixLabel: '合并为一段',
        fix: { kind: 'merge', block: e.block, count: e.headBlocks - 1 },
      });
    } else if (e.title === '') {
      problems.push({ entry: e.id, block: e.block, severity: 'warning', kind: 'empty-title', message: `编号${q(e.number)}后缺少标题`, fixLabel: '', fix: null });
    }
    if (e.level === 1 && h.runIn && h.runInMark === '。') {
      problems.push({
        entry: e.id,
        block: e.block,
        severity: 'warning',
        kind: 'run-in-level1',
        message: `一级标题${q(e.number + e.title)}后接正文：一级标题应单独成段，不加句号`,
        fixLabel: '拆分为标题和正文',
        fix: { kind: 'split', block: e.block, titleEnd: h.headingEnd - 1, bodyStart: h.headingEnd },
      });
    }
  }

  // Level jumps: headings more than one level below their parent heading (一、 straight to
  // （1））, once per group. Under the title or at the top, short documents may start lower.
  const groups = new Map<string, number[]>();
  for (const e of outline.entries) {
    const parent = e.parent >= 0 ? outline.entries[e.parent]! : null;
    if (!parent || parent.level === 0 || e.level <= parent.level + 1) continue;
    const key = `${e.parent}/${e.level}`;
    const group = groups.get(key);
    if (group) group.push(e.id);
    else groups.set(key, [e.id]);
  }
  for (const members of groups.values()) {
    const first = outline.entries[members[0]!]!;
    const parent = outline.entries[first.parent]!;
    const want = (parent.level + 1) as HeadingLevel;
    problems.push({
      entry: first.id,
      block: first.block,
      severity: 'warning',
      kind: 'level-jump',
      message: `层级跳跃：${describe(parent)}下直接用了${LEVEL_NAMES[first.level]}${first.number ? q(first.number) : ''}，缺少${LEVEL_NAMES[want]}${first.number ? q(formatNumber(styles[want], 1)) : ''}`,
      fixLabel: `提升为${LEVEL_NAMES[want]}`,
      fix: { kind: 'shift', entries: members, delta: want - first.level },
    });
  }

  for (const seq of sequences) {
    const edits = renumberSequence(outline, seq, styles);
    if (edits.length > 0) sequenceProblems(outline, seq, styles, mismatched, { kind: 'edits', edits }, problems);
  }
  problems.sort((a, b) => a.block - b.block || a.kind.localeCompare(b.kind));
  return problems;
}
