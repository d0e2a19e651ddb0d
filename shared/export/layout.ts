/**
 * What each block of a document becomes on the page, decided once for every output: the Word
 * writer (shared/docx/write) and the print view / PDF (renderer/export) both render this plan.
 *
 * A paragraph's role is its explicit role in the model or, for a plain paragraph (imported text),
 * what its content and place say: the title at the top, 发文字号, 主送机关, headings (from
 * `headingOf`, the one outline rule), 附件说明, and the 署名 / 成文日期 at the end. The 公文
 * template then applies GB/T 9704-2012: fonts per role (only the heading part of a run-in heading
 * takes the heading font), indents, the 7.3.5 placement of signature and date, and the one blank
 * line before 附件说明 and 署名.
 */
import { paragraphText, type Alignment, type Block, type Paragraph, type Run, type Table } from '../model/document';
import type { DocumentPart } from '../model/parts';
import type { HeadingLevel } from '../outline/levels';
import { analyzeAnatomy, type Anatomy } from '../anatomy/anatomy';
import { normalizeDate } from '../text/dates';
import { CHARS_PER_LINE, PT, displayWidth } from './gbt9704';
import { breakTitle } from './titleBreaks';

export type ExportTemplateName = 'gbt9704' | 'plain';

export interface LayoutOptions {
  template: ExportTemplateName;
  /** 三级标题 in bold (its heading part only). */
  heading3Bold: boolean;
  /** Rewrite the 成文日期 as 2024年3月5日. */
  normalizeDates: boolean;
}

/** What a paragraph is on the page. Extends the model's roles with what only layout needs. */
export type LayoutRole = DocumentPart | 'empty';

/** Which of the configured fonts a piece of text takes. */
export type FontSlot = 'title' | 'heading1' | 'heading2' | 'body';

export interface Segment {
  text: string;
  font: FontSlot;
  /** The heading part of a heading paragraph (the rest of a run-in heading is body text). */
  heading?: boolean;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
}

export interface LaidParagraph {
  type: 'paragraph';
  role: LayoutRole;
  /** 1–4 for headings (Word's heading styles, the navigation pane), else null. */
  level: HeadingLevel | null;
  align: Alignment;
  /** In characters of the paragraph's own size; `firstLine` < 0 is a hanging indent. */
  indent: { firstLine: number; left: number; right: number };
  /** Blank lines above the paragraph (GB/T 9704: 空一行 before 附件说明 and 署名). */
  spaceBefore: number;
  /** Blank lines below (after the title). */
  spaceAfter: number;
  /** Text pieces; "\n" is a line break, "\t" a tab. */
  segments: Segment[];
  /** Keep on the same page as the next paragraph (headings, title, signature with date). */
  keepNext: boolean;
}

export interface LaidTable {
  type: 'table';
  table: Table;
}

export type LaidBlock = LaidParagraph | LaidTable;

export interface DocumentLayout {
  blocks: LaidBlock[];
  /** The title's text (lines joined), for the file's core properties. */
  title: string;
}

const ATTACHMENT = /^附件[：:]/;

const text = (b: Block | undefined): string => (b && b.type === 'paragraph' ? paragraphText(b).trim() : '');
const isEmpty = (b: Block | undefined): boolean => !!b && b.type === 'paragraph' && text(b) === '';

/**
 * The part of every block, from the anatomy (shared/anatomy), with 'empty' for blank plain
 * paragraphs and null for tables.
 */
export function inferRoles(blocks: readonly Block[]): (LayoutRole | null)[] {
  return rolesOf(blocks, analyzeAnatomy(blocks));
}

function rolesOf(blocks: readonly Block[], anatomy: Anatomy): (LayoutRole | null)[] {
  return blocks.map((b, i) => {
    if (b.type !== 'paragraph') return null;
    const part = anatomy.parts[i]!;
    return part === 'body' && anatomy.inferred[i] && isEmpty(b) ? 'empty' : part;
  });
}

/**
 * Splits runs at a character offset: before it they take `head` (bold too with `headBold`),
 * after it `tail`. With `isHeading` the pieces before the offset are marked as the heading part.
 */
function segmentsOf(runs: Run[], split: number, head: FontSlot, tail: FontSlot, headBold = false, isHeading = false): Segment[] {
  const out: Segment[] = [];
  let offset = 0;
  const push = (r: Run, t: string, inHead: boolean) => {
    if (t === '') return;
    const s: Segment = { text: t, font: inHead ? head : tail };
    if (inHead && isHeading) s.heading = true;
    if (r.bold || (inHead && headBold)) s.bold = true;
    if (r.italic) s.italic = true;
    if (r.underline) s.underline = true;
    out.push(s);
  };
  for (const r of runs) {
    const end = offset + r.text.length;
    if (end <= split) push(r, r.text, true);
    else if (offset >= split) push(r, r.text, false);
    else {
      push(r, r.text.slice(0, split - offset), true);
      push(r, r.text.slice(split - offset), false);
    }
    offset = end;
  }
  return out;
}

/** The runs with a line break ("\n") between the given lines (which together are the runs' text). */
function withBreaks(runs: Run[], lines: string[]): Run[] {
  if (lines.length < 2) return runs;
  const cuts = new Set<number>();
  let at = 0;
  for (const l of lines.slice(0, -1)) cuts.add((at += l.length));
  const out: Run[] = [];
  let offset = 0;
  for (const r of runs) {
    let t = '';
    for (const ch of r.text) {
      if (cuts.has(offset)) t += '\n';
      t += ch;
      offset += ch.length;
    }
    out.push({ ...r, text: t });
  }
  return out;
}

function withText(runs: Run[], t: string): Run[] {
  return [{ ...(runs[0] ?? {}), text: t }];
}

const HEADING_ROLES: ReadonlySet<LayoutRole> = new Set<LayoutRole>(['heading1', 'heading2', 'heading3', 'heading4']);
/** What may stand under a title before the body (no blank line is added between them). */
const FRONT_MATTER: ReadonlySet<LayoutRole> = new Set<LayoutRole>(['doc-number', 'subtitle', 'byline', 'dateline', 'signer']);

interface PartLook {
  align: Alignment;
  font: FontSlot;
  firstLine: number;
  left: number;
  right: number;
}
const look = (align: Alignment, font: FontSlot, firstLine = 0, left = 0, right = 0): PartLook => ({ align, font, firstLine, left, right });

/**
 * How the parts without a rule of their own above are set in the 公文 template (GB/T 9704-2012):
 * font slot, alignment and indents in characters. The 版头 and 版记 distances, the red 标志 and
 * the separators are the Word writer's and the print view's.
 */
export const PART_LOOK: Record<LayoutRole, PartLook> = {
  title: look('center', 'title'),
  'attachment-title': look('center', 'title'),
  heading1: look('justify', 'heading1', 2),
  heading2: look('justify', 'heading2', 2),
  heading3: look('justify', 'body', 2),
  heading4: look('justify', 'body', 2),
  signature: look('right', 'body', 0, 0, 2),
  date: look('right', 'body', 0, 0, 2),
  'attachment-list': look('justify', 'body', 2),
  'doc-number': look('center', 'body'),
  attendance: look('justify', 'body', 2),
  'copy-number': look('left', 'body'),
  secrecy: look('left', 'heading1'),
  urgency: look('left', 'heading1'),
  'issuer-mark': look('center', 'title'),
  signer: look('right', 'body', 0, 0, 1),
  subtitle: look('center', 'heading2'),
  byline: look('center', 'body'),
  dateline: look('center', 'body'),
  salutation: look('justify', 'body'),
  body: look('justify', 'body', 2),
  empty: look('justify', 'body'),
  note: look('justify', 'body', 2),
  'attachment-label': look('left', 'heading1'),
  cc: look('justify', 'body', 0, 1, 1),
  imprint: look('justify', 'body', 0, 1, 1),
};

const HEADING_FONT: Record<HeadingLevel, FontSlot> = { 1: 'heading1', 2: 'heading2', 3: 'body', 4: 'body' };

function base(role: LayoutRole, align: Alignment, segments: Segment[]): LaidParagraph {
  return { type: 'paragraph', role, level: null, align, indent: { firstLine: 0, left: 0, right: 0 }, spaceBefore: 0, spaceAfter: 0, segments, keepNext: false };
}

/** 7.3.5.2 without seal: 署名 right with 2 characters' space; the date's first character 2
 * characters right of the signature's; if the date is the longer one, the date keeps 2
 * characters' space and the signature moves. Returns right indents in characters. */
export function signatureDateIndents(signature: string, date: string): { signature: number; date: number } {
  const s = displayWidth(signature.trim());
  const d = displayWidth(date.trim());
  if (s - d >= 2) return { signature: 2, date: s - d };
  return { signature: d + 4 - s, date: 2 };
}

/** Lays a document out for the given template. */
export function layoutDocument(blocks: Block[], options: LayoutOptions, anatomy: Anatomy = analyzeAnatomy(blocks)): DocumentLayout {
  const roles = rolesOf(blocks, anatomy);
  const headings = anatomy.headings;
  const gbt = options.template === 'gbt9704';
  const out: LaidBlock[] = [];
  const titleLines: string[] = [];
  const signatureIndex = roles.indexOf('signature');
  const dateIndex = roles.indexOf('date');

  blocks.forEach((b, i) => {
    if (b.type === 'table') {
      out.push({ type: 'table', table: b });
      return;
    }
    const role = roles[i] ?? 'body';
    const t = paragraphText(b);
    const userAlign = b.align;
    const ind = b.indent ?? {};
    let p: LaidParagraph;
    const heading = HEADING_ROLES.has(role) ? (headings[i] ?? null) : null;

    if (role === 'title' || role === 'attachment-title') {
      if (role === 'title') titleLines.push(t.trim());
      const lines = gbt ? breakTitle(t, Math.floor((CHARS_PER_LINE * PT.body) / PT.title)) : [t];
      p = base(role, 'center', segmentsOf(withBreaks(b.runs, lines), Infinity, 'title', 'title'));
      p.keepNext = true;
      // One blank line under the title, unless the document has one already; a 发文字号 printed
      // under the title (as published on the web) takes that line below itself, above the 主送.
      const next = blocks[i + 1];
      if (roles[i + 1] !== role && !FRONT_MATTER.has(roles[i + 1]!) && next && !isEmpty(next)) p.spaceAfter = 1;
    } else if (heading && HEADING_ROLES.has(role)) {
      const level = heading.level;
      const split = heading.runIn ? heading.headingEnd : Infinity;
      p = base(`heading${level}`, 'justify', segmentsOf(b.runs, split, gbt ? HEADING_FONT[level] : level <= 2 ? 'heading1' : 'body', 'body', gbt && level === 3 && options.heading3Bold, true));
      p.level = level;
      p.indent.firstLine = 2;
      p.keepNext = !heading.runIn;
    } else if (role === 'signature' || role === 'date') {
      let content = t;
      if (role === 'date' && options.normalizeDates) content = normalizeDate(t) ?? t;
      p = base(role, 'right', segmentsOf(content === t ? b.runs : withText(b.runs, content), Infinity, 'body', 'body'));
      const sig = signatureIndex >= 0 ? paragraphText(blocks[signatureIndex] as Paragraph) : '';
      const rawDate = dateIndex >= 0 ? paragraphText(blocks[dateIndex] as Paragraph) : '';
      const date = options.normalizeDates ? (normalizeDate(rawDate) ?? rawDate) : rawDate;
      const indents = sig && date ? signatureDateIndents(sig, date) : { signature: 2, date: 2 };
      p.indent.right = role === 'signature' ? indents.signature : indents.date;
      if (role === 'signature') {
        p.keepNext = true;
        if (!isEmpty(blocks[i - 1])) p.spaceBefore = 1;
      } else if (signatureIndex < 0 && !isEmpty(blocks[i - 1])) {
        p.spaceBefore = 1;
      }
    } else if (role === 'attachment-list') {
      // "附件：1.名称": the first line 2 characters in; a wrapped name aligns under the name.
      const first = ATTACHMENT.test(t.trim());
      const label = first ? /^附件[：:]\s*(\d{1,2}[.．])?/.exec(t.trim())![0] : (/^\d{1,2}[.．]/.exec(t.trim())?.[0] ?? '');
      const labelWidth = displayWidth(label);
      const numberWidth = first ? labelWidth - 3 : labelWidth;
      p = base('attachment-list', 'justify', segmentsOf(b.runs, Infinity, 'body', 'body'));
      // Items after the first align their numbers under the first item's number ("附件：" is 3 wide).
      p.indent.left = 2 + (first ? labelWidth : 3 + numberWidth);
      p.indent.firstLine = first ? -labelWidth : -numberWidth;
      if (first && !isEmpty(blocks[i - 1])) p.spaceBefore = 1;
    } else if (role === 'doc-number') {
      p = base(role, 'center', segmentsOf(b.runs, Infinity, 'body', 'body'));
      const next = blocks[i + 1];
      if (roles[i - 1] === 'title' && next && !isEmpty(next)) p.spaceAfter = 1;
    } else if (role === 'attendance') {
      // 纪要: "出席：" in 黑体, the names in 仿宋 (10.3).
      const colon = /^[^：:]*[：:]/.exec(t.trimStart());
      const split = colon ? t.length - t.trimStart().length + colon[0].length : 0;
      p = base(role, 'justify', segmentsOf(b.runs, split, 'heading1', 'body'));
      p.indent.firstLine = 2;
    } else {
      const look = PART_LOOK[role];
      p = base(role, look.align, segmentsOf(b.runs, Infinity, look.font, look.font));
      p.indent = { firstLine: look.firstLine, left: look.left, right: look.right };
    }

    if (!gbt) {
      // 通用: the user's own paragraph formatting, Word's heading styles.
      if (p.role !== 'title') {
        p.align = userAlign ?? (p.role === 'signature' || p.role === 'date' ? 'right' : 'justify');
        p.indent = { firstLine: ind.firstLineChars ?? 0, left: ind.leftChars ?? 0, right: ind.rightChars ?? 0 };
        p.spaceBefore = 0;
      }
    } else if ((p.role === 'body' || p.role === 'empty') && (userAlign === 'center' || userAlign === 'right')) {
      // A body paragraph the user centred or right-aligned on purpose stays so.
      p.align = userAlign;
      p.indent.firstLine = 0;
    } else if (p.role === 'body' || p.role === 'salutation') {
      if (ind.leftChars) p.indent.left = ind.leftChars;
      if (ind.rightChars) p.indent.right = ind.rightChars;
    }
    out.push(p);
  });
  keepClosingWithText(out);
  return { blocks: out, title: titleLines.join('') };
}

/**
 * The 署名 and 成文日期 never stand alone on the last page: the last paragraph of text above them
 * (and the 附件说明 and blank lines in between) keeps with them.
 */
function keepClosingWithText(out: LaidBlock[]): void {
  const isRole = (b: LaidBlock | undefined, ...roles: LayoutRole[]) => b?.type === 'paragraph' && roles.includes(b.role);
  let k = out.findIndex((b) => isRole(b, 'signature'));
  if (k < 0) k = out.findIndex((b) => isRole(b, 'date'));
  if (k <= 0) return;
  for (k--; k >= 0; k--) {
    const b = out[k]!;
    if (b.type !== 'paragraph') return;
    b.keepNext = true;
    if (b.role !== 'empty' && b.role !== 'attachment-list') return;
  }
}
