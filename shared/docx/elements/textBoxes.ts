/**
 * Text boxes (w:txbxContent), both ways. Reading: their paragraphs are read as paragraphs of their
 * own, placed after the paragraph that anchors them (or where they stand, outside a paragraph);
 * the drawing that holds one is a 文本框 mark in its paragraph (inlineObjects.ts). Writing: a
 * drawing the document still holds is written back whole (inlineObjects.ts), its text boxes'
 * paragraphs with it, so they are not written again.
 */
import type { Block, Paragraph } from '../../model/document';
import type { EmitContext } from '../faithful/emit';
import { elementAt } from '../faithful/xmlSlice';
import { newContainer, type BodyReader, type ElementHandlers } from './context';
import { flushHeld } from './paragraphs';

function closeTextBox(ctx: BodyReader): void {
  const c = ctx.containers.pop()!;
  flushHeld(ctx, c);
  const anchor = ctx.para();
  if (anchor) for (const b of c.blocks) anchor.followers.push(b);
  else for (const b of c.blocks) ctx.addBlock(ctx.container(), b, null);
}

export const textBoxHandlers: ElementHandlers = {
  'w:txbxContent': {
    open(ctx) {
      ctx.counts.textBoxes++;
      const d = ctx.drawings[ctx.drawings.length - 1];
      if (d) d.textbox = true;
      ctx.enterContainer(newContainer('textbox'));
    },
    close: closeTextBox,
  },
};

/** A block's paragraphs: itself, or its cells' paragraphs. */
export function paragraphsOf(b: Block): Paragraph[] {
  return b.type === 'paragraph' ? [b] : b.rows.flatMap((r) => r.cells.flatMap((c) => c.paragraphs));
}

/** The XML ranges of the drawings (text boxes among them) the document still holds. */
export function keptTextBoxes(xml: string, blocks: Block[]): Array<{ start: number; end: number }> {
  const kept: Array<{ start: number; end: number }> = [];
  for (const b of blocks) {
    for (const p of paragraphsOf(b)) {
      for (const r of p.runs) {
        const at = r.object?.at;
        const el = at !== undefined && r.object!.kind === 'drawing' ? elementAt(xml, at) : null;
        if (el && el.start === at) kept.push({ start: el.start, end: el.end });
      }
    }
  }
  return kept;
}

/** A paragraph read from a text box whose drawing is still in the document: the drawing writes it. */
export function insideKeptTextBox(ctx: EmitContext, p: Paragraph): boolean {
  const at = p.source?.p;
  return at !== undefined && (ctx.kept ?? []).some((r) => r.start < at && at < r.end);
}
