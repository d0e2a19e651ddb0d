/**
 * Text boxes (w:txbxContent): their paragraphs are read as paragraphs of their own, placed after
 * the paragraph that anchors them (or where they stand, outside a paragraph). The drawing that
 * holds one is not shown as an object (inlineObjects.ts); saving writes an untouched paragraph
 * with its text boxes back as one piece.
 */
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
