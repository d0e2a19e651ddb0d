/**
 * Whatever opens must save, back up and save as .wgd: the readers are run on files at and past
 * their own limits (wide indents, a million lines, big tables) and what they produce goes through
 * the same gates the app uses — the contract's validation of saveDocument and writeBackup, the
 * save itself, the backup store and a save as .wgd.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCall, type DocumentSource } from '../../../shared/api/contract';
import { documentSize, type WgDocument } from '../../../shared/model/document';
import { DocumentSchema, MAX_DOCUMENT_CHARS, MAX_INDENT_CHARS } from '../../../shared/model/schema';
import { BackupStore } from '../../../electron/services/backups';
import { readDocumentFile, saveDocumentFile } from '../../../electron/services/documentFiles';
import { wordWriter } from '../../../electron/services/wordWriter';
import { DEFAULT_EXPORT_SETTINGS } from '../../../shared/settings';
import { makeDocx } from '../../support/makeDocx';

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'wengao-limits-'));
const writeDocx = wordWriter(() => DEFAULT_EXPORT_SETTINGS);

/** Everything the app does with an opened document must accept it. */
async function expectSavable(file: string, opts: { saveInPlace: boolean; sameBytes?: boolean; readBackup?: boolean }): Promise<WgDocument> {
  const opened = await readDocumentFile(file);
  const { doc, source } = opened;
  const dir = path.dirname(file);
  const saveCheck = checkCall('saveDocument', [{ path: file, doc, source, accept: {} }]);
  expect(saveCheck.ok, saveCheck.ok ? '' : saveCheck.message).toBe(true);
  const backupCheck = checkCall('writeBackup', [{ id: 'doc-12345678', name: opened.name, source, doc }]);
  expect(backupCheck.ok, backupCheck.ok ? '' : backupCheck.message).toBe(true);

  const before = readFileSync(file);
  if (opts.saveInPlace) {
    const saved = await saveDocumentFile({ path: file, doc, source, accept: { loss: true } }, { writeDocx });
    expect(saved.status).toBe('saved');
    if (opts.sameBytes) expect(Buffer.compare(readFileSync(file), before), 'written back differently').toBe(0);
  }
  const wgd = path.join(dir, `${path.basename(file)}.wgd`);
  expect((await saveDocumentFile({ path: wgd, doc, source, accept: {} })).status).toBe('saved');
  // (Compared as JSON, keys in the schema's order: a deep toEqual of a million paragraphs takes minutes.)
  const expected = JSON.stringify(DocumentSchema.parse(doc));
  const same = (a: WgDocument) => JSON.stringify(a) === expected;
  expect(same((await readDocumentFile(wgd)).doc), 'the .wgd reads back differently').toBe(true);

  const backups = new BackupStore(path.join(dir, 'backups'));
  await backups.write({ id: 'doc-12345678', name: opened.name, source: source as DocumentSource, doc });
  if (opts.readBackup ?? true) expect(same((await backups.read('doc-12345678')).doc), 'the backup reads back differently').toBe(true);
  return doc;
}

describe('whatever the .txt reader accepts can be saved, backed up and saved as .wgd', () => {
  it('a line with 202 leading spaces, one with 51 tabs, one with 60 full-width spaces', async () => {
    const file = path.join(tmp(), '排版.txt');
    writeFileSync(file, `${' '.repeat(202)}签发人：张三\n${'\t'.repeat(51)}附件\n${'\u3000'.repeat(60)}某某局\n正文\n`);
    const doc = await expectSavable(file, { saveInPlace: true, sameBytes: true });
    expect(doc.blocks.slice(0, 3).map((b) => b.type === 'paragraph' && b.indent?.firstLineChars)).toEqual([101, 102, 60]);
  });

  it(`leading whitespace wider than the widest indent (${MAX_INDENT_CHARS} characters) stays text and is written back as it was`, async () => {
    const file = path.join(tmp(), '表单.txt');
    writeFileSync(file, `${' '.repeat(1000)}右边的字\r\n${'\t'.repeat(400)}制表\r\n`);
    const doc = await expectSavable(file, { saveInPlace: true, sameBytes: true });
    expect(doc.blocks[0]).toMatchObject({ runs: [{ text: `${' '.repeat(1000)}右边的字` }] });
    expect(doc.blocks[0]!.type === 'paragraph' && doc.blocks[0]!.indent).toBeFalsy();
  });

  it('a .txt of 1,000,001 lines', async () => {
    const file = path.join(tmp(), '长.txt');
    // Mostly empty lines (as in text pasted from a form): validating a million paragraphs is what costs.
    const lines = Array.from({ length: 1_000_001 }, (_, i) => (i % 100 === 1 || i === 1_000_000 ? '　　一、总体要求' : ''));
    writeFileSync(file, lines.join('\n'));
    const doc = await expectSavable(file, { saveInPlace: true, sameBytes: true, readBackup: false });
    expect(doc.blocks.length).toBe(1_000_001);
  }, 400_000);

  it('the reader and the schema share one size limit: the reader refuses one character more, in Chinese', async () => {
    const over = path.join(tmp(), '超.txt');
    writeFileSync(over, `${'字'.repeat(MAX_DOCUMENT_CHARS)}\n字`);
    await expect(readDocumentFile(over)).rejects.toMatchObject({ code: 'too-large', message: expect.stringMatching(/超过 5,000,000 字/) });
    const atLimit: WgDocument = { meta: {}, blocks: [{ type: 'paragraph', runs: [{ text: '字'.repeat(MAX_DOCUMENT_CHARS - 1) }] }, { type: 'paragraph', runs: [] }] };
    expect(documentSize(atLimit)).toBe(MAX_DOCUMENT_CHARS);
    expect(DocumentSchema.safeParse(atLimit).success).toBe(true);
  }, 120_000);
});

describe('whatever the .docx reader accepts can be saved, backed up and saved as .wgd', () => {
  const para = (text: string, pPr = '') => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}<w:r><w:t>${text}</w:t></w:r></w:p>`;

  it('indents above 100 characters, in characters and in twips at a small font', async () => {
    const file = path.join(tmp(), '缩进.docx');
    const body = [
      para('首行缩进一百五十字', '<w:ind w:firstLineChars="15000"/>'),
      para('左缩进很大', '<w:ind w:left="31680" w:right="-31680"/><w:rPr><w:sz w:val="10"/></w:rPr>'),
      para('悬挂', '<w:ind w:hangingChars="99999" w:leftChars="-99999"/>'),
      para('正文'),
    ].join('');
    writeFileSync(file, makeDocx({ body }));
    const doc = await expectSavable(file, { saveInPlace: true });
    const indents = doc.blocks.map((b) => (b.type === 'paragraph' ? b.indent : undefined));
    expect(indents[0]).toEqual({ firstLineChars: 150 });
    expect(indents[2]).toEqual({ firstLineChars: -MAX_INDENT_CHARS, leftChars: -MAX_INDENT_CHARS });
  });

  it('a table of 1,500 grid columns with a row of 1,200 cells', async () => {
    const file = path.join(tmp(), '大表.docx');
    const grid = `<w:tblGrid>${'<w:gridCol w:w="100"/>'.repeat(1500)}</w:tblGrid>`;
    const row = `<w:tr>${Array.from({ length: 1200 }, (_, i) => `<w:tc>${para(String(i))}</w:tc>`).join('')}</w:tr>`;
    writeFileSync(file, makeDocx({ body: `<w:tbl>${grid}${row}</w:tbl>${para('后')}` }));
    const doc = await expectSavable(file, { saveInPlace: true });
    const table = doc.blocks[0]!;
    expect(table.type === 'table' && table.rows[0]!.cells.length).toBe(1200);
  }, 60_000);
});

describe('a document the contract refuses gets a Chinese message, never a zod dump', () => {
  it('over the size limit, and a malformed request', () => {
    const huge: WgDocument = { meta: {}, blocks: [{ type: 'paragraph', runs: [{ text: '字'.repeat(MAX_DOCUMENT_CHARS) }] }, { type: 'paragraph', runs: [] }] };
    const big = checkCall('writeBackup', [{ id: 'doc-12345678', name: 'x', source: null, doc: huge }]);
    expect(big).toMatchObject({ ok: false, message: expect.stringMatching(/^文档的文字超过 5,000,000 字/) });
    const bad = checkCall('saveDocument', [{ path: '/a/b.txt', doc: { meta: {}, blocks: [{ type: 'paragraph', indent: { firstLineChars: 'x' }, runs: [] }] }, source: null, accept: {} }]);
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.message).toMatch(/^文稿内部出错/);
      expect(bad.message).not.toMatch(/expected|Invalid|invalid/);
    }
  });
});
