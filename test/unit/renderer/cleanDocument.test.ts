import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { documentText, paragraph } from '../../../shared/model/document';
import { cleanDocument } from '../../../renderer/editor/cleanDocument';
import { SEED_WITH_ADS } from '../suggest/corpusText';
import { headlessEditor, load, read, undo } from './editorHarness';

describe('清理素材 on the open document', () => {
  it('removes the seed’s advertising and markup, keeps formatting, and undoes in one step', async () => {
    const lines = readFileSync(SEED_WITH_ADS, 'utf8').split(/\r?\n/);
    const editor = headlessEditor(true);
    const doc = { meta: {}, blocks: lines.map((l) => paragraph(l)) };
    // A bold run across the paywall marker keeps its formatting.
    const marked = doc.blocks.findIndex((b) => b.type === 'paragraph' && b.runs[0]?.text.includes('##paidbegin##'));
    const p = doc.blocks[marked]!;
    if (p.type === 'paragraph') {
      const t = p.runs[0]!.text;
      const at = t.indexOf('##paidbegin##');
      p.runs = [{ text: t.slice(0, at - 2) }, { text: t.slice(at - 2, at + 20), bold: true }, { text: t.slice(at + 20) }];
    }
    load(editor, doc);
    const before = documentText(read(editor));
    const report = cleanDocument(editor);
    expect(report).toMatchObject({ promo: 4, attribution: 1, markup: 2 });
    const after = read(editor);
    const text = documentText(after);
    expect(text).not.toMatch(/哒哒|公众号|##paid/);
    expect(text).toContain('同时设立3个党员示范岗');
    const bold = after.blocks.flatMap((b) => (b.type === 'paragraph' ? b.runs : [])).filter((r) => r.bold);
    expect(bold.map((r) => r.text).join('')).toContain('党员示范岗');
    await undo(editor);
    expect(documentText(read(editor))).toBe(before);
  });
});
