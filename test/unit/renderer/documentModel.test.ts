import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { paragraph, type WgDocument } from '../../../shared/model/document';
import { headlessEditor, load, read } from './editorHarness';

const seed = readFileSync(new URL('../../../../shared/corpus/seeds/001_012a46138ac0ca6d.txt', import.meta.url), 'utf8');

describe('document model ↔ editor', () => {
  it('round-trips roles, alignment, indents, run formatting, breaks and tables', () => {
    const doc: WgDocument = {
      meta: {},
      blocks: [
        paragraph('关于开展治理工作的通知', { role: 'title', align: 'center' }),
        paragraph('各省、自治区、直辖市人民政府：', { role: 'salutation' }),
        {
          type: 'paragraph',
          align: 'justify',
          indent: { firstLineChars: 2 },
          runs: [{ text: '（一）把稳思想之舵。', bold: true }, { text: '一是', italic: true, underline: true }, { text: '加强\n学习\t落实' }],
        },
        paragraph('一、总体要求', { role: 'heading1', indent: { firstLineChars: 2, leftChars: 1, rightChars: 0.5 } }),
        {
          type: 'table',
          columnWidths: [1, 2],
          rows: [
            { header: true, cells: [{ paragraphs: [paragraph('指标')] }, { paragraphs: [paragraph('说明')] }] },
            { cells: [{ paragraphs: [paragraph('覆盖率')] }, { paragraphs: [paragraph('≥85%'), paragraph('到2020年')] }] },
          ],
        },
        paragraph('国务院办公厅', { role: 'signature', align: 'right', indent: { rightChars: 4 } }),
        paragraph('2019年1月9日', { role: 'date', align: 'right', indent: { rightChars: 2 } }),
      ],
    };
    const editor = headlessEditor();
    load(editor, doc);
    const back = read(editor);
    // Column widths are scaled to the page; everything else is identical.
    const table = back.blocks[4]!;
    expect(table.type === 'table' && table.columnWidths!.length).toBe(2);
    if (table.type === 'table') delete table.columnWidths;
    const expected = structuredClone(doc);
    const t = expected.blocks[4]!;
    if (t.type === 'table') delete t.columnWidths;
    expect(back).toEqual(expected);
  });

  it('holds a real 7,000-character report paragraph for paragraph', () => {
    const lines = seed.split('\n');
    const doc: WgDocument = { meta: {}, blocks: lines.map((l) => paragraph(l)) };
    const editor = headlessEditor();
    load(editor, doc);
    const back = read(editor);
    expect(back.blocks).toHaveLength(lines.length);
    expect(back.blocks.map((b) => (b.type === 'paragraph' ? b.runs.map((r) => r.text).join('') : ''))).toEqual(lines);
  });

  it('keeps the caret able to leave a trailing table', () => {
    const editor = headlessEditor();
    load(editor, { meta: {}, blocks: [{ type: 'table', rows: [{ cells: [{ paragraphs: [paragraph('x')] }] }] }] });
    const back = read(editor);
    expect(back.blocks.map((b) => b.type)).toEqual(['table', 'paragraph']);
  });
});
