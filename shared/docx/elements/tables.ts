/**
 * Tables, both ways: rows (w:tr, w:trPr), cells (w:tc, w:tcPr) and their merges.
 * Reading: grid column widths, header rows, deleted rows dropped, horizontal spans (w:gridSpan,
 * w:hMerge) and vertical merges (w:vMerge) as colSpan/rowSpan; a table inside a cell, which the
 * model cannot hold, becomes lines of tab-separated text (BodyReader.addBlock).
 * Writing an edited table: the w:tblPr and grid as read, each row's w:trPr and each cell's w:tcPr
 * (width, shading, borders…) from the row and cell its text came from, with the header flag and
 * the merges set from the model.
 */
import type { Paragraph, Table, TableCell, TableRow } from '../../model/document';
import { MAX_COLUMN_SPAN, MAX_DOCUMENT_PARTS } from '../../model/limits';
import { setChildren, type EmitContext } from '../faithful/emit';
import { childElements, childNamed, localName, type Element } from '../faithful/xmlSlice';
import { int, SKIP } from '../read/xml';
import { newContainer, skipping, type BodyReader, type Container, type ElementHandlers, type PropertySection } from './context';
import { emitParagraph, flushHeld } from './paragraphs';

export interface CellCtx {
  container: Container;
  gridSpan: number;
  vMerge: 'restart' | 'continue' | null;
  hMergeContinue: boolean;
}

export interface TableCtx {
  grid: number[];
  rows: TableRow[];
  row: { cells: TableCell[]; header: boolean; deleted: boolean; col: number; origins: Array<TableCell | undefined> } | null;
  cell: CellCtx | null;
  /** For each grid column, the cell a vertical merge started in. */
  origins: Array<{ cell: TableCell; span: number } | undefined>;
  parent: Container;
}

const table = (ctx: BodyReader): TableCtx | undefined => ctx.tables[ctx.tables.length - 1];

/** The w:trPr of the row being read. */
const ROW_PROPERTIES: PropertySection = {
  element: 'w:trPr',
  child(ctx, name, a) {
    const row = table(ctx)?.row;
    if (!row) return;
    if (name === 'w:trPrChange') return SKIP;
    if (name === 'w:tblHeader') row.header = a['w:val'] !== '0' && a['w:val'] !== 'false' && a['w:val'] !== 'off';
    else if (name === 'w:gridBefore') row.col += Math.max(0, int(a['w:val']) ?? 0);
    else if (name === 'w:del') row.deleted = true;
  },
};

/** The w:tcPr of the cell being read. */
const CELL_PROPERTIES: PropertySection = {
  element: 'w:tcPr',
  child(ctx, name, a) {
    const cell = table(ctx)!.cell!;
    if (name === 'w:tcPrChange') return SKIP;
    if (name === 'w:gridSpan') cell.gridSpan = Math.max(1, Math.min(MAX_COLUMN_SPAN, int(a['w:val']) ?? 1));
    else if (name === 'w:vMerge') cell.vMerge = a['w:val'] === 'restart' ? 'restart' : 'continue';
    else if (name === 'w:hMerge') cell.hMergeContinue = a['w:val'] !== 'restart';
  },
};

function finishTable(ctx: BodyReader): void {
  const t = ctx.tables.pop();
  if (!t || t.rows.length === 0) return;
  const result: Table = { type: 'table', rows: t.rows };
  if (t.grid.length > 0 && t.grid.some((w) => w > 0)) result.columnWidths = t.grid;
  ctx.addBlock(t.parent, result, null);
}

function finishRow(ctx: BodyReader): void {
  const t = table(ctx);
  if (!t?.row) return;
  if (!t.row.deleted && t.row.cells.length > 0) t.rows.push(t.row.header ? { cells: t.row.cells, header: true } : { cells: t.row.cells });
  t.row = null;
}

function openCell(ctx: BodyReader): typeof SKIP | void {
  const t = table(ctx);
  if (!t?.row) return SKIP;
  const c = newContainer('cell');
  t.cell = { container: c, gridSpan: 1, vMerge: null, hMergeContinue: false };
  ctx.enterContainer(c);
}

/** A cell that continues a merge adds to the cell it continues; any other is a cell of the row. */
function closeCell(ctx: BodyReader): void {
  const t = table(ctx);
  const cellCtx = t?.cell;
  const row = t?.row;
  if (!t || !cellCtx || !row) return;
  flushHeld(ctx, cellCtx.container);
  ctx.containers.pop();
  t.cell = null;
  const paragraphs = cellCtx.container.blocks.filter((b): b is Paragraph => b.type === 'paragraph');
  const col = row.col;
  row.col += cellCtx.gridSpan;
  if (cellCtx.hMergeContinue && row.cells.length > 0) {
    const prev = row.cells[row.cells.length - 1]!;
    prev.colSpan = Math.min(MAX_COLUMN_SPAN, (prev.colSpan ?? 1) + cellCtx.gridSpan);
    return;
  }
  if (cellCtx.vMerge === 'continue' && continueVerticalMerge(t, col, cellCtx.gridSpan, paragraphs)) return;
  const cell: TableCell = { paragraphs };
  if (cellCtx.gridSpan > 1) cell.colSpan = cellCtx.gridSpan;
  row.cells.push(cell);
  for (let k = col; k < col + cellCtx.gridSpan; k++) t.origins[k] = undefined;
  if (cellCtx.vMerge === 'restart') t.origins[col] = { cell, span: cellCtx.gridSpan };
}

/** Joins a continuing cell to the cell above that started the merge (same column and span), with its text. */
function continueVerticalMerge(t: TableCtx, col: number, span: number, paragraphs: Paragraph[]): boolean {
  const origin = t.origins[col];
  if (!origin || origin.span !== span) return false;
  origin.cell.rowSpan = (origin.cell.rowSpan ?? 1) + 1;
  for (const p of paragraphs) if (p.runs.length > 0) origin.cell.paragraphs.push(p);
  return true;
}

export const tableHandlers: ElementHandlers = {
  'w:tbl': {
    open: (ctx) => void ctx.tables.push({ grid: [], rows: [], row: null, cell: null, origins: [], parent: ctx.container() }),
    close: finishTable,
  },
  ...skipping('w:tblPr', 'w:tblPrEx'),
  'w:gridCol': {
    open(ctx, a) {
      const t = table(ctx);
      if (t && !t.row && t.grid.length < MAX_DOCUMENT_PARTS) t.grid.push(Math.max(0, int(a['w:w']) ?? 0));
    },
  },
  'w:tr': {
    open(ctx) {
      const t = table(ctx);
      if (t) t.row = { cells: [], header: false, deleted: false, col: 0, origins: [] };
    },
    close: finishRow,
  },
  'w:trPr': { open: (ctx) => void ctx.sections.push(ROW_PROPERTIES) },
  'w:tc': { open: openCell, close: closeCell },
  'w:tcPr': {
    open(ctx) {
      if (!table(ctx)?.cell) return SKIP;
      ctx.sections.push(CELL_PROPERTIES);
    },
  },
};

// Writing.

/** The order of w:trPr and w:tcPr children (ECMA-376 17.4.80, 17.4.70). */
const TRPR_ORDER = ['cnfStyle', 'divId', 'gridBefore', 'gridAfter', 'wBefore', 'wAfter', 'cantSplit', 'trHeight', 'tblHeader', 'tblCellSpacing', 'jc', 'hidden', 'ins', 'del', 'trPrChange'];
const TCPR_ORDER = ['cnfStyle', 'tcW', 'gridSpan', 'hMerge', 'vMerge', 'tcBorders', 'shd', 'noWrap', 'tcMar', 'textDirection', 'tcFitText', 'vAlign', 'hideMark', 'headers', 'cellIns', 'cellDel', 'cellMerge', 'tcPrChange'];

interface OriginalCell {
  tc: Element;
  tr: Element;
  /** Grid column the cell starts at in its row. */
  col: number;
}

/** The rows and cells of the table as read, to carry their w:trPr and w:tcPr over. */
export class OriginalTable {
  private readonly cells: OriginalCell[] = [];
  private readonly byRow = new Map<number, OriginalCell[]>();

  constructor(
    private readonly xml: string,
    tbl: Element | null,
  ) {
    if (!tbl) return;
    for (const tr of childElements(xml, tbl)) if (localName(tr.name) === 'tr') this.byRow.set(tr.start, this.readRow(tr));
  }

  private readRow(tr: Element): OriginalCell[] {
    let col = this.gridBefore(tr);
    const row: OriginalCell[] = [];
    for (const tc of childElements(this.xml, tr)) {
      if (localName(tc.name) !== 'tc') continue;
      const cell = { tc, tr, col };
      row.push(cell);
      this.cells.push(cell);
      const tcPr = childNamed(this.xml, tc, 'tcPr');
      col += Math.max(1, tcPr ? this.intVal(tcPr, 'gridSpan') : 1);
    }
    return row;
  }

  private intVal(parent: Element, local: string): number {
    const el = childNamed(this.xml, parent, local);
    const v = el ? /\bw?:?val\s*=\s*["'](\d+)["']/.exec(this.xml.slice(el.start, el.contentStart))?.[1] : undefined;
    return v ? Math.min(Number(v), 1000) : 0;
  }

  /** The original cell holding a paragraph that starts at `at`. */
  cellAt(at: number | undefined): OriginalCell | null {
    if (at === undefined) return null;
    let lo = 0;
    let hi = this.cells.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const c = this.cells[mid]!;
      if (at < c.tc.start) hi = mid - 1;
      else if (at >= c.tc.end) lo = mid + 1;
      else return c;
    }
    return null;
  }

  /** The cell of an original row starting at grid column `col`. */
  cellInRow(tr: Element, col: number): OriginalCell | null {
    return this.byRow.get(tr.start)?.find((c) => c.col === col) ?? null;
  }

  gridBefore(tr: Element): number {
    const trPr = childNamed(this.xml, tr, 'trPr');
    return trPr ? this.intVal(trPr, 'gridBefore') : 0;
  }
}

/** The original cell a model cell came from: the one holding its first paragraph read from the file. */
function originalCellOf(original: OriginalTable, cell: TableCell): OriginalCell | null {
  for (const p of cell.paragraphs) {
    const c = original.cellAt(p.source?.p);
    if (c) return c;
  }
  return null;
}

/** A cell's w:tcPr as read (width, shading, borders, alignment…) with its merges set from the model. */
export function cellProperties(ctx: EmitContext, from: OriginalCell | null, span: number, vMerge: 'restart' | 'continue' | null): string {
  const { xml, w } = ctx;
  const tcPr = from ? childNamed(xml, from.tc, 'tcPr') : null;
  const changes = new Map<string, string | null>([
    ['gridSpan', span > 1 ? `<${w}gridSpan ${w}val="${span}"/>` : null],
    ['hMerge', null],
    ['vMerge', vMerge === 'restart' ? `<${w}vMerge ${w}val="restart"/>` : vMerge === 'continue' ? `<${w}vMerge/>` : null],
  ]);
  return setChildren(xml, tcPr, 'tcPr', w, TCPR_ORDER, changes);
}

/** A row's w:trPr as read, with its header flag set from the model. */
export function rowProperties(ctx: EmitContext, tr: Element | null, header: boolean): string {
  const { xml, w } = ctx;
  const trPr = tr ? childNamed(xml, tr, 'trPr') : null;
  const wasHeader = trPr ? childNamed(xml, trPr, 'tblHeader') !== null : false;
  if (trPr && wasHeader === header) return xml.slice(trPr.start, trPr.end);
  return setChildren(xml, trPr, 'trPr', w, TRPR_ORDER, new Map([['tblHeader', header ? `<${w}tblHeader/>` : null]]));
}

/** The table's w:tblPr and w:tblGrid as read; new ones (full width, single borders) for a new table. */
function tableStart(ctx: EmitContext, tbl: Element | null, widths: number[]): string {
  const { xml, w } = ctx;
  const tblPr = tbl ? childNamed(xml, tbl, 'tblPr') : null;
  const grid = tbl ? childNamed(xml, tbl, 'tblGrid') : null;
  let out = tblPr
    ? xml.slice(tblPr.start, tblPr.end)
    : `<${w}tblPr><${w}tblW ${w}w="5000" ${w}type="pct"/><${w}tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((s) => `<${w}${s} ${w}val="single" ${w}sz="4" ${w}space="0" ${w}color="auto"/>`).join('')}</${w}tblBorders></${w}tblPr>`;
  if (grid && widths.length > 0 && (xml.slice(grid.start, grid.end).match(/gridCol\b/g) ?? []).length === widths.length) out += xml.slice(grid.start, grid.end);
  else out += `<${w}tblGrid>${widths.map((x) => `<${w}gridCol ${w}w="${Math.round(x)}"/>`).join('')}</${w}tblGrid>`;
  return out;
}

/** Writing one table: the original's rows and cells, and the grid columns still covered by a vertical merge from a row above. */
interface TableWriter {
  ctx: EmitContext;
  original: OriginalTable;
  covering: Array<{ rows: number; span: number } | undefined>;
  usedRows: Set<number>;
}

/** The row as read: the one its first cell from the file was in (each original row once). */
function originalRowOf(tw: TableWriter, row: TableRow): Element | null {
  for (const cell of row.cells) {
    const c = originalCellOf(tw.original, cell);
    if (c && !tw.usedRows.has(c.tr.start)) {
      tw.usedRows.add(c.tr.start);
      return c.tr;
    }
  }
  return null;
}

/** Cells continuing vertical merges from rows above, at the grid column reached. */
function continuations(tw: TableWriter, tr: Element | null, at: { col: number }): string {
  let out = '';
  while (tw.covering[at.col]) {
    const c = tw.covering[at.col]!;
    out += `<${tw.ctx.w}tc>${cellProperties(tw.ctx, tr ? tw.original.cellInRow(tr, at.col) : null, c.span, 'continue')}<${tw.ctx.w}p/></${tw.ctx.w}tc>`;
    c.rows--;
    if (c.rows === 0) tw.covering[at.col] = undefined;
    at.col += c.span;
  }
  return out;
}

function emitCell(tw: TableWriter, cell: TableCell, at: { col: number }): string {
  const span = cell.colSpan ?? 1;
  const restart = (cell.rowSpan ?? 1) > 1;
  if (restart) tw.covering[at.col] = { rows: cell.rowSpan! - 1, span };
  const from = originalCellOf(tw.original, cell);
  const paras = cell.paragraphs.length > 0 ? cell.paragraphs : [{ type: 'paragraph' as const, runs: [] }];
  at.col += span;
  const content = paras.map((p) => emitParagraph(tw.ctx, p, false)).join('');
  return `<${tw.ctx.w}tc>${cellProperties(tw.ctx, from, span, restart ? 'restart' : null)}${content || `<${tw.ctx.w}p/>`}</${tw.ctx.w}tc>`;
}

function emitRow(tw: TableWriter, row: TableRow): string {
  const { xml, w } = tw.ctx;
  const tr = originalRowOf(tw, row);
  const tblPrEx = tr ? childNamed(xml, tr, 'tblPrEx') : null;
  let out = `<${w}tr>${tblPrEx ? xml.slice(tblPrEx.start, tblPrEx.end) : ''}${rowProperties(tw.ctx, tr, Boolean(row.header))}`;
  const at = { col: tr ? tw.original.gridBefore(tr) : 0 };
  for (const cell of row.cells) out += continuations(tw, tr, at) + emitCell(tw, cell, at);
  return `${out}${continuations(tw, tr, at)}</${w}tr>`;
}

/** An edited or new table; `tbl` is the w:tbl it was read from, if any. */
export function emitTable(ctx: EmitContext, t: Table, tbl: Element | null): string {
  const tw: TableWriter = { ctx, original: new OriginalTable(ctx.xml, tbl), covering: [], usedRows: new Set() };
  let out = `<${ctx.w}tbl>${tableStart(ctx, tbl, t.columnWidths ?? [])}`;
  for (const row of t.rows) out += emitRow(tw, row);
  return `${out}</${ctx.w}tbl>`;
}
