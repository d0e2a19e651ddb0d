import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/program';
import { fixturePath } from '../../support/fixtures';

const root = path.resolve(__dirname, '../../..');
const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'wengao-convert-'));

async function run(args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(args, '9.9.9', { stdout: (s) => (out += s), stderr: (s) => (err += s) });
  return { code, out, err };
}

describe('wengao convert', () => {
  it('converts GBK text to .wgd and back to the same bytes', async () => {
    const dir = tmp();
    const wgd = path.join(dir, '样例.wgd');
    const back = path.join(dir, '样例.txt');
    expect(await run(['convert', fixturePath('txt', 'txt_gbk_html_iconvlite.txt'), '-o', wgd])).toMatchObject({ code: 0, out: `${wgd}\n` });
    expect(JSON.parse(readFileSync(wgd, 'utf8')).format).toBe('wengao-document');
    const r = await run(['convert', wgd, '-o', back, '--to-encoding', 'gbk', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ from: 'wgd', to: 'txt', encoding: 'gb18030' });
    // The layout (CRLF, final newline) went through .wgd as the default layout, not the original's, so compare text.
    const iconv = (await import('iconv-lite')).default;
    expect(iconv.decode(readFileSync(back), 'gb18030').replace(/\r\n/g, '\n').trim()).toBe(iconv.decode(readFileSync(fixturePath('txt', 'txt_gbk_html_iconvlite.txt')), 'gb18030').replace(/\r\n/g, '\n').trim());
  });

  it('converts a .docx to .docx and through .wgd back to .docx the way the app saves: nothing changes', async () => {
    const dir = tmp();
    const src = fixturePath('docx', 'zh_wps_sections_hdrftr.docx');
    const direct = path.join(dir, '直接.docx');
    const wgd = path.join(dir, '中转.wgd');
    const back = path.join(dir, '经wgd.docx');
    expect((await run(['convert', src, '-o', direct])).code).toBe(0);
    expect((await run(['convert', src, '-o', wgd])).code).toBe(0);
    expect((await run(['convert', wgd, '-o', back])).code).toBe(0);
    expect(readFileSync(direct).equals(readFileSync(src))).toBe(true);
    expect(readFileSync(back).equals(readFileSync(src))).toBe(true);
  });

  it('converts a .docx to text with the numbering labels and says what was left out', async () => {
    const out = path.join(tmp(), '编制说明.txt');
    const r = await run(['convert', fixturePath('docx', 'zh_wps_autonum_hbbzsm_p1.docx'), '-o', out]);
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('一、任务来源及计划要求');
    expect(r.err).toContain('1 个页脚列在左侧“页眉页脚与批注”中');
  });

  it('forces the input encoding with --encoding', async () => {
    const out = path.join(tmp(), 'x.wgd');
    const r = await run(['convert', fixturePath('txt', 'txt_big5_trad.txt'), '-o', out, '--encoding', 'gb18030', '--json']);
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8')).not.toContain('政府資訊科技總監辦公室');
    expect((await run(['convert', fixturePath('txt', 'txt_big5_trad.txt'), '-o', out, '--encoding', 'latin9'])).err).toMatch(/--encoding 只能是/);
  });

  it('fails with one Chinese line for bad input', async () => {
    const dir = tmp();
    for (const args of [
      ['convert', path.join(dir, '没有.docx'), '-o', path.join(dir, 'a.txt')],
      ['convert', fixturePath('docx', 'bad_encrypted_ole.docx'), '-o', path.join(dir, 'a.txt')],
      ['convert', fixturePath('txt', 'txt_utf8_zh_long.txt'), '-o', path.join(dir, 'a.pdf')],
    ]) {
      const r = await run(args);
      expect(r.code).toBe(1);
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).toMatch(/^wengao: .*[\u4e00-\u9fff]/);
    }
  });

  it('works from the installed binary', () => {
    const dir = tmp();
    const input = path.join(dir, '通知.txt');
    copyFileSync(fixturePath('txt', 'txt_gb18030_unicode_article.txt'), input);
    const r = spawnSync(path.join(root, 'build/app/cli.cjs'), ['convert', input, '-o', path.join(dir, '通知.wgd')], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(readFileSync(path.join(dir, '通知.wgd'), 'utf8')).toContain('基本上，计算机只是处理数字。');
  });
});
