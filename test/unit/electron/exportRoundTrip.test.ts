/**
 * Export → reopen with our own reader → same text, same levels. A reader that throws fails the
 * test (it used to be skipped when the reader could not read .docx).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { paragraphText, type Block } from '../../../shared/model/document';
import { outlineLevelOf } from '../../../shared/outline/levels';
import { layoutDocument } from '../../../shared/export/layout';
import { writeDocx } from '../../../shared/docx/write/writeDocx';
import { DEFAULT_EXPORT_SETTINGS } from '../../../shared/settings';
import { readDocumentFile } from '../../../electron/services/documentFiles';

const CORPUS = path.resolve(__dirname, '../../../../shared/corpus');
const FILES = ['seeds/000_40f08a2d6707e5f7.txt', 'seeds/002_182f94ccda9023a4.txt', 'seeds/004_9342abefdd77c34e.txt', 'gov/gov-010.txt', 'gov/gov-013.txt'].map((f) => path.join(CORPUS, f));
const OPTIONS = { ...DEFAULT_EXPORT_SETTINGS, template: 'gbt9704' as const };
const dir = mkdtempSync(path.join(os.tmpdir(), 'wengao-roundtrip-'));

/** Paragraph texts without empty paragraphs; a title's export line breaks (added by design) removed. */
function texts(blocks: Block[], titles: Set<number>): string[] {
  return blocks.flatMap((b, i) => (b.type === 'paragraph' ? [titles.has(i) ? paragraphText(b).replace(/\n/g, '') : paragraphText(b)] : [])).filter((t) => t.trim() !== '');
}

describe('export → reopen', () => {
  it.each(FILES)('%s keeps its text and its outline levels', async (file) => {
    const { doc } = await readDocumentFile(file);
    const out = path.join(dir, `${path.basename(file, '.txt')}.docx`);
    writeFileSync(out, await writeDocx(doc, OPTIONS));
    const back = (await readDocumentFile(out)).doc;
    const layout = layoutDocument(doc.blocks, OPTIONS);
    const expectedLevels = layout.blocks.flatMap((b) => (b.type === 'paragraph' && b.role !== 'empty' ? [b.role === 'title' ? 0 : b.level] : []));
    const titleIndexes = new Set(back.blocks.flatMap((b, i) => (b.type === 'paragraph' && b.role === 'title' ? [i] : [])));
    expect(texts(back.blocks, titleIndexes)).toEqual(texts(doc.blocks, new Set()));
    const levels = back.blocks.flatMap((b) => (b.type === 'paragraph' && paragraphText(b).trim() !== '' ? [outlineLevelOf(b)] : []));
    expect(levels).toEqual(expectedLevels);
  });
});
