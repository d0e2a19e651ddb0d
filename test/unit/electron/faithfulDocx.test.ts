/**
 * Issue #11: a .docx opened and saved back keeps everything the user did not change. Every
 * fixture that opens is saved with no edit and must come back part for part identical; a 公文
 * report built like a user's Word file is also rendered by LibreOffice before and after (page
 * count, text of each page, header and footer on each page, the picture), with no edit and with
 * a word typed into one paragraph, and round-tripped through .wgd.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync, zipSync, strToU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SaveAccept } from '../../../shared/api/contract';
import { readDocumentFile, saveDocumentFile, type OpenedDocument } from '../../../electron/services/documentFiles';
import { findSoffice, pdfFromDocx } from '../../../electron/services/pdfRenderers';
import { bodyLayout } from '../../../shared/docx/faithful/xmlSlice';
import type { Paragraph, WgDocument } from '../../../shared/model/document';
import { fixtureNames, fixturePath } from '../../support/fixtures';
import { makeGongwenReport } from '../../support/gongwenReport';
import { TEST_FONTCONFIG, readPdf, type PdfInfo } from '../../support/pdf';

const dir = mkdtempSync(path.join(os.tmpdir(), 'wengao-faithful-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function entries(bytes: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(bytes);
}

function documentXml(bytes: Uint8Array): string {
  const files = entries(bytes);
  const name = Object.keys(files).find((n) => /(^|\/)document\d*\.xml$/.test(n) && !n.includes('_rels'))!;
  return strFromU8(files[name]!);
}

/** The body-level elements of document.xml, as text. */
function bodyElements(xml: string): string[] {
  const layout = bodyLayout(xml)!;
  return layout.children.map((c) => xml.slice(c.start, c.end));
}

/** Saves as the app does, answering yes to every question; returns the bytes and what was asked. */
async function save(doc: WgDocument, source: OpenedDocument['source'], file: string): Promise<{ bytes: Uint8Array; losses: string[] }> {
  const accept: SaveAccept = { replaceExisting: true, openElsewhere: true };
  let losses: string[] = [];
  for (;;) {
    // No Word writer: the save must take the faithful path (else it would fail).
    const outcome = await saveDocumentFile({ path: file, doc, source: { ...source, path: null, stamp: null }, accept }, { writeDocx: null });
    if (outcome.status === 'saved') return { bytes: new Uint8Array(readFileSync(file)), losses };
    if (outcome.status !== 'loss') throw new Error(outcome.status);
    losses = outcome.losses;
    accept.loss = true;
  }
}

function expectSamePackage(before: Uint8Array, after: Uint8Array, label: string): void {
  const a = entries(before);
  const b = entries(after);
  expect(Object.keys(b).sort(), label).toEqual(Object.keys(a).sort());
  for (const name of Object.keys(a)) expect(Buffer.compare(Buffer.from(a[name]!), Buffer.from(b[name]!)), `${label}: ${name}`).toBe(0);
}

/** Types `word` into the paragraph at `index`, after the first two characters of its first run (as the editor would). */
function typeInto(doc: WgDocument, index: number, word: string): WgDocument {
  const copy = structuredClone(doc);
  const p = copy.blocks[index] as Paragraph;
  p.runs[0] = { ...p.runs[0]!, text: p.runs[0]!.text.slice(0, 2) + word + p.runs[0]!.text.slice(2) };
  return copy;
}

describe('a .docx opened and saved with no edit', () => {
  const names = fixtureNames('docx').filter((n) => /\.docx$/.test(n));

  it.each(names)('%s comes back with every part unchanged (or is refused on opening, as before)', async (name) => {
    const file = fixturePath('docx', name);
    let opened: OpenedDocument;
    try {
      opened = await readDocumentFile(file);
    } catch (e) {
      // Bad input stays refused with a message, as before.
      expect(name).toMatch(/^bad_/);
      expect((e as { code?: string }).code).toMatch(/corrupt|encrypted|not-docx|too-large/);
      return;
    }
    const { bytes, losses } = await save(opened.doc, opened.source, path.join(dir, `same-${name}`));
    expect(losses).toEqual([]);
    expectSamePackage(new Uint8Array(readFileSync(file)), bytes, name);
  });
});

describe('a 公文 report from Word', () => {
  let original: Uint8Array;
  let opened: OpenedDocument;
  let edited: Uint8Array;
  let viaWgd: Uint8Array;
  let pdfs: PdfInfo[];
  let editIndex: number;

  beforeAll(async () => {
    original = await makeGongwenReport();
    const file = path.join(dir, '报告.docx');
    writeFileSync(file, original);
    opened = await readDocumentFile(file);
    const same = await save(opened.doc, opened.source, path.join(dir, '报告-保存.docx'));
    editIndex = opened.doc.blocks.findIndex((b) => b.type === 'paragraph' && b.runs.length === 1 && b.runs[0]!.text.length > 60);
    edited = (await save(typeInto(opened.doc, editIndex, '认真'), opened.source, path.join(dir, '报告-修改.docx'))).bytes;
    // .docx → .wgd → .docx
    await save(opened.doc, opened.source, path.join(dir, '报告.wgd'));
    const fromWgd = await readDocumentFile(path.join(dir, '报告.wgd'));
    viaWgd = (await save(fromWgd.doc, fromWgd.source, path.join(dir, '报告-经wgd.docx'))).bytes;
    const soffice = findSoffice();
    if (!soffice) throw new Error('LibreOffice (soffice) is not installed: .ci/run installs libreoffice-writer-nogui');
    pdfs = (await pdfFromDocx(soffice, [original, same.bytes, edited], 300_000, { ...process.env, FONTCONFIG_FILE: TEST_FONTCONFIG })).map(readPdf);
  }, 400_000);

  const pageTexts = (pdf: PdfInfo) => pdf.pages.map((p) => p.words.map((w) => w.text).join(''));

  it('saved with no edit renders the same: pages, text on each page, header and footer on each', () => {
    const [before, after] = pdfs;
    expect(before!.pages.length).toBeGreaterThan(1);
    expect(after!.pages.length).toBe(before!.pages.length);
    expect(pageTexts(after!)).toEqual(pageTexts(before!));
    pageTexts(after!).forEach((t, i) => {
      expect(t).toContain('内部资料注意保存');
      expect(t).toContain(`—${i + 1}—`);
    });
  });

  it('keeps the picture, the table, the page break, the header and footer parts', () => {
    const files = entries(edited);
    expect(Object.keys(files).filter((n) => n.startsWith('word/media/'))).toHaveLength(1);
    const xml = documentXml(edited);
    expect(xml.match(/<w:drawing>/g)).toHaveLength(1);
    expect(xml.match(/<w:tbl>/g)).toHaveLength(1);
    expect(xml).toContain('<w:br w:type="page"/>');
    expect(Object.keys(files).filter((n) => /word\/(header|footer)\d*\.xml/.test(n))).toHaveLength(2);
    expect(strFromU8(Object.entries(files).find(([n]) => /footer/.test(n) && !n.includes('rels'))![1])).toMatch(/PAGE/);
  });

  it('with a word typed into one paragraph: only that paragraph differs, and its run keeps its font and size', () => {
    const before = bodyElements(documentXml(original));
    const after = bodyElements(documentXml(edited));
    expect(after).toHaveLength(before.length);
    const differing = before.map((b, i) => (b === after[i] ? -1 : i)).filter((i) => i >= 0);
    expect(differing).toEqual([editIndex]);
    const p = after[editIndex]!;
    expect(p).toContain('认真');
    // The paragraph's properties and the run's properties are the originals.
    expect(p).toContain(/<w:pPr>.*?<\/w:pPr>/.exec(before[editIndex]!)![0]);
    expect(p).toContain(/<w:rPr>.*?<\/w:rPr>/.exec(before[editIndex]!)![0]);
    expect(p).toMatch(/w:eastAsia="仿宋_GB2312"/);
    expect(p).toMatch(/<w:sz w:val="32"\/>/);
    // Rendered: the same pages, the word on its page, every other page unchanged.
    const [orig, , ed] = pdfs;
    expect(ed!.pages.length).toBe(orig!.pages.length);
    expect(ed!.text).toContain('认真');
    expect(pageTexts(ed!).filter((t, i) => t !== pageTexts(orig!)[i]).length).toBeLessThanOrEqual(2);
  });

  it('.docx → .wgd → .docx gives the original back', () => {
    expectSamePackage(original, viaWgd, '经 .wgd');
  });

  it('reads the runs’ formatting: size, fonts, colour, highlight, strikethrough, superscript', () => {
    const p = opened.doc.blocks.find((b) => b.type === 'paragraph' && b.runs.some((r) => r.text === '已完成')) as Paragraph;
    const run = (t: string) => p.runs.find((r) => r.text === t)!;
    expect(run('其中重点任务')).toMatchObject({ size: 16, font: '仿宋_GB2312', fontLatin: 'Times New Roman' });
    expect(run('已完成')).toMatchObject({ color: 'C00000', highlight: 'yellow' });
    expect(run('（旧表述）')).toMatchObject({ strike: true });
    expect(run('%')).toMatchObject({ vertAlign: 'superscript' });
    expect(run('，小字注释。')).toMatchObject({ size: 12, font: '楷体_GB2312' });
  });
});

describe('what the model does not hold', () => {
  it('copies package parts Wengao does not understand', async () => {
    const files = entries(await makeGongwenReport());
    files['customXml/item1.xml'] = strToU8('<?xml version="1.0"?><root xmlns="urn:x-wengao-test">自定义</root>');
    files['word/vendor/blob.bin'] = new Uint8Array([0, 1, 2, 3, 255]);
    const bytes = zipSync(files);
    const file = path.join(dir, '未知部件.docx');
    writeFileSync(file, bytes);
    const opened = await readDocumentFile(file);
    const saved = await save(typeInto(opened.doc, 2, '新'), opened.source, path.join(dir, '未知部件-保存.docx'));
    const out = entries(saved.bytes);
    expect(strFromU8(out['customXml/item1.xml']!)).toContain('自定义');
    expect([...out['word/vendor/blob.bin']!]).toEqual([0, 1, 2, 3, 255]);
  });

  it('keeps a picture shown in a paragraph whose text was edited, without asking, and drops it when the user deleted it', async () => {
    const file = path.join(dir, '图片段落.docx');
    writeFileSync(file, await makeGongwenReport());
    const opened = await readDocumentFile(file);
    const xml = documentXml(new Uint8Array(readFileSync(file)));
    const at = xml.indexOf('<w:drawing>');
    const drawing = xml.slice(at, xml.indexOf('</w:drawing>', at) + '</w:drawing>'.length);
    const index = opened.doc.blocks.findIndex((b) => b.source && b.source.at <= at && at < b.source.to);
    const paragraph = opened.doc.blocks[index] as Paragraph;
    // The picture is in the model, where the editor shows it.
    expect(paragraph.runs.filter((r) => r.object).map((r) => r.object!.kind)).toEqual(['picture']);
    const doc = structuredClone(opened.doc);
    (doc.blocks[index] as Paragraph).runs.push({ text: '图1' });
    const kept = await save(doc, opened.source, path.join(dir, '图片段落-保存.docx'));
    expect(kept.losses).toEqual([]);
    const keptXml = documentXml(kept.bytes);
    expect(keptXml).toContain(drawing);
    expect(keptXml).toMatch(/<\/w:drawing><\/w:r><w:r>(<w:rPr>.*?<\/w:rPr>)?<w:t xml:space="preserve">图1<\/w:t>/);
    // Deleted by the user: gone, and nothing asked either.
    const without = structuredClone(doc);
    (without.blocks[index] as Paragraph).runs = (without.blocks[index] as Paragraph).runs.filter((r) => !r.object);
    const deleted = await save(without, opened.source, path.join(dir, '图片段落-删除.docx'));
    expect(deleted.losses).toEqual([]);
    expect(documentXml(deleted.bytes)).not.toContain('<w:drawing>');
    expect(documentXml(deleted.bytes)).toContain('图1');
  });
});
