/**
 * Elements that wrap content without adding any: content controls (w:sdt), smart tags and custom
 * XML (w:smartTag, w:customXml). Their content is read as if they were not there; their own
 * properties are skipped. Saving writes an untouched one back whole, as one piece.
 */
import { SKIP } from '../read/xml';
import type { ElementHandler, ElementHandlers } from './context';

const skip: ElementHandler = { open: () => SKIP };

export const wrapperHandlers: ElementHandlers = {
  'w:sdtPr': skip,
  'w:sdtEndPr': skip,
  'w:smartTagPr': skip,
  'w:customXmlPr': skip,
};
