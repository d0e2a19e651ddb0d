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

export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
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

export function isHeadingRole(role: ParagraphRole | null | undefined): role is 'heading1' | 'heading2' | 'heading3' | 'heading4' {
  return role === 'heading1' || role === 'heading2' || role === 'heading3' || role === 'heading4';
}
