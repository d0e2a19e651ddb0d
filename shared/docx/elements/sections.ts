/**
 * Section and document-level properties (w:sectPr: page size, margins, headers and footers,
 * note settings; w:background). The model does not hold them; saving keeps them where they were
 * (writeFaithful.ts), including a deleted paragraph's section break.
 */
import { SKIP } from '../read/xml';
import type { ElementHandler, ElementHandlers } from './context';

const skip: ElementHandler = { open: () => SKIP };

export const sectionHandlers: ElementHandlers = {
  'w:sectPr': skip,
  'w:footnotePr': skip,
  'w:endnotePr': skip,
  'w:background': skip,
};
