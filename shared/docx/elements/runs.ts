/**
 * Runs (w:r) and their properties (w:rPr), both ways.
 * Reading: a run's direct properties are merged over its paragraph style's and its character
 * style's into the model's run format, with a source id naming the first run written with the
 * same w:rPr (in the same paragraph style), so that saving can tell an untouched format.
 * Writing: a run keeps the w:rPr it was read with; what the user changed (bold, size, font…) is
 * written over it, and a new run gets properties for exactly what the model says.
 */
import type { InlineObject, Run } from '../../model/document';
import { escapeXml, setChildren, type EmitContext } from '../faithful/emit';
import { runFormatOf, runSourceId, runSourceOffset, unchangedRunSource } from '../faithful/fingerprint';
import { childNamed, elementAt, localName, type Element } from '../faithful/xmlSlice';
import { applyRunProperty, mergeRun } from '../read/properties';
import { SKIP } from '../read/xml';
import type { BodyReader, ElementHandlers, ParaCtx, PropertySection, RunCtx } from './context';

/** The w:rPr of the run being read. */
const RUN_PROPERTIES: PropertySection = {
  element: 'w:rPr',
  child(ctx, name, a) {
    if (name === 'w:rPrChange') return SKIP;
    applyRunProperty(ctx.run()!.direct, name, a);
  },
  end(ctx) {
    const run = ctx.run()!;
    if (run.rPrAt >= 0) run.rPr = ctx.xml.slice(run.rPrAt, ctx.cursor.offset);
  },
};

export const runHandlers: ElementHandlers = {
  'w:r': {
    open: (ctx) => void ctx.runs.push({ direct: {}, resolved: null, countedHidden: false, at: ctx.tagStart(), rPrAt: -1, rPr: '' }),
    close: (ctx) => void ctx.runs.pop(),
  },
  'w:rPr': {
    open(ctx) {
      const run = ctx.run();
      if (!run) return SKIP;
      run.rPrAt = ctx.tagStart();
      ctx.sections.push(RUN_PROPERTIES);
    },
  },
};

/** The run's format as the model holds it (resolved once per run), with its source id. */
export function resolveRun(ctx: BodyReader, r: RunCtx, p: ParaCtx): NonNullable<RunCtx['resolved']> {
  if (r.resolved) return r.resolved;
  const { styles } = ctx;
  const paraStyle = styles.paragraphStyleOf(p.props.style);
  let rp = styles.runOf(paraStyle);
  if (r.direct.style) rp = mergeRun(rp, styles.runOf(r.direct.style));
  rp = mergeRun(rp, r.direct);
  const format = runFormatOf(rp);
  const key = `${paraStyle ?? ''}\u0001${r.rPr}`;
  let src = ctx.runSources.get(key);
  if (src === undefined) {
    src = runSourceId(r.at, format);
    ctx.runSources.set(key, src);
  }
  format.src = src;
  r.resolved = { format, hidden: Boolean(rp.hidden), size: rp.size ?? 20 };
  return r.resolved;
}

/** Adds an inline object to the paragraph, with the formatting of the run holding it. */
export function addObject(ctx: BodyReader, object: InlineObject): boolean {
  const p = ctx.para();
  const run = ctx.run();
  if (!p || !run || !ctx.fieldVisible()) return false;
  const f = resolveRun(ctx, run, p);
  if (f.hidden) return false;
  // An object costs a character of the size limit, as a paragraph does: their number stays bounded.
  ctx.countChars(1);
  p.runs.push({ text: '', ...f.format, object });
  p.objects.push(object.at!);
  return true;
}

/** The order of w:rPr children (ECMA-376 17.3.2.28) for the ones written here. */
const RPR_ORDER = ['rStyle', 'rFonts', 'b', 'bCs', 'i', 'iCs', 'caps', 'smallCaps', 'strike', 'dstrike', 'outline', 'shadow', 'emboss', 'imprint', 'noProof', 'snapToGrid', 'vanish', 'webHidden', 'color', 'spacing', 'w', 'kern', 'position', 'sz', 'szCs', 'highlight', 'u', 'effect', 'bdr', 'shd', 'fitText', 'vertAlign', 'rtl', 'cs', 'em', 'lang', 'eastAsianLayout', 'specVanish', 'oMath'];

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
