/**
 * The Word writer: a WgDocument → .docx bytes, on the `docx` package, with two templates.
 *
 * - `gbt9704` (公文): GB/T 9704-2012 page, grid, fonts, indents and page numbers
 *   (../shared/docs/gbt9704.md gives every value and the `docx` pitfalls avoided here).
 * - `plain` (通用): Word's look for documents that are not 公文: the user's alignment and indents,
 *   headings as Word headings, body 宋体 12 pt.
 *
 * What each paragraph is comes from shared/export/layout.ts, the plan the print view renders too.
 * Style ids and names are listed in DOCX_STYLES so a reader can map them back to roles.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Tab,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlignTable,
  UnderlineType,
  WidthType,
  type IParagraphStyleOptions,
  type ISectionOptions,
  type ParagraphChild,
} from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { Alignment, Paragraph as ModelParagraph, Table as ModelTable, WgDocument } from '../../model/document';
import type { ExportFonts } from '../../export/fonts';
import { CHAR_SCALE_PERCENT, CHAR_TWIPS, FOOTER_TWIPS, LINE_TWIPS, MARGINS, PAGE, PT, RED, TEXT_WIDTH_TWIPS } from '../../export/gbt9704';
import { layoutDocument, type FontSlot, type LaidFloat, type LaidJointMark, type LaidParagraph, type LayoutOptions, type LayoutRole, type Rule, type Segment } from '../../export/layout';
import { PART_LABELS } from '../../model/parts';

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
const OFF_GRID_STYLES = ['Title', 'WgIssuerMark', 'WgAttachmentTitle', 'WgSeparator'];

const ALIGN: Record<Alignment | 'distribute', (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  distribute: AlignmentType.DISTRIBUTE,
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.BOTH,
};

/** Everything that differs between the two templates. */
interface Template {
  /** Half-points for a role. */
  size(role: LayoutRole): number;
  /** Run fonts for a piece of text. */
  font(slot: FontSlot): { ascii: string; hAnsi: string; eastAsia: string; cs: string; hint: 'eastAsia' };
  /** Twips of one character of a paragraph of this role (indents are given in characters). */
  charTwips(role: LayoutRole): number;
  /** Line spacing of a paragraph. */
  spacing(p: LaidParagraph): { line: number; lineRule: (typeof LineRuleType)[keyof typeof LineRuleType]; before: number; after: number };
  styles: IParagraphStyleOptions[];
  section: Omit<ISectionOptions, 'children'>;
  docDefaults: { size: number; font: ReturnType<Template['font']>; line: number; lineRule: (typeof LineRuleType)[keyof typeof LineRuleType]; characterScale?: number };
  table: { size: number };
}

/** A paragraph style based on Normal, in Word's style gallery (w:qFormat). */
function paragraphStyle(id: string, name: string, paragraph: IParagraphStyleOptions['paragraph'], run: IParagraphStyleOptions['run']): IParagraphStyleOptions {
  return { id, name, basedOn: 'Normal', next: 'Normal', quickFormat: true, paragraph, run };
}

const runFont = (latin: string, eastAsia: string) => ({ ascii: latin, hAnsi: latin, eastAsia, cs: latin, hint: 'eastAsia' as const });

function pageNumberFooter(align: 'left' | 'right' | 'center', font: string, size: number, indentTwips: number): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: ALIGN[align],
        indent: align === 'right' ? { right: indentTwips } : align === 'left' ? { left: indentTwips } : undefined,
        spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 },
        children: [
          // Not SimpleField("PAGE"): a field without run properties takes the body font.
          new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: runFont(font, font), size }),
        ],
      }),
    ],
  });
}

function gbt9704Template(fonts: ExportFonts, heading3Bold: boolean): Template {
  const slotFont: Record<FontSlot, string> = { title: fonts.title, heading1: fonts.heading1, heading2: fonts.heading2, body: fonts.body };
  const font = (slot: FontSlot) => runFont(fonts.latin, slotFont[slot]);
  const exact = { line: LINE_TWIPS, lineRule: LineRuleType.EXACT };
  const firstLine2 = { firstLine: 2 * CHAR_TWIPS, firstLineChars: 200 };
  const heading = (level: 1 | 2 | 3 | 4, slot: FontSlot) =>
    paragraphStyle(
      `Heading${level}`,
      `heading ${level}`,
      { outlineLevel: level - 1, indent: firstLine2, spacing: { ...exact, before: 0, after: 0 }, alignment: AlignmentType.BOTH, keepNext: true },
      { font: font(slot), size: PT.body * 2, bold: level === 3 && heading3Bold, color: 'auto' },
    );
  const custom = (role: keyof typeof DOCX_STYLES, paragraph: IParagraphStyleOptions['paragraph']) =>
    paragraphStyle(DOCX_STYLES[role].id, DOCX_STYLES[role].name, { spacing: { ...exact, before: 0, after: 0 }, ...paragraph }, { font: font('body'), size: PT.body * 2 });
  return {
    size: (role) => (role === 'title' ? PT.title : PT.body) * 2,
    font,
    charTwips: (role) => (role === 'title' ? PT.title : PT.body) * 20,
    spacing: (p) => ({ line: p.line, lineRule: LineRuleType.EXACT, before: p.spaceBefore * LINE_TWIPS + (p.gapBefore ?? 0), after: p.spaceAfter * LINE_TWIPS }),
    styles: [
      paragraphStyle(
        'Title',
        'Title',
        { alignment: AlignmentType.CENTER, indent: { firstLine: 0, firstLineChars: 0 }, spacing: { ...exact, before: 0, after: 0 }, keepNext: true },
        { font: font('title'), size: PT.title * 2, bold: false, color: 'auto' },
      ),
      heading(1, 'heading1'),
      heading(2, 'heading2'),
      heading(3, 'body'),
      heading(4, 'body'),
      custom('doc-number', { alignment: AlignmentType.CENTER }),
      custom('salutation', { alignment: AlignmentType.BOTH }),
      custom('signature', { alignment: AlignmentType.RIGHT, indent: { right: 4 * CHAR_TWIPS }, keepNext: true }),
      custom('date', { alignment: AlignmentType.RIGHT, indent: { right: 2 * CHAR_TWIPS } }),
      custom('attachment-list', { alignment: AlignmentType.BOTH, indent: { left: 5 * CHAR_TWIPS, hanging: 3 * CHAR_TWIPS } }),
      // The other parts: their look is set on each paragraph (it depends on the document); the
      // styles name them, so a reader (and Wengao's importer) can tell the parts apart.
      ...(['copy-number', 'secrecy', 'urgency', 'issuer-mark', 'signer', 'subtitle', 'byline', 'dateline', 'note', 'attendance', 'attachment-label', 'attachment-title', 'cc', 'imprint', 'separator'] as const).map((role) => custom(role, {})),
    ],
    section: {
      properties: {
        page: {
          size: { width: PAGE.width, height: PAGE.height },
          margin: { ...MARGINS, header: 851, footer: FOOTER_TWIPS, gutter: 0 },
        },
        grid: { type: DocumentGridType.LINES, linePitch: LINE_TWIPS },
      },
      // Odd pages: number on the right, one 四号 character in; even pages: on the left.
      footers: {
        default: pageNumberFooter('right', fonts.pageNumber, PT.pageNumber * 2, PT.pageNumber * 20),
        even: pageNumberFooter('left', fonts.pageNumber, PT.pageNumber * 2, PT.pageNumber * 20),
      },
    },
    docDefaults: { size: PT.body * 2, font: font('body'), ...exact, characterScale: CHAR_SCALE_PERCENT },
    table: { size: 28 },
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
      { outlineLevel: level - 1, spacing: { before: 240, after: 120, line: 360, lineRule: LineRuleType.AUTO }, keepNext: true },
      // Not bold by style: the document's own bold runs decide, so a saved file reopens as it was.
      { font: font(level <= 2 ? 'heading1' : 'body'), size: size(`heading${level}`), bold: false, color: 'auto' },
    );
  return {
    size,
    font,
    charTwips: (role) => size(role) * 10,
    spacing: (p) => ({ line: 360, lineRule: LineRuleType.AUTO, before: p.level ? 240 : 0, after: p.level ? 120 : p.role === 'title' ? 240 : 0 }),
    styles: [
      paragraphStyle('Title', 'Title', { alignment: AlignmentType.CENTER, spacing: { after: 240 }, keepNext: true }, { font: font('body'), size: size('title'), bold: false, color: 'auto' }),
      heading(1),
      heading(2),
      heading(3),
      heading(4),
    ],
    section: {
      properties: {
        page: { size: { width: PAGE.width, height: PAGE.height }, margin: { top: 1440, bottom: 1440, left: 1800, right: 1800, header: 851, footer: 992, gutter: 0 } },
      },
      footers: { default: pageNumberFooter('center', PLAIN.body, 21, 0) },
    },
    docDefaults: { size: PLAIN.bodyPt * 2, font: font('body'), line: 360, lineRule: LineRuleType.AUTO },
    table: { size: 21 },
  };
}

/**
 * The runs of a paragraph. In a heading (`styled`), the body part of a run-in heading takes the
 * body size and says "not bold" (三级标题 may be bold by style); the heading part follows its style.
 */
function runsOf(segments: Segment[], tpl: Template, sizeHalfPts: number, styled: boolean, look: { color?: string | undefined; scale?: number | undefined } = {}): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const s of segments) {
    const bodyPart = styled && !s.heading;
    const props = {
      font: tpl.font(s.font),
      ...(look.color ? { color: look.color } : {}),
      ...(look.scale ? { scale: look.scale } : {}),
      size: bodyPart ? tpl.size('body') : sizeHalfPts,
      ...(s.bold ? { bold: true } : bodyPart ? { bold: false } : {}),
      ...(s.italic ? { italics: true } : {}),
      ...(s.underline ? { underline: { type: UnderlineType.SINGLE } } : {}),
    };
    // "\n" is a line break, "\t" a tab: one run per line, tabs as run children.
    s.text.split('\n').forEach((line, i) => {
      const children: (string | Tab)[] = [];
      line.split('\t').forEach((part, j) => {
        if (j > 0) children.push(new Tab());
        if (part) children.push(part);
      });
      out.push(new TextRun({ ...props, children, ...(i > 0 ? { break: 1 } : {}) }));
    });
  }
  return out;
}

function paragraphOf(p: LaidParagraph, tpl: Template): Paragraph {
  const ch = tpl.charTwips(p.role) === CHAR_TWIPS ? p.size * 20 : tpl.charTwips(p.role);
  const { firstLine, left, right } = p.indent;
  const indent: Record<string, number> = {};
  if (firstLine > 0) {
    indent.firstLine = Math.round(firstLine * ch);
    indent.firstLineChars = Math.round(firstLine * 100);
  } else if (firstLine < 0) {
    indent.hanging = Math.round(-firstLine * ch);
  } else {
    // Explicit 0: a centred paragraph must not inherit a first-line indent (it would shift).
    indent.firstLine = 0;
    indent.firstLineChars = 0;
  }
  if (left) indent.left = Math.round(left * ch);
  if (right) indent.right = Math.round(right * ch);
  const id = p.role === 'empty' || p.role === 'body' ? undefined : DOCX_STYLES[p.role].id;
  // Only styles the template defines (通用 has no 公文 part styles).
  const style = id && tpl.styles.some((s) => s.id === id) ? id : undefined;
  const styled = p.level !== null;
  const rule = (r: Rule | undefined) => (r ? { style: BorderStyle.SINGLE, size: Math.round(r.pt * 8), color: r.color, space: 0 } : undefined);
  const borders = p.borders ? { ...(p.borders.top ? { top: rule(p.borders.top) } : {}), ...(p.borders.bottom ? { bottom: rule(p.borders.bottom) } : {}) } : undefined;
  return new Paragraph({
    ...(style ? { style } : {}),
    alignment: ALIGN[p.align],
    indent,
    spacing: tpl.spacing(p),
    // Explicit both ways: a run-in heading must not inherit its style's keep-with-next (it would
    // chain a whole paragraph to the next and leave half-empty pages).
    keepNext: p.keepNext,
    ...(p.pageBreakBefore ? { pageBreakBefore: true } : {}),
    ...(borders ? { border: borders } : {}),
    // Tab positions count from the left edge of the text (Word; LibreOffice reads .docx so too).
    ...(p.tab ? { tabStops: [{ type: p.tab.type === 'right' ? TabStopType.RIGHT : TabStopType.LEFT, position: Math.round(p.tab.pos) }] } : {}),
    children: runsOf(p.segments, tpl, tpl.size(p.role) === PT.body * 2 ? p.size * 2 : tpl.size(p.role), styled, { color: p.color, scale: p.scale }),
  });
}

function cellParagraph(mp: ModelParagraph, tpl: Template, header: boolean): Paragraph {
  const segments: Segment[] = mp.runs.map((r) => ({ text: r.text, font: 'body', ...(r.bold || header ? { bold: true } : {}), ...(r.italic ? { italic: true } : {}), ...(r.underline ? { underline: true } : {}) }));
  return new Paragraph({
    alignment: ALIGN[mp.align ?? (header ? 'center' : 'left')],
    indent: { firstLine: 0, firstLineChars: 0 },
    spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 },
    children: runsOf(segments, tpl, tpl.table.size, false),
  });
}

function tableOf(t: ModelTable, tpl: Template, textWidth: number): Table {
  // Explicit column widths scaled to the text width: WPS draws tables without them wrongly.
  const columns = Math.max(1, ...t.rows.map((r) => r.cells.reduce((n, c) => n + (c.colSpan ?? 1), 0)));
  const rel = t.columnWidths && t.columnWidths.length === columns ? t.columnWidths : new Array<number>(columns).fill(1);
  const sum = rel.reduce((a, b) => a + b, 0) || columns;
  const widths = rel.map((w) => Math.floor((w / sum) * textWidth));
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  return new Table({
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: t.rows.map((row) => {
      let col = 0;
      return new TableRow({
        tableHeader: row.header || undefined,
        children: row.cells.map((cell) => {
          const span = cell.colSpan ?? 1;
          const width = widths.slice(col, col + span).reduce((a, b) => a + b, 0);
          col += span;
          const paras = cell.paragraphs.length > 0 ? cell.paragraphs : [{ type: 'paragraph' as const, runs: [] }];
          return new TableCell({
            width: { size: width, type: WidthType.DXA },
            ...(span > 1 ? { columnSpan: span } : {}),
            ...((cell.rowSpan ?? 1) > 1 ? { rowSpan: cell.rowSpan } : {}),
            margins: { left: 108, right: 108, top: 0, bottom: 0 },
            children: paras.map((p) => cellParagraph(p, tpl, Boolean(row.header))),
          });
        }),
      });
    }),
  });
}

/** A spacer: an empty line of `twips` height (the distances of the 版头 above a table). */
function spacer(twips: number): Paragraph {
  return new Paragraph({ style: DOCX_STYLES.separator.id, indent: { firstLine: 0, firstLineChars: 0 }, spacing: { line: Math.max(1, Math.round(twips)), lineRule: LineRuleType.EXACT, before: 0, after: 0 }, children: [] });
}

/** Joint issuance: a borderless table, the organs (each spread to the column's width) left,
 * "文件" right, vertically centred, the table centred in the 版心. */
function jointMarkOf(m: LaidJointMark, tpl: Template): Table {
  const none = { style: BorderStyle.NONE, size: 0, color: 'auto' };
  const line = (text: string, align: 'distribute' | 'left') =>
    new Paragraph({
      style: DOCX_STYLES['issuer-mark'].id,
      alignment: ALIGN[align],
      indent: { firstLine: 0, firstLineChars: 0 },
      spacing: { line: m.line, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
      children: [new TextRun({ text, font: tpl.font('title'), size: m.size * 2, color: RED, scale: m.scale })],
    });
  const cell = (width: number, children: Paragraph[]) =>
    new TableCell({ width: { size: width, type: WidthType.DXA }, verticalAlign: VerticalAlignTable.CENTER, margins: { left: 0, right: 0, top: 0, bottom: 0 }, borders: { top: none, bottom: none, left: none, right: none }, children });
  return new Table({
    width: { size: m.widths[0] + m.widths[1], type: WidthType.DXA },
    columnWidths: m.widths,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    borders: { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none },
    rows: [new TableRow({ children: [cell(m.widths[0], m.organs.map((o) => line(o, 'distribute'))), cell(m.widths[1], [line(m.suffix, 'left')])] })],
  });
}

/** Marks where a float's paragraphs begin and end; `floatsAnchored` turns them into a text box. */
const FLOAT_MARK = 'WgFloat';
function floatMarkers(f: LaidFloat): [Paragraph, Paragraph] {
  const id = `${FLOAT_MARK}-${f.kind}-${f.x}-${f.y}-${f.width}-${f.height}`;
  return [new Paragraph({ style: `${id}-begin`, children: [] }), new Paragraph({ style: `${id}-end`, children: [] })];
}

/** Writes a document as .docx bytes. */
export async function writeDocx(doc: WgDocument, options: DocxOptions): Promise<Uint8Array> {
  const layout = layoutDocument(doc.blocks, options);
  const gbt = options.template === 'gbt9704';
  const tpl = gbt ? gbt9704Template(options.fonts, options.heading3Bold) : plainTemplate();
  const textWidth = gbt ? TEXT_WIDTH_TWIPS : PAGE.width - 3600;
  const children: (Paragraph | Table)[] = [];
  for (const b of layout.blocks) {
    if (b.type === 'table') children.push(tableOf(b.table, tpl, textWidth));
    else if (b.type === 'paragraph') children.push(paragraphOf(b, tpl));
    else if (b.type === 'joint-mark') {
      if (b.gapBefore > 0) children.push(spacer(b.gapBefore));
      children.push(jointMarkOf(b, tpl));
    } else {
      const [begin, end] = floatMarkers(b);
      children.push(begin, ...b.blocks.map((p) => paragraphOf(p, tpl)), end);
    }
  }
  // A document cannot end with a table in Word: add an empty paragraph after one.
  const last = layout.blocks[layout.blocks.length - 1];
  if (!last || last.type === 'table' || last.type === 'joint-mark') children.push(new Paragraph({ children: [] }));
  const author = options.author?.trim() || doc.meta.author?.trim() || '';
  const title = doc.meta.title?.trim() || layout.title;
  const section: ISectionOptions = layout.numberFirstPage
    ? { ...tpl.section, children }
    : { ...tpl.section, properties: { ...tpl.section.properties, titlePage: true }, footers: { ...tpl.section.footers, first: new Footer({ children: [new Paragraph({ children: [] })] }) }, children };
  const document = new Document({
    ...(title ? { title } : {}),
    ...(author ? { creator: author, lastModifiedBy: author } : { creator: '', lastModifiedBy: '' }),
    evenAndOddHeaderAndFooters: gbt,
    styles: {
      default: {
        document: {
          run: {
            font: tpl.docDefaults.font,
            size: tpl.docDefaults.size,
            language: { value: 'en-US', eastAsia: 'zh-CN' },
            ...(tpl.docDefaults.characterScale ? { scale: tpl.docDefaults.characterScale } : {}),
          },
          paragraph: { spacing: { line: tpl.docDefaults.line, lineRule: tpl.docDefaults.lineRule } },
        },
      },
      paragraphStyles: tpl.styles,
    },
    sections: [section],
  });
  const bytes = new Uint8Array(await Packer.toArrayBuffer(document));
  return gbt ? gbt9704Patches(bytes) : bytes;
}

/**
 * What `docx` cannot write, patched into its XML:
 * - w:snapToGrid 0 on lines of another height than the grid's (title, 标志, rules): a 22 pt line
 *   would take two grid lines in LibreOffice (Word uses the exact spacing);
 * - w:widowControl 0 in the defaults and every paragraph style (Word's 孤行控制 off), so every
 *   full page holds 22 lines;
 * - the floats (版记, the 信函's 标志 and lines) as text boxes anchored to the page: DrawingML
 *   anchors, which Word, WPS and LibreOffice place alike (LibreOffice ignores w:framePr frames
 *   and floating tables as wide as the text).
 */
function gbt9704Patches(bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes);
  const read = (name: string) => {
    const f = files[name];
    if (!f) throw new Error(`docx: ${name} missing`);
    return strFromU8(f);
  };
  let styles = read('word/styles.xml');
  let document = read('word/document.xml');
  const offGrid = OFF_GRID_STYLES.join('|');
  // Before w:spacing, as the schema orders a pPr's children.
  const snap = (xml: string, re: RegExp) => xml.replace(re, (m) => m.replace('<w:spacing', '<w:snapToGrid w:val="0"/><w:spacing'));
  styles = snap(styles, new RegExp(`<w:style w:type="paragraph" w:styleId="(?:${offGrid})">(?:(?!</w:style>).)*?<w:spacing`, 'g'));
  document = snap(document, new RegExp(`<w:pPr><w:pStyle w:val="(?:${offGrid})"/>(?:(?!</w:pPr>).)*?<w:spacing`, 'g'));
  // After pStyle/keepNext/keepLines/pageBreakBefore, before everything else.
  const widow = (pPr: string) => pPr.replace(/^<w:pPr>((?:<w:pStyle [^>]*\/>)?(?:<w:keepNext[^>]*\/>)?(?:<w:keepLines[^>]*\/>)?(?:<w:pageBreakBefore[^>]*\/>)?)/, '<w:pPr>$1<w:widowControl w:val="0"/>');
  styles = styles.replace(/<w:pPrDefault><w:pPr>.*?<\/w:pPr>|<w:pPrDefault\/>/, (m) => (m === '<w:pPrDefault/>' ? '<w:pPrDefault><w:pPr><w:widowControl w:val="0"/></w:pPr></w:pPrDefault>' : m.replace(/<w:pPr>.*$/, (x) => widow(x))));
  styles = styles.replace(/(<w:style w:type="paragraph"[^>]*>(?:(?!<\/w:style>).)*?)(<w:pPr>(?:(?!<\/w:style>).)*?<\/w:pPr>|<w:rPr>|<\/w:style>)/g, (_m, head: string, tail: string) => (tail.startsWith('<w:pPr>') ? head + widow(tail) : `${head}<w:pPr><w:widowControl w:val="0"/></w:pPr>${tail}`));
  document = floatsAnchored(document);
  files['word/styles.xml'] = strToU8(styles);
  files['word/document.xml'] = strToU8(document);
  return zipSync(files, { level: 6 });
}

const EMU_PER_TWIP = 635;

/** The paragraphs between a float's markers, in a text box anchored where the float says. */
function floatsAnchored(xml: string): string {
  let id = 100;
  const marker = (which: string) => `<w:p><w:pPr><w:pStyle w:val="${FLOAT_MARK}-([a-z-]+?)-(-?\\d+)-(-?\\d+)-(\\d+)-(\\d+)-${which}"/></w:pPr></w:p>`;
  const re = new RegExp(`${marker('begin')}(.*?)<w:p><w:pPr><w:pStyle w:val="${FLOAT_MARK}-[^"]*-end"/></w:pPr></w:p>`, 'g');
  return xml.replace(re, (_m, kind: string, x: string, y: string, w: string, h: string, inner: string) => {
    const cx = Number(w) * EMU_PER_TWIP;
    const cy = Number(h) * EMU_PER_TWIP;
    const onPage = kind !== 'record';
    const posH = `<wp:positionH relativeFrom="margin"><wp:posOffset>${Number(x) * EMU_PER_TWIP}</wp:posOffset></wp:positionH>`;
    // The 版记 at the bottom of the 版心; the 信函's head and foot at fixed places on the page.
    const posV = onPage ? `<wp:positionV relativeFrom="page"><wp:posOffset>${Number(y) * EMU_PER_TWIP}</wp:posOffset></wp:positionV>` : '<wp:positionV relativeFrom="margin"><wp:align>bottom</wp:align></wp:positionV>';
    const wrap = onPage ? '<wp:wrapNone/>' : '<wp:wrapTopAndBottom/>';
    const n = id++;
    const name = kind === 'record' ? '版记' : kind === 'letter-head' ? '信函版头' : '信函下双线';
    return (
      `<w:p><w:pPr><w:pStyle w:val="${DOCX_STYLES.separator.id}"/><w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/><w:ind w:firstLine="0"/></w:pPr><w:r><w:drawing>` +
      `<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="${n}" behindDoc="0" locked="1" layoutInCell="1" allowOverlap="1">` +
      `<wp:simplePos x="0" y="0"/>${posH}${posV}<wp:extent cx="${cx}" cy="${cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>${wrap}` +
      `<wp:docPr id="${n}" name="${name}"/><wp:cNvGraphicFramePr/>` +
      `<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvSpPr txBox="1"/>` +
      `<wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln><a:noFill/></a:ln></wps:spPr>` +
      `<wps:txbx><w:txbxContent>${inner}</w:txbxContent></wps:txbx>` +
      `<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="0" tIns="0" rIns="0" bIns="0" anchor="${onPage ? 't' : 'b'}" anchorCtr="0"><a:noAutofit/></wps:bodyPr></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r></w:p>`
    );
  });
}
