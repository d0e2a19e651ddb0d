/**
 * Saving a document that came from a .docx: the source package with only word/document.xml
 * rewritten, and in it only what the user changed.
 *
 * - A block whose fingerprint still matches is written back as the exact XML it was read from
 *   (a content control or a paragraph with text boxes as one piece); moved blocks move with it.
 * - An edited paragraph keeps its w:pPr (style, spacing, numbering, section break) and each run
 *   the w:rPr of the run its text came from; a paragraph split from another takes its w:pPr.
 * - Deleted blocks are left out; a deleted paragraph that ended a section leaves its section break.
 * - Body-level pieces that are not blocks (bookmarks, the final w:sectPr) stay where they were.
 * - Every other part of the package is copied as stored (zipCopy.ts).
 * What an edited paragraph held that the model cannot (pictures, fields, footnote marks…) is
 * listed before writing, by the caller, through `faithfulLosses`.
 */
import { encodeUtf8 } from '../../text/codec';
import type { Block, Paragraph, Table, TableCell, WgDocument } from '../../model/document';
import { xmlText } from '../read/xml';
import { DocxPackage } from '../read/package';
import { blockFingerprint, paragraphShapeFingerprint } from './fingerprint';
import { emitRuns, paragraphProperties, setChildren, type EmitContext } from './emit';
import { bodyLayout, childElements, childNamed, countDescendants, elementAt, localName, type BodyLayout, type Element } from './xmlSlice';
import { replaceZipEntries } from './zipCopy';

/** Body-level elements that hold blocks; anything else at body level (bookmarks, sectPr) is kept in place. */
const BLOCK_ELEMENTS = new Set(['p', 'tbl', 'sdt', 'customXml', 'altChunk']);

interface Plan {
  ctx: EmitContext;
  layout: BodyLayout;
  children: Element[];
  /** Child index by start offset. */
  indexOf: Map<number, number>;
  /** Child index by end offset. */
  endIndexOf: Map<number, number>;
  /** Where the inline objects still in the document are in the XML (keptObjects). */
  kept: Array<{ start: number; end: number }>;
}

/**
 * The XML ranges of the inline objects the document still holds: a drawing with text boxes is
 * written back whole, its text boxes' paragraphs with it, so they are not written again.
 */
function keptObjects(plan: Plan, doc: WgDocument): Plan['kept'] {
  const kept: Plan['kept'] = [];
  for (const b of doc.blocks) {
    for (const p of paragraphsOf(b)) {
      for (const r of p.runs) {
        const at = r.object?.at;
        const el = at !== undefined && r.object!.kind === 'drawing' ? elementAt(plan.ctx.xml, at) : null;
        if (el && el.start === at) kept.push({ start: el.start, end: el.end });
      }
    }
  }
  return kept;
}

/** A paragraph read from a text box whose drawing is still in the document: the drawing writes it. */
function insideKeptObject(plan: Plan, p: Paragraph): boolean {
  const at = p.source?.p;
  return at !== undefined && plan.kept.some((r) => r.start < at && at < r.end);
}

function validRange(plan: Plan, b: Block): { first: number; last: number } | null {
  const s = b.source;
  if (!s) return null;
  const first = plan.indexOf.get(s.at);
  const last = plan.endIndexOf.get(s.to);
  if (first === undefined || last === undefined || last < first) return null;
  return { first, last };
}

interface Group {
  first: number;
  last: number;
  /** Blocks of the model that came from it, in document order. */
  blocks: number[];
  untouched: boolean;
}

function groupsOf(plan: Plan, blocks: Block[]): Map<number, Group> {
  const groups = new Map<number, Group>();
  blocks.forEach((b, i) => {
    const r = validRange(plan, b);
    if (!r) return;
    const g = groups.get(r.first) ?? { first: r.first, last: r.last, blocks: [], untouched: true };
    g.blocks.push(i);
    groups.set(r.first, g);
  });
  for (const g of groups.values()) {
    const parts = blocks[g.blocks[0]!]!.source!.parts ?? 1;
    g.untouched =
      g.blocks.length === parts &&
      g.blocks.every((bi, k) => {
        const b = blocks[bi]!;
        return bi === g.blocks[0]! + k && (b.source!.part ?? 0) === k && blockFingerprint(b) === b.source!.fp;
      });
  }
  return groups;
}

/** The w:p a paragraph was read from, when its source points at one. */
function originalParagraph(plan: Plan, p: Paragraph): Element | null {
  const at = p.source?.p;
  if (at === undefined) return null;
  const el = elementAt(plan.ctx.xml, at);
  return el && localName(el.name) === 'p' ? el : null;
}

/** Removes the automatic numbering label the reader wrote into the text, when the paragraph keeps its w:numPr. */
function withoutLabel(p: Paragraph, label: string): Paragraph['runs'] {
  const shape = label
    .trim()
    .replace(/([一二三四五六七八九十百千〇零]+)|(\d+)|([a-z]+)|([A-Z]+)|([\s\S])/g, (_m, cn?: string, d?: string, lo?: string, up?: string, other?: string) =>
      cn ? '[一二三四五六七八九十百千〇零]+' : d ? '\\d+' : lo ? '[a-z]+' : up ? '[A-Z]+' : other!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    );
  const re = new RegExp(`^\\s*${shape}[\\t \\u3000]?`);
  const text = p.runs.map((r) => r.text).join('');
  const m = re.exec(text);
  if (!m) return p.runs;
  let cut = m[0].length;
  const runs: Paragraph['runs'] = [];
  for (const r of p.runs) {
    if (r.object) {
      runs.push(r);
      continue;
    }
    if (cut >= r.text.length) {
      cut -= r.text.length;
      continue;
    }
    runs.push(cut > 0 ? { ...r, text: r.text.slice(cut) } : r);
    cut = 0;
  }
  return runs;
}

function emitParagraph(plan: Plan, p: Paragraph, dropSection: boolean): string {
  const { ctx } = plan;
  if (insideKeptObject(plan, p)) return '';
  const original = originalParagraph(plan, p);
  const reshaped = !p.source?.pf || p.source.pf !== paragraphShapeFingerprint(p);
  const pPr = paragraphProperties(ctx, p, { original, reshaped, dropSection });
  let runs = p.runs;
  if (original && p.source?.label && /numPr/.test(pPr)) runs = withoutLabel(p, p.source.label);
  if (p.source?.typed && !reshaped && runs.length > 0) {
    const first = runs[0]!;
    const { object: _object, ...format } = first;
    runs = first.object ? [{ ...format, text: '\u3000'.repeat(p.source.typed) }, ...runs] : [{ ...first, text: '\u3000'.repeat(p.source.typed) + first.text }, ...runs.slice(1)];
  }
  return `<${ctx.w}p>${pPr}${emitRuns(ctx, runs)}</${ctx.w}p>`;
}

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
class OriginalTable {
  private readonly cells: OriginalCell[] = [];
  private readonly byRow = new Map<number, OriginalCell[]>();

  constructor(
    private readonly xml: string,
    tbl: Element | null,
  ) {
    if (!tbl) return;
    for (const tr of childElements(xml, tbl)) {
      if (localName(tr.name) !== 'tr') continue;
      const trPr = childNamed(xml, tr, 'trPr');
      let col = trPr ? this.intVal(trPr, 'gridBefore') : 0;
      const row: OriginalCell[] = [];
      for (const tc of childElements(xml, tr)) {
        if (localName(tc.name) !== 'tc') continue;
        const cell = { tc, tr, col };
        row.push(cell);
        this.cells.push(cell);
        const tcPr = childNamed(xml, tc, 'tcPr');
        col += Math.max(1, tcPr ? this.intVal(tcPr, 'gridSpan') : 1);
      }
      this.byRow.set(tr.start, row);
    }
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

function emitTable(plan: Plan, t: Table): string {
  const { ctx } = plan;
  const { xml, w } = ctx;
  const range = validRange(plan, t);
  let tbl: Element | null = range ? plan.children[range.first]! : null;
  if (tbl && localName(tbl.name) !== 'tbl') tbl = null;
  const tblPr = tbl ? childNamed(xml, tbl, 'tblPr') : null;
  const grid = tbl ? childNamed(xml, tbl, 'tblGrid') : null;
  const original = new OriginalTable(xml, tbl);
  const widths = t.columnWidths ?? [];
  let out = `<${w}tbl>`;
  out += tblPr
    ? xml.slice(tblPr.start, tblPr.end)
    : `<${w}tblPr><${w}tblW ${w}w="5000" ${w}type="pct"/><${w}tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((s) => `<${w}${s} ${w}val="single" ${w}sz="4" ${w}space="0" ${w}color="auto"/>`).join('')}</${w}tblBorders></${w}tblPr>`;
  if (grid && widths.length > 0 && (xml.slice(grid.start, grid.end).match(/gridCol\b/g) ?? []).length === widths.length) out += xml.slice(grid.start, grid.end);
  else out += `<${w}tblGrid>${widths.map((x) => `<${w}gridCol ${w}w="${Math.round(x)}"/>`).join('')}</${w}tblGrid>`;
  // A cell's w:tcPr as read (width, shading, borders, alignment…) with its merges set from the model.
  const cellProperties = (from: OriginalCell | null, span: number, vMerge: 'restart' | 'continue' | null) => {
    const tcPr = from ? childNamed(xml, from.tc, 'tcPr') : null;
    const changes = new Map<string, string | null>([
      ['gridSpan', span > 1 ? `<${w}gridSpan ${w}val="${span}"/>` : null],
      ['hMerge', null],
      ['vMerge', vMerge === 'restart' ? `<${w}vMerge ${w}val="restart"/>` : vMerge === 'continue' ? `<${w}vMerge/>` : null],
    ]);
    return setChildren(xml, tcPr, 'tcPr', w, TCPR_ORDER, changes);
  };
  // Vertical merges: grid columns still covered by a cell from a row above, with its span.
  const covering: Array<{ rows: number; span: number } | undefined> = [];
  const usedRows = new Set<number>();
  for (const row of t.rows) {
    // The row as read: the one its first cell from the file was in (each original row once).
    let tr: Element | null = null;
    for (const cell of row.cells) {
      const c = originalCellOf(original, cell);
      if (c && !usedRows.has(c.tr.start)) {
        tr = c.tr;
        break;
      }
    }
    if (tr) usedRows.add(tr.start);
    const trPr = tr ? childNamed(xml, tr, 'trPr') : null;
    const headerChange = new Map<string, string | null>([['tblHeader', row.header ? `<${w}tblHeader/>` : null]]);
    const wasHeader = trPr ? childNamed(xml, trPr, 'tblHeader') !== null : false;
    const rowPr = trPr && wasHeader === Boolean(row.header) ? xml.slice(trPr.start, trPr.end) : setChildren(xml, trPr, 'trPr', w, TRPR_ORDER, headerChange);
    const tblPrEx = tr ? childNamed(xml, tr, 'tblPrEx') : null;
    out += `<${w}tr>${tblPrEx ? xml.slice(tblPrEx.start, tblPrEx.end) : ''}${rowPr}`;
    let col = tr ? original.gridBefore(tr) : 0;
    const continuation = () => {
      while (covering[col]) {
        const c = covering[col]!;
        out += `<${w}tc>${cellProperties(tr ? original.cellInRow(tr, col) : null, c.span, 'continue')}<${w}p/></${w}tc>`;
        c.rows--;
        if (c.rows === 0) covering[col] = undefined;
        col += c.span;
      }
    };
    for (const cell of row.cells) {
      continuation();
      const span = cell.colSpan ?? 1;
      const restart = (cell.rowSpan ?? 1) > 1;
      if (restart) covering[col] = { rows: cell.rowSpan! - 1, span };
      const from = originalCellOf(original, cell);
      const paras = cell.paragraphs.length > 0 ? cell.paragraphs : [{ type: 'paragraph' as const, runs: [] }];
      const content = paras.map((p) => emitParagraph(plan, p, false)).join('');
      out += `<${w}tc>${cellProperties(from, span, restart ? 'restart' : null)}${content || `<${w}p/>`}</${w}tc>`;
      col += span;
    }
    continuation();
    out += `</${w}tr>`;
  }
  return `${out}</${w}tbl>`;
}

/** The w:sectPr a paragraph's properties carry, if any. */
function sectionOf(xml: string, el: Element): Element | null {
  if (localName(el.name) !== 'p') return null;
  const pPr = childNamed(xml, el, 'pPr');
  return pPr ? childNamed(xml, pPr, 'sectPr') : null;
}

function layoutOf(xml: string): Plan | null {
  const layout = bodyLayout(xml);
  if (!layout) return null;
  const indexOf = new Map<number, number>();
  const endIndexOf = new Map<number, number>();
  layout.children.forEach((c, i) => {
    indexOf.set(c.start, i);
    endIndexOf.set(c.end, i);
  });
  return { ctx: { xml, w: layout.prefix }, layout, children: layout.children, indexOf, endIndexOf, kept: [] };
}

/** The new text of document.xml for the document. */
function documentXml(plan: Plan, doc: WgDocument, groups: Map<number, Group>): string {
  const { children, layout } = plan;
  const { xml } = plan.ctx;
  const blocks = doc.blocks;
  // What the file has between body-level elements (line breaks and indents, if pretty-printed).
  const lead = (i: number) => xml.slice(i === 0 ? layout.body.contentStart : children[i - 1]!.end, children[i]!.start);

  // Which children are covered by a group still in the document.
  const covered = new Uint8Array(children.length);
  for (const g of groups.values()) for (let i = g.first; i <= g.last; i++) covered[i] = 1;

  // Body-level pieces that are not blocks travel with the next block still present, as do the
  // section breaks of deleted paragraphs; what follows the last one stays at the end.
  const before = new Map<number, string>();
  let pending = '';
  children.forEach((c, i) => {
    if (groups.has(i)) {
      if (pending) before.set(i, pending);
      pending = '';
      return;
    }
    if (covered[i]) return;
    if (!BLOCK_ELEMENTS.has(localName(c.name))) pending += lead(i) + xml.slice(c.start, c.end);
    else {
      const sect = sectionOf(xml, c);
      if (sect) pending += `${lead(i)}<${plan.ctx.w}p><${plan.ctx.w}pPr>${xml.slice(sect.start, sect.end)}</${plan.ctx.w}pPr></${plan.ctx.w}p>`;
    }
  });

  // A paragraph split in two keeps its section break on the last piece only.
  const lastWithParagraph = new Map<number, number>();
  blocks.forEach((b, i) => {
    if (b.type === 'paragraph' && b.source?.p !== undefined) lastWithParagraph.set(b.source.p, i);
  });

  let out = xml.slice(0, layout.body.contentStart);
  const emitted = new Set<number>();
  blocks.forEach((b, i) => {
    const r = validRange(plan, b);
    const g = r ? groups.get(r.first) : undefined;
    if (g && !emitted.has(g.first)) {
      emitted.add(g.first);
      out += before.get(g.first) ?? '';
    }
    if (g?.untouched) {
      if (i === g.blocks[0]) out += lead(g.first) + xml.slice(children[g.first]!.start, children[g.last]!.end);
      return;
    }
    if (g && i === g.blocks[0]) out += lead(g.first);
    if (b.type === 'paragraph') out += emitParagraph(plan, b, b.source?.p !== undefined && lastWithParagraph.get(b.source.p) !== i);
    else out += emitTable(plan, b);
  });
  out += pending;
  out += xml.slice(children.length > 0 ? children[children.length - 1]!.end : layout.body.contentStart);
  return out;
}

const LOSS_KINDS: Array<{ locals: string[]; phrase: string }> = [
  { locals: ['drawing', 'pict', 'object'], phrase: '张图片或图形' },
  { locals: ['footnoteReference'], phrase: '个脚注' },
  { locals: ['endnoteReference'], phrase: '个尾注' },
  { locals: ['commentRangeStart', 'commentReference'], phrase: '条批注的位置' },
  { locals: ['hyperlink'], phrase: '个超链接' },
  { locals: ['fldSimple', 'fldChar'], phrase: '个域（页码、目录等）' },
  { locals: ['ins', 'del', 'moveFrom', 'moveTo'], phrase: '处修订记录（按已接受保存）' },
  { locals: ['sdt'], phrase: '个内容控件' },
];
const LOSS_LOCALS = new Set(LOSS_KINDS.flatMap((k) => k.locals));
const TEXT_BOX_EDITS = '处文本框中文字的修改（文本框按原样保存）';

/**
 * What saving would drop: the pieces of edited paragraphs the editor does not hold, as phrases
 * naming where ("第 3 段中的 1 张图片或图形").
 */
function lossesOf(plan: Plan, doc: WgDocument, groups: Map<number, Group>): string[] {
  const { xml } = plan.ctx;
  const totals = new Map<string, { n: number; where: number[] }>();
  const seen = new Set<number>();
  const look = (el: Element, index: number, shown: ReadonlySet<number>) => {
    if (seen.has(el.start)) return;
    seen.add(el.start);
    const counts = countDescendants(xml, el, LOSS_LOCALS, shown);
    for (const kind of LOSS_KINDS) {
      let n = 0;
      for (const l of kind.locals) n += l === 'fldChar' ? 0 : (counts.get(l) ?? 0);
      if (kind.locals.includes('fldChar')) n += Math.ceil((counts.get('fldChar') ?? 0) / 3);
      if (n === 0) continue;
      const t = totals.get(kind.phrase) ?? { n: 0, where: [] };
      t.n += n;
      if (!t.where.includes(index + 1)) t.where.push(index + 1);
      totals.set(kind.phrase, t);
    }
  };
  doc.blocks.forEach((b, i) => {
    const r = validRange(plan, b);
    const g = r ? groups.get(r.first) : undefined;
    if (!g || g.untouched) return;
    // Objects the reader showed are kept, moved or deleted by the user: never a loss.
    const shown = new Set<number>();
    for (const bi of g.blocks) for (const p of paragraphsOf(doc.blocks[bi]!)) for (const at of p.source?.objects ?? []) shown.add(at);
    for (let k = g.first; k <= g.last; k++) look(plan.children[k]!, i, shown);
    // Text typed into a text box's paragraphs: the box is written back as it was read.
    const edited = paragraphsOf(b).filter((p) => insideKeptObject(plan, p) && blockFingerprint(p) !== p.source!.fp).length;
    if (edited > 0) {
      const t = totals.get(TEXT_BOX_EDITS) ?? { n: 0, where: [] };
      t.n += edited;
      if (!t.where.includes(i + 1)) t.where.push(i + 1);
      totals.set(TEXT_BOX_EDITS, t);
    }
  });
  return [...totals].map(([phrase, t]) => {
    const where = t.where.slice(0, 5).join('、') + (t.where.length > 5 ? ' 等' : '');
    return `第 ${where} 段中的 ${t.n} ${phrase}`;
  });
}

function paragraphsOf(b: Block): Paragraph[] {
  return b.type === 'paragraph' ? [b] : b.rows.flatMap((r) => r.cells.flatMap((c) => c.paragraphs));
}

/** The main document part's name in the package ("word/document.xml"). */
function mainPartName(pkg: DocxPackage): string | null {
  const main = pkg.relationships('').find((r) => r.type === 'officeDocument' && !r.external);
  return main && pkg.has(main.target) ? main.target : null;
}

/** document.xml of a source package, decoded, with its part name. */
export function sourceDocumentXml(sourcePackage: Uint8Array): { name: string; xml: string; bom: boolean } | null {
  let pkg: DocxPackage;
  try {
    pkg = DocxPackage.open(sourcePackage);
  } catch {
    return null;
  }
  const name = mainPartName(pkg);
  const bytes = name ? pkg.part(name) : undefined;
  return name && bytes ? { name, xml: xmlText(bytes), bom: bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf } : null;
}

export interface FaithfulSave {
  /** The .docx: the source package with document.xml rewritten. */
  bytes: Uint8Array;
  /** What the edited paragraphs held that is not written back, as phrases for the user. */
  losses: string[];
}

/**
 * Saving a document read from `sourcePackage` as .docx. Null when the package cannot be
 * rewritten this way (the caller falls back to the Word writer).
 */
export function faithfulSave(doc: WgDocument, sourcePackage: Uint8Array): FaithfulSave | null {
  const source = sourceDocumentXml(sourcePackage);
  if (!source) return null;
  const plan = layoutOf(source.xml);
  if (!plan) return null;
  plan.kept = keptObjects(plan, doc);
  const groups = groupsOf(plan, doc.blocks);
  const text = documentXml(plan, doc, groups);
  // Nothing changed: the file itself, byte for byte.
  if (text === source.xml) return { bytes: sourcePackage, losses: [] };
  const encoded = encodeUtf8(`${source.bom ? '\ufeff' : ''}${text.replace(/^(<\?xml[^>]*encoding=["'])UTF-16(["'])/i, '$1UTF-8$2')}`);
  const bytes = replaceZipEntries(sourcePackage, new Map([[source.name, encoded]]));
  return bytes ? { bytes, losses: lossesOf(plan, doc, groups) } : null;
}

/** document.xml as faithfulSave writes it (for tests). */
export function faithfulDocumentXml(doc: WgDocument, xml: string): string | null {
  const plan = layoutOf(xml);
  if (!plan) return null;
  plan.kept = keptObjects(plan, doc);
  return documentXml(plan, doc, groupsOf(plan, doc.blocks));
}
