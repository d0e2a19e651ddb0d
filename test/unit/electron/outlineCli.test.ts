import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/program';

const root = path.resolve(__dirname, '../../..');
const CORPUS = path.resolve(root, '../shared/corpus');

async function run(args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(args, '9.9.9', { stdout: (s) => (out += s), stderr: (s) => (err += s) });
  return { code, out, err };
}

function tmpFile(name: string, content: string | Uint8Array): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'wengao-cli-'));
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
}

describe('wengao outline', () => {
  it('prints one line per heading: source line, level, number and title', async () => {
    const r = await run(['outline', path.join(CORPUS, 'seeds/004_9342abefdd77c34e.txt')]);
    expect(r.code).toBe(0);
    expect(r.out.trimEnd().split('\n')).toEqual([
      '1\t0\t党组书记抓党建工作报告',
      '5\t1\t一、上年度整改情况',
      '8\t1\t二、主要工作情况',
      '9\t2\t　（一）学习入脑入心入行，成果深化内化转化',
      '10\t2\t　（二）服务用心用情用力，方法出新创新革新',
      '11\t2\t　（三）活动常办常新常态，资源互通互鉴互融',
      '12\t2\t　（四）支部建大建优建强，管理越专越精越好',
      '13\t2\t　（五）治党从细从严从实，党风更清更廉更正',
      '14\t1\t三、存在不足',
      '16\t1\t四、下一步措施',
    ]);
  });

  it('gives JSON with section counts and suggestions', async () => {
    const r = await run(['outline', '--json', path.join(CORPUS, 'gov/gov-013.txt')]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { headings: Array<Record<string, unknown>>; suggestions: unknown[] };
    expect(json.headings[0]).toMatchObject({ line: 1, level: 0, number: '', title: '国务院办公厅关于2019年部分节假日安排的通知', inferred: true });
    expect(json.headings[1]).toMatchObject({ line: 6, level: 1, number: '一、', title: '元旦', runIn: true, inferred: true });
    expect(json.headings[4]).toMatchObject({ line: 9, number: '四、', title: '劳动节', words: 13 }); // "四、劳动节：5月1日放假。"
    expect(json.suggestions).toEqual([]);
    const seed = JSON.parse((await run(['outline', '--json', path.join(CORPUS, 'seeds/003_cc503eda10b51707.txt')])).out);
    expect(seed.suggestions).toHaveLength(3);
  });

  it('lists the document’s parts after the outline, and every paragraph’s part in JSON', async () => {
    const file = tmpFile('通知.txt', [
      '000123', '机密★1年', '特急', '××市人民政府文件', '×政发〔2026〕5号',
      '关于做好春节期间安全生产工作的通知', '各区县人民政府：', '春节将至，现将有关事项通知如下。', '一、加强组织领导',
      '附件：检查表', '××市人民政府', '2026年1月20日', '附件', '检查表', '抄送：市委办公室。', '××市人民政府办公室　2026年1月20日印发',
    ].join('\n'));
    const r = await run(['outline', file]);
    expect(r.code).toBe(0);
    expect(r.out.trimEnd().split('\n')).toEqual([
      '6\t0\t关于做好春节期间安全生产工作的通知',
      '9\t1\t一、加强组织领导',
      '14\t0\t检查表',
      '',
      '1\t份号\t000123',
      '2\t密级和保密期限\t机密★1年',
      '3\t紧急程度\t特急',
      '4\t发文机关标志\t××市人民政府文件',
      '5\t发文字号\t×政发〔2026〕5号',
      '7\t主送机关\t各区县人民政府：',
      '10\t附件说明\t附件：检查表',
      '11\t署名\t××市人民政府',
      '12\t成文日期\t2026年1月20日',
      '13\t附件标识\t附件',
      '15\t抄送机关\t抄送：市委办公室。',
      '16\t印发机关和印发日期\t××市人民政府办公室　2026年1月20日印发',
    ]);
    const json = JSON.parse((await run(['outline', '--json', file])).out) as { format: string; parts: Array<{ line: number; part: string; text: string }> };
    expect(json.format).toBe('document');
    expect(json.parts).toHaveLength(16);
    expect(json.parts[3]).toMatchObject({ line: 4, part: 'issuer-mark', text: '××市人民政府文件', inferred: true });
    expect(json.parts.map((p) => p.part).slice(5, 9)).toEqual(['title', 'salutation', 'body', 'heading1']);
    const letter = await run(['outline', tmpFile('函.txt', '××省教育厅函\n关于商请支持的函\n××大学：\n商请支持。')]);
    expect(letter.out).toContain('格式：信函格式\n1\t发文机关标志\t××省教育厅函');
  });

  it('reads GB18030 text and .wgd documents, with styled headings', async () => {
    const gbk = tmpFile('报告.txt', new Uint8Array([0xd2, 0xbb, 0xa1, 0xa2, 0xd7, 0xdc, 0xcc, 0xe5, 0xd2, 0xaa, 0xc7, 0xf3])); // 一、总体要求
    expect((await run(['outline', gbk])).out).toBe('1\t1\t一、总体要求\n');
    const wgd = tmpFile('a.wgd', JSON.stringify({ document: { meta: {}, blocks: [
      { type: 'paragraph', role: 'title', runs: [{ text: '关于做好工作的报告' }] },
      { type: 'paragraph', role: 'heading1', runs: [{ text: '加强组织领导' }] },
      { type: 'table', rows: [] },
      { type: 'paragraph', runs: [{ text: '（一）明确责任' }] },
    ] } }));
    expect((await run(['outline', wgd])).out).toBe('1\t0\t关于做好工作的报告\n2\t1\t加强组织领导\n4\t2\t　（一）明确责任\n');
  });

  it('says so when a document has no headings', async () => {
    expect((await run(['outline', tmpFile('a.txt', '只有一段正文。')])).out).toBe('（未找到标题）\n');
  });

  it('fails with one line for a missing or unsupported file', async () => {
    const missing = await run(['outline', '/no/such/文件.txt']);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/^wengao: 找不到文件“\/no\/such\/文件\.txt”。[^\n]*\n$/);
    const pdf = await run(['check', tmpFile('a.pdf', 'x')]);
    expect(pdf.code).toBe(1);
    expect(pdf.err.trim().split('\n')).toHaveLength(1);
    expect(pdf.err).toContain('不支持');
  });
});

describe('wengao check', () => {
  it('lists numbering problems as FILE:LINE and exits 1 on errors', async () => {
    const file = tmpFile('报告.txt', ['关于做好年度工作的报告', '一、总体要求', '(一)指导思想', '（二）、基本原则', '1、坚持公益性', '三、保障措施'].join('\n'));
    const r = await run(['check', file]);
    expect(r.code).toBe(1);
    expect(r.out.trimEnd().split('\n')).toEqual([
      `${file}:3: 错误：“(一)”用了半角括号，应为“（一）”（可改为“（一）”）`,
      `${file}:4: 错误：“（二）”后不应再加标点（可删除多余标点）`,
      `${file}:5: 错误：“1、”应为“1.”（可改为“1.”）`,
      `${file}:6: 错误：编号跳过了“二、”（可重新编号）`,
    ]);
    expect(r.err).toBe('wengao: 发现 4 处编号错误。\n');
  });

  it('exits 0 with only hints, and prints JSON', async () => {
    const r = await run(['check', '--json', path.join(CORPUS, 'gov/gov-014.txt')]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as Array<Record<string, unknown>>;
    expect(json).toHaveLength(4);
    expect(json[0]).toEqual({ line: 13, kind: 'run-in-level1', severity: 'warning', message: '一级标题“一、牢固树立“安全第一”思想”后接正文：一级标题应单独成段，不加句号', fix: '拆分为标题和正文' });
    const clean = await run(['check', path.join(CORPUS, 'seeds/004_9342abefdd77c34e.txt')]);
    expect(clean).toMatchObject({ code: 0, out: '未发现编号问题。\n', err: '' });
  });

  it('runs from the built binary', () => {
    const bin = path.join(root, 'build/app/cli.cjs');
    const r = spawnSync(bin, ['outline', path.join(CORPUS, 'gov/gov-013.txt')], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[1]).toBe('6\t1\t一、元旦');
  });
});
