/**
 * Elements that wrap content without adding any: content controls (w:sdt), smart tags and custom
 * XML (w:smartTag, w:customXml). Their content is read as if they were not there; their own
 * properties are skipped. Saving writes an untouched one back whole, as one piece.
 */
import { skipping } from './context';

export const wrapperHandlers = skipping('w:sdtPr', 'w:sdtEndPr', 'w:smartTagPr', 'w:customXmlPr');
