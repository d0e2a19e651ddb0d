/**
 * The outline level of a paragraph: the ONE function the sidebar, the importer, the checker
 * and the exporter call. A paragraph's level comes from its explicit role (title, heading 1–4,
 * body…) or, without one, from its leading numbering (一、 → 1, （一） → 2, 1. → 3, （1） → 4;
 * 第X章/节/条 for regulation-style texts). Run-in headings ("（一）标题。正文…") are headings whose
 * title ends at the first 。 or ：; the rest of the paragraph is body text.
 */
import { isHeadingRole, paragraphText, type Block, type Paragraph } from '../model/document';

export type HeadingLevel = 1 | 2 | 3 | 4;

export interface HeadingInfo {
  level: HeadingLevel;
  /** The numbering as written ("一、", "（一）", "1.", "（1）", "第一章"), or '' for an unnumbered styled heading. */
  number: string;
  /** The heading's title without its number and without run-in body text. */
  title: string;
  /** Where the heading part ends in the paragraph text (after the number, the title and its 。/：). */
  headingEnd: number;
  /** True when body text follows the heading in the same paragraph. */
  runIn: boolean;
  /** True when the level was inferred from the numbering rather than set as a role. */
  inferred: boolean;
}

const CN_NUM = '[一二三四五六七八九十百〇零]+';
const PATTERNS: Array<{ level: HeadingLevel; re: RegExp }> = [
  // 一、  (not "一、二季度": a numeral right after 、 makes it a list inside a sentence)
  { level: 1, re: new RegExp(`^(${CN_NUM}、)(?![一二三四五六七八九十])`) },
  // （一）, also half-width (一) (flagged by the checker)
  { level: 2, re: new RegExp(`^([（(]${CN_NUM}[）)])`) },
  // 1. / 1． but not 3.5万元 or 2024.3
  { level: 3, re: /^(\d{1,2}[.．])(?!\d)/ },
  // （1）, also half-width (1)
  { level: 4, re: /^([（(]\d{1,2}[）)])/ },
];
// Regulation style: 第一章 / 第一节 / 第一条
const REGULATION: Array<{ level: HeadingLevel; re: RegExp }> = [
  { level: 1, re: new RegExp(`^(第${CN_NUM}章)[\\s　]*`) },
  { level: 2, re: new RegExp(`^(第${CN_NUM}节)[\\s　]*`) },
  { level: 3, re: new RegExp(`^(第${CN_NUM}条)[\\s　]*`) },
];

/** A heading title is short; a longer numbered line without a run-in break is a list item in body text. */
export const MAX_HEADING_TITLE = 40;

const LEADING_SPACE = /^[\s\u3000]+/;

/** Splits heading text after its number into title and run-in body: up to the first 。 or ：. */
export function splitRunIn(afterNumber: string): { title: string; titleEnd: number; runIn: boolean } {
  const m = /[。：:]/.exec(afterNumber);
  if (!m) return { title: afterNumber.trim(), titleEnd: afterNumber.length, runIn: false };
  const end = m.index + 1;
  const rest = afterNumber.slice(end);
  return { title: afterNumber.slice(0, m.index).trim(), titleEnd: end, runIn: rest.trim().length > 0 };
}

function inferHeading(text: string): HeadingInfo | null {
  const lead = LEADING_SPACE.exec(text)?.[0].length ?? 0;
  const t = text.slice(lead);
  for (const { level, re } of [...PATTERNS, ...REGULATION]) {
    const m = re.exec(t);
    if (!m) continue;
    const number = m[1]!;
    const after = t.slice(m[0].length);
    const { title, titleEnd, runIn } = splitRunIn(after);
    if (title === '') return null;
    if (!runIn && title.length > MAX_HEADING_TITLE) return null;
    if (runIn && title.length > MAX_HEADING_TITLE * 2) return null;
    return { level, number, title, headingEnd: lead + m[0].length + titleEnd, runIn, inferred: true };
  }
  return null;
}

/** The heading a paragraph is, or null for body text (and for the title, see outlineLevelOf). */
export function headingOf(p: Paragraph): HeadingInfo | null {
  const text = paragraphText(p);
  const role = p.role;
  if (role && !isHeadingRole(role)) return null;
  const inferred = inferHeading(text);
  if (isHeadingRole(role)) {
    const level = Number(role.slice('heading'.length)) as HeadingLevel;
    if (inferred) return { ...inferred, level, inferred: false };
    const { title, titleEnd, runIn } = splitRunIn(text.replace(LEADING_SPACE, ''));
    const lead = LEADING_SPACE.exec(text)?.[0].length ?? 0;
    return { level, number: '', title, headingEnd: lead + titleEnd, runIn, inferred: false };
  }
  return inferred;
}

/** 0 for the document title, 1–4 for headings, null for body text and tables. */
export function outlineLevelOf(block: Block): 0 | HeadingLevel | null {
  if (block.type !== 'paragraph') return null;
  if (block.role === 'title') return 0;
  return headingOf(block)?.level ?? null;
}
