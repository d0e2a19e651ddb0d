/**
 * Saving .docx end to end with the real Word writer (the files service and the export writer
 * meet here): an opened WPS report saved as .docx reopens with the same paragraphs, levels and
 * formatting, and a .docx saved over itself keeps what the editor does not show.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { paragraphText, type WgDocument } from '../../../shared/model/document';
import { outlineLevelOf } from '../../../shared/outline/levels';
import { DEFAULT_EXPORT_SETTINGS } from '../../../shared/settings';
import { readDocumentFile, saveDocumentFile } from '../../../electron/services/documentFiles';
import { wordWriter } from '../../../electron/services/wordWriter';
import { writableCopy } from '../../support/fixtures';

const FIXTURES = path.resolve(__dirname, '../../../../shared/fixtures/docx');
const writeDocx = wordWriter(() => DEFAULT_EXPORT_SETTINGS);
const texts = (d: WgDocument) => d.blocks.flatMap((b) => (b.type === 'paragraph' ? [paragraphText(b)] : []));
const levels = (d: WgDocument) => d.blocks.map(outlineLevelOf);

describe('saving .docx with the Word writer', () => {
  it('saves an opened WPS report as .docx and reopens the same text, levels and bold runs', async () => {
    const opened = await readDocumentFile(path.join(FIXTURES, 'zh_wps_autonum_hbbzsm_p1.docx'));
    const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'wengao-docx-save-')), '编制说明.docx');
    const outcome = await saveDocumentFile({ path: out, doc: opened.doc, source: null, accept: {} }, { writeDocx });
    expect(outcome.status).toBe('saved');
    const back = await readDocumentFile(out);
    expect(texts(back.doc).filter(Boolean)).toEqual(texts(opened.doc).filter(Boolean));
    expect(levels(back.doc).filter((l) => l !== null)).toEqual(levels(opened.doc).filter((l) => l !== null));
    // The WPS numbering labels (一、…) survive as literal text.
    expect(texts(back.doc).some((t) => t.startsWith('一、'))).toBe(true);
    const bold = (d: WgDocument) => d.blocks.flatMap((b) => (b.type === 'paragraph' ? b.runs.filter((r) => r.bold).map((r) => r.text) : [])).join('');
    expect(bold(back.doc)).toBe(bold(opened.doc));
  });

  it('saves over a .docx with images without asking, and keeps the images', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'wengao-docx-save-'));
    const file = path.join(dir, 'ocr.docx');
    writableCopy(path.join(FIXTURES, 'zh_wps_small_table.docx'), file);
    const opened = await readDocumentFile(file);
    const doc = structuredClone(opened.doc);
    const first = doc.blocks.find((b) => b.type === 'paragraph' && b.runs.length > 0);
    if (first?.type === 'paragraph') first.runs[0]!.text += '（已核）';
    const saved = await saveDocumentFile({ path: file, doc, source: opened.source, accept: {} }, { writeDocx });
    expect(saved.status).toBe('saved');
    const media = Object.keys(unzipSync(new Uint8Array(readFileSync(file)))).filter((n) => n.startsWith('word/media/'));
    expect(media.length).toBeGreaterThan(0);
    expect(texts((await readDocumentFile(file)).doc).join('')).toBe(texts(doc).join(''));
  });
});
