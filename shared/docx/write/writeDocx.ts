/**
 * The Word writer: a WgDocument → .docx bytes, with two templates.
 *
 * - `gbt9704` (公文): GB/T 9704-2012 page, grid, fonts, indents and page numbers
 *   (../shared/docs/gbt9704.md gives every value and the Word pitfalls avoided here).
 * - `plain` (通用): Word's look for documents that are not 公文: the user's alignment and indents,
 *   headings as Word headings, body 宋体 12 pt.
 *
 * What each paragraph is comes from shared/export/layout.ts, the plan the print view renders too.
 * Style ids and names are listed in DOCX_STYLES so a reader can map them back to roles.
 *
 * The XML is written directly (wordml.ts), not through an object model: each distinct set of
 * paragraph and run properties is written once and reused, so a 200,000-character report costs
 * little more than its text. The 公文's needs that Word's object libraries lack are written in
 * place: w:snapToGrid 0 on lines off the grid, w:widowControl 0 everywhere, and the floats (版记,
 * the 信函's 标志 and lines) as DrawingML text boxes anchored to the page.
 */
import type { Alignment, Paragraph as ModelParagraph, Table as ModelTable, WgDocument } from '../../model/document';
import type { ExportFonts } from '../../export/fonts';
import { CHAR_SCALE_PERCENT, CHAR_TWIPS, FOOTER_TWIPS, LINE_TWIPS, MARGINS, PAGE, PT, RED, TEXT_WIDTH_TWIPS } from '../../export/gbt9704';
import { layoutDocument, type FontSlot, type LaidFloat, type LaidJointMark, type LaidParagraph, type LayoutOptions, type LayoutRole, type Rule, type Segment } from '../../export/layout';
import { PART_LABELS } from '../../model/parts';
import {
  BODY_NAMESPACES,
  XML_DECLARATION,
  cached,
  footerRelId,
  footerXml,
  packageParts,
  pageFieldRunsXml,
  paragraphPropsXml,
  runContentXml,
  runPropsXml,
  settingsXml,
  stylesXml,
  type ParagraphProps,
  type RunFont,
  type RunProps,
  type StyleDef,
} from './wordml';
import { zipParts, type DeflateRaw } from './zipWrite';
import { encodeUtf8 } from '../../text/codec';

export interface DocxOptions extends LayoutOptions {
  fonts: ExportFonts;
  /** Written as the author (dc:creator) and last editor of the file. */
  author?: string;
}

/** Paragraph styles by role: Word's built-in ids and names for title and headings (Word's
 * navigation pane shows them), named custom styles for the other 公文 parts. */
export const DOCX_STYLES: Record<Exclude<LayoutRole, 'empty' | 'body'>, { id: string; name: string }> = {
  title: { id: 'Title', name: 'Title' },
  heading1: { id: 'Heading1', name: 'heading 1' },
  heading2: { id: 'Heading2', name: 'heading 2' },
  heading3: { id: 'Heading3', name: 'heading 3' },
  heading4: { id: 'Heading4', name: 'heading 4' },
  'doc-number': { id: 'WgDocNumber', name: '发文字号' },
  salutation: { id: 'WgSalutation', name: '主送机关' },
  signature: { id: 'WgSignature', name: '署名' },
  date: { id: 'WgDate', name: '成文日期' },
  'attachment-list': { id: 'WgAttachment', name: '附件说明' },
  'copy-number': { id: 'WgCopyNumber', name: PART_LABELS['copy-number'] },
  secrecy: { id: 'WgSecrecy', name: PART_LABELS.secrecy },
  urgency: { id: 'WgUrgency', name: PART_LABELS.urgency },
  'issuer-mark': { id: 'WgIssuerMark', name: PART_LABELS['issuer-mark'] },
  signer: { id: 'WgSigner', name: PART_LABELS.signer },
  subtitle: { id: 'WgSubtitle', name: PART_LABELS.subtitle },
  byline: { id: 'WgByline', name: PART_LABELS.byline },
  dateline: { id: 'WgDateline', name: PART_LABELS.dateline },
  note: { id: 'WgNote', name: PART_LABELS.note },
  attendance: { id: 'WgAttendance', name: PART_LABELS.attendance },
  'attachment-label': { id: 'WgAttachmentLabel', name: PART_LABELS['attachment-label'] },
  'attachment-title': { id: 'WgAttachmentTitle', name: PART_LABELS['attachment-title'] },
  cc: { id: 'WgCc', name: PART_LABELS.cc },
  imprint: { id: 'WgImprint', name: PART_LABELS.imprint },
  separator: { id: 'WgSeparator', name: '分隔线' },
};

/** Styles of lines that are not on the 28.95 pt grid (w:snapToGrid 0): the title, the 标志, rules. */
const OFF_GRID_STYLES = new Set(['Title', 'WgIssuerMark', 'WgAttachmentTitle', 'WgSeparator']);

const JC: Record<Alignment | 'distribute', NonNullable<ParagraphProps['jc']>> = {
  distribute: 'distribute',
  left: 'left',
  center: 'center',
  right: 'right',
  justify: 'both',
};

type Spacing = { line: number; rule: 'exact' | 'auto'; before: number; after: number };

/** Everything that differs between the two templates. */
interface Template {
  /** 公文: the GB/T 9704 grid, widow control off, odd/even page numbers. */
  gbt: boolean;
  /** Half-points for a role. */
  size(role: LayoutRole): number;
  /** Run fonts for a piece of text. */
  font(slot: FontSlot): RunFont;
  /** Twips of one character of a paragraph of this role (indents are given in characters). */
  charTwips(role: LayoutRole): number;
  /** Line spacing of a paragraph. */
  spacing(p: LaidParagraph): Spacing;
  styles: StyleDef[];
  page: { margin: { top: number; right: number; bottom: number; left: number; header: number; footer: number }; grid: string };
  /** Footer paragraphs: odd (or every) page, even pages. */
  footers: { default: string; even?: string };
  docDefaults: { run: RunProps; paragraph: ParagraphProps };
  table: { size: number; width: number };
}

/** A paragraph style based on Normal, in Word's style gallery. */
function paragraphStyle(id: string, name: string, paragraph: ParagraphProps, run: RunProps): StyleDef {
  return { id, name, paragraph, run };
}

const runFont = (latin: string, eastAsia: string): RunFont => ({ ascii: latin, hAnsi: latin, eastAsia, cs: latin });

function pageNumberFooter(align: 'left' | 'right' | 'center', font: string, size: number, indentTwips: number): string {
  const pPr = paragraphPropsXml({
    spacing: { after: 0, before: 0, line: 240, rule: 'auto' },
    ...(align === 'right' ? { indent: { right: indentTwips } } : align === 'left' ? { indent: { left: indentTwips } } : {}),
    jc: align,
  });
  // The field's runs carry the font and size: a field without run properties takes the body font.
  const rPr = runPropsXml({ font: runFont(font, font), size });
  const text = (t: string) => `<w:r><w:rPr>${rPr}</w:rPr><w:t xml:space="preserve">${t}</w:t></w:r>`;
  return `<w:p><w:pPr>${pPr}</w:pPr>${text('— ')}${pageFieldRunsXml(rPr)}${text(' —')}</w:p>`;
}

function gbt9704Template(fonts: ExportFonts, heading3Bold: boolean): Template {
  const slotFont: Record<FontSlot, string> = { title: fonts.title, heading1: fonts.heading1, heading2: fonts.heading2, body: fonts.body };
  const font = (slot: FontSlot) => runFont(fonts.latin, slotFont[slot]);
  const exact = { line: LINE_TWIPS, rule: 'exact' as const, before: 0, after: 0 };
  const firstLine2 = { firstLine: 2 * CHAR_TWIPS, firstLineChars: 200 };
  // Every style says widow control off (Word's 孤行控制): every full page holds 22 lines.
  const style = (id: string, name: string, paragraph: ParagraphProps, run: RunProps) =>
    paragraphStyle(id, name, { widowOff: true, ...(OFF_GRID_STYLES.has(id) ? { offGrid: true } : {}), ...paragraph }, run);
  const heading = (level: 1 | 2 | 3 | 4, slot: FontSlot) =>
    style(
      `Heading${level}`,
      `heading ${level}`,
      { keepNext: true, spacing: exact, indent: firstLine2, jc: 'both', outlineLevel: level - 1 },
      { font: font(slot), bold: level === 3 && heading3Bold, color: 'auto', size: PT.body * 2 },
    );
  const custom = (role: keyof typeof DOCX_STYLES, paragraph: ParagraphProps) =>
    style(DOCX_STYLES[role].id, DOCX_STYLES[role].name, { spacing: exact, ...paragraph }, { font: font('body'), size: PT.body * 2 });
  const pageNumber = (align: 'left' | 'right') => pageNumberFooter(align, fonts.pageNumber, PT.pageNumber * 2, PT.pageNumber * 20);
  return {
    gbt: true,
    size: (role) => (role === 'title' ? PT.title : PT.body) * 2,
    font,
    charTwips: (role) => (role === 'title' ? PT.title : PT.body) * 20,
    spacing: (p) => ({ line: p.line, rule: 'exact', before: p.spaceBefore * LINE_TWIPS + (p.gapBefore ?? 0), after: p.spaceAfter * LINE_TWIPS }),
    styles: [
      style('Title', 'Title', { keepNext: true, spacing: exact, indent: { firstLine: 0, firstLineChars: 0 }, jc: 'center' }, { font: font('title'), bold: false, color: 'auto', size: PT.title * 2 }),
      heading(1, 'heading1'),
      heading(2, 'heading2'),
      heading(3, 'body'),
      heading(4, 'body'),
      custom('doc-number', { jc: 'center' }),
      custom('salutation', { jc: 'both' }),
      custom('signature', { keepNext: true, indent: { right: 4 * CHAR_TWIPS }, jc: 'right' }),
      custom('date', { indent: { right: 2 * CHAR_TWIPS }, jc: 'right' }),
      custom('attachment-list', { indent: { left: 5 * CHAR_TWIPS, hanging: 3 * CHAR_TWIPS }, jc: 'both' }),
      // The other parts: their look is set on each paragraph (it depends on the document); the
      // styles name them, so a reader (and Wengao's importer) can tell the parts apart.
      ...(['copy-number', 'secrecy', 'urgency', 'issuer-mark', 'signer', 'subtitle', 'byline', 'dateline', 'note', 'attendance', 'attachment-label', 'attachment-title', 'cc', 'imprint', 'separator'] as const).map((role) => custom(role, {})),
    ],
    page: {
      margin: { top: MARGINS.top, right: MARGINS.right, bottom: MARGINS.bottom, left: MARGINS.left, header: 851, footer: FOOTER_TWIPS },
      grid: `<w:docGrid w:type="lines" w:linePitch="${LINE_TWIPS}"/>`,
    },
    // Odd pages: number on the right, one 四号 character in; even pages: on the left.
    footers: { default: pageNumber('right'), even: pageNumber('left') },
    docDefaults: {
      run: { font: font('body'), scale: CHAR_SCALE_PERCENT, size: PT.body * 2, lang: { value: 'en-US', eastAsia: 'zh-CN' } },
      paragraph: { widowOff: true, spacing: { line: LINE_TWIPS, rule: 'exact' } },
    },
    table: { size: 28, width: TEXT_WIDTH_TWIPS },
  };
}

/** 通用: Word's page and heading conventions, body 宋体 小四 (12 pt), 1.5 lines. */
const PLAIN = { body: '宋体', heading: '黑体', latin: 'Times New Roman', bodyPt: 12 } as const;
const PLAIN_SIZES: Partial<Record<LayoutRole, number>> = { title: 22, heading1: 16, heading2: 15, heading3: 14, heading4: 12 };

function plainTemplate(): Template {
  const font = (slot: FontSlot) => runFont(PLAIN.latin, slot === 'body' ? PLAIN.body : PLAIN.heading);
  const size = (role: LayoutRole) => (PLAIN_SIZES[role] ?? PLAIN.bodyPt) * 2;
  const heading = (level: 1 | 2 | 3 | 4) =>
    paragraphStyle(
      `Heading${level}`,
      `heading ${level}`,
      { keepNext: true, spacing: { before: 240, after: 120, line: 360, rule: 'auto' }, outlineLevel: level - 1 },
      // Not bold by style: the document's own bold runs decide, so a saved file reopens as it was.
      { font: font(level <= 2 ? 'heading1' : 'body'), bold: false, color: 'auto', size: size(`heading${level}`) },
    );
  return {
    gbt: false,
    size,
    font,
    charTwips: (role) => size(role) * 10,
    spacing: (p) => ({ line: 360, rule: 'auto', before: p.level ? 240 : 0, after: p.level ? 120 : p.role === 'title' ? 240 : 0 }),
    styles: [
      paragraphStyle('Title', 'Title', { keepNext: true, spacing: { after: 240 }, jc: 'center' }, { font: font('body'), bold: false, color: 'auto', size: size('title') }),
      heading(1),
      heading(2),
      heading(3),
      heading(4),
    ],
    page: { margin: { top: 1440, right: 1800, bottom: 1440, left: 1800, header: 851, footer: 992 }, grid: '<w:docGrid w:linePitch="360"/>' },
    footers: { default: pageNumberFooter('center', PLAIN.body, 21, 0) },
    docDefaults: { run: { font: font('body'), size: PLAIN.bodyPt * 2, lang: { value: 'en-US', eastAsia: 'zh-CN' } }, paragraph: { spacing: { line: 360, rule: 'auto' } } },
    table: { size: 21, width: PAGE.width - 3600 },
  };
}

/** Writes the body of one document: paragraphs, tables, the joint 标志 and the floats. */
class BodyWriter {
  private readonly out: string[] = [];
  private readonly styleIds: Set<string>;
  private nextDrawingId = 100;
  /** Each distinct property set as XML, written once. */
  private readonly pPr = cached(paragraphPropsXml);
  private readonly rPr = cached(runPropsXml);

  constructor(private readonly tpl: Template) {
    this.styleIds = new Set(tpl.styles.map((s) => s.id));
  }

  xml(): string {
    return this.out.join('');
  }

  push(xml: string): void {
    this.out.push(xml);
  }

  /**
   * The runs of a paragraph. In a heading (`styled`), the body part of a run-in heading takes the
   * body size and says "not bold" (三级标题 may be bold by style); the heading part follows its style.
   */
  runs(segments: Segment[], sizeHalfPts: number, styled: boolean, look: { color?: string | undefined; scale?: number | undefined } = {}): string {
    let x = '';
    for (const s of segments) {
      const bodyPart = styled && !s.heading;
      const rPr = this.rPr({
        font: this.tpl.font(s.font),
        ...(s.bold ? { bold: true } : bodyPart ? { bold: false } : {}),
        ...(s.italic ? { italic: true } : {}),
        ...(look.color ? { color: look.color } : {}),
        ...(look.scale ? { scale: look.scale } : {}),
        size: bodyPart ? this.tpl.size('body') : sizeHalfPts,
        ...(s.underline ? { underline: true } : {}),
      });
      // "\n" is a line break, "\t" a tab: one run per line, tabs inside it.
      const lines = s.text.split('\n');
      for (let i = 0; i < lines.length; i++) x += `<w:r><w:rPr>${rPr}</w:rPr>${i > 0 ? '<w:br/>' : ''}${runContentXml(lines[i]!)}</w:r>`;
    }
    return x;
  }

  paragraph(p: LaidParagraph): string {
    const tpl = this.tpl;
    const ch = tpl.charTwips(p.role) === CHAR_TWIPS ? p.size * 20 : tpl.charTwips(p.role);
    const { firstLine, left, right } = p.indent;
    const indent: NonNullable<ParagraphProps['indent']> = {};
    if (firstLine > 0) {
      indent.firstLine = firstLine * ch;
      indent.firstLineChars = firstLine * 100;
    } else if (firstLine < 0) {
      indent.hanging = -firstLine * ch;
    } else {
      // Explicit 0: a centred paragraph must not inherit a first-line indent (it would shift).
      indent.firstLine = 0;
      indent.firstLineChars = 0;
    }
    if (left) indent.left = left * ch;
    if (right) indent.right = right * ch;
    const id = p.role === 'empty' || p.role === 'body' ? undefined : DOCX_STYLES[p.role].id;
    // Only styles the template defines (通用 has no 公文 part styles).
    const style = id && this.styleIds.has(id) ? id : undefined;
    const rule = (r: Rule | undefined) => (r ? { sz: Math.round(r.pt * 8), color: r.color } : undefined);
    const s = tpl.spacing(p);
    const pPr = this.pPr({
      ...(style ? { style } : {}),
      // Explicit both ways: a run-in heading must not inherit its style's keep-with-next (it would
      // chain a whole paragraph to the next and leave half-empty pages).
      keepNext: p.keepNext,
      ...(p.pageBreakBefore ? { pageBreakBefore: true } : {}),
      ...(p.borders ? { borders: { ...(p.borders.top ? { top: rule(p.borders.top) } : {}), ...(p.borders.bottom ? { bottom: rule(p.borders.bottom) } : {}) } } : {}),
      // Tab positions count from the left edge of the text (Word; LibreOffice reads .docx so too).
      ...(p.tab ? { tab: p.tab } : {}),
      // A 22 pt line would take two grid lines in LibreOffice (Word uses the exact spacing).
      ...(tpl.gbt && style && OFF_GRID_STYLES.has(style) ? { offGrid: true } : {}),
      spacing: { after: s.after, before: s.before, line: s.line, rule: s.rule },
      indent,
      jc: JC[p.align],
    });
    const size = tpl.size(p.role) === PT.body * 2 ? p.size * 2 : tpl.size(p.role);
    return `<w:p><w:pPr>${pPr}</w:pPr>${this.runs(p.segments, size, p.level !== null, { color: p.color, scale: p.scale })}</w:p>`;
  }

  private cellParagraph(mp: ModelParagraph, header: boolean): string {
    const segments: Segment[] = mp.runs.map((r) => ({ text: r.text, font: 'body', ...(r.bold || header ? { bold: true } : {}), ...(r.italic ? { italic: true } : {}), ...(r.underline ? { underline: true } : {}) }));
    const pPr = this.pPr({ spacing: { after: 0, before: 0, line: 240, rule: 'auto' }, indent: { firstLine: 0, firstLineChars: 0 }, jc: JC[mp.align ?? (header ? 'center' : 'left')] });
    return `<w:p><w:pPr>${pPr}</w:pPr>${this.runs(segments, this.tpl.table.size, false)}</w:p>`;
  }

  table(t: ModelTable): string {
    const textWidth = this.tpl.table.width;
    // Explicit column widths scaled to the text width: WPS draws tables without them wrongly.
    const columns = Math.max(1, ...t.rows.map((r) => r.cells.reduce((n, c) => n + (c.colSpan ?? 1), 0)));
    const rel = t.columnWidths && t.columnWidths.length === columns ? t.columnWidths : new Array<number>(columns).fill(1);
    const sum = rel.reduce((a, b) => a + b, 0) || columns;
    const widths = rel.map((w) => Math.floor((w / sum) * textWidth));
    const b = (side: string) => `<w:${side} w:val="single" w:color="000000" w:sz="4"/>`;
    const mar = '<w:tcMar><w:top w:type="dxa" w:w="0"/><w:left w:type="dxa" w:w="108"/><w:bottom w:type="dxa" w:w="0"/><w:right w:type="dxa" w:w="108"/></w:tcMar>';
    let x =
      `<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="${textWidth}"/><w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(b).join('')}</w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr>` +
      `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`;
    // Cells covered by a row span are omitted in the model; Word wants a w:vMerge cell in their place.
    const covering: { col: number; span: number; until: number }[] = [];
    t.rows.forEach((row, r) => {
      x += `<w:tr>${row.header ? '<w:trPr><w:tblHeader/></w:trPr>' : ''}`;
      let col = 0;
      const cell = (span: number, merge: 'restart' | 'continue' | null, content: string) => {
        const width = widths.slice(col, col + span).reduce((a, w) => a + w, 0);
        col += span;
        return `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${width}"/>${span > 1 ? `<w:gridSpan w:val="${span}"/>` : ''}${merge ? `<w:vMerge w:val="${merge}"/>` : ''}${mar}</w:tcPr>${content}</w:tc>`;
      };
      const continuations = () => {
        for (let c = covering.find((k) => k.col === col && k.until >= r); c; c = covering.find((k) => k.col === col && k.until >= r)) x += cell(c.span, 'continue', '<w:p/>');
      };
      for (const c of row.cells) {
        continuations();
        const span = c.colSpan ?? 1;
        const rows = c.rowSpan ?? 1;
        if (rows > 1) covering.push({ col, span, until: r + rows - 1 });
        const paras = c.paragraphs.length > 0 ? c.paragraphs : [{ type: 'paragraph' as const, runs: [] }];
        x += cell(span, rows > 1 ? 'restart' : null, paras.map((p) => this.cellParagraph(p, Boolean(row.header))).join(''));
      }
      continuations();
      x += '</w:tr>';
    });
    return `${x}</w:tbl>`;
  }

  /** A spacer: an empty line of `twips` height (the distances of the 版头 above a table). */
  spacer(twips: number): string {
    const style = DOCX_STYLES.separator.id;
    return `<w:p><w:pPr>${this.pPr({ style, offGrid: this.tpl.gbt, spacing: { after: 0, before: 0, line: Math.max(1, Math.round(twips)), rule: 'exact' }, indent: { firstLine: 0, firstLineChars: 0 } })}</w:pPr></w:p>`;
  }

  /** Joint issuance: a borderless table, the organs (each spread to the column's width) left,
   * "文件" right, vertically centred, the table centred in the 版心. */
  jointMark(m: LaidJointMark): string {
    const none = (side: string) => `<w:${side} w:val="none" w:color="auto" w:sz="0"/>`;
    const style = DOCX_STYLES['issuer-mark'].id;
    const rPr = this.rPr({ font: this.tpl.font('title'), color: RED, scale: m.scale, size: m.size * 2 });
    const line = (text: string, jc: 'distribute' | 'left') =>
      `<w:p><w:pPr>${this.pPr({ style, offGrid: this.tpl.gbt, spacing: { after: 0, before: 0, line: m.line, rule: 'exact' }, indent: { firstLine: 0, firstLineChars: 0 }, jc })}</w:pPr><w:r><w:rPr>${rPr}</w:rPr>${runContentXml(text)}</w:r></w:p>`;
    const cell = (width: number, content: string) =>
      `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${width}"/><w:tcBorders>${['top', 'left', 'bottom', 'right'].map(none).join('')}</w:tcBorders>` +
      `<w:tcMar><w:top w:type="dxa" w:w="0"/><w:left w:type="dxa" w:w="0"/><w:bottom w:type="dxa" w:w="0"/><w:right w:type="dxa" w:w="0"/></w:tcMar><w:vAlign w:val="center"/></w:tcPr>${content}</w:tc>`;
    return (
      `<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="${m.widths[0] + m.widths[1]}"/><w:jc w:val="center"/><w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(none).join('')}</w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr>` +
      `<w:tblGrid><w:gridCol w:w="${m.widths[0]}"/><w:gridCol w:w="${m.widths[1]}"/></w:tblGrid>` +
      `<w:tr>${cell(m.widths[0], m.organs.map((o) => line(o, 'distribute')).join(''))}${cell(m.widths[1], line(m.suffix, 'left'))}</w:tr></w:tbl>`
    );
  }

  /** A float's paragraphs in a text box anchored where the float says (DrawingML: Word, WPS and
   * LibreOffice place it alike; LibreOffice ignores w:framePr frames and full-width floating tables). */
  float(f: LaidFloat): string {
    const cx = f.width * EMU_PER_TWIP;
    const cy = f.height * EMU_PER_TWIP;
    const onPage = f.kind !== 'record';
    const posH = `<wp:positionH relativeFrom="margin"><wp:posOffset>${f.x * EMU_PER_TWIP}</wp:posOffset></wp:positionH>`;
    // The 版记 at the bottom of the 版心; the 信函's head and foot at fixed places on the page.
    const posV = onPage ? `<wp:positionV relativeFrom="page"><wp:posOffset>${f.y * EMU_PER_TWIP}</wp:posOffset></wp:positionV>` : '<wp:positionV relativeFrom="margin"><wp:align>bottom</wp:align></wp:positionV>';
    const wrap = onPage ? '<wp:wrapNone/>' : '<wp:wrapTopAndBottom/>';
    const n = this.nextDrawingId++;
    const name = f.kind === 'record' ? '版记' : f.kind === 'letter-head' ? '信函版头' : '信函下双线';
    const inner = f.blocks.map((p) => this.paragraph(p)).join('');
    const pPr = this.pPr({ style: DOCX_STYLES.separator.id, offGrid: true, spacing: { before: 0, after: 0, line: 20, rule: 'exact' }, indent: { firstLine: 0 } });
    return (
      `<w:p><w:pPr>${pPr}</w:pPr><w:r><w:drawing>` +
      `<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="${n}" behindDoc="0" locked="1" layoutInCell="1" allowOverlap="1">` +
      `<wp:simplePos x="0" y="0"/>${posH}${posV}<wp:extent cx="${cx}" cy="${cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>${wrap}` +
      `<wp:docPr id="${n}" name="${name}"/><wp:cNvGraphicFramePr/>` +
      `<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvSpPr txBox="1"/>` +
      `<wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln><a:noFill/></a:ln></wps:spPr>` +
      `<wps:txbx><w:txbxContent>${inner}</w:txbxContent></wps:txbx>` +
      `<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="0" tIns="0" rIns="0" bIns="0" anchor="${onPage ? 't' : 'b'}" anchorCtr="0"><a:noAutofit/></wps:bodyPr></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r></w:p>`
    );
  }
}

const EMU_PER_TWIP = 635;

/** The section: footers (first page without a number for the 信函), page, margins, grid. */
function sectionXml(tpl: Template, footers: { default: number; even?: number; first?: number }): string {
  const m = tpl.page.margin;
  const ref = (type: string, k: number | undefined) => (k === undefined ? '' : `<w:footerReference w:type="${type}" r:id="${footerRelId(k)}"/>`);
  return (
    `<w:sectPr>${ref('default', footers.default)}${ref('even', footers.even)}${ref('first', footers.first)}` +
    `<w:pgSz w:w="${PAGE.width}" w:h="${PAGE.height}" w:orient="portrait"/>` +
    `<w:pgMar w:top="${m.top}" w:right="${m.right}" w:bottom="${m.bottom}" w:left="${m.left}" w:header="${m.header}" w:footer="${m.footer}" w:gutter="0"/>` +
    `<w:pgNumType/>${footers.first !== undefined ? '<w:titlePg/>' : ''}${tpl.page.grid}</w:sectPr>`
  );
}

/** The package's parts as XML strings, by path (what writeDocx zips). */
export function docxParts(doc: WgDocument, options: DocxOptions, now = new Date()): Record<string, string> {
  const layout = layoutDocument(doc.blocks, options);
  const tpl = options.template === 'gbt9704' ? gbt9704Template(options.fonts, options.heading3Bold) : plainTemplate();
  const body = new BodyWriter(tpl);
  for (const b of layout.blocks) {
    if (b.type === 'table') body.push(body.table(b.table));
    else if (b.type === 'paragraph') body.push(body.paragraph(b));
    else if (b.type === 'joint-mark') {
      if (b.gapBefore > 0) body.push(body.spacer(b.gapBefore));
      body.push(body.jointMark(b));
    } else body.push(body.float(b));
  }
  // A document cannot end with a table in Word: add an empty paragraph after one.
  const last = layout.blocks[layout.blocks.length - 1];
  if (!last || last.type === 'table' || last.type === 'joint-mark') body.push('<w:p/>');
  const footers = [footerXml(tpl.footers.default)];
  const refs: { default: number; even?: number; first?: number } = { default: 0 };
  if (tpl.footers.even) refs.even = footers.push(footerXml(tpl.footers.even)) - 1;
  // The 信函: no page number on the first page.
  if (!layout.numberFirstPage) refs.first = footers.push(footerXml('<w:p/>')) - 1;
  const documentXml = `${XML_DECLARATION}<w:document ${BODY_NAMESPACES}><w:body>${body.xml()}${sectionXml(tpl, refs)}</w:body></w:document>`;
  const author = options.author?.trim() || doc.meta.author?.trim() || '';
  return packageParts({
    documentXml,
    stylesXml: stylesXml(tpl.docDefaults, tpl.gbt ? { widowOff: true } : {}, tpl.styles),
    settingsXml: settingsXml(tpl.gbt),
    footers,
    core: { title: doc.meta.title?.trim() || layout.title, author, created: now },
  });
}

/**
 * Writes a document as .docx bytes. `deflateRaw` compresses the parts (default: fflate; the
 * services pass node:zlib's, which is native).
 */
export async function writeDocx(doc: WgDocument, options: DocxOptions, deflateRaw?: DeflateRaw): Promise<Uint8Array> {
  const now = new Date();
  const parts = Object.entries(docxParts(doc, options, now)).map(([name, xml]) => [name, encodeUtf8(xml)] as const);
  return zipParts(parts, deflateRaw, now);
}
