/**
 * The main story (w:body) of document.xml, streamed into the document model:
 * - paragraphs and runs with bold/italic/underline resolved through styles, alignment, indents
 *   in characters, heading roles from heading styles and outline levels;
 * - numbering labels ("一、") computed in document order and written as text;
 * - tables as tables (grid spans, vertical merges, header rows); a table inside a cell, which
 *   the model cannot hold, becomes lines of tab-separated text;
 * - tracked changes accepted: insertions and moves-to kept, deletions and moves-from dropped,
 *   a deleted paragraph mark merges the paragraph with the next one;
 * - text boxes read once (the first usable branch of mc:AlternateContent), their paragraphs
 *   placed after the paragraph that anchors them; content controls and hyperlinks unwrapped;
 *   field results kept, field instructions dropped; ruby text dropped, the base text kept;
 * - pictures, other drawings without text boxes (charts, shapes, SmartArt), page and column breaks
 *   and footnote/endnote marks as inline objects (runs with no text) that point at their XML, so
 *   an edited paragraph writes them back as they were;
 * - what the model cannot hold (drawings with text boxes, OLE objects, the notes' own text,
 *   comments, hidden text, symbols from symbol fonts) counted for the notice.
 */
import { sameRunFormat, type Alignment, type InlineObject, type Block, type Paragraph, type ParagraphRole, type Run, type Table, type TableCell, type TableRow } from '../../model/document';
import { fingerprintSources, runFormatOf, runSourceId, type RunFormat } from '../faithful/fingerprint';
import { UserError } from '../../api/errors';
import { MAX_COLUMN_SPAN, MAX_DOCUMENT_CHARS, MAX_DOCUMENT_PARTS } from '../../model/limits';
import { headingOf } from '../../outline/levels';
import type { Numbering } from './numbering';
import { applyParagraphProperty, applyRunProperty, indentChars, mergePara, mergeRun, type ParaProps, type RunProps } from './properties';
import type { StyleSheet } from './styles';
import { SKIP, int, parseXml, xmlText, type Attrs, type XmlCursor, type XmlHandler } from './xml';

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
  comments: number;
  hiddenRuns: number;
  symbols: number;
  textBoxes: number;
  nestedTables: number;
  insertions: number;
  deletions: number;
}

export interface BodyResult {
  blocks: Block[];
  counts: BodyCounts;
}

interface FinishedParagraph {
  paragraph: Paragraph;
  /** Largest font size in the paragraph (half-points), for recognising a title. */
  maxSize: number;
  numbered: boolean;
}

interface Container {
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

interface ParaCtx {
  props: ParaProps;
  runs: Run[];
  /** Offsets of the inline objects read into it. */
  objects: number[];
  followers: Block[];
  maxSize: number;
  container: Container;
  /** Start of the w:p in document.xml. */
  at: number;
}

interface RunCtx {
  direct: RunProps;
  resolved: { format: RunFormat; hidden: boolean; size: number } | null;
  countedHidden: boolean;
  /** Start of the w:r in document.xml, and its w:rPr as written. */
  at: number;
  rPrAt: number;
  rPr: string;
}

interface CellCtx {
  container: Container;
  gridSpan: number;
  vMerge: 'restart' | 'continue' | null;
  hMergeContinue: boolean;
}

interface TableCtx {
  grid: number[];
  rows: TableRow[];
  row: { cells: TableCell[]; header: boolean; deleted: boolean; col: number; origins: Array<TableCell | undefined> } | null;
  cell: CellCtx | null;
  /** For each grid column, the cell a vertical merge started in. */
  origins: Array<{ cell: TableCell; span: number } | undefined>;
  parent: Container;
}

/** Elements whose whole subtree is ignored. */
const SKIPPED = new Set([
  'w:del',
  'w:moveFrom',
  'w:delText',
  'w:instrText',
  'w:delInstrText',
  'w:pPrChange',
  'w:rPrChange',
  'w:sectPrChange',
  'w:tblPrChange',
  'w:trPrChange',
  'w:tcPrChange',
  'w:sdtPr',
  'w:sdtEndPr',
  'w:rt',
  'w:rubyPr',
  'w:sectPr',
  'w:tblPr',
  'w:tblPrEx',
  'w:tblGridChange',
  'w:customXmlPr',
  'w:smartTagPr',
  'w:fldData',
  'w:footnotePr',
  'w:endnotePr',
  'm:rPr',
  'm:ctrlPr',
  'w:object',
  'w:movie',
  'w:background',
]);

function newContainer(kind: Container['kind']): Container {
  return { kind, blocks: [], held: null, heldProps: null, heldAt: 0, heldObjects: [], facts: [] };
}

const PLAIN: RunFormat = {};

function appendRun(runs: Run[], text: string, f: RunFormat): void {
  if (text === '') return;
  const last = runs[runs.length - 1];
  if (last && sameRunFormat(last, f)) {
    last.text += text;
    return;
  }
  runs.push({ text, ...f });
}

function concatRuns(a: Run[], b: Run[]): Run[] {
  return appendRuns(
    a.map((r) => ({ ...r })),
    b,
  );
}

/** Appends copies of `b` to `out` (whose runs the caller owns), merging equal formats. */
function appendRuns(out: Run[], b: Run[]): Run[] {
  for (const r of b) {
    const last = out[out.length - 1];
    if (last && sameRunFormat(last, r)) last.text += r.text;
    else out.push({ ...r });
  }
  return out;
}

function paragraphPlainText(runs: Run[]): string {
  return runs.map((r) => r.text).join('');
}

/**
 * Deepest nesting of table cells and text boxes read. Word nests tables a few levels and text
 * boxes hardly at all (its UI cannot put one in another); each level copies the text it holds
 * into the level above, so the depth is what bounds that work.
 */
export const MAX_NESTING = 16;

const HEADING_ROLES: ParagraphRole[] = ['heading1', 'heading2', 'heading3', 'heading4'];

export function readBody(bytes: Uint8Array | string, styles: StyleSheet, numbering: Numbering): BodyResult {
  const xml = typeof bytes === 'string' ? bytes : xmlText(bytes);
  const cursor: XmlCursor = { offset: 0 };
  /** Start of the tag the parser just reported. */
  const tagStart = () => xml.lastIndexOf('<', cursor.offset - 1);
  /** Run properties as written (and the paragraph style) → the first run that had them, for the runs' source ids. */
  const runSources = new Map<string, string>();
  const counts: BodyCounts = {
    images: 0,
    charts: 0,
    shapes: 0,
    objects: 0,
    smartArt: 0,
    footnotes: 0,
    endnotes: 0,
    shownPictures: 0,
    shownDrawings: 0,
    comments: 0,
    hiddenRuns: 0,
    symbols: 0,
    textBoxes: 0,
    nestedTables: 0,
    insertions: 0,
    deletions: 0,
  };
  const body = newContainer('body');
  const containers: Container[] = [body];
  const paras: ParaCtx[] = [];
  const tables: TableCtx[] = [];
  /** Complex fields: 'instr' until w:fldChar separate, then 'result'. Fields span runs and paragraphs. */
  const fields: Array<'instr' | 'result'> = [];
  const commentIds = new Set<string>();
  /** Per open mc:AlternateContent: has a branch been taken, where it starts, in which run. */
  const alternates: Array<{ taken: boolean; at: number; run: number }> = [];
  /** Per open w:drawing / w:pict: what it held, where its run-level element starts, its image and size. */
  const drawings: Array<{ pictures: number; chart: boolean; smartArt: boolean; textbox: boolean; at: number; rel?: string; width?: number; height?: number }> = [];
  const noteMarks = { footnote: 0, endnote: 0 };
  let totalChars = 0;
  /** Paragraphs in a Word heading style, with that style's level. */
  const headings: HeadingParagraph[] = [];

  let inBody = false;
  /** Runs being read; a text box inside a run nests paragraphs, and so runs, inside it. */
  const runs: RunCtx[] = [];
  let inText = false;
  let inMathText = false;
  // Property sections being read.
  let pPr: ParaProps | null = null;
  let rPrTarget: RunProps | null = null;
  let tcPr: CellCtx | null = null;
  let trPr = false;

  const container = () => containers[containers.length - 1]!;
  const currentRun = () => runs[runs.length - 1];
  const para = () => paras[paras.length - 1];

  /** How many of `fields` are still in their instructions (text there is not shown). */
  let fieldsInInstr = 0;
  const fieldVisible = () => fieldsInInstr === 0;

  const resolveRun = (r: RunCtx, p: ParaCtx) => {
    if (r.resolved) return r.resolved;
    const paraStyle = styles.paragraphStyleOf(p.props.style);
    let rp = styles.runOf(paraStyle);
    if (r.direct.style) rp = mergeRun(rp, styles.runOf(r.direct.style));
    rp = mergeRun(rp, r.direct);
    const format = runFormatOf(rp);
    const key = `${paraStyle ?? ''}\u0001${r.rPr}`;
    let src = runSources.get(key);
    if (src === undefined) {
      src = runSourceId(r.at, format);
      runSources.set(key, src);
    }
    format.src = src;
    r.resolved = { format, hidden: Boolean(rp.hidden), size: rp.size ?? 20 };
    return r.resolved;
  };

  /** Text read and text generated (numbering labels) count against the document size limit. */
  const countChars = (n: number) => {
    totalChars += n;
    if (totalChars > MAX_DOCUMENT_CHARS) {
      throw new UserError('too-large', `文档过大（连同自动编号超过 ${MAX_DOCUMENT_CHARS.toLocaleString('zh-CN')} 字），文稿无法打开。`);
    }
  };

  const addText = (text: string, plain = false) => {
    const p = para();
    if (!p || text === '' || !fieldVisible()) return;
    const run = currentRun();
    if (plain || !run) {
      appendRun(p.runs, text, PLAIN);
    } else {
      const f = resolveRun(run, p);
      if (f.hidden) {
        if (!run.countedHidden) counts.hiddenRuns++;
        run.countedHidden = true;
        return;
      }
      if (f.size > p.maxSize) p.maxSize = f.size;
      appendRun(p.runs, text, f.format);
    }
    countChars(text.length);
  };

  /** Adds an inline object to the paragraph, with the formatting of the run holding it. */
  const addObject = (object: InlineObject) => {
    const p = para();
    const run = currentRun();
    if (!p || !run || !fieldVisible()) return false;
    const f = resolveRun(run, p);
    if (f.hidden) return false;
    // An object costs a character of the size limit, as a paragraph does: their number stays bounded.
    countChars(1);
    p.runs.push({ text: '', ...f.format, object });
    p.objects.push(object.at!);
    return true;
  };

  /** The run-level element an object at `at` belongs to: the mc:AlternateContent around it when that is in the same run. */
  const runLevelStart = (at: number) => {
    const alt = alternates[alternates.length - 1];
    return alt && alt.run === runs.length ? alt.at : at;
  };

  /** Adds a finished block to a container; a cell cannot hold a table, so one becomes text. */
  const addBlock = (c: Container, b: Block, fact: FinishedParagraph | null) => {
    if (b.type === 'table' && c.kind === 'cell') {
      counts.nestedTables++;
      for (const row of b.rows) {
        const runs: Run[] = [];
        row.cells.forEach((cell, i) => {
          if (i > 0) appendRun(runs, '\t', PLAIN);
          cell.paragraphs.forEach((cp, j) => {
            if (j > 0) appendRun(runs, ' ', PLAIN);
            for (const { text, ...f } of cp.runs) appendRun(runs, text, f);
          });
        });
        c.blocks.push({ type: 'paragraph', runs });
      }
      return;
    }
    c.blocks.push(b);
    if (c.kind === 'body') c.facts.push(fact);
  };

  const resolveParagraph = (props: ParaProps): { props: ParaProps; numId?: string; ilvl: number } => {
    const styleId = styles.paragraphStyleOf(props.style);
    const fromStyle = styles.paraOf(styleId);
    let numId = props.numId ?? fromStyle.numId;
    let ilvl = props.ilvl ?? (props.numId === undefined ? fromStyle.ilvl : undefined);
    if (numId && ilvl === undefined) ilvl = numbering.levelForStyle(numId, styleId) ?? 0;
    if (numId === '0') numId = undefined;
    const levelPara = numId ? numbering.levelProps(numId, ilvl ?? 0)?.para : undefined;
    let merged = mergePara(fromStyle, levelPara ? { indent: levelPara.indent } : undefined);
    merged = mergePara(merged, { ...props, style: styleId });
    return { props: merged, numId, ilvl: ilvl ?? 0 };
  };

  const finishParagraph = (ctx: ParaCtx) => {
    const c = ctx.container;
    if (ctx.props.markDeleted) {
      // Accepting the deletion of a paragraph mark joins this paragraph with the next one.
      if (!c.held) {
        c.heldAt = ctx.at;
        c.heldObjects = [];
      }
      c.held = appendRuns(c.held ?? [], ctx.runs);
      c.heldObjects.push(...ctx.objects);
      c.heldProps ??= ctx.props;
      for (const f of ctx.followers) addBlock(c, f, null);
      return;
    }
    const { props, numId, ilvl } = resolveParagraph(ctx.props);
    const at = c.held ? c.heldAt : ctx.at;
    const objects = c.held && c.heldObjects !== ctx.objects ? [...c.heldObjects, ...ctx.objects] : ctx.objects;
    let runs = c.held ? concatRuns(c.held, ctx.runs) : ctx.runs;
    c.held = null;
    c.heldProps = null;
    const label = numbering.next(numId, ilvl);
    if (label && label.text) {
      countChars(label.text.length);
      const styleRun = styles.runOf(styles.paragraphStyleOf(props.style));
      const f = mergeRun(mergeRun(styleRun, props.mark), label.run);
      const { src: _src, ...labelFormat } = runFormatOf(f);
      runs = concatRuns([{ text: label.text, ...labelFormat }], runs);
    }
    // Indentation typed as full-width spaces (common in Chinese documents) is a first-line indent.
    let typedIndent = 0;
    if (!label?.text && !(props.indent?.firstLine?.chars || props.indent?.firstLine?.twips)) {
      const lead = /^\u3000+/.exec(runs[0]?.text ?? '')?.[0].length ?? 0;
      if (lead > 0 && lead <= 4 && runs[0]!.text.length > lead) {
        typedIndent = lead;
        runs = [{ ...runs[0]!, text: runs[0]!.text.slice(lead) }, ...runs.slice(1)];
      }
    }
    const p: Paragraph = { type: 'paragraph', runs };
    // The range is the paragraph's own until the body-level element holding it closes (see endTop).
    p.source = { at, to: cursor.offset, fp: '', p: at };
    if (label?.text) p.source.label = label.text;
    if (typedIndent) p.source.typed = typedIndent;
    if (objects.length > 0) p.source.objects = objects;
    const styleId = props.style;
    const direct = ctx.props.outlineLevel;
    const heading = direct !== undefined ? (direct < 9 ? direct + 1 : 0) : styles.headingLevelOf(styleId);
    if (styles.isTitleStyle(styleId)) p.role = 'title';
    else if (heading >= 1 && heading <= 9) {
      if (heading <= 4) p.role = HEADING_ROLES[heading - 1];
      headings.push({ paragraph: p, wordLevel: heading, label: label?.text ?? '' });
    } else {
      const part = styles.partOf(styleId);
      if (part) p.role = part;
    }
    p.align = (props.align ?? 'left') as Alignment;
    const size = styles.runOf(styles.paragraphStyleOf(props.style)).size ?? 20;
    const first = typedIndent || indentChars(props.indent?.firstLine, size);
    const left = indentChars(props.indent?.left, size);
    const right = indentChars(props.indent?.right, size);
    if (first || left || right) {
      p.indent = {};
      if (first) p.indent.firstLineChars = first;
      if (left) p.indent.leftChars = left;
      if (right) p.indent.rightChars = right;
    }
    addBlock(c, p, { paragraph: p, maxSize: Math.max(ctx.maxSize, size), numbered: Boolean(label?.text) });
    for (const f of ctx.followers) addBlock(c, f, null);
  };

  /** A container closes: a paragraph still waiting for its merge partner stands alone. */
  const flushHeld = (c: Container) => {
    if (!c.held) return;
    const runs = c.held;
    const props = { ...c.heldProps, markDeleted: false };
    c.held = null;
    c.heldProps = null;
    finishParagraph({ props, runs, objects: c.heldObjects, followers: [], maxSize: 0, container: c, at: c.heldAt });
  };

  const finishTable = (t: TableCtx) => {
    if (t.rows.length === 0) return;
    const table: Table = { type: 'table', rows: t.rows };
    if (t.grid.length > 0 && t.grid.some((w) => w > 0)) table.columnWidths = t.grid;
    addBlock(t.parent, table, null);
  };

  /** Table cells and text boxes nested deeper than any real document: refused, as each level copies what it holds. */
  const enterContainer = (c: Container) => {
    if (containers.length > MAX_NESTING) {
      throw new UserError('too-complex', `文档中的表格或文本框嵌套超过 ${MAX_NESTING} 层，可能是异常或恶意构造的文件，文稿无法打开。`);
    }
    containers.push(c);
  };

  const openCell = (t: TableCtx) => {
    const c = newContainer('cell');
    t.cell = { container: c, gridSpan: 1, vMerge: null, hMergeContinue: false };
    enterContainer(c);
  };

  const closeCell = (t: TableCtx) => {
    const cellCtx = t.cell;
    const row = t.row;
    if (!cellCtx || !row) return;
    flushHeld(cellCtx.container);
    containers.pop();
    t.cell = null;
    const paragraphs = cellCtx.container.blocks.filter((b): b is Paragraph => b.type === 'paragraph');
    const col = row.col;
    row.col += cellCtx.gridSpan;
    if (cellCtx.hMergeContinue && row.cells.length > 0) {
      const prev = row.cells[row.cells.length - 1]!;
      prev.colSpan = Math.min(MAX_COLUMN_SPAN, (prev.colSpan ?? 1) + cellCtx.gridSpan);
      return;
    }
    if (cellCtx.vMerge === 'continue') {
      const origin = t.origins[col];
      if (origin && origin.span === cellCtx.gridSpan) {
        origin.cell.rowSpan = (origin.cell.rowSpan ?? 1) + 1;
        const withText = paragraphs.filter((p) => p.runs.length > 0);
        for (const p of withText) origin.cell.paragraphs.push(p);
        return;
      }
    }
    const cell: TableCell = { paragraphs };
    if (cellCtx.gridSpan > 1) cell.colSpan = cellCtx.gridSpan;
    row.cells.push(cell);
    for (let k = col; k < col + cellCtx.gridSpan; k++) t.origins[k] = undefined;
    if (cellCtx.vMerge === 'restart') t.origins[col] = { cell, span: cellCtx.gridSpan };
  };

  const element: XmlHandler = {
      open(name, a: Attrs) {
        if (!inBody) {
          if (name === 'w:body') inBody = true;
          return;
        }
        // Property sections.
        if (rPrTarget) {
          if (name === 'w:rPrChange') return SKIP;
          if (name === 'w:del' && pPr) pPr.markDeleted = true;
          else if (name === 'w:ins' && pPr) counts.insertions++;
          else applyRunProperty(rPrTarget, name, a);
          return;
        }
        if (pPr) {
          if (name === 'w:rPr') {
            rPrTarget = pPr.mark ??= {};
            return;
          }
          if (name === 'w:pPrChange' || name === 'w:sectPr' || name === 'w:tabs' || name === 'w:framePr') return SKIP;
          applyParagraphProperty(pPr, name, a);
          return;
        }
        if (tcPr) {
          if (name === 'w:tcPrChange') return SKIP;
          if (name === 'w:gridSpan') tcPr.gridSpan = Math.max(1, Math.min(MAX_COLUMN_SPAN, int(a['w:val']) ?? 1));
          else if (name === 'w:vMerge') tcPr.vMerge = a['w:val'] === 'restart' ? 'restart' : 'continue';
          else if (name === 'w:hMerge') tcPr.hMergeContinue = a['w:val'] !== 'restart';
          return;
        }
        if (trPr) {
          const t = tables[tables.length - 1];
          if (!t?.row) return;
          if (name === 'w:trPrChange') return SKIP;
          if (name === 'w:tblHeader') t.row.header = a['w:val'] !== '0' && a['w:val'] !== 'false' && a['w:val'] !== 'off';
          else if (name === 'w:gridBefore') t.row.col += Math.max(0, int(a['w:val']) ?? 0);
          else if (name === 'w:del') t.row.deleted = true;
          return;
        }

        switch (name) {
          case 'w:p': {
            const c = container();
            paras.push({ props: {}, runs: [], objects: [], followers: [], maxSize: 0, container: c, at: tagStart() });
            return;
          }
          case 'w:pPr':
            if (!para()) return SKIP;
            pPr = para()!.props;
            return;
          case 'w:r':
            runs.push({ direct: {}, resolved: null, countedHidden: false, at: tagStart(), rPrAt: -1, rPr: '' });
            return;
          case 'w:rPr': {
            const run = currentRun();
            if (!run) return SKIP;
            rPrTarget = run.direct;
            run.rPrAt = tagStart();
            return;
          }
          case 'w:t':
            inText = true;
            return;
          case 'm:t':
            inMathText = true;
            return;
          case 'w:tab':
          case 'w:ptab':
            if (currentRun()) addText('\t');
            return;
          case 'w:br':
            // A text-wrapping break is a line break; page and column breaks are objects.
            if (!currentRun()) return;
            if (a['w:type'] === undefined || a['w:type'] === 'textWrapping') addText('\n');
            else if (a['w:type'] === 'page' || a['w:type'] === 'column') addObject({ kind: a['w:type'] === 'page' ? 'pageBreak' : 'columnBreak', at: runLevelStart(tagStart()) });
            return;
          case 'w:cr':
            if (currentRun()) addText('\n');
            return;
          case 'w:noBreakHyphen':
            if (currentRun()) addText('-');
            return;
          case 'w:sym': {
            const code = Number.parseInt(a['w:char'] ?? '', 16);
            if (Number.isFinite(code) && code > 0 && (code < 0xf000 || code > 0xf0ff)) addText(String.fromCodePoint(code));
            else counts.symbols++;
            return;
          }
          case 'w:fldChar': {
            const type = a['w:fldCharType'];
            if (type === 'begin') {
              fields.push('instr');
              fieldsInInstr++;
            } else if (type === 'separate') {
              if (fields[fields.length - 1] === 'instr') fieldsInInstr--;
              if (fields.length > 0) fields[fields.length - 1] = 'result';
            } else if (type === 'end' && fields.pop() === 'instr') fieldsInInstr--;
            return;
          }
          case 'w:footnoteReference':
          case 'w:endnoteReference': {
            const kind = name === 'w:footnoteReference' ? 'footnote' : 'endnote';
            if (kind === 'footnote') counts.footnotes++;
            else counts.endnotes++;
            const n = ++noteMarks[kind];
            addObject({ kind, at: runLevelStart(tagStart()), label: kind === 'footnote' ? String(n) : lowerRoman(n) });
            return;
          }
          case 'w:commentReference':
          case 'w:commentRangeStart':
            if (a['w:id'] !== undefined) commentIds.add(a['w:id']);
            return;
          case 'w:ins':
          case 'w:moveTo':
            counts.insertions++;
            return;
          case 'w:tbl': {
            tables.push({ grid: [], rows: [], row: null, cell: null, origins: [], parent: container() });
            return;
          }
          case 'w:gridCol': {
            const t = tables[tables.length - 1];
            if (t && !t.row && t.grid.length < MAX_DOCUMENT_PARTS) t.grid.push(Math.max(0, int(a['w:w']) ?? 0));
            return;
          }
          case 'w:tr': {
            const t = tables[tables.length - 1];
            if (t) t.row = { cells: [], header: false, deleted: false, col: 0, origins: [] };
            return;
          }
          case 'w:trPr':
            trPr = true;
            return;
          case 'w:tc': {
            const t = tables[tables.length - 1];
            if (!t?.row) return SKIP;
            openCell(t);
            return;
          }
          case 'w:tcPr': {
            const t = tables[tables.length - 1];
            if (!t?.cell) return SKIP;
            tcPr = t.cell;
            return;
          }
          case 'w:txbxContent': {
            counts.textBoxes++;
            const d = drawings[drawings.length - 1];
            if (d) d.textbox = true;
            enterContainer(newContainer('textbox'));
            return;
          }
          case 'mc:AlternateContent':
            alternates.push({ taken: false, at: tagStart(), run: runs.length });
            return;
          case 'mc:Choice':
          case 'mc:Fallback': {
            const alt = alternates[alternates.length - 1];
            if (!alt || alt.taken) return SKIP;
            alt.taken = true;
            return;
          }
          case 'w:drawing':
          case 'w:pict':
            drawings.push({ pictures: 0, chart: false, smartArt: false, textbox: false, at: runLevelStart(tagStart()) });
            return;
          case 'pic:pic':
          case 'v:imagedata': {
            const d = drawings[drawings.length - 1];
            if (d) d.pictures++;
            if (d && name === 'v:imagedata') d.rel ??= a['r:id'];
            return;
          }
          case 'a:blip': {
            const d = drawings[drawings.length - 1];
            if (d) d.rel ??= a['r:embed'];
            return;
          }
          case 'wp:extent': {
            const d = drawings[drawings.length - 1];
            const cx = int(a['cx']);
            const cy = int(a['cy']);
            if (d && d.width === undefined && cx && cy && cx > 0 && cy > 0) {
              d.width = cx / 12700;
              d.height = cy / 12700;
            }
            return;
          }
          case 'v:shape':
          case 'v:rect':
          case 'v:image': {
            const d = drawings[drawings.length - 1];
            if (d && d.width === undefined) {
              const size = vmlSize(a['style']);
              if (size) Object.assign(d, size);
            }
            return;
          }
          case 'c:chart': {
            const d = drawings[drawings.length - 1];
            if (d) d.chart = true;
            return;
          }
          case 'dgm:relIds': {
            const d = drawings[drawings.length - 1];
            if (d) d.smartArt = true;
            return;
          }
        }
        if (SKIPPED.has(name)) {
          if (name === 'w:del' || name === 'w:moveFrom') counts.deletions++;
          else if (name === 'w:object') counts.objects++;
          return SKIP;
        }
      },
      close(name) {
        if (!inBody) return;
        if (rPrTarget) {
          if (name === 'w:rPr') {
            const run = currentRun();
            if (run && rPrTarget === run.direct && run.rPrAt >= 0) run.rPr = xml.slice(run.rPrAt, cursor.offset);
            rPrTarget = null;
          }
          return;
        }
        if (pPr) {
          if (name === 'w:pPr') pPr = null;
          return;
        }
        if (tcPr) {
          if (name === 'w:tcPr') tcPr = null;
          return;
        }
        if (trPr) {
          if (name === 'w:trPr') trPr = false;
          return;
        }
        switch (name) {
          case 'w:body':
            inBody = false;
            return;
          case 'w:p': {
            const p = paras.pop();
            if (p) finishParagraph(p);
            return;
          }
          case 'w:r':
            runs.pop();
            return;
          case 'w:t':
            inText = false;
            return;
          case 'm:t':
            inMathText = false;
            return;
          case 'w:tc': {
            const t = tables[tables.length - 1];
            if (t) closeCell(t);
            return;
          }
          case 'w:tr': {
            const t = tables[tables.length - 1];
            if (t?.row) {
              if (!t.row.deleted && t.row.cells.length > 0) t.rows.push(t.row.header ? { cells: t.row.cells, header: true } : { cells: t.row.cells });
              t.row = null;
            }
            return;
          }
          case 'w:tbl': {
            const t = tables.pop();
            if (t) finishTable(t);
            return;
          }
          case 'w:txbxContent': {
            const c = containers.pop()!;
            flushHeld(c);
            const anchor = para();
            if (anchor) for (const b of c.blocks) anchor.followers.push(b);
            else for (const b of c.blocks) addBlock(container(), b, null);
            return;
          }
          case 'mc:AlternateContent':
            alternates.pop();
            return;
          case 'w:drawing':
          case 'w:pict': {
            const d = drawings.pop();
            if (!d) return;
            // Shown as an object unless it holds text boxes (their text is read as paragraphs).
            if (!d.textbox && drawings.length === 0) {
              const picture = d.pictures === 1 && d.rel !== undefined;
              const object: InlineObject = { kind: picture ? 'picture' : 'drawing', at: d.at };
              if (picture) object.rel = d.rel;
              else object.label = d.pictures > 1 ? `${d.pictures} 张图片` : d.chart ? '图表' : d.smartArt ? 'SmartArt 图形' : '图形';
              if (d.width !== undefined && d.height !== undefined) {
                object.width = Math.round(d.width * 100) / 100;
                object.height = Math.round(d.height * 100) / 100;
              }
              if (addObject(object)) {
                if (picture) counts.shownPictures++;
                else counts.shownDrawings++;
                return;
              }
            }
            if (d.pictures > 0) counts.images += d.pictures;
            else if (d.chart) counts.charts++;
            else if (d.smartArt) counts.smartArt++;
            else if (!d.textbox) counts.shapes++;
            return;
          }
        }
      },
      text(t) {
        if (inText) addText(t);
        else if (inMathText) addText(t, true);
      },
  };

  // Each body-level element (a paragraph, a table, a content control…) is one piece of XML the
  // blocks read from it point to, so that saving can write untouched ones back as they were.
  let depth = 0;
  let groupAt = 0;
  let groupFirst = 0;
  const beginTop = () => {
    if (body.held) return; // a paragraph whose mark was deleted joins the next one: one group
    groupAt = tagStart();
    groupFirst = body.blocks.length;
  };
  const endTop = () => {
    if (body.held) return;
    const group = body.blocks.slice(groupFirst);
    group.forEach((b, i) => {
      const source = (b.source ??= { at: 0, to: 0, fp: '' });
      source.at = groupAt;
      source.to = cursor.offset;
      if (group.length > 1) {
        source.part = i;
        source.parts = group.length;
      }
    });
    groupFirst = body.blocks.length;
  };
  parseXml(
    xml,
    {
      open(name, a) {
        const top = inBody && depth === 0;
        if (top) beginTop();
        const r = element.open(name, a);
        // A skipped element's close is not reported: it does not count as open.
        if (r === SKIP) {
          if (top) endTop();
        } else if (inBody && name !== 'w:body') depth++;
        return r;
      },
      close(name) {
        if (inBody && name !== 'w:body') depth--;
        element.close(name);
        if (inBody && depth === 0 && name !== 'w:body') endTop();
      },
      text: (t) => element.text(t),
    },
    'word/document.xml',
    cursor,
  );
  flushHeld(body);
  counts.comments = commentIds.size;
  markTitle(body);
  assignGongwenLevels(headings);
  fingerprintSources(body.blocks);
  return { blocks: body.blocks, counts };
}

interface HeadingParagraph {
  paragraph: Paragraph;
  /** Level of its Word heading style (1–9). */
  wordLevel: number;
  /** Its automatic numbering label, '' when none. */
  label: string;
}

const CHINESE_NUMBER = /[一二三四五六七八九十百〇零]/;

/**
 * Word's heading levels are not always the 公文 levels: a template may put 一、 in 标题 2 because
 * its title uses 标题 1. When the headings are numbered the Chinese way (一、, （一）, 第一章), the
 * numbering decides each heading's level; otherwise ("1.", "1.1" in other documents) Word's
 * level does.
 */
function assignGongwenLevels(headings: HeadingParagraph[]): void {
  // An automatic label is known to be the whole number: judge it alone ("一、一级标题" would read
  // as a list inside a sentence).
  const inferred = headings.map((h) => headingOf({ type: 'paragraph', runs: h.label ? [{ text: `${h.label.trim()}标题` }] : h.paragraph.runs }));
  if (!inferred.some((i) => i && CHINESE_NUMBER.test(i.number))) return;
  headings.forEach((h, i) => {
    const level = inferred[i]?.level ?? h.wordLevel;
    if (level <= 4) h.paragraph.role = HEADING_ROLES[level - 1];
    else delete h.paragraph.role;
  });
}

/**
 * A 公文 starts with its title: the first paragraph with text, centred, in a large font
 * (18 pt or more), not numbered, and not already given a role, becomes the title.
 */
function markTitle(body: Container): void {
  for (let i = 0; i < body.blocks.length; i++) {
    const b = body.blocks[i]!;
    if (b.type !== 'paragraph') return;
    if (paragraphPlainText(b.runs).trim() === '') continue;
    const fact = body.facts[i];
    if (fact && !b.role && b.align === 'center' && fact.maxSize >= 36 && !fact.numbered) b.role = 'title';
    return;
  }
}

/** A VML shape's size from its style ("width:120pt;height:80pt"), in points. */
function vmlSize(style: string | undefined): { width: number; height: number } | null {
  if (!style) return null;
  const dim = (name: string) => {
    const m = new RegExp(`(?:^|;)\\s*${name}\\s*:\\s*([\\d.]+)\\s*(pt|in|px|cm|mm)?`, 'i').exec(style);
    if (!m) return undefined;
    const v = Number(m[1]);
    const unit = (m[2] ?? 'px').toLowerCase();
    return unit === 'pt' ? v : unit === 'in' ? v * 72 : unit === 'cm' ? (v * 72) / 2.54 : unit === 'mm' ? (v * 72) / 25.4 : v * 0.75;
  };
  const width = dim('width');
  const height = dim('height');
  return width && height && Number.isFinite(width) && Number.isFinite(height) ? { width, height } : null;
}

/** i, ii, iii…: Word's default endnote marks. */
function lowerRoman(n: number): string {
  const table: Array<[number, string]> = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let out = '';
  let rest = Math.min(n, 3999);
  for (const [v, s] of table) while (rest >= v) {
    out += s;
    rest -= v;
  }
  return out;
}
