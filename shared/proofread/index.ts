/**
 * 校对: the offline proofreader. `proofreadDocument` checks a document model; the editor keeps one
 * `Proofreader` so that each keystroke re-checks only the paragraph it changed.
 */
import { blockText, type Block, type WgDocument } from '../model/document';
import { analyzeAnatomy } from '../anatomy/anatomy';
import { Proofreader } from './checker';
import type { DocFinding } from './types';

export { Proofreader, checkParagraph } from './checker';
export { BUILTIN_TIFA, TifaDataSchema, mergeTifa, type TifaData } from './tifa';
export * from './types';

/** Every finding of a document, the 公文 rules on the parts the anatomy assigns; tables are not checked. */
export function proofreadDocument(doc: WgDocument, proofreader = new Proofreader()): DocFinding[] {
  const { parts, outline } = analyzeAnatomy(doc.blocks);
  const paragraphs = doc.blocks.map((b, i) => ({ text: b.type === 'paragraph' ? blockText(b) : '', part: parts[i] ?? null }));
  return proofreader.document(paragraphs, outline).filter((f) => !inEquation(doc.blocks[f.block], f));
}

/** The finding touches an equation's text: read-only (a chip), so it could not be fixed there. */
function inEquation(b: Block | undefined, f: DocFinding): boolean {
  if (b?.type !== 'paragraph') return false;
  let at = 0;
  for (const r of b.runs) {
    const end = at + r.text.length;
    if (r.object?.kind === 'equation' && at < f.end && f.start < end) return true;
    at = end;
  }
  return false;
}
