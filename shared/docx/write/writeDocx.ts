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
  TextRun,
  UnderlineType,
  WidthType,
  type IParagraphStyleOptions,
  type ISectionOptions,
  type ParagraphChild,
} from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { Alignment, Paragraph as ModelParagraph, Table as ModelTable, WgDocument } from '../../model/document';
import type { ExportFonts } from '../../export/fonts';
import { CHAR_SCALE_PERCENT, CHAR_TWIPS, FOOTER_TWIPS, LINE_TWIPS, MARGINS, PAGE, PT, TEXT_WIDTH_TWIPS } from '../../export/gbt9704';
import { layoutDocument, type FontSlot, type LaidParagraph, type LayoutOptions, type LayoutRole, type Segment } from '../../export/layout';

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
  'copy-number': { id: 'WgCopyNumber', name: '份号' },
  secrecy: { id: 'WgSecrecy', name: '密级和保密期限' },
  urgency: { id: 'WgUrgency', name: '紧急程度' },
  'issuer-mark': { id: 'WgIssuerMark', name: '发文机关标志' },
  signer: { id: 'WgSigner', name: '签发人' },
  subtitle: { id: 'WgSubtitle', name: '副标题' },
  byline: { id: 'WgByline', name: '署名行' },
  dateline: { id: 'WgDateline', name: '日期行' },
  note: { id: 'WgNote', name: '附注' },
  attendance: { id: 'WgAttendance', name: '出席/请假/列席' },
  'attachment-label': { id: 'WgAttachmentLabel', name: '附件标识' },
  'attachment-title': { id: 'WgAttachmentTitle', name: '附件标题' },
  cc: { id: 'WgCc', name: '抄送机关' },
  imprint: { id: 'WgImprint', name: '印发机关和印发日期' },
};

/** Parts set in the title's size (二号). */
const TITLE_SIZED: ReadonlySet<LayoutRole> = new Set<LayoutRole>(['title', 'attachment-title', 'issuer-mark']);
const OTHER_PARTS = (Object.keys(DOCX_STYLES) as Array<keyof typeof DOCX_STYLES>).filter(
  (r) => !['title', 'heading1', 'heading2', 'heading3', 'heading4', 'doc-number', 'salutation', 'signature', 'date', 'attachment-list'].includes(r),
);

const ALIGN: Record<Alignment, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
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
    size: (role) => (TITLE_SIZED.has(role) ? PT.title : PT.body) * 2,
    font,
    charTwips: (role) => (TITLE_SIZED.has(role) ? PT.title : PT.body) * 20,
    spacing: (p) => ({ ...exact, before: p.spaceBefore * LINE_TWIPS, after: p.spaceAfter * LINE_TWIPS }),
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
      // The other parts: named so Word shows what each paragraph is; the layout sets their look.
      ...OTHER_PARTS.map((role) => custom(role, {})),
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
function runsOf(segments: Segment[], tpl: Template, sizeHalfPts: number, styled: boolean): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const s of segments) {
    const bodyPart = styled && !s.heading;
    const props = {
      font: tpl.font(s.font),
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
  const ch = tpl.charTwips(p.role);
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
  return new Paragraph({
    ...(style ? { style } : {}),
    alignment: ALIGN[p.align],
    indent,
    spacing: tpl.spacing(p),
    // Explicit both ways: a run-in heading must not inherit its style's keep-with-next (it would
    // chain a whole paragraph to the next and leave half-empty pages).
    keepNext: p.keepNext,
    children: runsOf(p.segments, tpl, tpl.size(p.role), styled),
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

/** Writes a document as .docx bytes. */
export async function writeDocx(doc: WgDocument, options: DocxOptions): Promise<Uint8Array> {
  const layout = layoutDocument(doc.blocks, options);
  const gbt = options.template === 'gbt9704';
  const tpl = gbt ? gbt9704Template(options.fonts, options.heading3Bold) : plainTemplate();
  const textWidth = gbt ? TEXT_WIDTH_TWIPS : PAGE.width - 3600;
  const children = layout.blocks.map((b) => (b.type === 'table' ? tableOf(b.table, tpl, textWidth) : paragraphOf(b, tpl)));
  // A document cannot end with a table in Word: add an empty paragraph after one.
  if (layout.blocks.length === 0 || layout.blocks[layout.blocks.length - 1]!.type === 'table') children.push(new Paragraph({ children: [] }));
  const author = options.author?.trim() || doc.meta.author?.trim() || '';
  const title = doc.meta.title?.trim() || layout.title;
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
    sections: [{ ...tpl.section, children }],
  });
  const bytes = new Uint8Array(await Packer.toArrayBuffer(document));
  return gbt ? titleOffGrid(bytes) : bytes;
}

/**
 * The title must not snap to the line grid (w:snapToGrid 0): a 22 pt line would take two grid
 * lines in LibreOffice (Word uses the exact spacing). `docx` cannot write a paragraph's
 * w:snapToGrid, so it is added to the title paragraphs and the Title style here, before
 * w:spacing as the schema orders them.
 */
function titleOffGrid(bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes);
  /** Inserts before w:spacing wherever `re` matches; a required place that is missing is a bug. */
  const patch = (name: string, re: RegExp, insert: string, required: boolean) => {
    const f = files[name];
    if (!f) throw new Error(`docx: ${name} missing`);
    let n = 0;
    const xml = strFromU8(f).replace(re, (m) => (n++, m.replace('<w:spacing', `${insert}<w:spacing`)));
    if (n === 0 && required) throw new Error(`docx: no place for ${insert} in ${name}`);
    if (n > 0) files[name] = strToU8(xml);
  };
  patch('word/styles.xml', /<w:style w:type="paragraph" w:styleId="Title">(?:(?!<\/w:style>).)*?<w:spacing/g, '<w:snapToGrid w:val="0"/>', true);
  // Documents without a title have no title paragraph.
  patch('word/document.xml', /<w:pPr><w:pStyle w:val="Title"\/>(?:(?!<\/w:pPr>).)*?<w:spacing/g, '<w:snapToGrid w:val="0"/>', false);
  return zipSync(files, { level: 6 });
}
