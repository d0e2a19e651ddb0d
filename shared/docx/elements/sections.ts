/**
 * Section and document-level properties (w:sectPr: page size, margins, headers and footers,
 * note settings; w:background). The model does not hold them; saving keeps them where they were
 * (writeFaithful.ts), including a deleted paragraph's section break. Reading records each
 * w:sectPr's start, 首页不同 and header and footer references for the 页眉页脚与批注 panel
 * (storyMarks.ts), in the paragraph whose properties hold it or at the end of the body.
 */
import { SKIP } from '../read/xml';
import { skipping, type BodyReader, type ElementHandlers, type PropertySection } from './context';

/** The w:sectPr being read: its children go to the marks, its earlier version (w:sectPrChange) is skipped. */
const SECTION_PROPERTIES: PropertySection = {
  element: 'w:sectPr',
  child(ctx, name, a) {
    if (name === 'w:sectPrChange') return SKIP;
    ctx.marks.sectionChild(name, a);
  },
  end: (ctx) => ctx.marks.endSection(),
};

/** A w:sectPr opens (in a paragraph's properties or at body level). */
export function readSection(ctx: BodyReader): void | typeof SKIP {
  if (!ctx.marks.beginSection(ctx.para()?.at)) return SKIP;
  ctx.sections.push(SECTION_PROPERTIES);
}

export const sectionHandlers: ElementHandlers = {
  'w:sectPr': { open: readSection },
  ...skipping('w:footnotePr', 'w:endnotePr', 'w:background'),
};
