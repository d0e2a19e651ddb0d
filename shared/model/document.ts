/**
 * The document model: the one data shape that crosses every boundary.
 * Importers produce it, the editor maps it to and from Lexical nodes,
 * save and export consume it. Plain JSON: no classes, no functions.
 */
import { DOCUMENT_PARTS, type DocumentPart } from './parts';

/** What a paragraph is in a 公文: one of the document's parts (model/parts.ts), set by the user or
 * the importer. `undefined` role means "plain paragraph": its part is then inferred by the anatomy
 * (shared/anatomy/) from its content and place, its outline level from its numbering. */
export const PARAGRAPH_ROLES = DOCUMENT_PARTS;
export type ParagraphRole = DocumentPart;

export const ALIGNMENTS = ['left', 'center', 'right', 'justify'] as const;
export type Alignment = (typeof ALIGNMENTS)[number];

export const VERTICAL_ALIGNS = ['superscript', 'subscript'] as const;

/**
 * What a Word document holds inline that is not text, shown in the editor as an object the user
 * can move or delete but not edit: a picture, another drawing (chart, shape, SmartArt), a page or
 * column break, a footnote or endnote mark, an equation (Word's m:oMath, or an m:oMathPara).
 */
export const INLINE_OBJECT_KINDS = ['picture', 'drawing', 'pageBreak', 'columnBreak', 'footnote', 'endnote', 'equation'] as const;
export type InlineObjectKind = (typeof INLINE_OBJECT_KINDS)[number];

export interface InlineObject {
  kind: InlineObjectKind;
  /** Start of its element in the source document.xml (a run's child: w:drawing, w:pict, mc:AlternateContent, w:br, w:footnoteReference…): saving writes that element back. */
  at?: number;
  /** A picture's image: the relationship id (r:embed) in the main part's relationships. */
  rel?: string;
  /** Size as laid out, in points. */
  width?: number;
  height?: number;
  /** A note's mark as shown ("1"), what a drawing is ("图表"), an equation's linear text ("x=a+b"). */
  label?: string;
}

/**
 * What an object reads as in the document's text (its run's `text`): an equation its linear text,
 * so text, counts, search and exports see it where Word shows it; every other object nothing.
 */
export function objectText(o: InlineObject): string {
  return o.kind === 'equation' ? (o.label ?? '') : '';
}

export interface Run {
  /** For an inline object, `objectText(object)`: '' but for an equation. */
  text: string;
  /** An inline object (its text is ''): never joined with another run. */
  object?: InlineObject;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strike?: boolean;
  vertAlign?: (typeof VERTICAL_ALIGNS)[number];
  /** Font size in points. */
  size?: number;
  /** Font family for Chinese text (Word's eastAsia font) and for Latin text (ascii). */
  font?: string;
  fontLatin?: string;
  /** Text colour as RRGGBB. */
  color?: string;
  /** Word highlight colour name (yellow, green, cyan…). */
  highlight?: string;
  /** Opaque id of the run's original properties in the source .docx (see BlockSource). */
  src?: string;
}

/**
 * Where a block came from in a source .docx kept beside the document (shared/docx/faithful):
 * the character range of its XML in word/document.xml and a fingerprint of what the editor showed
 * of it. Saving writes a block whose fingerprint still matches back as that XML, byte for byte,
 * and re-emits an edited one with its original paragraph and run properties.
 */
export interface BlockSource {
  /** Start and end of the body-level XML the block was read from. */
  at: number;
  to: number;
  /** Fingerprint of the block as read. */
  fp: string;
  /** When one piece of XML gave several blocks (a content control, text boxes): this block's index and their count. */
  part?: number;
  parts?: number;
  /** Start of the w:p this paragraph was read from (its w:pPr is carried into a re-emitted paragraph). */
  p?: number;
  /** Fingerprint of the paragraph's role, alignment and indents as read. */
  pf?: string;
  /** Its Word automatic numbering label as read ("一、"), written as text into the runs. */
  label?: string;
  /** Leading full-width spaces read as a first-line indent. */
  typed?: number;
  /** Where the inline objects read from this paragraph were (InlineObject.at): shown, so deleting one is the user's choice, not a loss. */
  objects?: number[];
}

/** Indents are measured in characters (Word's *Chars units / 100), the unit 公文 rules use. */
export interface Indent {
  /** First-line indent in characters; 2 is the 公文 body default. Negative = hanging. */
  firstLineChars?: number;
  leftChars?: number;
  rightChars?: number;
}

export interface Paragraph {
  type: 'paragraph';
  role?: ParagraphRole;
  align?: Alignment;
  indent?: Indent;
  runs: Run[];
  source?: BlockSource;
  /**
   * The paragraph continues the previous paragraph's line of the source .txt: a line too long to
   * edit as one paragraph was shown as several (shared/text/plainText.ts), and saving as text
   * joins them back without a line break. A paragraph the user starts with Enter never has it.
   */
  continuesLine?: true;
}

export interface TableCell {
  /** Number of grid columns this cell spans (w:gridSpan); default 1. */
  colSpan?: number;
  /** Number of rows this cell spans (vertical merge); default 1. Cells covered by a span are omitted. */
  rowSpan?: number;
  paragraphs: Paragraph[];
}

export interface TableRow {
  cells: TableCell[];
  /** Repeated as a header row on each page. */
  header?: boolean;
}

export interface Table {
  type: 'table';
  rows: TableRow[];
  /** Relative column widths (any unit); exporters scale them to the text width. */
  columnWidths?: number[];
  source?: BlockSource;
}

export type Block = Paragraph | Table;

export interface DocumentMeta {
  title?: string;
  author?: string;
}

export interface WgDocument {
  meta: DocumentMeta;
  blocks: Block[];
}

/** The run fields that are formatting (everything but the text), in a fixed order. */
export const RUN_FORMAT_KEYS = ['bold', 'italic', 'underline', 'strike', 'vertAlign', 'size', 'font', 'fontLatin', 'color', 'highlight', 'src'] as const;

/** Runs that may be joined into one: the same formatting and the same source properties. */
export function sameRunFormat(a: Omit<Run, 'text'>, b: Omit<Run, 'text'>): boolean {
  if (a.object || b.object) return false;
  for (const k of RUN_FORMAT_KEYS) if ((a[k] ?? false) !== (b[k] ?? false)) return false;
  return true;
}

export function paragraph(text: string, props: Omit<Paragraph, 'type' | 'runs'> = {}): Paragraph {
  return { type: 'paragraph', ...props, runs: text === '' ? [] : [{ text }] };
}

export function emptyDocument(): WgDocument {
  return { meta: {}, blocks: [paragraph('')] };
}

export function paragraphText(p: Paragraph): string {
  let s = '';
  for (const r of p.runs) s += r.text;
  return s;
}

/** Plain text of a block; table cells are separated by tabs and rows by newlines. */
export function blockText(b: Block): string {
  if (b.type === 'paragraph') return paragraphText(b);
  return b.rows
    .map((row) => row.cells.map((c) => c.paragraphs.map(paragraphText).join('\n')).join('\t'))
    .join('\n');
}

export function documentText(doc: WgDocument): string {
  return doc.blocks.map(blockText).join('\n');
}

/** `blockText(b).length` without building the text. */
export function blockSize(b: Block): number {
  const paragraphs = (ps: Paragraph[]) => ps.reduce((n, p) => n + paragraphText(p).length, Math.max(0, ps.length - 1));
  if (b.type === 'paragraph') return paragraphText(b).length;
  let n = Math.max(0, b.rows.length - 1);
  for (const row of b.rows) n += row.cells.reduce((m, c) => m + paragraphs(c.paragraphs), Math.max(0, row.cells.length - 1));
  return n;
}

/** `documentText(doc).length` without building the text: the measure of a document's size. */
export function documentSize(doc: WgDocument): number {
  return doc.blocks.reduce((n, b) => n + blockSize(b), Math.max(0, doc.blocks.length - 1));
}

export function isHeadingRole(role: ParagraphRole | null | undefined): role is 'heading1' | 'heading2' | 'heading3' | 'heading4' {
  return role === 'heading1' || role === 'heading2' || role === 'heading3' || role === 'heading4';
}
