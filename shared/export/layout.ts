/**
 * What each block of a document becomes on the page, decided once for every output: the Word
 * writer (shared/docx/write) and the print view / PDF (shared/export/printView.ts) both render
 * this plan.
 *
 * Input: the blocks and the part of each (DocumentPart, shared/model/parts.ts: 份号, 标志,
 * 发文字号, 标题, headings, 附件说明, 附件, 抄送, 印发…), which the document anatomy assigns, plus
 * the 公文's format (文件, 信函, 命令, 纪要). The 公文 template then applies GB/T 9704-2012: the
 * 版头 (份号/密级/紧急 flush left, the red 标志 at its distance from the top, 发文字号, 签发人, the
 * red separator), fonts per part (only the heading part of a run-in heading takes the heading
 * font), indents, the 7.3.5 placement of signature and date, each 附件 on a new page, and the 版记
 * with its separators anchored to the bottom of the last page's 版心. Every distance is in the
 * plan (twips), so both renderers put things in the same place.
 */
import { analyzeAnatomy, type Anatomy } from '../anatomy/anatomy';
import { paragraphText, type Alignment, type Block, type Paragraph, type Run, type Table } from '../model/document';
import type { DocumentFormat, DocumentPart } from '../model/parts';
import type { HeadingInfo, HeadingLevel } from '../outline/levels';
import { normalizeDate } from '../text/dates';
import {
  CHARS_PER_LINE,
  CHAR_TWIPS,
  ISSUER_MARK,
  LETTER_RULES,
  LINE_TWIPS,
  MARGINS,
  PAGE,
  PT,
  RECORD_CHAR_TWIPS,
  RECORD_PT,
  RECORD_RULES,
  RED,
  SEPARATOR,
  TEXT_WIDTH_TWIPS,
  displayWidth,
} from './gbt9704';
import { breakTitle } from './titleBreaks';

export type ExportTemplateName = 'gbt9704' | 'plain';

export interface LayoutOptions {
  template: ExportTemplateName;
  /** 三级标题 in bold (its heading part only). */
  heading3Bold: boolean;
  /** Rewrite the 成文日期 as 2024年3月5日. */
  normalizeDates: boolean;
  /** The format (§10), overriding the anatomy's (from the 标志: …函 → 信函, …令 → 命令, …纪要 → 纪要). */
  format?: DocumentFormat;
}

/** What a paragraph is on the page: its part, a blank line, or a line the 版头 draws. */
export type LayoutRole = DocumentPart | 'empty' | 'separator';

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

/** A horizontal rule (a paragraph border): thickness in points, colour as RRGGBB. */
export interface Rule {
  pt: number;
  color: string;
}

export interface LaidParagraph {
  type: 'paragraph';
  role: LayoutRole;
  /** 1–4 for headings (Word's heading styles, the navigation pane), else null. */
  level: HeadingLevel | null;
  /** The block it was laid from (none for the lines the layout adds). */
  source?: number;
  align: Alignment | 'distribute';
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
  /** Font size in points. */
  size: number;
  /** Exact line height in twips. */
  line: number;
  /** Space above in twips besides `spaceBefore` (the 版头's distances). */
  gapBefore?: number;
  /** Text colour (RRGGBB), e.g. the red 标志. */
  color?: string;
  /** Character width in percent (a long 标志 squeezed to one line). */
  scale?: number;
  /** Not on the line grid (lines of another height: title, 标志, rules). */
  offGrid?: boolean;
  /** Starts a new page (each 附件). */
  pageBreakBefore?: boolean;
  borders?: { top?: Rule; bottom?: Rule };
  /** A tab stop, in twips from the left edge of the 版心 (签发人, 印发日期). */
  tab?: { type: 'left' | 'right'; pos: number };
}

export interface LaidTable {
  type: 'table';
  table: Table;
}

/** Joint issuance (联合行文): the organs stacked, "文件" to their right, vertically centred. */
export interface LaidJointMark {
  type: 'joint-mark';
  organs: string[];
  suffix: string;
  size: number;
  /** Each organ's line height in twips. */
  line: number;
  /** Column widths in twips: the organs, the suffix. */
  widths: [number, number];
  scale: number;
  gapBefore: number;
}

/**
 * Paragraphs set apart from the text flow at a fixed place: the 版记 at the bottom of the last
 * page's 版心, and the 信函's 标志 with its double lines on the first page.
 */
export interface LaidFloat {
  type: 'float';
  kind: 'record' | 'letter-head' | 'letter-foot';
  /** Box position: from the left edge of the 版心 and, for the letter, from the top of the page. */
  x: number;
  y: number;
  width: number;
  height: number;
  blocks: LaidParagraph[];
}

export type LaidBlock = LaidParagraph | LaidTable | LaidJointMark | LaidFloat;

export interface DocumentLayout {
  blocks: LaidBlock[];
  /** The title's text (lines joined), for the file's core properties. */
  title: string;
  format: DocumentFormat;
  /** False for the 信函: no page number on the first page. */
  numberFirstPage: boolean;
  /** The part each block is laid out as (from the anatomy; 'empty' for blank paragraphs). */
  parts: LayoutRole[];
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

const HEADING_FONT: Record<HeadingLevel, FontSlot> = { 1: 'heading1', 2: 'heading2', 3: 'body', 4: 'body' };
const HEAD_PARTS = new Set<DocumentPart>(['copy-number', 'secrecy', 'urgency', 'issuer-mark', 'doc-number', 'signer']);
const RECORD_PARTS = new Set<DocumentPart>(['cc', 'imprint']);

function base(role: LayoutRole, align: Alignment | 'distribute', segments: Segment[], size: number = PT.body): LaidParagraph {
  return { type: 'paragraph', role, level: null, align, indent: { firstLine: 0, left: 0, right: 0 }, spaceBefore: 0, spaceAfter: 0, segments, keepNext: false, size, line: LINE_TWIPS };
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

/** Character scale (percent) that fits `width` twips of text into `room`; 100 when it fits. */
function squeeze(width: number, room: number): number {
  return width <= room ? 100 : Math.max(ISSUER_MARK.minScalePercent, Math.floor((room * 100) / width));
}

/** The 发文机关标志 of the 版头: one line, or joint issuance as organs stacked with "文件" beside. */
function issuerMark(texts: string[], gapBefore: number): LaidParagraph | LaidJointMark {
  const size = ISSUER_MARK.pt;
  const line = size * 20;
  const charTwips = size * 20;
  if (texts.length === 1) {
    const t = texts[0]!;
    const p = base('issuer-mark', 'center', [{ text: t, font: 'title' }], size);
    Object.assign(p, { line, gapBefore, color: RED, offGrid: true, scale: squeeze(displayWidth(t) * charTwips, TEXT_WIDTH_TWIPS) });
    return p;
  }
  // "文件" (or 的 genre word) on a line of its own, or at the end of every or of the last organ.
  let organs = [...texts];
  let suffix = '';
  const SUFFIX = /(文件|联合通知|纪要|函)$/;
  if (organs.length > 2 && displayWidth(organs[organs.length - 1]!) <= 4 && SUFFIX.test(organs[organs.length - 1]!)) suffix = organs.pop()!;
  else {
    const m = SUFFIX.exec(organs[organs.length - 1]!);
    if (m) {
      suffix = m[1]!;
      organs = organs.map((o) => o.replace(new RegExp(`${suffix}$`), ''));
    }
  }
  const organWidth = Math.max(...organs.map((o) => displayWidth(o))) * charTwips;
  const suffixWidth = (displayWidth(suffix) + 0.5) * charTwips;
  const scale = squeeze(organWidth + suffixWidth, TEXT_WIDTH_TWIPS);
  return { type: 'joint-mark', organs, suffix, size, line, widths: [Math.ceil((organWidth * scale) / 100), Math.ceil((suffixWidth * scale) / 100)], scale, gapBefore };
}

/** 发文字号 with 签发人 (上行文, 7.2.6): the number one 字 in on the left, on the line of the last
 * signer; "签发人：" 仿宋 and the names 楷体 one 字 in from the right, two names a line. */
function signedDocNumber(docNumber: string, signerText: string): LaidParagraph[] {
  const names = signerText.replace(/^签发人[：:]\s*/, '').split(/[\s\u3000、，,]+/).filter(Boolean);
  const rows: string[][] = [];
  for (let k = 0; k < names.length; k += 2) rows.push(names.slice(k, k + 2));
  if (rows.length === 0) rows.push([]);
  const label = '签发人：';
  const rowText = (r: string[]) => r.join(' ');
  const widest = Math.max(...rows.map((r) => displayWidth(rowText(r))));
  // The label starts where the widest line of names ends one 字 from the right edge.
  const labelAt = TEXT_WIDTH_TWIPS - CHAR_TWIPS - (displayWidth(label) + widest) * CHAR_TWIPS;
  const namesAt = labelAt + displayWidth(label) * CHAR_TWIPS;
  return rows.map((r, k) => {
    const last = k === rows.length - 1;
    const segs: Segment[] = [];
    if (last) segs.push({ text: docNumber, font: 'body' });
    segs.push({ text: '\t', font: 'body' });
    if (k === 0) segs.push({ text: label, font: 'body' });
    segs.push({ text: rowText(r), font: 'heading2' });
    const p = base(last ? 'doc-number' : 'signer', 'left', segs);
    if (last) p.indent.left = 1;
    p.tab = { type: 'left', pos: Math.round(k === 0 ? labelAt : namesAt) };
    return p;
  });
}

/** The red separator: an empty line whose bottom border is the rule, `height` twips under the line above. */
function rule(height: number, r: Rule, extend = 0): LaidParagraph {
  const p = base('separator', 'left', [], 1);
  p.line = height;
  p.offGrid = true;
  p.borders = { bottom: r };
  if (extend) p.indent = { firstLine: 0, left: -extend / CHAR_TWIPS, right: -extend / CHAR_TWIPS };
  return p;
}

/** The 信函's double line: thick over thin (top) or thin over thick (bottom), 170 mm. */
function doubleRule(thickFirst: boolean): LaidParagraph {
  const p = base('separator', 'left', [], 1);
  p.line = LETTER_RULES.gap;
  p.offGrid = true;
  const thick = { pt: LETTER_RULES.thickPt, color: RED };
  const thin = { pt: LETTER_RULES.thinPt, color: RED };
  p.borders = thickFirst ? { top: thick, bottom: thin } : { top: thin, bottom: thick };
  return p;
}
const DOUBLE_RULE_TWIPS = LETTER_RULES.gap + Math.round((LETTER_RULES.thickPt + LETTER_RULES.thinPt) * 20);

/** A 版记 line: 四号, one 字 in on both sides; "抄送：" wraps under the names. */
function recordLine(part: 'cc' | 'imprint', t: string): LaidParagraph {
  const text = t.trim();
  if (part === 'imprint') {
    // "××市人民政府办公室  2025年3月6日印发": the organ left, the date right, one 字 in each.
    const m = /^(.*?)[\s\u3000]*((?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年.*印发)$/.exec(text);
    const segs: Segment[] = m ? [{ text: m[1]!, font: 'body' }, { text: `\t${m[2]!}`, font: 'body' }] : [{ text, font: 'body' }];
    const p = base('imprint', 'left', segs, RECORD_PT);
    p.indent = { firstLine: 0, left: 1, right: 1 };
    if (m) p.tab = { type: 'right', pos: TEXT_WIDTH_TWIPS - RECORD_CHAR_TWIPS };
    return p;
  }
  const label = /^[^：:]{1,8}[：:]/.exec(text)?.[0] ?? '';
  const w = displayWidth(label);
  const p = base('cc', 'justify', [{ text, font: 'body' }], RECORD_PT);
  p.indent = { firstLine: -w, left: 1 + w, right: 1 };
  return p;
}

/** Lines a 版记 paragraph takes (四号 in the 版心 less two characters). */
function recordLines(p: LaidParagraph): number {
  const perLine = Math.floor(TEXT_WIDTH_TWIPS / RECORD_CHAR_TWIPS) - 2;
  const text = p.segments.map((s) => s.text).join('');
  return Math.max(1, Math.ceil((displayWidth(text) + (p.tab ? 2 : 0)) / perLine));
}

/** The 版记 (7.4): its lines with thick–thin–thick separators (none in a 信函), at the bottom of
 * the 版心. The rules are lines of their own, as wide as the 版心 (the text is one 字 in). */
function record(lines: LaidParagraph[], withRules: boolean): LaidFloat {
  const blocks: LaidParagraph[] = [];
  const ruleLine = (pt: number) => rule(RULE_LINE_TWIPS, { pt, color: '000000' });
  lines.forEach((p, k) => {
    if (withRules && k === 0) blocks.push(ruleLine(RECORD_RULES.thickPt));
    else if (withRules && p.role === 'imprint' && lines[k - 1]?.role !== 'imprint') blocks.push(ruleLine(RECORD_RULES.thinPt));
    blocks.push(p);
  });
  if (withRules) blocks.push(ruleLine(RECORD_RULES.thickPt));
  const height = blocks.reduce((h, p) => h + (p.role === 'separator' ? p.line + Math.ceil((p.borders?.bottom?.pt ?? 0) * 20) : recordLines(p) * p.line), 0);
  return { type: 'float', kind: 'record', x: 0, y: 0, width: TEXT_WIDTH_TWIPS, height, blocks };
}
/** The height of a rule's own line in the 版记 (the rule is its bottom border). */
const RULE_LINE_TWIPS = 20;

interface Ctx {
  blocks: Block[];
  parts: (LayoutRole | null)[];
  options: LayoutOptions;
  format: DocumentFormat;
  headings: Array<HeadingInfo | null>;
}

/** The 版头 (7.2, 10) from the blocks at the top that are its parts; returns the laid blocks and
 * where the text after it starts. Blank lines inside the 版头 are replaced by its own distances. */
/** What the 版头 leaves for the text under it. */
interface Head {
  out: LaidBlock[];
  /** The first block after the 版头. */
  next: number;
  /** Blank lines the next paragraph of text must have above it (two under the red line). */
  owed: number;
}

function layHead(ctx: Ctx): Head {
  const { blocks, parts, format } = ctx;
  let i = 0;
  const at = (k: number) => (blocks[k]?.type === 'paragraph' ? paragraphText(blocks[k] as Paragraph).trim() : '');
  const skipEmpty = () => {
    while (i < blocks.length && blocks[i]!.type === 'paragraph' && at(i) === '' && !HEAD_PARTS.has(parts[i] as DocumentPart)) i++;
  };
  const out: LaidBlock[] = [];
  let used = 0;
  skipEmpty();
  // 份号, 密级, 紧急程度: flush left, one a line, 密级 and 紧急 in 黑体.
  while (i < blocks.length && (parts[i] === 'copy-number' || parts[i] === 'secrecy' || parts[i] === 'urgency')) {
    const part = parts[i] as DocumentPart;
    const p = base(part, 'left', segmentsOf((blocks[i] as Paragraph).runs, Infinity, part === 'copy-number' ? 'body' : 'heading1', 'body'));
    out.push(p);
    used += p.line;
    i++;
    skipEmpty();
  }
  const marks: string[] = [];
  while (i < blocks.length && parts[i] === 'issuer-mark') {
    marks.push(at(i));
    i++;
    skipEmpty();
  }
  if (marks.length === 0) return { out, next: i, owed: 0 };

  let docNumber: string | null = null;
  let signer: string | null = null;
  while (i < blocks.length && (parts[i] === 'doc-number' || parts[i] === 'signer')) {
    if (parts[i] === 'doc-number') docNumber = at(i);
    else signer = signer ? `${signer} ${at(i)}` : at(i);
    i++;
    skipEmpty();
  }

  if (format === 'letter') {
    // 信函: the 标志 and the double line at fixed places on the first page (a float), the
    // 发文字号 flush right under the line, the lower double line 20 mm above the page's bottom.
    const markSize = ISSUER_MARK.pt * 20;
    const extend = Math.round((LETTER_RULES.width - TEXT_WIDTH_TWIPS) / 2);
    const mark = issuerMark([marks.join('')], 0) as LaidParagraph;
    mark.scale = squeeze(displayWidth(marks.join('')) * markSize, TEXT_WIDTH_TWIPS);
    // 4 mm under the 标志's characters, which end about 0.12 em above their line's bottom.
    const gapToRule = LETTER_RULES.belowMark - Math.round(0.12 * markSize);
    const top = doubleRule(true);
    top.gapBefore = gapToRule;
    const headHeight = markSize + gapToRule + DOUBLE_RULE_TWIPS;
    out.push({ type: 'float', kind: 'letter-head', x: -extend, y: ISSUER_MARK.letterTopFromPage, width: LETTER_RULES.width, height: headHeight, blocks: [mark, top] });
    out.push({ type: 'float', kind: 'letter-foot', x: -extend, y: PAGE.height - LETTER_RULES.aboveBottom - DOUBLE_RULE_TWIPS, width: LETTER_RULES.width, height: DOUBLE_RULE_TWIPS, blocks: [doubleRule(false)] });
    // The flow starts at the top of the 版心: what follows goes under the double line.
    const below = Math.max(0, ISSUER_MARK.letterTopFromPage + headHeight - MARGINS.top - used);
    const p = docNumber ? base('doc-number', 'right', [{ text: docNumber, font: 'body' }]) : Object.assign(base('separator', 'left', [], 1), { line: 1, offGrid: true });
    p.gapBefore = below;
    out.push(p);
    return { out, next: i, owed: 1 };
  }

  const markTop = ISSUER_MARK.topBelowTextTop[format];
  out.push(issuerMark(marks, Math.max(0, markTop - used)));
  if (docNumber !== null) {
    const lines = signer ? signedDocNumber(docNumber, signer) : [base('doc-number', 'center', [{ text: docNumber, font: 'body' }])];
    lines[0]!.spaceBefore = 2;
    out.push(...lines);
  }
  if (format !== 'order') out.push(rule(SEPARATOR.belowDocNumber, { pt: SEPARATOR.pt, color: RED }));
  return { out, next: i, owed: 2 };
}

/** Lays a document out for the given template, from its anatomy (the part of each block). */
export function layoutDocument(blocks: Block[], options: LayoutOptions, anatomy: Anatomy = analyzeAnatomy(blocks)): DocumentLayout {
  const parts = rolesOf(blocks, anatomy);
  const format = options.format ?? anatomy.format;
  const gbt = options.template === 'gbt9704';
  const ctx: Ctx = { blocks, parts, options, format, headings: anatomy.headings };
  const out: LaidBlock[] = [];
  const recordLines: LaidParagraph[] = [];
  const titleLines: string[] = [];
  const partAt = (k: number): LayoutRole => parts[k] ?? 'body';
  const signatureIndex = parts.indexOf('signature');
  const dateIndex = parts.indexOf('date');
  /** Blank lines still owed above the next paragraph of text (two under the red line). */
  let owed = 0;
  let start = 0;
  if (gbt) {
    const head = layHead(ctx);
    out.push(...head.out);
    start = head.next;
    owed = head.owed;
  }

  for (let i = start; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.type === 'table') {
      out.push({ type: 'table', table: b });
      owed = 0;
      continue;
    }
    const role = partAt(i);
    if (gbt && role === 'empty' && owed > 0) {
      owed--;
      continue;
    }
    const p = gbt ? layParagraph(ctx, i, role, { signatureIndex, dateIndex, titleLines }) : layPlain(ctx, i, role, titleLines);
    p.source = i;
    if (gbt && RECORD_PARTS.has(role as DocumentPart)) {
      recordLines.push(recordLine(role as 'cc' | 'imprint', paragraphText(b)));
      continue;
    }
    if (owed > 0 && role !== 'empty') {
      p.spaceBefore = Math.max(p.spaceBefore, owed);
      owed = 0;
    }
    out.push(p);
  }
  if (gbt) keepClosingWithText(out);
  if (recordLines.length > 0) out.push(record(recordLines, format !== 'letter'));
  return { blocks: out, title: titleLines.join(''), format, numberFirstPage: !(gbt && format === 'letter'), parts: blocks.map((_, k) => partAt(k)) };
}

/** A paragraph in the 公文 template. */
function layParagraph(ctx: Ctx, i: number, role: LayoutRole, at: { signatureIndex: number; dateIndex: number; titleLines: string[] }): LaidParagraph {
  const { blocks, parts, options } = ctx;
  const b = blocks[i] as Paragraph;
  const t = paragraphText(b);
  const userAlign = b.align;
  const ind = b.indent ?? {};
  let p: LaidParagraph;
  const level = role === 'heading1' ? 1 : role === 'heading2' ? 2 : role === 'heading3' ? 3 : role === 'heading4' ? 4 : null;

  if (role === 'title' || role === 'attachment-title') {
    if (role === 'title') at.titleLines.push(t.trim());
    const lines = breakTitle(t, Math.floor((CHARS_PER_LINE * PT.body) / PT.title));
    p = base(role, 'center', segmentsOf(withBreaks(b.runs, lines), Infinity, 'title', 'title'), PT.title);
    p.keepNext = true;
    p.offGrid = true;
    const next = blocks[i + 1];
    if (role === 'attachment-title') {
      // "附件N" on the first line, the title on the third.
      if (parts[i - 1] === 'attachment-label') p.spaceBefore = 1;
      if (next && !isEmpty(next)) p.spaceAfter = 1;
    } else if (parts[i + 1] !== 'title' && parts[i + 1] !== 'doc-number' && parts[i + 1] !== 'subtitle' && parts[i + 1] !== 'byline' && parts[i + 1] !== 'dateline' && next && !isEmpty(next)) {
      // One blank line under the title, unless the document has one already; a 发文字号 printed
      // under the title (as published on the web) takes that line below itself, above the 主送.
      p.spaceAfter = 1;
    }
  } else if (level) {
    const heading = ctx.headings[i];
    const split = heading && heading.level === level && heading.runIn ? heading.headingEnd : Infinity;
    p = base(role, 'justify', segmentsOf(b.runs, split, HEADING_FONT[level], 'body', level === 3 && options.heading3Bold, true));
    // A heading's title continued on the next line is set like it, but is not a heading again.
    p.level = heading ? level : null;
    p.indent.firstLine = 2;
    p.keepNext = split === Infinity;
  } else if (role === 'signature' || role === 'date') {
    let content = t;
    if (role === 'date' && options.normalizeDates) content = normalizeDate(t) ?? t;
    p = base(role, 'right', segmentsOf(content === t ? b.runs : withText(b.runs, content), Infinity, 'body', 'body'));
    const sig = at.signatureIndex >= 0 ? paragraphText(blocks[at.signatureIndex] as Paragraph) : '';
    const rawDate = at.dateIndex >= 0 ? paragraphText(blocks[at.dateIndex] as Paragraph) : '';
    const date = options.normalizeDates ? (normalizeDate(rawDate) ?? rawDate) : rawDate;
    const indents = sig && date ? signatureDateIndents(sig, date) : { signature: 2, date: 2 };
    p.indent.right = role === 'signature' ? indents.signature : indents.date;
    if (role === 'signature') {
      p.keepNext = true;
      if (!isEmpty(blocks[i - 1]) && parts[i - 1] !== 'signature') p.spaceBefore = 1;
    } else if (at.signatureIndex < 0 && !isEmpty(blocks[i - 1])) {
      p.spaceBefore = 1;
    }
  } else if (role === 'attachment-list') {
    // "附件：1.名称": the first line 2 characters in; a wrapped name aligns under the name.
    const first = ATTACHMENT.test(t.trim());
    const label = first ? /^附件[：:]\s*(\d{1,2}[.．])?/.exec(t.trim())![0] : (/^\d{1,2}[.．]/.exec(t.trim())?.[0] ?? '');
    const labelWidth = displayWidth(label);
    const numberWidth = first ? labelWidth - 3 : labelWidth;
    p = base(role, 'justify', segmentsOf(b.runs, Infinity, 'body', 'body'));
    // Items after the first align their numbers under the first item's number ("附件：" is 3 wide).
    p.indent.left = 2 + (first ? labelWidth : 3 + numberWidth);
    p.indent.firstLine = first ? -labelWidth : -numberWidth;
    if (first && !isEmpty(blocks[i - 1])) p.spaceBefore = 1;
  } else if (role === 'attachment-label') {
    // Each 附件 starts a page: "附件1" in 黑体 flush left on the first line (7.3.7).
    p = base(role, 'left', segmentsOf(b.runs, Infinity, 'heading1', 'heading1'));
    p.pageBreakBefore = true;
    p.keepNext = true;
  } else if (role === 'subtitle') {
    p = base(role, 'center', segmentsOf(b.runs, Infinity, 'heading2', 'heading2'));
    p.keepNext = true;
  } else if (role === 'byline' || role === 'dateline') {
    p = base(role, 'center', segmentsOf(b.runs, Infinity, 'body', 'body'));
    p.keepNext = true;
    const next = blocks[i + 1];
    if (parts[i + 1] !== 'byline' && parts[i + 1] !== 'dateline' && next && !isEmpty(next)) p.spaceAfter = 1;
  } else if (role === 'attendance') {
    // 纪要: "出席：" in 黑体, the names in 仿宋, two 字 in; wrapped names align after the colon.
    const label = /^[^：:]{1,6}[：:]/.exec(t.trim())?.[0] ?? '';
    const w = displayWidth(label);
    p = base(role, 'justify', segmentsOf(b.runs, t.indexOf(label) + label.length, 'heading1', 'body'));
    p.indent = { firstLine: -w, left: 2 + w, right: 0 };
  } else if (role === 'doc-number' || role === 'issuer-mark' || role === 'copy-number' || role === 'secrecy' || role === 'urgency' || role === 'signer') {
    // A 版头 part out of its place (after the text): centred as it would print, without the red.
    p = base(role, role === 'doc-number' || role === 'issuer-mark' ? 'center' : 'left', segmentsOf(b.runs, Infinity, 'body', 'body'));
    if (role === 'doc-number' && parts[i - 1] === 'title' && blocks[i + 1] && !isEmpty(blocks[i + 1])) p.spaceAfter = 1;
  } else {
    p = base(role, 'justify', segmentsOf(b.runs, Infinity, 'body', 'body'));
    if (role !== 'salutation' && role !== 'empty') p.indent.firstLine = 2;
  }

  if ((p.role === 'body' || p.role === 'empty') && (userAlign === 'center' || userAlign === 'right')) {
    // A body paragraph the user centred or right-aligned on purpose stays so.
    p.align = userAlign;
    p.indent.firstLine = 0;
  } else if (p.role === 'body' || p.role === 'salutation') {
    if (ind.leftChars) p.indent.left = ind.leftChars;
    if (ind.rightChars) p.indent.right = ind.rightChars;
  }
  return p;
}

/** A paragraph in the 通用 template: the user's own paragraph formatting, Word's heading styles. */
function layPlain(ctx: Ctx, i: number, role: LayoutRole, titleLines: string[]): LaidParagraph {
  const b = ctx.blocks[i] as Paragraph;
  const ind = b.indent ?? {};
  const level = role === 'heading1' ? 1 : role === 'heading2' ? 2 : role === 'heading3' ? 3 : role === 'heading4' ? 4 : null;
  if (role === 'title') {
    titleLines.push(paragraphText(b).trim());
    const p = base('title', 'center', segmentsOf(b.runs, Infinity, 'title', 'title'), PT.title);
    p.keepNext = true;
    return p;
  }
  const heading = level ? ctx.headings[i] : undefined;
  const split = level && heading && heading.level === level && heading.runIn ? heading.headingEnd : Infinity;
  const p = base(role, b.align ?? (role === 'signature' || role === 'date' ? 'right' : 'justify'), segmentsOf(b.runs, split, level ? (level <= 2 ? 'heading1' : 'body') : 'body', 'body', false, level !== null));
  p.level = heading ? level : null;
  p.keepNext = level !== null && split === Infinity;
  p.indent = { firstLine: ind.firstLineChars ?? 0, left: ind.leftChars ?? 0, right: ind.rightChars ?? 0 };
  return p;
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
