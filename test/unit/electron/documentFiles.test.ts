import { chmodSync, copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { DocumentSource, SaveAccept, SaveOutcome } from '../../../shared/api/contract';
import { documentText, paragraph, type WgDocument } from '../../../shared/model/document';
import { readDocumentFile, readTextFileSync, saveDocumentFile, type DocxWriter } from '../../../electron/services/documentFiles';
import { fixtureNames, fixturePath, writableCopy } from '../../support/fixtures';
import { mountSmallDisk } from '../../support/tmpfs';

const CLI = path.resolve(__dirname, '../../../build/app/cli.cjs');
const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'wengao-files-'));

const richDoc: WgDocument = {
  meta: { title: '关于开展检查的通知', author: '办公室' },
  blocks: [
    { type: 'paragraph', role: 'title', align: 'center', runs: [{ text: '关于开展检查的通知' }] },
    { type: 'paragraph', role: 'salutation', runs: [{ text: '各科室：' }] },
    { type: 'paragraph', role: 'heading1', align: 'justify', indent: { firstLineChars: 2 }, runs: [{ text: '一、总体要求' }] },
    {
      type: 'paragraph',
      align: 'justify',
      indent: { firstLineChars: 2, leftChars: 1.5, rightChars: 0.5 },
      runs: [{ text: '坚持' }, { text: '问题导向', bold: true }, { text: '，', italic: true, underline: true }, { text: '第一行\n第二行\t制表' }],
    },
    {
      type: 'table',
      columnWidths: [2000, 3000],
      rows: [
        { header: true, cells: [{ paragraphs: [{ type: 'paragraph', runs: [{ text: '项目' }] }] }, { paragraphs: [{ type: 'paragraph', runs: [{ text: '金额' }] }] }] },
        { cells: [{ colSpan: 2, rowSpan: 1, paragraphs: [{ type: 'paragraph', align: 'right', runs: [{ text: '合计' }] }] }] },
      ],
    },
    { type: 'paragraph', role: 'signature', align: 'right', indent: { rightChars: 4 }, runs: [{ text: '某某局办公室' }] },
    { type: 'paragraph', role: 'date', align: 'right', indent: { rightChars: 2 }, runs: [{ text: '2024年3月1日' }] },
  ],
};

async function saveUntil(file: string, doc: WgDocument, source: DocumentSource | null, accept: SaveAccept = {}, writeDocx?: DocxWriter): Promise<SaveOutcome> {
  return saveDocumentFile({ path: file, doc, source, accept }, { writeDocx });
}

describe('opening files', () => {
  it('reads every text fixture synchronously (the corpus indexer) exactly as it opens it, refusals included', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'binary.txt'), Buffer.from([0x41, 0, 0, 1, 2, 3, 0, 0x42]));
    mkdirSync(path.join(dir, 'folder.txt'));
    const files = [...fixtureNames('txt').map((n) => fixturePath('txt', n)), path.join(dir, 'binary.txt'), path.join(dir, 'folder.txt'), path.join(dir, 'missing.txt')];
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) {
      const async = await readDocumentFile(f).catch((e: Error) => e);
      let sync: unknown;
      try {
        sync = readTextFileSync(f);
      } catch (e) {
        sync = e;
      }
      if (async instanceof Error) expect(sync, f).toMatchObject({ message: async.message });
      else expect(sync, f).toEqual(async);
    }
  });

  it('opens every text fixture and saves it back byte for byte', async () => {
    const dir = tmp();
    for (const name of fixtureNames('txt')) {
      const copy = path.join(dir, name);
      writableCopy(fixturePath('txt', name), copy);
      const opened = await readDocumentFile(copy);
      expect(opened.format).toBe('txt');
      const outcome = await saveUntil(copy, opened.doc, opened.source);
      expect(outcome.status, name).toBe('saved');
      expect(Buffer.compare(readFileSync(copy), readFileSync(fixturePath('txt', name))), `${name} written back differently`).toBe(0);
    }
  });

  it('reads GBK text with 　　 indents as paragraphs with first-line indents, and writes the same bytes back', async () => {
    const dir = tmp();
    const file = path.join(dir, '通知.txt');
    const iconv = (await import('iconv-lite')).default;
    const original = iconv.encode('关于开展安全检查的通知\r\n\u3000\u3000一、总体要求\r\n\u3000\u3000坚持问题导向。\r\n', 'gbk');
    writeFileSync(file, original);
    const opened = await readDocumentFile(file);
    expect(opened.source.text).toMatchObject({ encoding: 'gb18030', bom: false, lineEnding: '\r\n', finalNewline: true });
    expect(opened.doc.blocks[1]).toEqual({ type: 'paragraph', indent: { firstLineChars: 2 }, runs: [{ text: '一、总体要求' }] });
    expect((await saveUntil(file, opened.doc, opened.source)).status).toBe('saved');
    expect(readFileSync(file).equals(original)).toBe(true);
  });

  it('reopens a text file with the encoding the user picks', async () => {
    const opened = await readDocumentFile(fixturePath('txt', 'txt_big5_trad.txt'), { encoding: 'gb18030' });
    expect(opened.source.text?.encoding).toBe('gb18030');
    expect(documentText(opened.doc)).not.toContain('政府資訊科技總監辦公室');
    expect((await readDocumentFile(fixturePath('txt', 'txt_big5_trad.txt'), { encoding: 'big5' })).doc).toEqual((await readDocumentFile(fixturePath('txt', 'txt_big5_trad.txt'))).doc);
  });

  it('tells the user when bytes do not fit the encoding', async () => {
    const opened = await readDocumentFile(fixturePath('txt', 'txt_gbk_html_iconvlite.txt'), { encoding: 'utf-8' });
    expect(opened.notices.join()).toMatch(/处内容不符合 UTF-8 编码.*重新以…编码打开/);
  });

  it('asks before saving over a text file whose undecodable bytes would become “�”', async () => {
    const dir = tmp();
    const file = path.join(dir, '残缺.txt');
    const iconv = (await import('iconv-lite')).default;
    // GBK text with a stray lead byte in the middle and half a character at the end.
    const original = Buffer.concat([iconv.encode('关于开展安全检查的通知\r\n坚持', 'gbk'), Buffer.from([0x81, 0x0d, 0x0a]), iconv.encode('问题导向。', 'gbk'), Buffer.from([0xb0])]);
    writeFileSync(file, original);
    const opened = await readDocumentFile(file);
    expect(opened.source.losses).toEqual([expect.stringMatching(/^2 处无法识别的字节/)]);
    expect(await saveUntil(file, opened.doc, opened.source)).toEqual({ status: 'loss', losses: opened.source.losses });
    expect(readFileSync(file).equals(original)).toBe(true);
    expect((await saveUntil(file, opened.doc, opened.source, { loss: true })).status).toBe('saved');
  });

  it('opens .docx fixtures with their notices, and a template as a new document', async () => {
    const doc = await readDocumentFile(fixturePath('docx', 'zh_wps_autonum_hbbzsm_p1.docx'));
    expect(doc.format).toBe('docx');
    expect(documentText(doc.doc)).toContain('一、任务来源及计划要求');
    expect(doc.source).toMatchObject({ path: fixturePath('docx', 'zh_wps_autonum_hbbzsm_p1.docx'), losses: ['1 个页脚'] });
    const template = await readDocumentFile(fixturePath('docx', 'zh_gongwen_template.dotx'));
    expect(template.source.path).toBeNull();
    expect(template.name).toBe('zh_gongwen_template');
    expect(template.notices[0]).toMatch(/Word 模板/);
  });

  it('round-trips .wgd: every model feature survives, and saving what was read gives identical bytes', async () => {
    const dir = tmp();
    const a = path.join(dir, 'a.wgd');
    expect((await saveUntil(a, richDoc, null)).status).toBe('saved');
    const opened = await readDocumentFile(a);
    expect(opened.doc).toEqual(richDoc);
    const b = path.join(dir, 'b.wgd');
    await saveUntil(b, opened.doc, null);
    expect(readFileSync(b).equals(readFileSync(a))).toBe(true);
    expect(JSON.parse(readFileSync(a, 'utf8'))).toMatchObject({ format: 'wengao-document', version: 3 });
  });

  it('reads a .wgd written by a newer version as far as it can, says so, and asks before saving over it', async () => {
    const file = path.join(tmp(), 'new.wgd');
    const blocks = [
      { type: 'paragraph', runs: [{ text: '新版本' }], futureField: 1 },
      { type: 'image', src: 'data:image/png;base64,AAAA' },
      { type: 'paragraph', role: 'subtitle', align: 'distributed', runs: [{ text: '不认识的样式', shadow: true }] },
    ];
    writeFileSync(file, JSON.stringify({ format: 'wengao-document', version: 9, document: { meta: { title: '标题', color: 'red' }, blocks } }));
    const original = readFileSync(file);
    const opened = await readDocumentFile(file);
    expect(opened.doc).toEqual({ meta: { title: '标题' }, blocks: [paragraph('新版本'), paragraph('不认识的样式')] });
    expect(opened.notices[0]).toMatch(/更新版本的文稿保存（格式版本 9）.*2 个段落或表格/);
    expect(await saveUntil(file, opened.doc, opened.source)).toEqual({ status: 'loss', losses: ['更新版本的文稿写入的内容（格式版本 9）'] });
    expect(readFileSync(file).equals(original)).toBe(true);
  });

  describe('bad input gets a clear Chinese message', () => {
    const dir = tmp();
    const write = (name: string, data: string | Uint8Array) => {
      const f = path.join(dir, name);
      writeFileSync(f, data);
      return f;
    };
    const cases: Array<[string, () => string, string, RegExp]> = [
      ['a missing file', () => path.join(dir, '不存在.docx'), 'not-found', /找不到文件/],
      ['a folder', () => (mkdirSync(path.join(dir, '文件夹.txt'), { recursive: true }), path.join(dir, '文件夹.txt')), 'is-directory', /是一个文件夹/],
      ['an unsupported type', () => write('表格.xlsx', 'x'), 'unsupported-type', /不支持打开/],
      ['a PNG renamed .txt', () => write('图片.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])), 'not-text', /不是文本文件.*图片/],
      ['a binary renamed .txt', () => write('程序.txt', new Uint8Array([1, 2, 3, 0, 0, 0, 4, 5])), 'not-text', /二进制/],
      ['a .docx renamed .txt', () => (copyFileSync(fixturePath('docx', 'strict_ooxml.docx'), path.join(dir, '改名.txt')), path.join(dir, '改名.txt')), 'not-text', /扩展名改回 \.docx/],
      ['an encrypted .docx', () => fixturePath('docx', 'bad_encrypted_ole.docx'), 'encrypted', /设有打开密码/],
      ['a Word 97 .doc', () => fixturePath('docx', 'zh_std_eval_p7_only.doc'), 'legacy-doc', /另存为/],
      ['a truncated .docx', () => fixturePath('docx', 'bad_truncated_zip.docx'), 'corrupt', /损坏/],
      ['a corrupt .wgd', () => write('坏.wgd', '{"format":"wengao-document","version":1,"document":{"blocks":[{"type":"x"'), 'corrupt', /不是有效的文稿文档/],
      ['a .wgd with a wrong structure', () => write('结构.wgd', '{"document":{"meta":{},"blocks":[{"type":"paragraph"}]}}'), 'corrupt', /文档结构有误/],
    ];
    for (const [what, make, code, message] of cases) {
      it(what, async () => {
        await expect(readDocumentFile(make())).rejects.toMatchObject({ code, message: expect.stringMatching(message) });
      });
    }

    it('a file over the size cap, refused before it is read', async () => {
      const f = write('巨大.txt', '');
      truncateSync(f, 21 * 1024 * 1024);
      await expect(readDocumentFile(f)).rejects.toMatchObject({ code: 'too-large', message: expect.stringMatching(/太大（21 MB）/) });
    });

    it('a file without read permission', async () => {
      const f = write('无权限.txt', '内容');
      chmodSync(f, 0);
      if (process.getuid?.() !== 0) {
        await expect(readDocumentFile(f)).rejects.toMatchObject({ code: 'permission', message: '没有权限读取“无权限.txt”。' });
        return;
      }
      // Root reads any file: ask as an ordinary user (nobody) through the CLI, which opens files
      // with the same reader (in its document worker). The bundles are self-contained (the CLI reads
      // only package.json for its version), so world-readable copies run wherever the repository is:
      // the CLI (cli.cjs and its modules in cli/), the document worker and the libraries in vendor/.
      const dir = path.dirname(f);
      chmodSync(dir, 0o755);
      mkdirSync(path.join(dir, 'build', 'app'), { recursive: true });
      const app = path.dirname(CLI);
      for (const part of ['cli.cjs', 'cli', 'documentWorker.cjs', 'vendor']) cpSync(path.join(app, part), path.join(dir, 'build', 'app', part), { recursive: true, filter: (src) => !src.endsWith('.map') });
      copyFileSync(path.join(CLI, '..', '..', '..', 'package.json'), path.join(dir, 'package.json'));
      const r = spawnSync(process.execPath, [path.join(dir, 'build', 'app', 'cli.cjs'), 'outline', f], { uid: 65534, gid: 65534, cwd: dir, encoding: 'utf8' });
      expect(r.stderr.trim()).toBe('wengao: 没有权限读取“无权限.txt”。');
      expect(r.status).toBe(1);
    });
  });
});

describe('saving files', () => {
  it('asks before overwriting a file another program changed since it was opened', async () => {
    const dir = tmp();
    const file = path.join(dir, '报告.txt');
    writeFileSync(file, '第一版\n');
    const opened = await readDocumentFile(file);
    writeFileSync(file, '别的程序改过了\n');
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    expect(await saveUntil(file, opened.doc, opened.source)).toEqual({ status: 'changed' });
    expect(readFileSync(file, 'utf8')).toBe('别的程序改过了\n');
    const saved = await saveUntil(file, opened.doc, opened.source, { overwriteChanged: true });
    expect(saved.status).toBe('saved');
    expect(readFileSync(file, 'utf8')).toBe('第一版\n');
    // The new stamp is the baseline for the next save: no question this time.
    expect((await saveUntil(file, opened.doc, saved.status === 'saved' ? saved.source : null)).status).toBe('saved');
  });

  it('asks before replacing another existing file (Save As)', async () => {
    const dir = tmp();
    const other = path.join(dir, '别的.wgd');
    writeFileSync(other, 'x');
    expect(await saveUntil(other, richDoc, null)).toEqual({ status: 'exists' });
    expect(readFileSync(other, 'utf8')).toBe('x');
    expect((await saveUntil(other, richDoc, null, { replaceExisting: true })).status).toBe('saved');
  });

  it('says what plain text would lose before saving formatting into a .txt', async () => {
    const file = path.join(tmp(), '通知.txt');
    const outcome = await saveUntil(file, richDoc, null);
    expect(outcome).toMatchObject({ status: 'loss', losses: expect.arrayContaining(['加粗、倾斜、下划线等文字格式', '表格（将存为以制表符分隔的文字）']) });
    const saved = await saveUntil(file, richDoc, null, { loss: true });
    expect(saved).toMatchObject({ status: 'saved', source: { format: 'txt', text: { encoding: 'utf-8' } } });
    expect(readFileSync(file, 'utf8')).toContain('关于开展检查的通知');
  });

  it('saves a .docx read from a .docx back from its package without asking; other documents through the injected Word writer', async () => {
    const dir = tmp();
    const file = path.join(dir, '报告.docx');
    writableCopy(fixturePath('docx', 'zh_wps_small_table.docx'), file);
    const original = readFileSync(file);
    const opened = await readDocumentFile(file);
    const written: WgDocument[] = [];
    const writer: DocxWriter = async (doc) => (written.push(doc), new Uint8Array(Buffer.from('WORD BYTES')));
    // The picture the editor does not show is kept: nothing to ask.
    const saved = await saveUntil(file, opened.doc, opened.source, {}, writer);
    expect(saved).toMatchObject({ status: 'saved', source: { format: 'docx', losses: [], package: opened.source.package } });
    expect(written).toEqual([]);
    expect(readFileSync(file).equals(original)).toBe(true);
    const other = path.join(dir, '新建.docx');
    expect(await saveUntil(other, richDoc, null, {}, writer)).toMatchObject({ status: 'saved' });
    expect(written).toEqual([richDoc]);
    expect(readFileSync(other, 'utf8')).toBe('WORD BYTES');
  });

  it('refuses .docx with a message while no Word writer is plugged in', async () => {
    await expect(saveUntil(path.join(tmp(), 'a.docx'), richDoc, null)).rejects.toMatchObject({ code: 'docx-unavailable', message: expect.stringContaining('另存为文稿文档') });
  });

  it('warns when Word has the .docx open (~$ owner file)', async () => {
    const dir = tmp();
    const file = path.join(dir, '年度工作总结.docx');
    writeFileSync(path.join(dir, '~$度工作总结.docx'), 'owner');
    const writer: DocxWriter = () => new Uint8Array([1]);
    expect(await saveUntil(file, richDoc, null, {}, writer)).toMatchObject({ status: 'open-elsewhere' });
    expect((await saveUntil(file, richDoc, null, { openElsewhere: true }, writer)).status).toBe('saved');
  });

  it('asks before writing characters a Big5 file cannot hold, then saves as UTF-8', async () => {
    const dir = tmp();
    const file = path.join(dir, 'big5.txt');
    writableCopy(fixturePath('txt', 'txt_big5_trad.txt'), file);
    const opened = await readDocumentFile(file);
    const doc: WgDocument = { ...opened.doc, blocks: [...opened.doc.blocks, { type: 'paragraph', runs: [{ text: '简体字：发展' }] }] };
    const outcome = await saveUntil(file, doc, opened.source);
    expect(outcome).toMatchObject({ status: 'unencodable', encoding: 'big5' });
    expect(outcome.status === 'unencodable' && outcome.characters).toContain('简');
    const saved = await saveUntil(file, doc, opened.source, { encodingFallback: true });
    expect(saved).toMatchObject({ status: 'saved', source: { text: { encoding: 'utf-8', bom: true } } });
    expect(readFileSync(file, 'utf8')).toContain('简体字：发展');
  });

  it('removes temp files that interrupted saves left beside the document, but not one still being written', async () => {
    const dir = tmp();
    const file = path.join(dir, '报告.wgd');
    const stale = path.join(dir, '.报告.wgd.0123456789ab.wgtmp');
    const fresh = path.join(dir, '.报告.wgd.ba9876543210.wgtmp');
    writeFileSync(stale, 'torn');
    writeFileSync(fresh, 'writing');
    utimesSync(stale, new Date(Date.now() - 3_600_000), new Date(Date.now() - 3_600_000));
    await saveUntil(file, richDoc, null);
    expect(readdirSync(dir).sort()).toEqual(['.报告.wgd.ba9876543210.wgtmp', '报告.wgd']);
  });

  it('saves a macro document or a renamed Word file as a new file, never in place', async () => {
    const dir = tmp();
    const docm = path.join(dir, '宏.docm');
    copyFileSync(fixturePath('docx', 'strict_ooxml.docx'), docm);
    const opened = await readDocumentFile(docm);
    expect(opened.source).toMatchObject({ path: null, format: 'docx', stamp: null });
    expect(opened.notices.join()).toMatch(/宏不会被保留/);
  });

  it('refuses an unknown extension', async () => {
    await expect(saveUntil(path.join(tmp(), '报告.pdf'), richDoc, null)).rejects.toMatchObject({ code: 'unsupported-type' });
  });

  const disk = mountSmallDisk(256);
  afterAll(() => typeof disk !== 'string' && disk.dispose());

  it.skipIf(typeof disk === 'string')('leaves the old file intact on a full disk and says so', async () => {
    if (typeof disk === 'string') return;
    const file = path.join(disk.dir, '报告.wgd');
    await saveUntil(file, richDoc, null);
    const before = readFileSync(file);
    const opened = await readDocumentFile(file);
    const huge: WgDocument = { meta: {}, blocks: [{ type: 'paragraph', runs: [{ text: '字'.repeat(400_000) }] }] };
    await expect(saveUntil(file, huge, opened.source)).rejects.toMatchObject({ code: 'disk-full', message: expect.stringContaining('原文件保持不变') });
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(readdirSync(disk.dir)).toEqual(['报告.wgd']);
  });

  it.skipIf(typeof disk === 'string')('leaves the old file intact in a read-only folder and says so', async () => {
    if (typeof disk === 'string') return;
    const file = path.join(disk.dir, '报告.wgd');
    const opened = await readDocumentFile(file);
    const before = readFileSync(file);
    disk.readOnly();
    await expect(saveUntil(file, richDoc, opened.source, { overwriteChanged: true })).rejects.toMatchObject({ code: 'read-only', message: expect.stringContaining('另存到其他位置') });
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});
