/**
 * `wengao export` and the export service: formats by extension, encodings and line endings,
 * the settings the app's export uses, and bad input (unknown extension, missing renderer, full
 * or read-only disk) answered with one clear Chinese line and nothing half-written.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { idleSuggestions } from '../../support/idleSuggestions';
import { runCli } from '../../../electron/cli/program';
import { createServiceHandlers } from '../../../electron/services/handlers';
import { SettingsStore } from '../../../electron/services/settingsStore';
import { DEFAULT_EXPORT_SETTINGS } from '../../../shared/settings';
import { paragraph } from '../../../shared/model/document';
import { mountSmallDisk } from '../../support/tmpfs';
import { paragraphs, readDocxParts } from '../../support/docxXml';

const SEED = path.resolve(__dirname, '../../../../shared/corpus/seeds/002_182f94ccda9023a4.txt');
const NOTICE = path.resolve(__dirname, '../../../../shared/corpus/gov/gov-013.txt');

async function run(args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(args, '9.9.9', { stdout: (s) => (out += s), stderr: (s) => (err += s) });
  return { code, out, err };
}

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'wengao-export-'));
const env = { ...process.env };
afterEach(() => {
  process.env = { ...env };
});

describe('wengao export', () => {
  it('exports a 公文 .docx and a 通用 .docx, chosen by --template, and reports as JSON', async () => {
    const dir = tmp();
    const out = path.join(dir, '报告.docx');
    const r = await run(['export', NOTICE, '-o', out, '--json', '--author', '办公室', '--normalize-dates']);
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ output: out, format: 'docx', template: 'gbt9704', bytes: readFileSync(out).length });
    const parts = readDocxParts(readFileSync(out));
    // The notice's two title lines stay two lines, both in the Title style.
    expect(paragraphs(parts.document).filter((p) => p.style === 'Title').map((p) => p.text)).toEqual(['国务院办公厅关于2019年', '部分节假日安排的通知']);
    expect(parts.core).toContain('<dc:creator>办公室</dc:creator>');
    const plain = path.join(dir, 'plain.docx');
    expect((await run(['export', NOTICE, '-o', plain, '-t', 'plain'])).code).toBe(0);
    expect(readDocxParts(readFileSync(plain)).document).not.toContain('w:evenAndOddHeaders');
    expect(readDocxParts(readFileSync(plain)).styles).toContain('w:eastAsia="宋体"');
  });

  it('replaces fonts with --font', async () => {
    const out = path.join(tmp(), 'f.docx');
    expect((await run(['export', SEED, '-o', out, '--font', 'body=仿宋', '--font', 'heading2=楷体'])).code).toBe(0);
    const styles = readDocxParts(readFileSync(out)).styles;
    expect(styles).toContain('w:eastAsia="仿宋"');
    expect(styles).toContain('w:eastAsia="楷体"');
    const bad = await run(['export', SEED, '-o', out, '--font', 'body="x"']);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/^wengao: 无效的字体名称/);
  });

  it('exports plain text in UTF-8 or GB18030, with CRLF by default or LF', async () => {
    const dir = tmp();
    const utf8 = path.join(dir, 'a.txt');
    expect((await run(['export', SEED, '-o', utf8])).code).toBe(0);
    const text = readFileSync(utf8, 'utf8');
    expect(text).toContain('（一）把稳思想之舵');
    expect(text.split('\r\n').length).toBeGreaterThan(10);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    const gb = path.join(dir, 'b.txt');
    expect((await run(['export', SEED, '-o', gb, '--encoding', 'gb18030', '--lf'])).code).toBe(0);
    const bytes = readFileSync(gb);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const decoded = new TextDecoder('gb18030').decode(bytes);
    expect(decoded).toBe(text.replace(/\r\n/g, '\n'));
  });

  it('answers bad input with one Chinese line and writes nothing', async () => {
    const dir = tmp();
    const ext = await run(['export', SEED, '-o', path.join(dir, 'a.rtf')]);
    expect(ext.code).toBe(1);
    expect(ext.err).toMatch(/^wengao: 无法从扩展名判断导出格式/);
    const missing = await run(['export', path.join(dir, 'nope.txt'), '-o', path.join(dir, 'a.docx')]);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/^wengao: 找不到文件/);
    expect(existsSync(path.join(dir, 'a.docx'))).toBe(false);

    process.env.WENGAO_CHROMIUM = path.join(dir, 'no-browser');
    process.env.WENGAO_SOFFICE = path.join(dir, 'no-soffice');
    const pdf = await run(['export', SEED, '-o', path.join(dir, 'a.pdf')]);
    expect(pdf.code).toBe(1);
    expect(pdf.err.trim().split('\n')).toHaveLength(1);
    expect(pdf.err).toContain('Microsoft Edge、Chrome/Chromium 或 LibreOffice');
    expect(existsSync(path.join(dir, 'a.pdf'))).toBe(false);
  });

  it('leaves an existing file untouched when the disk is full or read-only', async () => {
    const disk = mountSmallDisk(64);
    if (typeof disk === 'string') {
      console.warn(`[skipped] disk-full export: ${disk}`);
      return;
    }
    try {
      const target = path.join(disk.dir, '报告.txt');
      writeFileSync(target, '旧内容');
      writeFileSync(path.join(disk.dir, 'filler'), Buffer.alloc(60 * 1024));
      const full = await run(['export', SEED, '-o', target]);
      expect(full.code).toBe(1);
      expect(full.err).toContain('磁盘空间不足');
      expect(readFileSync(target, 'utf8')).toBe('旧内容');
      disk.readOnly();
      const ro = await run(['export', SEED, '-o', path.join(disk.dir, 'new.docx')]);
      expect(ro.code).toBe(1);
      expect(ro.err).toContain('只读');
      expect(readFileSync(target, 'utf8')).toBe('旧内容');
    } finally {
      disk.dispose();
    }
  });
});

describe('exportDocument service (the app\'s export)', () => {
  it('uses the export settings: fonts, author, template; refuses a path whose extension does not fit', async () => {
    const dir = tmp();
    const store = await SettingsStore.open(path.join(dir, 'user'));
    await store.updateSettings({ export: { ...DEFAULT_EXPORT_SETTINGS, fonts: { ...DEFAULT_EXPORT_SETTINGS.fonts, body: '仿宋' }, author: '综合科', template: 'gbt9704' } });
    const h = createServiceHandlers({ store, suggestions: idleSuggestions() });
    const doc = { meta: {}, blocks: [paragraph('关于做好年度工作的通知'), paragraph('一、总体要求'), paragraph('正文内容。')] };
    const out = path.join(dir, '通知.docx');
    expect(await h.exportDocument(doc, { path: out, format: 'docx' })).toEqual({ path: out, bytes: readFileSync(out).length });
    const parts = readDocxParts(readFileSync(out));
    expect(parts.core).toContain('<dc:creator>综合科</dc:creator>');
    expect(paragraphs(parts.document).find((p) => p.text === '正文内容。')!.runs[0]!.xml).toContain('w:eastAsia="仿宋"');
    await expect(h.exportDocument(doc, { path: path.join(dir, '通知.txt'), format: 'docx' })).rejects.toMatchObject({ code: 'bad-extension' });
    await expect(h.exportDocument(doc, { path: '通知.docx', format: 'docx' })).rejects.toMatchObject({ code: 'bad-path' });
  });
});
