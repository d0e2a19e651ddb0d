/**
 * Paragraphs (w:p) and their properties (w:pPr), both ways.
 * Reading: style, alignment, indents (in characters), numbering and outline level, merged with
 * the paragraph style's and the numbering level's; the paragraph mark's run properties (the
 * label's format) and its tracked deletion; the paragraph's source range in document.xml.
 * Writing an edited paragraph: the w:pPr it was read with, with the model's alignment, indents
 * and heading level written over it when the user changed them; its runs as runs.ts and
 * inlineObjects.ts write them.
 */
import type { Alignment, Paragraph, Run } from '../../model/document';
import { setChildren, type EmitContext } from '../faithful/emit';
import { paragraphShapeFingerprint } from '../faithful/fingerprint';
import { childNamed, elementAt, localName, type Element } from '../faithful/xmlSlice';
import { applyParagraphProperty, applyRunProperty, indentChars, mergePara, type ParaProps } from '../read/properties';
import { SKIP } from '../read/xml';
import type { BodyReader, Container, ElementHandlers, ParaCtx, PropertySection } from './context';
import { objectRun } from './inlineObjects';
import { paragraphToWrite, readParagraphStart } from './paragraphStart';
import { assignRole } from './paragraphRoles';
import { runProperties } from './runs';
import { readSection } from './sections';
import { runContent } from './text';
import { insideKeptTextBox } from './textBoxes';
import { acceptedMark, holdParagraph, joinHeld } from './trackedChanges';

/** The w:rPr of the paragraph mark: the label's format, and whether the mark was inserted or deleted. */
const MARK_PROPERTIES: PropertySection = {
  element: 'w:rPr',
  child(ctx, name, a) {
    const props = ctx.para()!.props;
    if (name === 'w:rPrChange') return SKIP;
    if (name === 'w:del') props.markDeleted = true;
    else if (name === 'w:ins') ctx.counts.insertions++;
    else applyRunProperty((props.mark ??= {}), name, a);
  },
};

/** The w:pPr of the paragraph being read. */
const PARAGRAPH_PROPERTIES: PropertySection = {
  element: 'w:pPr',
  child(ctx, name, a) {
    if (name === 'w:rPr') {
      ctx.para()!.props.mark ??= {};
      ctx.sections.push(MARK_PROPERTIES);
      return;
    }
    if (name === 'w:sectPr') return readSection(ctx);
    if (name === 'w:pPrChange' || name === 'w:tabs' || name === 'w:framePr') return SKIP;
    applyParagraphProperty(ctx.para()!.props, name, a);
  },
};

export const paragraphHandlers: ElementHandlers = {
  'w:p': {
    open(ctx) {
      const at = ctx.tagStart();
      ctx.paras.push({ props: {}, runs: [], objects: [], followers: [], maxSize: 0, container: ctx.container(), at });
      ctx.marks.paragraph(at);
    },
    close(ctx) {
      ctx.marks.shown('\n');
      const p = ctx.paras.pop();
      if (p) finishParagraph(ctx, p);
    },
  },
  'w:pPr': {
    open(ctx) {
      if (!ctx.para()) return SKIP;
      ctx.sections.push(PARAGRAPH_PROPERTIES);
    },
  },
};

/** The paragraph's properties merged along Word's order: style, numbering level, direct. */
function resolveParagraph(ctx: BodyReader, props: ParaProps): { props: ParaProps; numId?: string; ilvl: number } {
  const { styles, numbering } = ctx;
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
}

/** Alignment and indents in characters (twips converted at the style's font size, `size` half-points). */
function applyShape(p: Paragraph, props: ParaProps, size: number, typed: number): void {
  p.align = (props.align ?? 'left') as Alignment;
  const first = typed || indentChars(props.indent?.firstLine, size);
  const left = indentChars(props.indent?.left, size);
  const right = indentChars(props.indent?.right, size);
  if (first || left || right) {
    p.indent = {};
    if (first) p.indent.firstLineChars = first;
    if (left) p.indent.leftChars = left;
    if (right) p.indent.rightChars = right;
  }
}

/** A w:p has closed: the paragraph goes to its container (or waits for the next, its mark deleted). */
export function finishParagraph(ctx: BodyReader, para: ParaCtx): void {
  if (para.props.markDeleted) return holdParagraph(ctx, para);
  const { props, numId, ilvl } = resolveParagraph(ctx, para.props);
  const joined = joinHeld(para);
  const start = readParagraphStart(ctx, props, numId, ilvl, joined.runs);
  const p: Paragraph = { type: 'paragraph', runs: start.runs };
  // The range is the paragraph's own until the body-level element holding it closes (body.ts).
  p.source = { at: joined.at, to: ctx.cursor.offset, fp: '', p: joined.at };
  if (start.label) p.source.label = start.label;
  if (start.typed) p.source.typed = start.typed;
  if (joined.objects.length > 0) p.source.objects = joined.objects;
  assignRole(ctx, p, props.style, para.props.outlineLevel, start.label);
  const size = ctx.styles.runOf(ctx.styles.paragraphStyleOf(props.style)).size ?? 20;
  applyShape(p, props, size, start.typed);
  ctx.addBlock(para.container, p, { paragraph: p, maxSize: Math.max(para.maxSize, size), numbered: Boolean(start.label) });
  for (const f of para.followers) ctx.addBlock(para.container, f, null);
}

/** A container closes: a paragraph still waiting for its merge partner stands alone. */
export function flushHeld(ctx: BodyReader, c: Container): void {
  if (!c.held) return;
  const runs = c.held;
  const props = { ...c.heldProps, markDeleted: false };
  c.held = null;
  c.heldProps = null;
  finishParagraph(ctx, { props, runs, objects: c.heldObjects, followers: [], maxSize: 0, container: c, at: c.heldAt });
}

// Writing.

const JC: Record<Alignment, string> = { left: 'left', center: 'center', right: 'right', justify: 'both' };

/** The order of w:pPr children (ECMA-376 17.3.1.26). */
export const PPR_ORDER = ['pStyle', 'keepNext', 'keepLines', 'pageBreakBefore', 'framePr', 'widowControl', 'numPr', 'suppressLineNumbers', 'pBdr', 'shd', 'tabs', 'suppressAutoHyphens', 'kinsoku', 'wordWrap', 'overflowPunct', 'topLinePunct', 'autoSpaceDE', 'autoSpaceDN', 'bidi', 'adjustRightInd', 'snapToGrid', 'spacing', 'ind', 'contextualSpacing', 'mirrorIndents', 'suppressOverlap', 'jc', 'textDirection', 'textAlignment', 'textboxTightWrap', 'outlineLvl', 'divId', 'cnfStyle', 'rPr', 'sectPr', 'pPrChange'];

const HEADING_LEVEL: Record<string, number> = { heading1: 0, heading2: 1, heading3: 2, heading4: 3 };

function indentElement(p: Paragraph, w: string): string | null {
  const i = p.indent;
  if (!i || (!i.firstLineChars && !i.leftChars && !i.rightChars)) return `<${w}ind ${w}firstLineChars="0" ${w}firstLine="0" ${w}leftChars="0" ${w}left="0" ${w}rightChars="0" ${w}right="0"/>`;
  let attrs = '';
  const first = Math.round((i.firstLineChars ?? 0) * 100);
  if (first >= 0) attrs += ` ${w}firstLineChars="${first}"`;
  else attrs += ` ${w}hangingChars="${-first}"`;
  attrs += ` ${w}leftChars="${Math.round((i.leftChars ?? 0) * 100)}" ${w}rightChars="${Math.round((i.rightChars ?? 0) * 100)}"`;
  return `<${w}ind${attrs}/>`;
}

export interface ParagraphEmit {
  /** The original paragraph (its w:pPr is kept), if any. */
  original: Element | null;
  /** Its shape (role, alignment, indents) changed since it was read: write the model's. */
  reshaped: boolean;
  /** Leave out a w:sectPr of the original (another piece of the split paragraph carries it). */
  dropSection: boolean;
  /** A w:sectPr to carry instead (a deleted paragraph's, whose section this paragraph now ends). */
  section?: string | undefined;
}

/** The w:pPr of a re-emitted paragraph. */
export function paragraphProperties(ctx: EmitContext, p: Paragraph, how: ParagraphEmit): string {
  const { xml, w } = ctx;
  const original = how.original ? childNamed(xml, how.original, 'pPr') : null;
  const changes = new Map<string, string | null>();
  if (how.section) changes.set('sectPr', how.section);
  else if (how.dropSection) changes.set('sectPr', null);
  const mark = original ? acceptedMark(ctx, original) : undefined;
  if (mark !== undefined) changes.set('rPr', mark);
  if (how.reshaped || !original) {
    changes.set('jc', p.align ? `<${w}jc ${w}val="${JC[p.align]}"/>` : null);
    changes.set('ind', indentElement(p, w));
    const level = p.role ? HEADING_LEVEL[p.role] : undefined;
    if (level !== undefined) changes.set('outlineLvl', `<${w}outlineLvl ${w}val="${level}"/>`);
    else if (original) changes.set('outlineLvl', null);
  }
  if (changes.size === 0 && original) return xml.slice(original.start, original.end);
  return setChildren(xml, original, 'pPr', w, PPR_ORDER, changes);
}

/** Runs as WordprocessingML: text runs with their properties, inline objects as their original elements. */
export function emitRuns(ctx: EmitContext, runs: Run[]): string {
  let out = '';
  for (const run of runs) {
    if (run.object) out += objectRun(ctx, run);
    else if (run.text !== '') out += `<${ctx.w}r>${runProperties(ctx, run)}${runContent(run.text, ctx.w)}</${ctx.w}r>`;
  }
  return out;
}

/** The w:p a paragraph was read from, when its source points at one. */
function originalParagraph(ctx: EmitContext, p: Paragraph): Element | null {
  const at = p.source?.p;
  if (at === undefined) return null;
  const el = elementAt(ctx.xml, at);
  return el && localName(el.name) === 'p' ? el : null;
}

/** An edited or new paragraph; `dropSection` leaves out its original section break, `section` gives it one. */
export function emitParagraph(ctx: EmitContext, p: Paragraph, dropSection: boolean, section?: string): string {
  if (insideKeptTextBox(ctx, p)) return '';
  const original = originalParagraph(ctx, p);
  const reshaped = !p.source?.pf || p.source.pf !== paragraphShapeFingerprint(p);
  const written = paragraphToWrite(p, original !== null, reshaped);
  const pPr = paragraphProperties(ctx, written, { original, reshaped, dropSection, section });
  return `<${ctx.w}p>${pPr}${emitRuns(ctx, written.runs)}</${ctx.w}p>`;
}
