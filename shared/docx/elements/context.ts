/**
 * The state of reading the main story (w:body) of document.xml, handed to every element handler:
 * what is open (containers, paragraphs, runs, tables, fields, drawings, property sections), what
 * has been read, and the operations several element families share (adding text, an inline
 * object, a finished block). Handlers keep no state of their own.
 */
import { sameRunFormat, type Block, type Paragraph, type Run } from '../../model/document';
import { UserError } from '../../api/errors';
import { MAX_DOCUMENT_CHARS } from '../../model/limits';
import type { RunFormat } from '../faithful/fingerprint';
import type { Numbering } from '../read/numbering';
import type { ParaProps, RunProps } from '../read/properties';
import type { StyleSheet } from '../read/styles';
import { SKIP, type Attrs, type XmlCursor } from '../read/xml';
import { StoryMarksRecorder } from './storyMarks';
import type { TableCtx } from './tables';

export interface BodyCounts {
  images: number;
  charts: number;
  shapes: number;
  objects: number;
  smartArt: number;
  footnotes: number;
  endnotes: number;
  /** Pictures and other drawings shown as inline objects (kept, but not in a .txt). */
  shownPictures: number;
  shownDrawings: number;
  /** Equations shown as inline objects (their text is in the document's text). */
  shownEquations: number;
  comments: number;
  hiddenRuns: number;
  symbols: number;
  textBoxes: number;
  nestedTables: number;
  insertions: number;
  deletions: number;
}

export interface FinishedParagraph {
  paragraph: Paragraph;
  /** Largest font size in the paragraph (half-points), for recognising a title. */
  maxSize: number;
  numbered: boolean;
}

/** Where finished blocks go: the body, a table cell or a text box. */
export interface Container {
  kind: 'body' | 'cell' | 'textbox';
  blocks: Block[];
  /** Runs of paragraphs whose mark was deleted, waiting to merge into the next paragraph. */
  held: Run[] | null;
  heldProps: ParaProps | null;
  /** Where the first held paragraph starts in document.xml. */
  heldAt: number;
  /** The held paragraphs' inline objects. */
  heldObjects: number[];
  /** Paragraph facts parallel to blocks (body only), for the title heuristic. */
  facts: Array<FinishedParagraph | null>;
}

/** A w:p being read. */
export interface ParaCtx {
  props: ParaProps;
  runs: Run[];
  /** Offsets of the inline objects read into it. */
  objects: number[];
  /** Blocks read inside it (text boxes' paragraphs), placed after it. */
  followers: Block[];
  maxSize: number;
  container: Container;
  /** Start of the w:p in document.xml. */
  at: number;
}

/** A w:r being read. */
export interface RunCtx {
  direct: RunProps;
  resolved: { format: RunFormat; hidden: boolean; size: number } | null;
  countedHidden: boolean;
  /** Start of the w:r in document.xml, and its w:rPr as written. */
  at: number;
  rPrAt: number;
  rPr: string;
}

/** A w:drawing or w:pict being read: what it held, where its run-level element starts, its image and size. */
export interface DrawingCtx {
  pictures: number;
  chart: boolean;
  smartArt: boolean;
  textbox: boolean;
  at: number;
  rel?: string;
  width?: number;
  height?: number;
}

/** How a story is read: the body for the editor, or a header, footer or comment for the 页眉页脚与批注 panel. */
export interface StoryOptions {
  /**
   * Fields PAGE / NUMPAGES / SECTIONPAGES shown as {页码} / {总页数} / {本节页数} instead of their
   * last result (a header or footer shows the page it is on; the editor keeps the result).
   */
  fieldPlaceholders?: boolean;
}

/** A complex field: in its instructions, showing its result, or shown as a placeholder (its result hidden). */
export type FieldState = 'instr' | 'result' | 'placeholder';

/** Paragraphs in a Word heading style, with that style's level. */
export interface HeadingParagraph {
  paragraph: Paragraph;
  /** Level of its Word heading style (1–9). */
  wordLevel: number;
  /** Its automatic numbering label, '' when none. */
  label: string;
}

/** What an element family does when one of its elements opens or closes. */
export interface ElementHandler {
  /** Returning SKIP skips the element's whole subtree (its close is not reported either). */
  open?(ctx: BodyReader, attrs: Attrs, name: string): void | typeof SKIP;
  close?(ctx: BodyReader, name: string): void;
}

/** An element family's handlers, by element name. */
export type ElementHandlers = Record<string, ElementHandler>;

/** Handlers that skip these elements' whole subtrees: what they hold is not read (and is kept by the writer). */
export function skipping(...names: string[]): ElementHandlers {
  const skip: ElementHandler = { open: () => SKIP };
  return Object.fromEntries(names.map((n) => [n, skip]));
}

/**
 * A properties element being read (w:pPr, w:rPr, w:tcPr, w:trPr): its children go to `child`
 * instead of the element handlers, until the element named `element` closes.
 */
export interface PropertySection {
  element: string;
  child(ctx: BodyReader, name: string, attrs: Attrs): void | typeof SKIP;
  end?(ctx: BodyReader): void;
}

/**
 * Deepest nesting of table cells and text boxes read. Word nests tables a few levels and text
 * boxes hardly at all (its UI cannot put one in another); each level copies the text it holds
 * into the level above, so the depth is what bounds that work.
 */
export const MAX_NESTING = 16;

export function newContainer(kind: Container['kind']): Container {
  return { kind, blocks: [], held: null, heldProps: null, heldAt: 0, heldObjects: [], facts: [] };
}

function newCounts(): BodyCounts {
  return {
    images: 0, charts: 0, shapes: 0, objects: 0, smartArt: 0, footnotes: 0, endnotes: 0, shownPictures: 0, shownDrawings: 0, shownEquations: 0,
    comments: 0, hiddenRuns: 0, symbols: 0, textBoxes: 0, nestedTables: 0, insertions: 0, deletions: 0,
  };
}

export const PLAIN: RunFormat = {};

/** Appends text to a paragraph's runs, merging it into the last run when the format is the same. */
export function appendRun(runs: Run[], text: string, f: RunFormat): void {
  if (text === '') return;
  const last = runs[runs.length - 1];
  if (last && sameRunFormat(last, f)) {
    last.text += text;
    return;
  }
  runs.push({ text, ...f });
}

/** Appends copies of `b` to `out` (whose runs the caller owns), merging equal formats. */
export function appendRuns(out: Run[], b: Run[]): Run[] {
  for (const r of b) {
    const last = out[out.length - 1];
    if (last && sameRunFormat(last, r)) last.text += r.text;
    else out.push({ ...r });
  }
  return out;
}

export function concatRuns(a: Run[], b: Run[]): Run[] {
  return appendRuns(
    a.map((r) => ({ ...r })),
    b,
  );
}

export class BodyReader {
  readonly counts = newCounts();
  readonly body = newContainer('body');
  readonly containers: Container[] = [this.body];
  readonly paras: ParaCtx[] = [];
  /** Runs being read; a text box inside a run nests paragraphs, and so runs, inside it. */
  readonly runs: RunCtx[] = [];
  readonly tables: TableCtx[] = [];
  readonly sections: PropertySection[] = [];
  /** Complex fields: 'instr' until w:fldChar separate, then 'result' (or 'placeholder'). Fields span runs and paragraphs. */
  readonly fields: FieldState[] = [];
  /** Instructions read so far, parallel to `fields` (with fieldPlaceholders only). */
  readonly fieldInstr: string[] = [];
  /** How many of `fields` hide their text: in their instructions, or shown as a placeholder. */
  fieldsInInstr = 0;
  /** In a w:instrText whose text is read (with fieldPlaceholders). */
  inInstr = false;
  readonly commentIds = new Set<string>();
  /** Sections and comment anchors, for the 页眉页脚与批注 panel (storyMarks.ts). */
  readonly marks = new StoryMarksRecorder();
  /** Per open mc:AlternateContent: has a branch been taken, where it starts, in which run. */
  readonly alternates: Array<{ taken: boolean; at: number; run: number }> = [];
  readonly drawings: DrawingCtx[] = [];
  readonly noteMarks = { footnote: 0, endnote: 0 };
  readonly headings: HeadingParagraph[] = [];
  /** Run properties as written (and the paragraph style) → the first run that had them, for the runs' source ids. */
  readonly runSources = new Map<string, string>();
  inBody = false;
  inText = false;
  inMathText = false;
  /** The outermost equation being read (equations.ts): where it starts, its text so far, how deep in it the reader is. */
  equation: { at: number; text: string; depth: number } | null = null;
  private totalChars = 0;

  constructor(
    readonly xml: string,
    readonly cursor: XmlCursor,
    readonly styles: StyleSheet,
    readonly numbering: Numbering,
    readonly options: StoryOptions = {},
  ) {}

  /** Start of the tag the parser just reported. */
  tagStart(): number {
    return this.xml.lastIndexOf('<', this.cursor.offset - 1);
  }

  container(): Container {
    return this.containers[this.containers.length - 1]!;
  }

  para(): ParaCtx | undefined {
    return this.paras[this.paras.length - 1];
  }

  run(): RunCtx | undefined {
    return this.runs[this.runs.length - 1];
  }

  /** Characters of a w:instrText: the innermost field's instructions (a few words tell a page field). */
  addInstruction(t: string): void {
    const top = this.fieldInstr.length - 1;
    if (top >= 0 && this.fields[top] === 'instr' && this.fieldInstr[top]!.length < 200) this.fieldInstr[top] += t;
  }

  fieldVisible(): boolean {
    return this.fieldsInInstr === 0;
  }

  /** Text read and text generated (numbering labels) count against the document size limit. */
  countChars(n: number): void {
    this.totalChars += n;
    if (this.totalChars > MAX_DOCUMENT_CHARS) {
      throw new UserError('too-large', `文档过大（连同自动编号超过 ${MAX_DOCUMENT_CHARS.toLocaleString('zh-CN')} 字），文稿无法打开。`);
    }
  }

  /** Table cells and text boxes nested deeper than any real document: refused, as each level copies what it holds. */
  enterContainer(c: Container): void {
    if (this.containers.length > MAX_NESTING) {
      throw new UserError('too-complex', `文档中的表格或文本框嵌套超过 ${MAX_NESTING} 层，可能是异常或恶意构造的文件，文稿无法打开。`);
    }
    this.containers.push(c);
  }

  /** Adds a finished block to a container; a cell cannot hold a table, so one becomes text. */
  addBlock(c: Container, b: Block, fact: FinishedParagraph | null): void {
    if (b.type === 'table' && c.kind === 'cell') {
      this.counts.nestedTables++;
      // Aligned as the row's first paragraph, so saving it (as a new paragraph) keeps the look it had.
      for (const row of b.rows) c.blocks.push({ type: 'paragraph', runs: rowAsText(row), ...alignOfRow(row) });
      return;
    }
    c.blocks.push(b);
    if (c.kind === 'body') c.facts.push(fact);
  }
}

function alignOfRow(row: { cells: Array<{ paragraphs: Paragraph[] }> }): Pick<Paragraph, 'align'> {
  const align = row.cells[0]?.paragraphs[0]?.align;
  return align ? { align } : {};
}

/** A row of a table nested in a cell, as one line: cells separated by tabs, their paragraphs by spaces (in the format of the text before them). */
function rowAsText(row: { cells: Array<{ paragraphs: Paragraph[] }> }): Run[] {
  const runs: Run[] = [];
  const separator = (text: string) => {
    const { text: _text, object: _object, ...f } = runs[runs.length - 1] ?? { text: '' };
    appendRun(runs, text, f);
  };
  row.cells.forEach((cell, i) => {
    if (i > 0) separator('\t');
    cell.paragraphs.forEach((cp, j) => {
      if (j > 0) separator(' ');
      for (const { text, ...f } of cp.runs) appendRun(runs, text, f);
    });
  });
  return runs;
}
