/**
 * Section and document-level properties (w:sectPr: page size, margins, headers and footers,
 * note settings; w:background). The model does not hold them; saving keeps them where they were
 * (writeFaithful.ts), including a deleted paragraph's section break.
 */
import { skipping } from './context';

export const sectionHandlers = skipping('w:sectPr', 'w:footnotePr', 'w:endnotePr', 'w:background');
