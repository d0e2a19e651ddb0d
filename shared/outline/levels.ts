/**
 * The outline level of a paragraph: the ONE function the sidebar, the importer, the checker
 * and the exporter call. A paragraph's level comes from its explicit role (title, heading 1–4,
 * body…) or, without one, from its leading numbering (一、 → 1, （一） → 2, 1./1． → 3, （1） → 4;
 * 第X章/节/条 → 1/2/3 for regulation-style texts). Run-in headings ("（一）标题。正文…") are
 * headings whose title ends at the first 。 or ：; the rest of the paragraph is body text.
 *
 * Not headings: "一是/二是", "首先", "第一，", decimals ("3.5万元"), lists inside a sentence
 * ("一、二季度…"), and numbered lines whose title would be longer than a heading's
 * (MAX_HEADING_TITLE) or that end like a list item (；，、).
 *
 * What depends on the paragraphs around (the document title, notes lists, a number whose title
 * sits on the next line) is decided by `buildOutline` in outline.ts, which starts from this.
 */
import { isHeadingRole, paragraphText, type Block, type Paragraph } from '../model/document';
import { LEVEL_OF_KIND, parseNumber, type NumberToken } from './numbering';

export type HeadingLevel = 1 | 2 | 3 | 4;

export interface HeadingInfo {
  level: HeadingLevel;
  /** The numbering as written ("一、", "（一）", "1.", "（1）", "第一章"), or '' for an unnumbered styled heading. */
  number: string;
  /** The heading's title without its number and without run-in body text ('' for a bare number). */
  title: string;
  /** Where the heading part ends in the paragraph text (after the number, the title and its 。/：). */
  headingEnd: number;
  /** True when body text follows the heading in the same paragraph. */
  runIn: boolean;
  /** True when the level was inferred from the numbering rather than set as a role. */
  inferred: boolean;
  /** The parsed number (value, style, offsets, flaws), or null for an unnumbered styled heading. */
  numbering: NumberToken | null;
  /** The character that ended a run-in title ("。" or "："), or '' when the title is not run-in. */
  runInMark: string;
}

/** A heading title is short; a longer numbered line is a list item in body text. */
export const MAX_HEADING_TITLE = 40;

const LEADING_SPACE = /^[\s\u3000]+/;
/** Some text other than spaces (tested without copying long strings, as trim() would). */
const HAS_TEXT = /[^\s\u3000]/;

/** The last character that is not a space ('' for none), without scanning the whole text. */
function lastChar(text: string): string {
  let i = text.length - 1;
  while (i >= 0 && !HAS_TEXT.test(text[i]!)) i--;
  return i >= 0 ? text[i]! : '';
}

/** Splits heading text after its number into title and run-in body: up to the first 。 or ：. */
export function splitRunIn(afterNumber: string): { title: string; titleEnd: number; runIn: boolean } {
  const m = /[。：:]/.exec(afterNumber);
  if (!m) return { title: afterNumber.trim(), titleEnd: afterNumber.length, runIn: false };
  const end = m.index + 1;
  const rest = afterNumber.slice(end);
  return { title: afterNumber.slice(0, m.index).trim(), titleEnd: end, runIn: HAS_TEXT.test(rest) };
}

/** Regulation articles (第一条) have no titles: the sidebar shows the start of the article. */
function articleHeading(text: string, n: NumberToken): HeadingInfo {
  const body = text.slice(n.titleStart);
  const clause = /^[^，。：；,;:]*/.exec(body)![0];
  const title = clause.length > MAX_HEADING_TITLE ? `${clause.slice(0, MAX_HEADING_TITLE)}…` : clause;
  return { level: 3, number: n.text, title: title.trim(), headingEnd: n.titleStart, runIn: HAS_TEXT.test(body), inferred: true, numbering: n, runInMark: '' };
}

export interface HeadingOptions {
  /** The longest title a numbered paragraph may have and still be a heading (MAX_HEADING_TITLE). */
  maxTitle?: number;
}

function inferHeading(text: string, maxTitle: number): HeadingInfo | null {
  const n = parseNumber(text);
  if (!n) return null;
  if (n.kind === 'article') return articleHeading(text, n);
  const after = text.slice(n.titleStart);
  const { title, titleEnd, runIn } = splitRunIn(after);
  const base = { level: LEVEL_OF_KIND[n.kind], number: n.text, inferred: true, numbering: n };
  if (!HAS_TEXT.test(after)) {
    // A bare number ("（三）") whose title may sit on the next line (tables flattened to text).
    return { ...base, title: '', headingEnd: n.titleStart, runIn: false, runInMark: '' };
  }
  if (title === '' || title.length > maxTitle) return null;
  // A list item, not a heading: "1.加强领导；" "（2）资金保障，"
  if (/[；;]/.test(title)) return null;
  if (!runIn && /^[，,、；;]$/.test(lastChar(after))) return null;
  return { ...base, title, headingEnd: n.titleStart + titleEnd, runIn, runInMark: runIn ? after[titleEnd - 1]! : '' };
}

/** The heading a paragraph is, or null for body text (and for the title, see outlineLevelOf). */
export function headingOf(p: Paragraph, options: HeadingOptions = {}): HeadingInfo | null {
  const maxTitle = options.maxTitle ?? MAX_HEADING_TITLE;
  const text = paragraphText(p);
  const role = p.role;
  if (role && !isHeadingRole(role)) return null;
  if (isHeadingRole(role)) {
    const level = Number(role.slice('heading'.length)) as HeadingLevel;
    const n = parseNumber(text);
    if (n) {
      const inferred = inferHeading(text, maxTitle);
      if (inferred) return { ...inferred, level, inferred: false };
      const { title, titleEnd, runIn } = splitRunIn(text.slice(n.titleStart));
      return { level, number: n.text, title, headingEnd: n.titleStart + titleEnd, runIn, inferred: false, numbering: n, runInMark: runIn ? text[n.titleStart + titleEnd - 1]! : '' };
    }
    const lead = LEADING_SPACE.exec(text)?.[0].length ?? 0;
    const { title, titleEnd, runIn } = splitRunIn(text.slice(lead));
    return { level, number: '', title, headingEnd: lead + titleEnd, runIn, inferred: false, numbering: null, runInMark: runIn ? text[lead + titleEnd - 1]! : '' };
  }
  return inferHeading(text, maxTitle);
}

/** 0 for the document title, 1–4 for headings, null for body text and tables. */
export function outlineLevelOf(block: Block): 0 | HeadingLevel | null {
  if (block.type !== 'paragraph') return null;
  if (block.role === 'title') return 0;
  return headingOf(block)?.level ?? null;
}
