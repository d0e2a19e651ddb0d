/**
 * Inline objects, both ways: pictures, other drawings (charts, shapes, SmartArt, text boxes:
 * a 文本框 mark), footnote and endnote marks (and page and column breaks, read in text.ts) become runs
 * with no text whose object points at their run-level element in document.xml (the
 * mc:AlternateContent around a drawing when there is one); writing an edited paragraph copies
 * that element back as it was, in a run with its run's properties (an equation, equations.ts, as
 * paragraph content). OLE objects are counted and kept, not shown.
 */
import type { InlineObject, Run } from '../../model/document';
import type { EmitContext } from '../faithful/emit';
import { elementAt, localName } from '../faithful/xmlSlice';
import { int, SKIP } from '../read/xml';
import { runLevelStart } from './alternateContent';
import { skipping, type BodyReader, type DrawingCtx, type ElementHandlers } from './context';
import { addObject, runProperties } from './runs';
import { breakXml } from './text';
import { equationXml } from './equations';

/** A picture or drawing (without text boxes) where text is listed as text: the panel, a comment's anchor. */
export const PICTURE_TEXT = '[图片]';

/** The drawing being read, if any. */
const drawing = (ctx: BodyReader): DrawingCtx | undefined => ctx.drawings[ctx.drawings.length - 1];

/** A handler that notes something about the drawing being read. */
const noting = (note: (d: DrawingCtx, a: Record<string, string>, name: string) => void) => ({
  open(ctx: BodyReader, a: Record<string, string>, name: string) {
    const d = drawing(ctx);
    if (d) note(d, a, name);
  },
});

/** i, ii, iii…: Word's default endnote marks. */
export function lowerRoman(n: number): string {
  const table: Array<[number, string]> = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let out = '';
  let rest = Math.min(n, 3999);
  for (const [v, s] of table) while (rest >= v) {
    out += s;
    rest -= v;
  }
  return out;
}

/** A VML shape's size from its style ("width:120pt;height:80pt"), in points. */
export function vmlSize(style: string | undefined): { width: number; height: number } | null {
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

function readNoteMark(ctx: BodyReader, kind: 'footnote' | 'endnote'): void {
  if (kind === 'footnote') ctx.counts.footnotes++;
  else ctx.counts.endnotes++;
  const n = ++ctx.noteMarks[kind];
  addObject(ctx, { kind, at: runLevelStart(ctx, ctx.tagStart()), label: kind === 'footnote' ? String(n) : lowerRoman(n) });
}

/** A finished drawing as the object the editor shows; one holding text boxes as a small 文本框 mark. */
function drawingObject(d: DrawingCtx): InlineObject {
  const picture = !d.textbox && d.pictures === 1 && d.rel !== undefined;
  const object: InlineObject = { kind: picture ? 'picture' : 'drawing', at: d.at };
  if (picture) object.rel = d.rel;
  else object.label = d.textbox ? '文本框' : d.pictures > 1 ? `${d.pictures} 张图片` : d.chart ? '图表' : d.smartArt ? 'SmartArt 图形' : '图形';
  if (!d.textbox && d.width !== undefined && d.height !== undefined) {
    object.width = Math.round(d.width * 100) / 100;
    object.height = Math.round(d.height * 100) / 100;
  }
  return object;
}

/** Shown as an object (one holding text boxes too: their text is read as the paragraphs after it); otherwise counted. */
function finishDrawing(ctx: BodyReader): void {
  const d = ctx.drawings.pop();
  if (!d) return;
  const { counts } = ctx;
  if (ctx.drawings.length === 0) {
    const object = drawingObject(d);
    if (addObject(ctx, object)) {
      if (!d.textbox) ctx.marks.shown(PICTURE_TEXT);
      if (object.kind === 'picture') counts.shownPictures++;
      else if (!d.textbox) counts.shownDrawings++;
      return;
    }
  }
  if (d.pictures > 0) counts.images += d.pictures;
  else if (d.chart) counts.charts++;
  else if (d.smartArt) counts.smartArt++;
  else if (!d.textbox) counts.shapes++;
}

const drawingElement = {
  open: (ctx: BodyReader) => void ctx.drawings.push({ pictures: 0, chart: false, smartArt: false, textbox: false, at: runLevelStart(ctx, ctx.tagStart()) }),
  close: finishDrawing,
};

const vmlShape = noting((d, a) => {
  if (d.width === undefined) {
    const size = vmlSize(a['style']);
    if (size) Object.assign(d, size);
  }
});

export const inlineObjectHandlers: ElementHandlers = {
  'w:drawing': drawingElement,
  'w:pict': drawingElement,
  'pic:pic': noting((d) => void d.pictures++),
  'v:imagedata': noting((d, a) => {
    d.pictures++;
    d.rel ??= a['r:id'];
  }),
  'a:blip': noting((d, a) => void (d.rel ??= a['r:embed'])),
  'wp:extent': noting((d, a) => {
    const cx = int(a['cx']);
    const cy = int(a['cy']);
    if (d.width === undefined && cx && cy && cx > 0 && cy > 0) {
      d.width = cx / 12700;
      d.height = cy / 12700;
    }
  }),
  'v:shape': vmlShape,
  'v:rect': vmlShape,
  'v:image': vmlShape,
  'c:chart': noting((d) => void (d.chart = true)),
  'dgm:relIds': noting((d) => void (d.smartArt = true)),
  'w:footnoteReference': { open: (ctx) => readNoteMark(ctx, 'footnote') },
  'w:endnoteReference': { open: (ctx) => readNoteMark(ctx, 'endnote') },
  'w:object': {
    open(ctx) {
      ctx.counts.objects++;
      return SKIP;
    },
  },
  ...skipping('w:movie'),
};

/** The run-level elements an inline object may point at (InlineObject.at). */
const OBJECT_ELEMENTS = new Set(['drawing', 'pict', 'AlternateContent', 'br', 'footnoteReference', 'endnoteReference', 'object']);

/** The XML an object stands for: its original element, or (a break only) one made anew. */
export function objectXml(ctx: EmitContext, o: InlineObject): string {
  const el = o.at !== undefined ? elementAt(ctx.xml, o.at) : null;
  if (el && OBJECT_ELEMENTS.has(localName(el.name))) return ctx.xml.slice(el.start, el.end);
  if (o.kind === 'pageBreak' || o.kind === 'columnBreak') return breakXml(o.kind, ctx.w);
  return '';
}

/**
 * An inline object as a run: its original element, in a run with its run's properties. One that
 * does not come from this document.xml is written only when it can be made anew (a break).
 */
export function objectRun(ctx: EmitContext, run: Run): string {
  if (run.object!.kind === 'equation') return equationXml(ctx, run);
  const content = objectXml(ctx, run.object!);
  return content ? `<${ctx.w}r>${runProperties(ctx, run)}${content}</${ctx.w}r>` : '';
}
