import { describe, expect, it } from 'vitest';
import { documentToPlainText, indentWidth, plainTextLosses, plainTextToDocument } from '../../../shared/text/plainText';
import type { WgDocument } from '../../../shared/model/document';

describe('plain text ↔ document', () => {
  it('makes each line a paragraph and leading spaces a first-line indent', () => {
    const { doc } = plainTextToDocument('关于开展检查的通知\r\n\u3000\u3000一、总体要求\r\n    二、工作安排\r\n\t三、有关要求\r\n');
    expect(doc.blocks).toEqual([
      { type: 'paragraph', runs: [{ text: '关于开展检查的通知' }] },
      { type: 'paragraph', runs: [{ text: '一、总体要求' }], indent: { firstLineChars: 2 } },
      { type: 'paragraph', runs: [{ text: '二、工作安排' }], indent: { firstLineChars: 2 } },
      { type: 'paragraph', runs: [{ text: '三、有关要求' }], indent: { firstLineChars: 2 } },
    ]);
  });

  it('writes back exactly the text it read: line endings, final newline, each indent as written', () => {
    for (const text of [
      '标题\r\n\u3000\u3000正文一\r\n\u3000\u3000正文二\r\n',
      '标题\n  半角缩进\n\u3000\u3000全角缩进\n\t\t两个制表符\n\n末行无换行',
      '只有一行',
      '',
      'a\rb\r',
      '\u3000\u3000\r\n\r\n',
    ]) {
      const { doc, layout } = plainTextToDocument(text);
      expect(documentToPlainText(doc, layout)).toBe(text);
    }
  });

  it('writes an indent width the file wrote in two ways with the way used most', () => {
    const { doc, layout } = plainTextToDocument('\u3000\u3000甲\n\u3000\u3000乙\n\t丙\n');
    expect(documentToPlainText(doc, layout)).toBe('\u3000\u3000甲\n\u3000\u3000乙\n\u3000\u3000丙\n');
  });

  it('measures indents in characters', () => {
    expect(indentWidth('\u3000\u3000')).toBe(2);
    expect(indentWidth('    ')).toBe(2);
    expect(indentWidth('\t')).toBe(2);
    expect(indentWidth(' ')).toBe(0.5);
  });

  it('writes new indents as full-width spaces and tables as tab-separated lines', () => {
    const doc: WgDocument = {
      meta: {},
      blocks: [
        { type: 'paragraph', indent: { firstLineChars: 2 }, runs: [{ text: '正文' }] },
        { type: 'table', rows: [{ cells: [{ paragraphs: [{ type: 'paragraph', runs: [{ text: '项目' }] }] }, { paragraphs: [{ type: 'paragraph', runs: [{ text: '金额' }] }] }] }] },
      ],
    };
    expect(documentToPlainText(doc, { lineEnding: '\r\n', finalNewline: true, indents: {} })).toBe('\u3000\u3000正文\r\n项目\t金额\r\n');
  });

  it('names what plain text would lose', () => {
    const plain = plainTextToDocument('一、总体要求\n正文').doc;
    expect(plainTextLosses(plain)).toEqual([]);
    const rich: WgDocument = {
      meta: {},
      blocks: [
        { type: 'paragraph', role: 'title', align: 'center', runs: [{ text: '通知', bold: true }] },
        { type: 'table', rows: [] },
      ],
    };
    expect(plainTextLosses(rich)).toEqual(['加粗、倾斜、下划线等文字格式', '标题、各级标题等段落样式', '居中、右对齐等对齐方式', '表格（将存为以制表符分隔的文字）']);
  });
});
