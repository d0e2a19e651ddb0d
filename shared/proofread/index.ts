/**
 * 校对: the offline proofreader. `proofreadDocument` checks a document model; the editor keeps one
 * `Proofreader` so that each keystroke re-checks only the paragraph it changed.
 */
import { blockText, type WgDocument } from '../model/document';
import { outlineOfDocument } from '../outline/outline';
import { Proofreader } from './checker';
import { partsOfDocument } from './parts';
import type { DocFinding } from './types';

export { Proofreader, checkParagraph } from './checker';
export { partsOfDocument } from './parts';
export { BUILTIN_TIFA, TifaDataSchema, mergeTifa, type TifaData } from './tifa';
export * from './types';

/** Every finding of a document; tables are not checked. */
export function proofreadDocument(doc: WgDocument, proofreader = new Proofreader()): DocFinding[] {
  const described = outlineOfDocument(doc);
  const parts = partsOfDocument(doc, described);
  const { outline } = described;
  const paragraphs = doc.blocks.map((b, i) => ({ text: b.type === 'paragraph' ? blockText(b) : '', part: parts[i] ?? null }));
  return proofreader.document(paragraphs, outline);
}
