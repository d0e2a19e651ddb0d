/**
 * Equations (OMML: m:oMath, and m:oMathPara, a display equation holding one or more m:oMath),
 * both ways. Reading: the outermost one in a paragraph becomes an inline object of kind
 * 'equation' pointing at its element, its label the linear text (its m:t contents joined,
 * "x=a+b"), which is also its run's text: the editor shows a read-only chip, and text, counts,
 * search and exports read the equation as they read it when it was plain text. Writing an edited
 * paragraph copies the element back as it was, where runs go (m:oMath is a w:p child, not a run's).
 */
import { objectText, type Run } from '../../model/document';
import type { EmitContext } from '../faithful/emit';
import { elementAt, localName } from '../faithful/xmlSlice';
import { skipping, type BodyReader, type ElementHandler, type ElementHandlers } from './context';
import { runProperties } from './runs';
import { runContent } from './text';

/** The elements an equation object may point at. */
const EQUATION_ELEMENTS = new Set(['oMath', 'oMathPara']);

const equationElement: ElementHandler = {
  open(ctx) {
    if (ctx.equation) ctx.equation.depth++;
    else ctx.equation = { at: ctx.tagStart(), text: '', depth: 1 };
  },
  close(ctx) {
    const e = ctx.equation;
    if (!e || --e.depth > 0) return;
    ctx.equation = null;
    addEquation(ctx, e.at, e.text);
  },
};

/** The finished equation as an object of its paragraph; outside one (or in a field's instructions) it is not shown. */
function addEquation(ctx: BodyReader, at: number, text: string): void {
  const p = ctx.para();
  if (!p || !ctx.fieldVisible()) return;
  // Its text counts against the size limit as text does; an empty one as an object does.
  ctx.countChars(Math.max(1, text.length));
  p.runs.push({ text, object: { kind: 'equation', at, label: text } });
  p.objects.push(at);
  ctx.marks.shown(text);
  ctx.counts.shownEquations++;
}

/** Characters inside an equation (its m:t, or a w:t a math run may hold) go to its text. */
export function readEquationCharacters(ctx: BodyReader, t: string): boolean {
  if (!ctx.equation) return false;
  if (ctx.inMathText || ctx.inText) ctx.equation.text += t;
  return true;
}

export const equationHandlers: ElementHandlers = {
  'm:oMathPara': equationElement,
  'm:oMath': equationElement,
  'm:t': { open: (ctx) => void (ctx.inMathText = true), close: (ctx) => void (ctx.inMathText = false) },
  // Their run and control properties say nothing the model holds.
  ...skipping('m:rPr', 'm:ctrlPr', 'm:oMathParaPr'),
};

/**
 * An equation as paragraph content: its original element. One whose element is not in this
 * document.xml (pasted from another document) is written as its text, in its run's properties.
 */
export function equationXml(ctx: EmitContext, run: Run): string {
  const o = run.object!;
  const el = o.at !== undefined ? elementAt(ctx.xml, o.at) : null;
  if (el && EQUATION_ELEMENTS.has(localName(el.name))) return ctx.xml.slice(el.start, el.end);
  const text = objectText(o);
  return text ? `<${ctx.w}r>${runProperties(ctx, run)}${runContent(text, ctx.w)}</${ctx.w}r>` : '';
}
