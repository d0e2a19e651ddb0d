/**
 * WordprocessingML for blocks the user edited or added: a paragraph keeps the w:pPr it was read
 * with and each run the w:rPr of the run its text came from, with only what the user changed
 * (alignment, indents, bold, size…) written over them; a new paragraph or run gets properties for
 * exactly what the model says. Text is escaped; "\n" is a line break and "\t" a tab.
 */
import type { Alignment, Paragraph, Run } from '../../model/document';
import { unchangedRunSource, runSourceOffset } from './fingerprint';
import { childElements, childNamed, elementAt, localName, type Element } from './xmlSlice';

export function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

/** XML 1.0 cannot hold most control characters: drop them rather than write an unreadable file. */
function xmlSafe(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
}

const JC: Record<Alignment, string> = { left: 'left', center: 'center', right: 'right', justify: 'both' };

/** The order of w:rPr children (ECMA-376 17.3.2.28) for the ones written here. */
const RPR_ORDER = ['rStyle', 'rFonts', 'b', 'bCs', 'i', 'iCs', 'caps', 'smallCaps', 'strike', 'dstrike', 'outline', 'shadow', 'emboss', 'imprint', 'noProof', 'snapToGrid', 'vanish', 'webHidden', 'color', 'spacing', 'w', 'kern', 'position', 'sz', 'szCs', 'highlight', 'u', 'effect', 'bdr', 'shd', 'fitText', 'vertAlign', 'rtl', 'cs', 'em', 'lang', 'eastAsianLayout', 'specVanish', 'oMath'];
const PPR_ORDER = ['pStyle', 'keepNext', 'keepLines', 'pageBreakBefore', 'framePr', 'widowControl', 'numPr', 'suppressLineNumbers', 'pBdr', 'shd', 'tabs', 'suppressAutoHyphens', 'kinsoku', 'wordWrap', 'overflowPunct', 'topLinePunct', 'autoSpaceDE', 'autoSpaceDN', 'bidi', 'adjustRightInd', 'snapToGrid', 'spacing', 'ind', 'contextualSpacing', 'mirrorIndents', 'suppressOverlap', 'jc', 'textDirection', 'textAlignment', 'textboxTightWrap', 'outlineLvl', 'divId', 'cnfStyle', 'rPr', 'sectPr', 'pPrChange'];

/**
 * Sets children of a properties element: each given local name's element is replaced (or removed
 * when its value is null), others are kept as written, new ones go in schema order.
 */
export function setChildren(xml: string, el: Element | null, tag: string, w: string, order: string[], changes: Map<string, string | null>): string {
  const kept: Array<{ local: string; text: string }> = [];
  if (el) for (const c of childElements(xml, el)) if (!changes.has(localName(c.name))) kept.push({ local: localName(c.name), text: xml.slice(c.start, c.end) });
  for (const [local, text] of changes) if (text !== null) kept.push({ local, text });
  const rank = (l: string) => {
    const i = order.indexOf(l);
    return i < 0 ? order.length : i;
  };
  kept.sort((a, b) => rank(a.local) - rank(b.local));
  if (kept.length === 0) return '';
  const open = el ? xml.slice(el.start, el.contentStart).replace(/\/>$/, '>') : `<${w}${tag}>`;
  return `${open}${kept.map((k) => k.text).join('')}</${el ? el.name : `${w}${tag}`}>`;
}

function onOffElement(w: string, local: string, on: boolean | undefined): string {
  return on ? `<${w}${local}/>` : `<${w}${local} ${w}val="0"/>`;
}

/** Every run property the model holds, as rPr children to write over the original ones. */
function runChanges(run: Run, w: string): Map<string, string | null> {
  const m = new Map<string, string | null>();
  m.set('b', onOffElement(w, 'b', run.bold));
  m.set('bCs', null);
  m.set('i', onOffElement(w, 'i', run.italic));
  m.set('iCs', null);
  m.set('u', run.underline ? `<${w}u ${w}val="single"/>` : `<${w}u ${w}val="none"/>`);
  m.set('strike', onOffElement(w, 'strike', run.strike));
  m.set('dstrike', null);
  m.set('vertAlign', run.vertAlign ? `<${w}vertAlign ${w}val="${run.vertAlign}"/>` : null);
  if (run.size) {
    const hp = Math.round(run.size * 2);
    m.set('sz', `<${w}sz ${w}val="${hp}"/>`);
    m.set('szCs', `<${w}szCs ${w}val="${hp}"/>`);
  }
  if (run.color) m.set('color', `<${w}color ${w}val="${run.color}"/>`);
  m.set('highlight', run.highlight ? `<${w}highlight ${w}val="${escapeXml(run.highlight)}"/>` : null);
  return m;
}

function fontsElement(xml: string, original: Element | null, run: Run, w: string): string | null {
  if (!run.font && !run.fontLatin) return original ? xml.slice(original.start, original.end) : null;
  let attrs = '';
  if (original) {
    // Keep the other scripts' fonts and hints; drop the theme fonts that would override these.
    const tag = xml.slice(original.start, original.contentStart);
    for (const m of tag.matchAll(/\s([\w:]+)\s*=\s*("[^"]*"|'[^']*')/g)) {
      const name = localName(m[1]!);
      if (name.endsWith('Theme') || (run.font && name === 'eastAsia') || (run.fontLatin && (name === 'ascii' || name === 'hAnsi'))) continue;
      attrs += ` ${m[1]}=${m[2]}`;
    }
  }
  if (run.fontLatin) attrs += ` ${w}ascii="${escapeXml(run.fontLatin)}" ${w}hAnsi="${escapeXml(run.fontLatin)}"`;
  if (run.font) attrs += ` ${w}eastAsia="${escapeXml(run.font)}"`;
  return `<${w}rFonts${attrs}/>`;
}

export interface EmitContext {
  /** document.xml as read. */
  xml: string;
  /** The WordprocessingML prefix with its colon ("w:"). */
  w: string;
}

/** The w:rPr for a run: its original one, or that with what the user changed written over it. */
export function runProperties(ctx: EmitContext, run: Run): string {
  const { xml, w } = ctx;
  const at = runSourceOffset(run);
  const r = at !== null ? elementAt(xml, at) : null;
  const original = r && localName(r.name) === 'r' ? childNamed(xml, r, 'rPr') : null;
  if (original && unchangedRunSource(run) !== null) return xml.slice(original.start, original.end);
  const changes = runChanges(run, w);
  const fonts = fontsElement(xml, original ? childNamed(xml, original, 'rFonts') : null, run, w);
  changes.set('rFonts', fonts);
  return setChildren(xml, original, 'rPr', w, RPR_ORDER, changes);
}

/** A run's text as run content: text, line breaks and tabs. */
function runContent(text: string, w: string): string {
  let out = '';
  for (const part of xmlSafe(text).split(/(\n|\t)/)) {
    if (part === '') continue;
    if (part === '\n') out += `<${w}br/>`;
    else if (part === '\t') out += `<${w}tab/>`;
    else out += `<${w}t xml:space="preserve">${escapeXml(part)}</${w}t>`;
  }
  return out;
}

/** The run-level elements an inline object may point at (InlineObject.at). */
const OBJECT_ELEMENTS = new Set(['drawing', 'pict', 'AlternateContent', 'br', 'footnoteReference', 'endnoteReference', 'object']);

/**
 * An inline object as a run: its original element, in a run with its run's properties. One that
 * does not come from this document.xml is written only when it can be made anew (a break).
 */
function objectRun(ctx: EmitContext, run: Run): string {
  const { xml, w } = ctx;
  const o = run.object!;
  const el = o.at !== undefined ? elementAt(xml, o.at) : null;
  let content = '';
  if (el && OBJECT_ELEMENTS.has(localName(el.name))) content = xml.slice(el.start, el.end);
  else if (o.kind === 'pageBreak') content = `<${w}br ${w}type="page"/>`;
  else if (o.kind === 'columnBreak') content = `<${w}br ${w}type="column"/>`;
  return content ? `<${w}r>${runProperties(ctx, run)}${content}</${w}r>` : '';
}

export function emitRuns(ctx: EmitContext, runs: Run[]): string {
  let out = '';
  for (const run of runs) {
    if (run.object) {
      out += objectRun(ctx, run);
      continue;
    }
    if (run.text === '') continue;
    out += `<${ctx.w}r>${runProperties(ctx, run)}${runContent(run.text, ctx.w)}</${ctx.w}r>`;
  }
  return out;
}

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

const HEADING_LEVEL: Record<string, number> = { heading1: 0, heading2: 1, heading3: 2, heading4: 3 };

export interface ParagraphEmit {
  /** The original paragraph (its w:pPr is kept), if any. */
  original: Element | null;
  /** Its shape (role, alignment, indents) changed since it was read: write the model's. */
  reshaped: boolean;
  /** Leave out a w:sectPr of the original (another piece of the split paragraph carries it). */
  dropSection: boolean;
}

/** The w:pPr of a re-emitted paragraph. */
export function paragraphProperties(ctx: EmitContext, p: Paragraph, how: ParagraphEmit): string {
  const { xml, w } = ctx;
  const original = how.original ? childNamed(xml, how.original, 'pPr') : null;
  const changes = new Map<string, string | null>();
  if (how.dropSection) changes.set('sectPr', null);
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
