/**
 * Saving a document that came from a .docx: the source package with only word/document.xml
 * rewritten, and in it only what the user changed.
 *
 * - A block whose fingerprint still matches is written back as the exact XML it was read from
 *   (a content control or a paragraph with text boxes as one piece); moved blocks move with it.
 * - An edited paragraph keeps its w:pPr (style, spacing, numbering, section break) and each run
 *   the w:rPr of the run its text came from; a paragraph split from another takes its w:pPr.
 * - Deleted blocks are left out. A deleted paragraph that ended a section (deleted whole, or merged
 *   into the paragraph before it with Backspace/Delete) leaves its section break on the paragraph
 *   that now ends the section, as Word keeps the second paragraph's mark when two merge; with no
 *   such paragraph, in an empty paragraph of its own.
 * - Body-level pieces that are not blocks (bookmarks, the final w:sectPr) stay where they were.
 * - Every other part of the package is copied as stored (zipCopy.ts).
 * What an edited paragraph held that the model cannot (pictures, fields, footnote marks…) is
 * listed before writing, by the caller, through `faithfulLosses`.
 */
import { encodeUtf8 } from '../../text/codec';
import type { Block, Table, WgDocument } from '../../model/document';
import { xmlText } from '../read/xml';
import { DocxPackage } from '../read/package';
import { emitParagraph, PPR_ORDER } from '../elements/paragraphs';
import { emitTable } from '../elements/tables';
import { insideKeptTextBox, keptTextBoxes, paragraphsOf } from '../elements/textBoxes';
import { groupsOf, validRange, type Group, type PieceIndex } from '../elements/bodyPieces';
import { blockFingerprint } from './fingerprint';
import { setChildren, type EmitContext } from './emit';
import { bodyLayout, childNamed, countDescendants, localName, type BodyLayout, type Element } from './xmlSlice';
import { replaceZipEntries } from './zipCopy';

/** Body-level elements that hold blocks; anything else at body level (bookmarks, sectPr) is kept in place. */
const BLOCK_ELEMENTS = new Set(['p', 'tbl', 'sdt', 'customXml', 'altChunk']);

interface Plan extends PieceIndex {
  ctx: EmitContext;
  layout: BodyLayout;
  children: Element[];
}

/** An edited table; the w:tbl it was read from, if its source still points at one. */
function tableFrom(plan: Plan, t: Table): Element | null {
  const range = validRange(plan, t);
  const tbl = range ? plan.children[range.first]! : null;
  return tbl && localName(tbl.name) === 'tbl' ? tbl : null;
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
  return { ctx: { xml, w: layout.prefix, kept: [] }, layout, children: layout.children, indexOf, endIndexOf };
}

/** What the file has before body-level child `i` (line breaks and indents, if pretty-printed). */
function leadOf(plan: Plan, i: number): string {
  const { children, layout } = plan;
  return plan.ctx.xml.slice(i === 0 ? layout.body.contentStart : children[i - 1]!.end, children[i]!.start);
}

/**
 * Body-level pieces that are not blocks travel with the next block still present, as do the
 * section breaks of deleted paragraphs: what goes before each group, and what follows the last.
 */
function keptPieces(plan: Plan, groups: Map<number, Group>, moved: ReadonlySet<number>): { before: Map<number, string>; after: string } {
  const { xml, w } = plan.ctx;
  const covered = new Uint8Array(plan.children.length);
  for (const g of groups.values()) for (let i = g.first; i <= g.last; i++) covered[i] = 1;
  const before = new Map<number, string>();
  let pending = '';
  plan.children.forEach((c, i) => {
    if (groups.has(i)) {
      if (pending) before.set(i, pending);
      pending = '';
      return;
    }
    if (covered[i]) return;
    if (!BLOCK_ELEMENTS.has(localName(c.name))) pending += leadOf(plan, i) + xml.slice(c.start, c.end);
    else {
      const sect = moved.has(i) ? null : sectionOf(xml, c);
      if (sect) pending += `${leadOf(plan, i)}<${w}p><${w}pPr>${xml.slice(sect.start, sect.end)}</${w}pPr></${w}p>`;
    }
  });
  return { before, after: pending };
}

/** The body child a block was read from, when it is one w:p that gave this block alone (not a text box's anchor or paragraphs). */
function paragraphChild(plan: Plan, b: Block): number | null {
  const r = b.type === 'paragraph' && b.source?.parts === undefined ? validRange(plan, b) : null;
  return r && r.first === r.last && localName(plan.children[r.first]!.name) === 'p' ? r.first : null;
}

interface MovedSections {
  /** Block index → the w:sectPr it now carries. */
  onto: Map<number, string>;
  /** Body children (deleted paragraphs) whose w:sectPr moved. */
  moved: Set<number>;
}

/**
 * The section breaks of deleted paragraphs that move onto the paragraph now ending their section:
 * the last block left from the same section (after the break before it), when it is a paragraph
 * read from a w:p of its own and what follows it in the document comes from after the deleted one.
 */
function movedSections(plan: Plan, doc: WgDocument, groups: Map<number, Group>): MovedSections {
  const { xml } = plan.ctx;
  const out: MovedSections = { onto: new Map(), moved: new Set() };
  const covered = new Uint8Array(plan.children.length);
  for (const g of groups.values()) for (let i = g.first; i <= g.last; i++) covered[i] = 1;
  let childOfBlocks: Array<number | null> | null = null;
  const childOf = () => (childOfBlocks ??= doc.blocks.map((b) => paragraphChild(plan, b)));
  let previousBreak = -1;
  plan.children.forEach((c, k) => {
    const sect = localName(c.name) === 'p' ? sectionOf(xml, c) : null;
    if (!sect) return;
    const from = previousBreak;
    previousBreak = k;
    if (covered[k]) return;
    let best = -1;
    childOf().forEach((ci, i) => {
      if (ci !== null && ci > from && ci < k && (best < 0 || ci >= childOf()[best]!)) best = i;
    });
    if (best < 0 || out.onto.has(best)) return;
    const next = doc.blocks[best + 1];
    const nextRange = next ? validRange(plan, next) : null;
    if (next && (!nextRange || nextRange.first < k)) return;
    out.onto.set(best, xml.slice(sect.start, sect.end));
    out.moved.add(k);
  });
  return out;
}

/** An untouched paragraph's XML with a w:sectPr put in its w:pPr. */
function withSection(ctx: EmitContext, el: Element, sect: string): string {
  const { xml, w } = ctx;
  const pPr = childNamed(xml, el, 'pPr');
  const props = setChildren(xml, pPr, 'pPr', w, PPR_ORDER, new Map([['sectPr', sect]]));
  if (pPr) return xml.slice(el.start, pPr.start) + props + xml.slice(pPr.end, el.end);
  return xml.slice(el.start, el.contentStart) + props + xml.slice(el.contentStart, el.end);
}

/** For each paragraph read, the last block holding a piece of it: a paragraph split in two keeps its section break on the last piece only. */
function lastPieces(blocks: Block[]): Map<number, number> {
  const last = new Map<number, number>();
  blocks.forEach((b, i) => {
    if (b.type === 'paragraph' && b.source?.p !== undefined) last.set(b.source.p, i);
  });
  return last;
}

/** The new text of document.xml for the document. */
function documentXml(plan: Plan, doc: WgDocument, groups: Map<number, Group>): string {
  const { children, layout } = plan;
  const { xml } = plan.ctx;
  const sections = movedSections(plan, doc, groups);
  const kept = keptPieces(plan, groups, sections.moved);
  const lastPiece = lastPieces(doc.blocks);
  let out = xml.slice(0, layout.body.contentStart);
  const emitted = new Set<number>();
  doc.blocks.forEach((b, i) => {
    const r = validRange(plan, b);
    const g = r ? groups.get(r.first) : undefined;
    if (g && !emitted.has(g.first)) {
      emitted.add(g.first);
      out += kept.before.get(g.first) ?? '';
    }
    const section = sections.onto.get(i);
    if (g?.untouched) {
      if (i !== g.blocks[0]) return;
      out += leadOf(plan, g.first);
      out += section ? withSection(plan.ctx, children[g.first]!, section) : xml.slice(children[g.first]!.start, children[g.last]!.end);
      return;
    }
    if (g && i === g.blocks[0]) out += leadOf(plan, g.first);
    if (b.type === 'paragraph') out += emitParagraph(plan.ctx, b, b.source?.p !== undefined && lastPiece.get(b.source.p) !== i, section);
    else out += emitTable(plan.ctx, b, tableFrom(plan, b));
  });
  return out + kept.after + xml.slice(children.length > 0 ? children[children.length - 1]!.end : layout.body.contentStart);
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
  // Equations the reader showed are kept; one it did not (in a field's instructions) is dropped.
  { locals: ['oMath'], phrase: '个公式' },
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
  const tally = (phrase: string, n: number, index: number) => {
    if (n === 0) return;
    const t = totals.get(phrase) ?? { n: 0, where: [] };
    t.n += n;
    if (!t.where.includes(index + 1)) t.where.push(index + 1);
    totals.set(phrase, t);
  };
  const seen = new Set<number>();
  const look = (el: Element, index: number, shown: ReadonlySet<number>) => {
    if (seen.has(el.start)) return;
    seen.add(el.start);
    const counts = countDescendants(xml, el, LOSS_LOCALS, shown);
    for (const kind of LOSS_KINDS) {
      let n = 0;
      for (const l of kind.locals) n += l === 'fldChar' ? 0 : (counts.get(l) ?? 0);
      if (kind.locals.includes('fldChar')) n += Math.ceil((counts.get('fldChar') ?? 0) / 3);
      tally(kind.phrase, n, index);
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
    tally(TEXT_BOX_EDITS, paragraphsOf(b).filter((p) => insideKeptTextBox(plan.ctx, p) && blockFingerprint(p) !== p.source!.fp).length, i);
  });
  return [...totals].map(([phrase, t]) => {
    const where = t.where.slice(0, 5).join('、') + (t.where.length > 5 ? ' 等' : '');
    return `第 ${where} 段中的 ${t.n} ${phrase}`;
  });
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
  plan.ctx.kept = keptTextBoxes(plan.ctx.xml, doc.blocks);
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
  plan.ctx.kept = keptTextBoxes(plan.ctx.xml, doc.blocks);
  return documentXml(plan, doc, groupsOf(plan, doc.blocks));
}
