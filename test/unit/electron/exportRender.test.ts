/**
 * The exports as a reader sees them: every seed report (and a State Council notice with title,
 * 主送, 署名 and 成文日期) exported as a 公文 .docx and rendered by LibreOffice, and printed from
 * the print view by headless Chromium (the CLI's PDF). On each: 22 text lines on a full page,
 * 28.95 pt apart, "— 1 —" at the right of page 1 and "— 2 —" at the left of page 2, below the
 * 版心, Chinese text in the East Asian fonts, no text lost.
 *
 * LibreOffice and Chromium come from Debian (.ci/run); fonts are mapped by test/support/fonts.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_EXPORT_SETTINGS } from '../../../shared/settings';
import { writeDocx } from '../../../shared/docx/write/writeDocx';
import { readDocumentFile } from '../../../electron/services/documentFiles';
import { findChromium, findSoffice, pdfFromDocx } from '../../../electron/services/pdfRenderers';
import { exportPdfBytes } from '../../../electron/cli/commands/export';
import { PT_PER_MM, TEST_FONTCONFIG, bodyLines, pageNumber, readPdf, type PdfInfo } from '../../support/pdf';

const CORPUS = path.resolve(__dirname, '../../../../shared/corpus');
const SEEDS = readdirSync(path.join(CORPUS, 'seeds'))
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => path.join(CORPUS, 'seeds', f));
const NOTICE = path.join(CORPUS, 'gov', 'gov-010.txt');
const FILES = [...SEEDS, NOTICE];
const OPTIONS = { ...DEFAULT_EXPORT_SETTINGS, template: 'gbt9704' as const, author: '测试' };
const LINE_PT = 28.95;

/** The characters a reader must find, without whitespace and page numbers. */
const letters = (s: string) => s.replace(/—\s*\d+\s*—/g, '').replace(/[\s\u3000]/g, '');

function checkLayout(name: string, pdf: PdfInfo): void {
  const { pages } = pdf;
  expect(pages.length, name).toBeGreaterThanOrEqual(3);
  for (const p of pages) {
    expect(p.width, name).toBeCloseTo(595.3, 0);
    expect(p.height, name).toBeCloseTo(841.9, 0);
  }
  // 22 lines on every full page, never more, a line pitch of 28.95 pt.
  const counts = pages.map((p) => bodyLines(p).length);
  expect(Math.max(...counts), `${name}: lines per page ${counts}`).toBe(22);
  const full = pages.find((p) => bodyLines(p).length === 22)!;
  const ys = bodyLines(full).map((l) => l.y);
  for (let i = 1; i < ys.length; i++) expect(ys[i]! - ys[i - 1]!, name).toBeCloseTo(LINE_PT, 0);
  // The text block starts 37 mm from the top and its left edge is 28 mm in.
  const firstBody = bodyLines(pages[1]!)[0]!;
  expect(firstBody.y, name).toBeGreaterThan(37 * PT_PER_MM);
  expect(firstBody.y, name).toBeLessThan(37 * PT_PER_MM + LINE_PT);
  const leftmost = Math.min(...pages[1]!.words.map((w) => w.xMin));
  expect(leftmost, name).toBeCloseTo(28 * PT_PER_MM, -1);

  // Page numbers: "— 1 —" right on odd pages, "— 2 —" left on even ones, one 四号 character in,
  // 7 mm below the 版心 (its bottom edge is 35 mm above the page's).
  const textRight = pages[0]!.width - 26 * PT_PER_MM;
  const textLeft = 28 * PT_PER_MM;
  const versoBottom = pages[0]!.height - 35 * PT_PER_MM;
  for (const n of [1, 2, 3]) {
    const num = pageNumber(pages[n - 1]!);
    expect(num, `${name} page ${n}`).not.toBeNull();
    expect(num!.text.replace(/\s+/g, ''), name).toBe(`—${n}—`);
    if (n % 2 === 1) expect(textRight - num!.xMax, `${name} page ${n} right gap`).toBeGreaterThan(10);
    if (n % 2 === 1) expect(textRight - num!.xMax, `${name} page ${n} right gap`).toBeLessThan(20);
    if (n % 2 === 0) expect(num!.xMin - textLeft, `${name} page ${n} left gap`).toBeGreaterThan(10);
    if (n % 2 === 0) expect(num!.xMin - textLeft, `${name} page ${n} left gap`).toBeLessThan(20);
    expect(num!.y - versoBottom, `${name} page ${n} number below the text`).toBeGreaterThan(7 * PT_PER_MM);
    expect(num!.y - versoBottom, `${name} page ${n} number below the text`).toBeLessThan(14 * PT_PER_MM);
  }
}

describe('公文 .docx rendered by LibreOffice', () => {
  let pdfs: PdfInfo[] = [];
  let sources: string[] = [];

  beforeAll(async () => {
    const soffice = findSoffice();
    if (!soffice) throw new Error('LibreOffice (soffice) is not installed: .ci/run installs libreoffice-writer-nogui');
    const opened = await Promise.all(FILES.map((f) => readDocumentFile(f)));
    sources = opened.map((o) => o.doc.blocks.map((b) => (b.type === 'paragraph' ? b.runs.map((r) => r.text).join('') : '')).join('\n'));
    const docs = await Promise.all(opened.map((o) => writeDocx(o.doc, OPTIONS)));
    // One LibreOffice start for all files: it is slow to start on a shared 2-core machine.
    pdfs = (await pdfFromDocx(soffice, docs, 300_000, { ...process.env, FONTCONFIG_FILE: TEST_FONTCONFIG })).map(readPdf);
  }, 300_000);

  it('lays every seed out on the GB/T 9704 page: 22 lines, page numbers right/left', () => {
    FILES.forEach((f, i) => checkLayout(path.basename(f), pdfs[i]!));
  });

  it('sets Chinese text in the East Asian fonts it asks for (仿宋 serif, 黑体 sans, 楷体) and Latin in Times New Roman', () => {
    for (const [i, pdf] of pdfs.entries()) {
      const name = path.basename(FILES[i]!);
      expect(pdf.fonts.some((f) => /NotoSerifCJK/.test(f)), `${name}: ${pdf.fonts}`).toBe(true);
      expect(pdf.fonts.some((f) => /LiberationSerif/.test(f)), `${name}: ${pdf.fonts}`).toBe(true);
      // Nothing fell back to a font without Chinese glyphs for Chinese text.
      expect(pdf.fonts.filter((f) => /DejaVu/.test(f)), name).toEqual([]);
    }
    // Headings 一、 in 黑体 (Noto Sans CJK here), 二级标题 in 楷体 (AR PL UKai).
    const notice = pdfs[FILES.indexOf(NOTICE)]!;
    expect(notice.fonts.some((f) => /NotoSansCJK/.test(f)), `${notice.fonts}`).toBe(true);
    const seed002 = pdfs[FILES.findIndex((f) => f.includes('002_'))]!;
    expect(seed002.fonts.some((f) => /UKai/i.test(f)), `${seed002.fonts}`).toBe(true);
  });

  it('keeps the text (LibreOffice 7.4 may drop a comma that hangs in the margin: punctuation is not compared)', () => {
    const noPunct = (s: string) => letters(s).replace(/[，。、：；]/g, '');
    for (const [i, pdf] of pdfs.entries()) expect(noPunct(pdf.text), path.basename(FILES[i]!)).toBe(noPunct(sources[i]!));
  });

  it('places the 署名 and 成文日期 at the right, the date 2 characters from the edge', () => {
    const notice = pdfs[FILES.indexOf(NOTICE)]!;
    const last = notice.pages[notice.pages.length - 1]!;
    const lines = bodyLines(last);
    const first = last.words.find((w) => w.text.startsWith('2019'))!;
    const dateWords = last.words.filter((w) => Math.abs(w.yMin - first.yMin) < 3);
    const date = { xMin: Math.min(...dateWords.map((w) => w.xMin)), xMax: Math.max(...dateWords.map((w) => w.xMax)) };
    const sig = last.words.find((w) => w.text === '国务院办公厅')!;
    const right = last.width - 26 * PT_PER_MM;
    expect(right - date.xMax).toBeGreaterThan(1.5 * 16);
    expect(right - date.xMax).toBeLessThan(3 * 16);
    // The date's first character is 2 characters right of the signature's.
    expect(date.xMin - sig.xMin).toBeGreaterThan(1.5 * 16);
    expect(date.xMin - sig.xMin).toBeLessThan(2.5 * 16);
    // One blank line between the body and the signature.
    const sigLine = lines.findIndex((l) => l.text.includes('国务院办公厅'));
    expect(lines[sigLine]!.y - lines[sigLine - 1]!.y).toBeCloseTo(2 * LINE_PT, 0);
  });
});

describe('公文 PDF from the print view (headless Chromium, as `wengao export x.pdf`)', () => {
  const pdfs: PdfInfo[] = [];

  beforeAll(async () => {
    if (!findChromium()) throw new Error('Chromium is not installed: .ci/run installs it');
    process.env.FONTCONFIG_FILE = TEST_FONTCONFIG;
    for (const f of [SEEDS[1]!, NOTICE]) {
      const { doc } = await readDocumentFile(f);
      const { bytes, engine } = await exportPdfBytes(doc, OPTIONS, 'chromium');
      expect(engine).toBe('chromium');
      pdfs.push(readPdf(bytes));
    }
  }, 180_000);

  it('has the same page: 22 lines, page numbers right/left, all text', async () => {
    checkLayout('seed 001 (Chromium)', pdfs[0]!);
    checkLayout('gov-010 (Chromium)', pdfs[1]!);
    const { doc } = await readDocumentFile(NOTICE);
    const src = doc.blocks.map((b) => (b.type === 'paragraph' ? b.runs.map((r) => r.text).join('') : '')).join('');
    // Every character is there (pdftotext may read right-aligned lines in another order).
    const sorted = (t: string) => [...letters(t)].sort().join('');
    expect(sorted(pdfs[1]!.text)).toBe(sorted(src));
  });
});
