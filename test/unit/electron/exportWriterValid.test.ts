/**
 * The Word writer writes WordprocessingML itself (shared/docx/write/wordml.ts, zipWrite.ts): its
 * package must be one that other programs read. A 公文 with every part (版头, headings 1–4, a
 * table with a header row and merged cells, text with & < > ", 附件说明, 署名/日期, an 附件, the
 * 版记) is exported through the services' path (native deflate) and the 通用 template, then
 * opened by python-docx (a strict OOXML reader), every XML part parsed, and converted by
 * LibreOffice: the parts are all there, in order, with their styles.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { paragraph, type Block, type WgDocument } from '../../../shared/model/document';
import type { DocumentPart } from '../../../shared/model/parts';
import { DEFAULT_EXPORT_SETTINGS } from '../../../shared/settings';
import { renderExport } from '../../../electron/services/exportFiles';
import { findSoffice, pdfFromDocx } from '../../../electron/services/pdfRenderers';
import { TEST_FONTCONFIG, readPdf, type PdfInfo } from '../../support/pdf';

const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

function doc(lines: string[], extra: Block[] = []): WgDocument {
  const blocks: Block[] = lines.map((l) => {
    const m = /^([a-z0-9-]+)\|(.*)$/.exec(l);
    return m ? paragraph(m[2]!, { role: m[1] as DocumentPart }) : paragraph(l);
  });
  const at = blocks.findIndex((b) => b.type === 'paragraph' && b.runs[0]?.text.startsWith('附件：'));
  blocks.splice(at, 0, ...extra);
  return { meta: {}, blocks };
}

const TABLE: Block = {
  type: 'table',
  columnWidths: [1, 2, 2],
  rows: [
    { header: true, cells: [{ paragraphs: [paragraph('序号')] }, { paragraphs: [paragraph('单位')] }, { paragraphs: [paragraph('责任人')] }] },
    { cells: [{ rowSpan: 2, paragraphs: [paragraph('1')] }, { colSpan: 2, paragraphs: [paragraph('市水务局（牵头）')] }] },
    { cells: [{ paragraphs: [paragraph('区防汛办')] }, { paragraphs: [paragraph('张三')] }] },
  ],
};

const NOTICE = doc(
  [
    '000123',
    '机密★1年',
    '特急',
    '××市人民政府文件',
    '×政发〔2025〕12号',
    '××市人民政府关于做好2025年防汛工作的通知',
    '各区人民政府，市政府各部门：',
    '为做好防汛工作，现将有关事项通知如下（R&D <试点> "A"类）。',
    '一、提高思想认识',
    '（一）压实责任。各区要落实属地责任。',
    '1.排查隐患。全面排查。',
    '（1）建立台账。逐项登记。',
    '附件：1.防汛工作责任分工表',
    '2.防汛物资储备清单',
    '××市人民政府',
    '2025年3月5日',
    '附件1',
    '防汛工作责任分工表',
    '按分工落实。',
    '抄送：市委办公室，市人大常委会办公室。',
    '××市人民政府办公室 2025年3月6日印发',
  ],
  [TABLE],
);

interface PyDoc {
  paragraphs: { text: string; style: string }[];
  tables: string[][][];
  sections: number;
  title: string;
  /** Every XML part parsed; the text boxes' paragraphs. */
  parts: number;
  textBoxes: string[];
}

/** python-docx's view of a .docx, and every XML part through a conforming XML parser. */
function readWithPythonDocx(file: string): PyDoc {
  const script = `
import json, sys, zipfile, docx
from xml.etree import ElementTree as ET
d = docx.Document(sys.argv[1])
W = '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}'
z = zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None
parts = 0
for n in z.namelist():
    if n.endswith('.xml') or n.endswith('.rels'):
        ET.fromstring(z.read(n)); parts += 1
body = ET.fromstring(z.read('word/document.xml'))
boxes = [''.join(t.text or '' for t in p.iter(W + 't')) for box in body.iter(W + 'txbxContent') for p in box.iter(W + 'p')]
print(json.dumps({
  'paragraphs': [{'text': p.text, 'style': p.style.name} for p in d.paragraphs],
  'tables': [[[c.text for c in r.cells] for r in t.rows] for t in d.tables],
  'sections': len(d.sections), 'title': d.core_properties.title or '', 'parts': parts, 'textBoxes': boxes,
}, ensure_ascii=False))
`;
  return JSON.parse(execFileSync(PYTHON, ['-c', script, file], { encoding: 'utf8' })) as PyDoc;
}

describe('the Word writer\'s package, read by python-docx and LibreOffice', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'wengao-writer-valid-'));
  const files = { gbt: path.join(dir, 'gbt.docx'), plain: path.join(dir, 'plain.docx') };
  const bytes = {} as Record<keyof typeof files, Uint8Array>;
  let pdf: PdfInfo;

  beforeAll(async () => {
    bytes.gbt = await renderExport(NOTICE, 'docx', { ...DEFAULT_EXPORT_SETTINGS, template: 'gbt9704' });
    bytes.plain = await renderExport(NOTICE, 'docx', { ...DEFAULT_EXPORT_SETTINGS, template: 'plain' });
    for (const k of ['gbt', 'plain'] as const) writeFileSync(files[k], bytes[k]);
    const soffice = findSoffice();
    if (!soffice) throw new Error('LibreOffice (soffice) is not installed: .ci/run installs libreoffice-writer-nogui');
    const [out] = await pdfFromDocx(soffice, [bytes.gbt], 300_000, { ...process.env, FONTCONFIG_FILE: TEST_FONTCONFIG });
    pdf = readPdf(out!);
  }, 300_000);

  it('opens in python-docx with every part, in order, with its style; every XML part parses', () => {
    const d = readWithPythonDocx(files.gbt);
    expect(d.parts).toBeGreaterThanOrEqual(9);
    expect(d.sections).toBe(1);
    expect(d.title).toBe('××市人民政府关于做好2025年防汛工作的通知');
    const styleOf = (start: string) => d.paragraphs.find((p) => p.text.replace(/\n/g, '').startsWith(start))?.style;
    // 版头
    expect(styleOf('000123')).toBe('份号');
    expect(styleOf('机密★1年')).toBe('密级和保密期限');
    expect(styleOf('特急')).toBe('紧急程度');
    expect(styleOf('××市人民政府文件')).toBe('发文机关标志');
    expect(styleOf('×政发〔2025〕12号')).toBe('发文字号');
    expect(styleOf('××市人民政府关于')).toBe('Title');
    expect(styleOf('各区人民政府')).toBe('主送机关');
    // Headings as Word's (python-docx names the built-ins "Heading N").
    expect(['一、提高', '（一）压实', '1.排查', '（1）建立'].map(styleOf)).toEqual(['Heading 1', 'Heading 2', 'Heading 3', 'Heading 4']);
    // Escaped text comes back as typed.
    expect(d.paragraphs.some((p) => p.text.includes('（R&D <试点> "A"类）'))).toBe(true);
    expect(styleOf('附件：1.')).toBe('附件说明');
    expect(styleOf('××市人民政府')).toBe('发文机关标志');
    expect(d.paragraphs.filter((p) => p.text === '××市人民政府').map((p) => p.style)).toEqual(['署名']);
    expect(styleOf('2025年3月5日')).toBe('成文日期');
    expect(styleOf('附件1')).toBe('附件标识');
    expect(styleOf('防汛工作责任分工表')).toBe('附件标题');
    // Order: 版头, title, body, 附件说明, 署名, 附件.
    const order = ['000123', '××市人民政府文件', '××市人民政府关于', '一、提高', '附件：1.', '2025年3月5日', '附件1', '按分工落实'].map((t) =>
      d.paragraphs.findIndex((p) => p.text.replace(/\n/g, '').startsWith(t)),
    );
    expect(order.every((k, i) => k >= 0 && (i === 0 || k > order[i - 1]!))).toBe(true);
    // The table, merged cells included (python-docx repeats a merged cell's text in each grid cell).
    expect(d.tables).toEqual([
      [
        ['序号', '单位', '责任人'],
        ['1', '市水务局（牵头）', '市水务局（牵头）'],
        ['1', '区防汛办', '张三'],
      ],
    ]);
    // The 版记 in its text box: rule, 抄送, rule, 印发, rule.
    expect(d.textBoxes).toEqual(['', '抄送：市委办公室，市人大常委会办公室。', '', '××市人民政府办公室2025年3月6日印发', '']);
  });

  it('opens the 通用 template too, headings as Word headings', () => {
    const d = readWithPythonDocx(files.plain);
    expect(d.paragraphs.find((p) => p.text.startsWith('一、提高'))?.style).toBe('Heading 1');
    expect(d.tables[0]![0]).toEqual(['序号', '单位', '责任人']);
    expect(d.paragraphs.some((p) => p.text.startsWith('抄送：'))).toBe(true);
  });

  it('converts in LibreOffice with the 版头, headings, table, 附件 on its own page and the 版记 on the last page', () => {
    const pageOf = (re: RegExp) => pdf.pages.findIndex((p) => re.test(p.words.map((w) => w.text).join('')));
    expect(pdf.pages.length).toBeGreaterThanOrEqual(2);
    expect(pageOf(/××市人民政府文件/)).toBe(0);
    expect(pageOf(/一、提高思想认识/)).toBe(0);
    expect(pageOf(/市水务局（牵头）/)).toBeGreaterThanOrEqual(0);
    expect(pageOf(/区防汛办/)).toBeGreaterThanOrEqual(0);
    const attachment = pageOf(/^附件1/);
    expect(attachment).toBeGreaterThan(0);
    expect(pageOf(/抄送：市委办公室/)).toBe(pdf.pages.length - 1);
    expect(pdf.text).toContain('印发');
    expect(pdf.text).toContain('R&D');
  });
});
