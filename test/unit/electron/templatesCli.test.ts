/**
 * 新建 from a 文种 (shared/templates) and `wengao new`; `wengao export --format` choosing the
 * special format (§10) over the one the 标志 names.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/program';
import { readDocumentFile } from '../../../electron/services/documentFiles';
import { analyzeAnatomy } from '../../../shared/anatomy/anatomy';
import { findPlaceholders } from '../../../shared/corpus/slots';
import { paragraphText, type Paragraph } from '../../../shared/model/document';
import { DOCUMENT_TEMPLATES, documentFromTemplate, findTemplate } from '../../../shared/templates/templates';
import { paragraphs, readDocxParts } from '../../support/docxXml';

async function run(args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(args, '9.9.9', { stdout: (s) => (out += s), stderr: (s) => (err += s) });
  return { code, out, err };
}
const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'wengao-new-'));
const texts = (id: string) => documentFromTemplate(findTemplate(id)!).blocks.map((b) => paragraphText(b as Paragraph));

describe('文种 templates', () => {
  it('offers the eight 文种, each with fields to fill and its usual closing', () => {
    expect(DOCUMENT_TEMPLATES.map((t) => t.name)).toEqual(['通知', '请示', '报告', '函', '纪要', '讲话稿', '工作总结', '述职报告']);
    for (const t of DOCUMENT_TEMPLATES) {
      const doc = documentFromTemplate(t);
      expect(doc.blocks.some((b) => findPlaceholders(paragraphText(b as Paragraph)).length > 0), t.name).toBe(true);
    }
    expect(texts('notice')).toContain('特此通知。');
    expect(texts('request')).toContain('妥否，请批示。');
    expect(texts('letter')).toContain('特此函告。');
    expect(texts('report')).toContain('特此报告。');
  });

  it('gives each paragraph the part it is, which the anatomy keeps; the 函 and 纪要 take their formats', () => {
    const parts = (id: string) => analyzeAnatomy(documentFromTemplate(findTemplate(id)!).blocks);
    const notice = parts('notice');
    expect(notice.parts.slice(0, 4)).toEqual(['issuer-mark', 'doc-number', 'title', 'salutation']);
    expect(notice.parts.slice(-2)).toEqual(['cc', 'imprint']);
    expect(parts('request').parts).toContain('signer');
    expect(parts('letter').format).toBe('letter');
    expect(parts('minutes').format).toBe('minutes');
    expect(parts('minutes').parts.filter((p) => p === 'attendance')).toHaveLength(3);
    expect(parts('speech').parts.slice(0, 4)).toEqual(['title', 'byline', 'dateline', 'salutation']);
  });
});

describe('wengao new', () => {
  it('writes a template as .wgd, .docx or .txt, by id or Chinese name, and refuses to overwrite without --force', async () => {
    const dir = tmp();
    const wgd = path.join(dir, '通知.wgd');
    let r = await run(['new', '通知', '-o', wgd]);
    expect(r.code, r.err).toBe(0);
    const opened = await readDocumentFile(wgd);
    expect(opened.doc.blocks[0]).toMatchObject({ role: 'issuer-mark' });
    expect(opened.doc.blocks.map((b) => paragraphText(b as Paragraph))).toContain('特此通知。');
    const txt = path.join(dir, '请示.txt');
    r = await run(['new', 'request', '-o', txt, '--json']);
    expect(JSON.parse(r.out)).toMatchObject({ template: 'request', name: '请示' });
    expect(readFileSync(txt, 'utf8')).toContain('妥否，请批示。');
    r = await run(['new', 'request', '-o', txt]);
    expect(r.code).not.toBe(0);
    expect(r.err).toContain('文件已存在');
    r = await run(['new', 'request', '-o', txt, '--force']);
    expect(r.code, r.err).toBe(0);
    r = await run(['new', '公告', '-o', path.join(dir, 'x.wgd')]);
    expect(r.code).not.toBe(0);
    expect(r.err).toContain('没有“公告”模板');
    r = await run(['new', '--list', '--json']);
    expect(JSON.parse(r.out).map((t: { id: string }) => t.id)).toHaveLength(8);
  });
});

describe('wengao export --format', () => {
  it('sets a document with a 文件 标志 as a 信函 when asked, and rejects an unknown format', async () => {
    const dir = tmp();
    const src = path.join(dir, '函.txt');
    writeFileSync(src, '××市人民政府办公室文件\n×政办函〔2025〕5号\n关于商请支持防汛工作的函\n省水利厅：\n正文。\n');
    const plain = path.join(dir, 'a.docx');
    const letter = path.join(dir, 'b.docx');
    expect((await run(['export', src, '-o', plain])).code).toBe(0);
    const r = await run(['export', src, '-o', letter, '--format', 'letter', '--json']);
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out).documentFormat).toBe('letter');
    const docOf = (f: string) => readDocxParts(readFileSync(f)).document;
    expect(docOf(plain)).not.toContain('信函版头');
    expect(docOf(letter)).toContain('信函版头');
    expect(paragraphs(docOf(letter)).some((p) => p.text === '×政办函〔2025〕5号' && p.pPr.includes('<w:jc w:val="right"/>'))).toBe(true);
    const bad = await run(['export', src, '-o', letter, '--format', 'memo']);
    expect(bad.code).not.toBe(0);
  });
});
