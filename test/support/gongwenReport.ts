/**
 * A report formatted as a 公文 the way a user's Word file is (built with the `docx` package):
 * A4 with 37/35/28/26 mm margins, a 方正小标宋简体 22 pt title, 黑体 headings, 仿宋_GB2312 16 pt
 * body on exact 28.95 pt lines, a header, a "— PAGE —" footer, a picture, a table and a page
 * break, and runs in other sizes, colours, highlight, strikethrough and superscript.
 */
import { crc32 } from 'node:zlib';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  ImageRun,
  LineRuleType,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { zlibSync } from 'fflate';
import { SHARED } from './fixtures';

const MM = 56.6929; // twips
const BODY = { eastAsia: '仿宋_GB2312', ascii: 'Times New Roman', hAnsi: 'Times New Roman' };
const LINE = { line: 579, lineRule: LineRuleType.EXACT, before: 0, after: 0 };


/** A small red-and-blue PNG (w × h pixels). */
export function makePng(w: number, h: number): Uint8Array {
  const raw = new Uint8Array(h * (1 + w * 3));
  for (let y = 0; y < h; y++) {
    raw[y * (1 + w * 3)] = 0;
    for (let x = 0; x < w; x++) raw.set(x < w / 2 ? [200, 30, 30] : [30, 30, 200], y * (1 + w * 3) + 1 + x * 3);
  }
  const chunk = (type: string, data: Uint8Array) => {
    const out = new Uint8Array(12 + data.length);
    const v = new DataView(out.buffer);
    v.setUint32(0, data.length);
    out.set(new TextEncoder().encode(type), 4);
    out.set(data, 8);
    v.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
    return out;
  };
  const ihdr = new Uint8Array(13);
  const iv = new DataView(ihdr.buffer);
  iv.setUint32(0, w);
  iv.setUint32(4, h);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const parts = [new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', zlibSync(raw)), chunk('IEND', new Uint8Array())];
  const png = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    png.set(p, o);
    o += p.length;
  }
  return png;
}

const body = (text: string) => new Paragraph({ indent: { firstLine: 640 }, alignment: AlignmentType.JUSTIFIED, spacing: LINE, children: [new TextRun({ text, font: BODY, size: 32 })] });
const heading = (text: string) => new Paragraph({ indent: { firstLine: 640 }, spacing: LINE, children: [new TextRun({ text, font: { eastAsia: '黑体', ascii: 'Times New Roman' }, size: 32 })] });

/** The seed report's paragraphs, as a 公文. */
export async function makeGongwenReport(): Promise<Uint8Array> {
  const seed = readFileSync(path.join(SHARED, 'corpus', 'seeds', '001_012a46138ac0ca6d.txt'), 'utf8')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const children: Array<Paragraph | Table> = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: LINE, children: [new TextRun({ text: '关于2023年度基层党建工作的报告', font: { eastAsia: '方正小标宋简体', ascii: 'Times New Roman' }, size: 44 })] }),
    new Paragraph({ spacing: LINE, children: [] }),
  ];
  seed.forEach((line, i) => {
    children.push(/^[一二三四五六七八九十]+、/.test(line) ? heading(line) : body(line));
    if (i === 3) {
      children.push(
        new Paragraph({
          indent: { firstLine: 640 },
          spacing: LINE,
          children: [
            new TextRun({ text: '其中重点任务', font: BODY, size: 32 }),
            new TextRun({ text: '已完成', font: BODY, size: 32, color: 'C00000', highlight: 'yellow' }),
            new TextRun({ text: '（旧表述）', font: BODY, size: 32, strike: true }),
            new TextRun({ text: '98', font: BODY, size: 32 }),
            new TextRun({ text: '%', font: BODY, size: 32, superScript: true }),
            new TextRun({ text: '，小字注释。', font: { eastAsia: '楷体_GB2312' }, size: 24 }),
          ],
        }),
      );
      children.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 120, after: 120 }, children: [new ImageRun({ type: 'png', data: makePng(40, 20), transformation: { width: 240, height: 120 } })] }));
      children.push(
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [
            ['项目', '完成数', '备注'],
            ['支部建设', '12', '全部达标'],
            ['党员发展', '5', '按计划'],
          ].map((cells) => new TableRow({ children: cells.map((c) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: c, font: BODY, size: 28 })] })] })) })),
        }),
      );
    }
    if (i === 8) children.push(new Paragraph({ children: [new PageBreak()] }));
  });
  const doc = new Document({
    creator: '办公室',
    title: '工作报告',
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: Math.round(37 * MM), bottom: Math.round(35 * MM), left: Math.round(28 * MM), right: Math.round(26 * MM) } } },
        headers: { default: new Header({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: '内部资料 注意保存', font: BODY, size: 21 })] })] }) },
        footers: {
          default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: { eastAsia: '宋体', ascii: '宋体' }, size: 28 })] })] }),
        },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
