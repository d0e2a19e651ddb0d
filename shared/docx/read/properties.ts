/**
 * Paragraph and run properties (w:pPr, w:rPr) as far as the document model uses them, read from
 * the children of those elements, and merged along Word's inheritance order: document defaults,
 * then the style chain (basedOn), then numbering, then direct formatting.
 */
import type { Alignment } from '../../model/document';
import { MAX_INDENT_CHARS } from '../../model/limits';
import { int, onOff, twips, type Attrs } from './xml';

export interface RunProps {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  hidden?: boolean;
  /** Font size in half-points (w:sz). */
  size?: number;
  style?: string;
  /** w:rFonts: East Asian and Latin font names (theme fonts are not resolved). */
  fontEastAsia?: string;
  fontAscii?: string;
  /** w:color as RRGGBB; '' for automatic. */
  color?: string;
  /** w:highlight name; 'none' for none. */
  highlight?: string;
  vertAlign?: 'superscript' | 'subscript' | 'baseline';
  strike?: boolean;
}

/** Indentation groups: a level that sets any attribute of a group replaces the whole group. */
export interface FirstLineIndent {
  twips?: number;
  chars?: number;
}

export interface Indents {
  firstLine?: FirstLineIndent;
  left?: FirstLineIndent;
  right?: FirstLineIndent;
}

export interface ParaProps {
  style?: string;
  align?: Alignment;
  indent?: Indents;
  numId?: string;
  ilvl?: number;
  outlineLevel?: number;
  /** Formatting of the paragraph mark (w:pPr/w:rPr): also the numbering label's formatting. */
  mark?: RunProps;
  /** Tracked change on the paragraph mark. */
  markDeleted?: boolean;
}

export function alignmentOf(jc: string | undefined): Alignment | undefined {
  switch (jc) {
    case 'left':
    case 'start':
      return 'left';
    case 'center':
      return 'center';
    case 'right':
    case 'end':
      return 'right';
    case 'both':
    case 'distribute':
    case 'thaiDistribute':
    case 'lowKashida':
    case 'mediumKashida':
    case 'highKashida':
      return 'justify';
    default:
      return undefined;
  }
}

/** Applies one child element of w:rPr. */
export function applyRunProperty(rp: RunProps, name: string, a: Attrs): void {
  switch (name) {
    case 'w:b':
      rp.bold = onOff(a['w:val']);
      break;
    case 'w:i':
      rp.italic = onOff(a['w:val']);
      break;
    case 'w:u':
      rp.underline = (a['w:val'] ?? 'single') !== 'none';
      break;
    case 'w:vanish':
      rp.hidden = onOff(a['w:val']);
      break;
    case 'w:sz': {
      const v = int(a['w:val']);
      if (v !== undefined && v > 0) rp.size = v;
      break;
    }
    case 'w:rStyle':
      if (a['w:val']) rp.style = a['w:val'];
      break;
    case 'w:rFonts':
      if (a['w:eastAsia']) rp.fontEastAsia = a['w:eastAsia'];
      if (a['w:ascii']) rp.fontAscii = a['w:ascii'];
      break;
    case 'w:color': {
      const v = a['w:val'];
      if (v !== undefined) rp.color = /^[0-9a-f]{6}$/i.test(v) ? v.toUpperCase() : '';
      break;
    }
    case 'w:highlight':
      if (a['w:val']) rp.highlight = a['w:val'];
      break;
    case 'w:vertAlign': {
      const v = a['w:val'];
      if (v === 'superscript' || v === 'subscript' || v === 'baseline') rp.vertAlign = v;
      break;
    }
    case 'w:strike':
    case 'w:dstrike':
      rp.strike = onOff(a['w:val']);
      break;
  }
}

function indentGroup(twipsValue: string | undefined, charsValue: string | undefined, negate: boolean): FirstLineIndent | undefined {
  const t = twips(twipsValue);
  const c = int(charsValue);
  if (t === undefined && c === undefined) return undefined;
  const g: FirstLineIndent = {};
  if (t !== undefined) g.twips = negate ? -t : t;
  // A *Chars value of 0 means "not set in characters": the twips value applies.
  if (c !== undefined && c !== 0) g.chars = (negate ? -c : c) / 100;
  return g;
}

/** Applies one child element of w:pPr (not w:rPr, which the caller routes to applyRunProperty). */
export function applyParagraphProperty(pp: ParaProps, name: string, a: Attrs): void {
  switch (name) {
    case 'w:pStyle':
      if (a['w:val']) pp.style = a['w:val'];
      break;
    case 'w:jc': {
      const al = alignmentOf(a['w:val']);
      if (al) pp.align = al;
      break;
    }
    case 'w:ind': {
      const ind: Indents = { ...pp.indent };
      const hanging = indentGroup(a['w:hanging'], a['w:hangingChars'], true);
      const first = indentGroup(a['w:firstLine'], a['w:firstLineChars'], false);
      // Hanging wins over first-line when both are given (ECMA-376 17.3.1.12).
      if (hanging) ind.firstLine = hanging;
      else if (first) ind.firstLine = first;
      const left = indentGroup(a['w:left'] ?? a['w:start'], a['w:leftChars'] ?? a['w:startChars'], false);
      if (left) ind.left = left;
      const right = indentGroup(a['w:right'] ?? a['w:end'], a['w:rightChars'] ?? a['w:endChars'], false);
      if (right) ind.right = right;
      pp.indent = ind;
      break;
    }
    case 'w:ilvl': {
      const v = int(a['w:val']);
      if (v !== undefined) pp.ilvl = Math.max(0, Math.min(8, v));
      break;
    }
    case 'w:numId':
      if (a['w:val'] !== undefined) pp.numId = a['w:val'];
      break;
    case 'w:outlineLvl': {
      const v = int(a['w:val']);
      if (v !== undefined) pp.outlineLevel = v;
      break;
    }
  }
}

export function mergeRun(base: RunProps | undefined, over: RunProps | undefined): RunProps {
  if (!base) return { ...over };
  if (!over) return { ...base };
  const out: RunProps = { ...base };
  if (over.bold !== undefined) out.bold = over.bold;
  if (over.italic !== undefined) out.italic = over.italic;
  if (over.underline !== undefined) out.underline = over.underline;
  if (over.hidden !== undefined) out.hidden = over.hidden;
  if (over.size !== undefined) out.size = over.size;
  if (over.style !== undefined) out.style = over.style;
  if (over.fontEastAsia !== undefined) out.fontEastAsia = over.fontEastAsia;
  if (over.fontAscii !== undefined) out.fontAscii = over.fontAscii;
  if (over.color !== undefined) out.color = over.color;
  if (over.highlight !== undefined) out.highlight = over.highlight;
  if (over.vertAlign !== undefined) out.vertAlign = over.vertAlign;
  if (over.strike !== undefined) out.strike = over.strike;
  return out;
}

export function mergePara(base: ParaProps | undefined, over: ParaProps | undefined): ParaProps {
  if (!base) return { ...over };
  if (!over) return { ...base };
  const out: ParaProps = { ...base };
  if (over.style !== undefined) out.style = over.style;
  if (over.align !== undefined) out.align = over.align;
  if (over.indent) out.indent = { ...base.indent, ...over.indent };
  if (over.numId !== undefined) out.numId = over.numId;
  if (over.ilvl !== undefined) out.ilvl = over.ilvl;
  if (over.outlineLevel !== undefined) out.outlineLevel = over.outlineLevel;
  if (over.mark) out.mark = mergeRun(base.mark, over.mark);
  if (over.markDeleted !== undefined) out.markDeleted = over.markDeleted;
  return out;
}

/** Characters from an indent group; twips are converted at the paragraph's font size. */
export function indentChars(g: FirstLineIndent | undefined, fontHalfPoints: number): number {
  if (!g) return 0;
  const raw = g.chars !== undefined ? g.chars : (g.twips ?? 0) / (fontHalfPoints * 10);
  if (!Number.isFinite(raw)) return 0;
  const rounded = Math.round(raw * 100) / 100;
  const whole = Math.round(rounded);
  const chars = Math.abs(rounded - whole) < 0.05 ? whole : Math.round(rounded * 10) / 10;
  return Math.max(-MAX_INDENT_CHARS, Math.min(MAX_INDENT_CHARS, chars));
}
