/**
 * Tracked changes, read as if all were accepted: insertions and moves-to are read (and counted),
 * deletions and moves-from dropped (and counted), earlier property versions (w:*PrChange)
 * ignored. A paragraph whose mark was deleted is held and joined with the next paragraph of its
 * container. Saving writes untouched paragraphs back with their revisions as they were, and an
 * edited one as the model shows it: accepted.
 */
import { SKIP } from '../read/xml';
import type { Run } from '../../model/document';
import { setChildren, type EmitContext } from '../faithful/emit';
import { childElements, childNamed, localName, type Element } from '../faithful/xmlSlice';
import { appendRuns, concatRuns, skipping, type BodyReader, type Container, type ElementHandler, type ElementHandlers, type ParaCtx } from './context';

const deletion: ElementHandler = {
  open(ctx) {
    ctx.counts.deletions++;
    return SKIP;
  },
};

export const trackedChangeHandlers: ElementHandlers = {
  'w:ins': { open: (ctx) => void ctx.counts.insertions++ },
  'w:moveTo': { open: (ctx) => void ctx.counts.insertions++ },
  'w:del': deletion,
  'w:moveFrom': deletion,
  // Deleted text and the earlier versions of properties.
  ...skipping('w:delText', 'w:delInstrText', 'w:pPrChange', 'w:rPrChange', 'w:sectPrChange', 'w:tblPrChange', 'w:trPrChange', 'w:tcPrChange', 'w:tblGridChange'),
};

/** Accepting the deletion of a paragraph mark joins this paragraph with the next one: it waits. */
export function holdParagraph(ctx: BodyReader, p: ParaCtx): void {
  const c = p.container;
  if (!c.held) {
    c.heldAt = p.at;
    c.heldObjects = [];
  }
  c.held = appendRuns(c.held ?? [], p.runs);
  c.heldObjects.push(...p.objects);
  c.heldProps ??= p.props;
  for (const f of p.followers) ctx.addBlock(c, f, null);
}

/** The paragraph with the held ones joined in front: where it starts, its objects and runs. */
export function joinHeld(p: ParaCtx): { at: number; objects: number[]; runs: Run[] } {
  const c: Container = p.container;
  const joined = c.held
    ? { at: c.heldAt, objects: c.heldObjects !== p.objects ? [...c.heldObjects, ...p.objects] : p.objects, runs: concatRuns(c.held, p.runs) }
    : { at: p.at, objects: p.objects, runs: p.runs };
  c.held = null;
  c.heldProps = null;
  return joined;
}

/**
 * The paragraph mark's w:rPr of a re-emitted paragraph without its deletion, which the model
 * accepted (the paragraph already holds the next one's text): undefined when it had none, null
 * when nothing else is left.
 */
export function acceptedMark(ctx: EmitContext, pPr: Element): string | null | undefined {
  if (!/<(?:[\w.-]+:)?del\b/.test(ctx.xml.slice(pPr.start, pPr.end))) return undefined;
  const rPr = childNamed(ctx.xml, pPr, 'rPr');
  if (!rPr || !childElements(ctx.xml, rPr).some((c) => localName(c.name) === 'del')) return undefined;
  return setChildren(ctx.xml, rPr, 'rPr', ctx.w, [], new Map([['del', null]])) || null;
}
