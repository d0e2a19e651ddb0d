/**
 * A run's content, both ways: text (w:t), tabs, line breaks, non-breaking
 * hyphens, symbols, ruby (the base text kept, the reading dropped). "\t" is a tab and "\n" a
 * line break in the model; page and column breaks are inline objects (w:br of a type).
 */
import { appendRun, PLAIN, skipping, type BodyReader, type ElementHandlers } from './context';
import { addObject, resolveRun } from './runs';
import { runLevelStart } from './alternateContent';
import { escapeXml } from '../faithful/emit';
import { readEquationCharacters } from './equations';

/** Adds text to the paragraph being read, in the format of the run holding it (or plain: outside a run, a field's placeholder). */
export function addText(ctx: BodyReader, text: string, plain = false): void {
  const p = ctx.para();
  if (!p || text === '' || !ctx.fieldVisible()) return;
  const run = ctx.run();
  if (plain || !run) {
    appendRun(p.runs, text, PLAIN);
    ctx.marks.shown(text);
  } else {
    const f = resolveRun(ctx, run, p);
    if (f.hidden) {
      if (!run.countedHidden) ctx.counts.hiddenRuns++;
      run.countedHidden = true;
      return;
    }
    if (f.size > p.maxSize) p.maxSize = f.size;
    appendRun(p.runs, text, f.format);
    ctx.marks.shown(text);
  }
  ctx.countChars(text.length);
}

/** Text of an element that stands for characters, when it is in a run. */
const inRun = (text: string) => ({ open: (ctx: BodyReader) => void (ctx.run() && addText(ctx, text)) });

/** A symbol from a real font is its character; one from a symbol font (Wingdings' F0xx) cannot be shown. */
function readSymbol(ctx: BodyReader, char: string | undefined): void {
  const code = Number.parseInt(char ?? '', 16);
  if (Number.isFinite(code) && code > 0 && (code < 0xf000 || code > 0xf0ff)) addText(ctx, String.fromCodePoint(code));
  else ctx.counts.symbols++;
}

/** A text-wrapping break is a line break; page and column breaks are objects. */
function readBreak(ctx: BodyReader, type: string | undefined): void {
  if (!ctx.run()) return;
  if (type === undefined || type === 'textWrapping') addText(ctx, '\n');
  else if (type === 'page' || type === 'column') addObject(ctx, { kind: type === 'page' ? 'pageBreak' : 'columnBreak', at: runLevelStart(ctx, ctx.tagStart()) });
}

/** A page or column break made anew (one that was not read from this document.xml). */
export function breakXml(kind: 'pageBreak' | 'columnBreak', w: string): string {
  return `<${w}br ${w}type="${kind === 'pageBreak' ? 'page' : 'column'}"/>`;
}

export const textHandlers: ElementHandlers = {
  'w:t': { open: (ctx) => void (ctx.inText = true), close: (ctx) => void (ctx.inText = false) },
  'w:tab': inRun('\t'),
  'w:ptab': inRun('\t'),
  'w:cr': inRun('\n'),
  'w:noBreakHyphen': inRun('-'),
  'w:br': { open: (ctx, a) => readBreak(ctx, a['w:type']) },
  'w:sym': { open: (ctx, a) => readSymbol(ctx, a['w:char']) },
  // Ruby: the reading (w:rt) is dropped, the base text kept.
  ...skipping('w:rt', 'w:rubyPr'),
};

/** Character data of the element being read: text of a w:t (in an equation, the equation's: equations.ts). */
export function readCharacters(ctx: BodyReader, t: string): void {
  if (readEquationCharacters(ctx, t)) return;
  if (ctx.inText) addText(ctx, t);
  else if (ctx.inInstr) ctx.addInstruction(t);
}

/** XML 1.0 cannot hold most control characters: drop them rather than write an unreadable file. */
function xmlSafe(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
}

/** A run's text as run content: text, line breaks and tabs. */
export function runContent(text: string, w: string): string {
  let out = '';
  for (const part of xmlSafe(text).split(/(\n|\t)/)) {
    if (part === '') continue;
    if (part === '\n') out += `<${w}br/>`;
    else if (part === '\t') out += `<${w}tab/>`;
    else out += `<${w}t xml:space="preserve">${escapeXml(part)}</${w}t>`;
  }
  return out;
}
