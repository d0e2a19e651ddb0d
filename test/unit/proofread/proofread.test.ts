import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkParagraph } from '../../../shared/proofread';
import { proofreadFile } from '../../../electron/cli/commands/proofread';
import { evaluate } from '../../../bench/proofreadEval';
import type { ParagraphContext } from '../../../shared/proofread/checker';

const body: ParagraphContext = { part: 'body', genre: '' };
const rules = (text: string, ctx = body) => checkParagraph(text, ctx).map((f) => f.rule);
const fixOf = (text: string, rule: string, ctx = body) => checkParagraph(text, ctx).find((f) => f.rule === rule)?.suggestion;

describe('proofreading rules fire on real errors and stay silent on look-alikes', () => {
  it('提法', () => {
    expect(fixOf('坚持以习近平为核心的党中央的坚强领导', 'tifa-core')).toBe('以习近平同志为核心的党中央');
    expect(rules('坚持以习近平同志为核心的党中央的坚强领导')).toEqual([]);
    expect(fixOf('深入开展主体教育', 'tifa-phrase')).toBe('主题教育');
    expect(rules('发挥学生的主体作用')).toEqual([]);
    expect(fixOf('增强政治意识、大局意识、核心意识、服务意识', 'tifa-set')).toBe('看齐意识');
    expect(rules('增强政治意识、大局意识、核心意识、看齐意识')).toEqual([]);
    expect(fixOf('学习党的20大精神', 'tifa-congress')).toBe('党的二十大');
    expect(fixOf('二十届3中全会', 'tifa-congress')).toBe('二十届三中全会');
    expect(rules('党的二十大和二十届三中全会')).toEqual([]);
    expect(fixOf('推进“一带一路”战略', 'tifa-forbidden')).toBe('“一带一路”倡议');
  });
  it('错别字 and 成语', () => {
    expect(fixOf('我们要选拨优秀干部', 'typo')).toBe('选拔');
    expect(fixOf('增加农民收人', 'typo')).toBe('收入');
    expect(fixOf('帮助贫团群众', 'typo')).toBe('贫困');
    expect(fixOf('不愉懒不懈怠', 'typo')).toBe('偷懒');
    expect(fixOf('要再接再励', 'idiom')).toBe('再接再厉');
    expect(rules('我们要选拔优秀干部，增加农民收入，帮助贫困群众，再接再厉')).toEqual([]);
    // coinages in short quotes, agency abbreviations, a character that makes a frequent word as written
    expect(rules('开展排污许可“一证式”管理，形成“一淀、三带、九片、多廊”的格局')).toEqual([]);
    expect(rules('银保监会指导，证监会配合')).toEqual([]);
    expect(rules('将上一年度病案首页信息报送')).toEqual([]);
    // ...while a slip in a long quotation is still found
    expect(rules('他强调：“各级干部要选拨优秀人才，充实基层力量。”')).toContain('typo');
  });
  it('词语规范 with context', () => {
    expect(fixOf('其它工作', 'qita')).toBe('其他');
    expect(fixOf('截止2024年底', 'jiezhi')).toBe('截至');
    expect(fixOf('截止目前', 'jiezhi')).toBe('截至');
    expect(rules('报名截止日期为本月底')).toEqual([]);
    expect(rules('申报工作已经截止。')).toEqual([]);
  });
  it('重复, not reduplication', () => {
    expect(fixOf('发展的的成果', 'repeat-char')).toBe('的');
    expect(fixOf('加强加强管理', 'repeat-word')).toBe('加强');
    expect(rules('常常、人人、天天看看，研究研究，等等，不了了之')).toEqual([]);
  });
  it('标点', () => {
    expect(fixOf('我们要加强学习,提高能力', 'half-width')).toBe('，');
    expect(fixOf('加强学习，，提高能力', 'doubled')).toBe('，');
    expect(rules('他说：“要讲‘四个意识’。”')).toEqual([]);
    expect(rules('他说：“要讲“四个意识”。”')).toContain('nesting');
    expect(rules('他说：“要讲政治')).toContain('unbalanced');
    expect(fixOf('学习《党章》、《准则》', 'dun-between-quotes')).toBe('');
    expect(fixOf('等等...', 'ellipsis')).toBe('……');
    expect(rules('访问https://www.gov.cn/a,b.html或邮箱a.b@gov.cn，使用3.5版本')).toEqual([]);
    expect(fixOf('2021-2025年', 'dash-years')).toBe('2021—2025');
  });
  it('数字', () => {
    expect(fixOf('2024年03月05日召开', 'date-zero')).toBe('2024年3月5日');
    expect(rules('2024年3月5日召开')).toEqual([]);
    expect(rules('二〇二四年3月')).toContain('date-mixed');
    expect(fixOf('24年3月完成', 'two-digit-year')).toBe('2024年');
    expect(fixOf('增长15～30%', 'percent-range')).toBe('15%～30%');
    expect(fixOf('二零二四年', 'ling')).toBe('二〇二四');
    expect(fixOf('共３０人', 'full-width-digit')).toBe('30');
    expect(fixOf('七、八十岁', 'approx-dun')).toBe('七八');
    expect(rules('第一、二季度')).toEqual([]);
    expect(fixOf('3千人', 'arabic-with-unit')).toBe('3000');
    expect(fixOf('5月6号召开', 'hao-for-ri')).toBe('6日');
    expect(rules('版本3.5，增长3.5%，2011-02-15')).toEqual([]);
  });
  it('公文要素 and 文种 on the parts', () => {
    expect(fixOf('国办发[2019]第03号', 'doc-number', { part: 'doc-number', genre: '' })).toBe('国办发〔2019〕3号');
    expect(rules('国办发〔2019〕3号', { part: 'doc-number', genre: '' })).toEqual([]);
    expect(fixOf('各省、自治区、直辖市人民政府', 'salutation-colon', { part: 'salutation', genre: '' })).toBe('：');
    expect(fixOf('附件：1.排查表；', 'attachment-punct', { part: 'attachment-list', genre: '' })).toBe('');
    expect(fixOf('二〇二四年一月十六日', 'date-arabic', { part: 'date', genre: '' })).toBe('2024年1月16日');
    // dated before GB/T 9704-2012 took effect (2012-07-01): the 1999 rules wrote it in 汉字
    expect(rules('二〇〇四年一月十六日', { part: 'date', genre: '' })).toEqual([]);
    expect(rules('二〇一二年六月三十日', { part: 'date', genre: '' })).toEqual([]);
    expect(rules('二〇一二年七月一日', { part: 'date', genre: '' })).toContain('date-arabic');
    expect(fixOf('关于做好安全生产工作的通知。', 'title-punct', { part: 'title', genre: '通知' })).toBe('');
    expect(rules('以上报告，妥否，请批示。', { part: 'body', genre: '报告' })).toContain('report-asks');
    expect(rules('以上请示，妥否，请批示。', { part: 'body', genre: '请示' })).toEqual([]);
    expect(rules('关于对××问题的批复', { part: 'title', genre: '批复' })).toContain('title-guanyu-dui');
  });
  it('占位符', () => {
    expect(rules('由XX同志负责')).toContain('placeholder');
    expect(rules('二○一九年')).not.toContain('placeholder');
  });
});

describe('公文要素 of drafts whose slip hid the part from the anatomy', () => {
  it('finds the 。 after a title and the missing colon after a 主送 in a whole document', async () => {
    const { proofreadDocument } = await import('../../../shared/proofread');
    const { plainTextToDocument } = await import('../../../shared/text/plainText');
    const text = ['关于做好2026年防汛工作的通知。', '各乡镇人民政府，县直各单位', '入汛以来，我县降雨偏多，防汛形势严峻。', '特此通知。', '', '××县人民政府办公室'].join('\n');
    const found = proofreadDocument(plainTextToDocument(text).doc).filter((f) => f.category === 'gongwen');
    expect(found.map((f) => [f.block, f.rule, f.suggestion])).toEqual([
      [0, 'title-punct', ''],
      [1, 'salutation-colon', '：'],
    ]);
  });
});

describe('the seed reports', () => {
  const seeds = '../shared/corpus/seeds/';
  it.each([
    ['001_012a46138ac0ca6d.txt', '以习近平为核心的党中央', '以习近平同志为核心的党中央'],
    ['001_012a46138ac0ca6d.txt', '主体教育', '主题教育'],
    ['002_182f94ccda9023a4.txt', '愉懒', '偷懒'],
  ])('%s: finds “%s”', async (file, wrong, right) => {
    expect(readFileSync(seeds + file, 'utf8')).toContain(wrong);
    const found = await proofreadFile(seeds + file);
    const f = found.find((x) => x.text === wrong);
    expect(f?.suggestion).toBe(right);
    const line = readFileSync(seeds + file, 'utf8').split(/\r?\n/)[f!.line - 1]!;
    expect(line.slice(f!.start, f!.end)).toBe(wrong);
  });
});

describe('evaluation floors (errors injected into clean official texts)', () => {
  it('keeps recall and false alarms within the floors', () => {
    const r = evaluate(12, 11);
    expect(r.overall).toBeGreaterThanOrEqual(0.8);
    for (const [kind, { found, total }] of Object.entries(r.recall)) if (kind !== 'typo') expect(found / total, kind).toBeGreaterThanOrEqual(0.6);
    expect(r.recall.typo!.found / r.recall.typo!.total).toBeGreaterThanOrEqual(0.5);
    expect(r.falseAlarmsPer10k).toBeLessThanOrEqual(2);
  }, 120_000);
});

describe('the 提法 data file and the CLI', () => {
  it('a user file extends the built-in data; a bad one is reported, not fatal', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const { readUserTifa } = await import('../../../electron/services/proofreadData');
    const { BUILTIN_TIFA, mergeTifa, Proofreader } = await import('../../../shared/proofread');
    const dir = mkdtempSync(path.join(tmpdir(), 'tifa-'));
    expect(BUILTIN_TIFA.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await readUserTifa(path.join(dir, 'none.json'))).toEqual({ path: path.join(dir, 'none.json'), data: null, error: null });
    writeFileSync(path.join(dir, 'bad.json'), '{"format":"wengao-tifa"');
    expect((await readUserTifa(path.join(dir, 'bad.json'))).error).toBe('提法文件不是有效的 JSON');
    const file = path.join(dir, 'tifa.json');
    writeFileSync(file, JSON.stringify({ format: 'wengao-tifa', version: 1, date: '2027-03-15', phrases: ['新质生产力'], forbidden: [{ wrong: '老旧说法', right: '新说法', note: '按新规定' }] }));
    const user = await readUserTifa(file);
    expect(user.error).toBeNull();
    const pr = new Proofreader({ tifa: mergeTifa(BUILTIN_TIFA, user.data) });
    const found = pr.paragraph('发展新质生产立，改掉老旧说法。', { part: 'body', genre: '' });
    expect(found.map((f) => f.suggestion)).toEqual(['新质生产力', '新说法']);
    expect(new Proofreader().paragraph('改掉老旧说法。', { part: 'body', genre: '' })).toEqual([]);
    expect(mergeTifa(BUILTIN_TIFA, user.data).date).toBe('2027-03-15');
  });

  it('wengao proofread --json gives line, 0-based offsets in that line, and exit code 1 on 规定 findings', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const { runCli } = await import('../../../electron/cli/program');
    const dir = mkdtempSync(path.join(tmpdir(), 'pr-'));
    const file = path.join(dir, 'a.txt');
    writeFileSync(file, '关于做好工作的通知\n\n各单位：\n　　其它工作2024年03月05日完成,请抓紧。\n');
    let out = '';
    const code = await runCli(['proofread', file, '--json'], '0', { stdout: (s) => (out += s), stderr: () => {} });
    expect(code).toBe(1);
    const { findings } = JSON.parse(out) as { findings: Array<{ line: number; start: number; end: number; text: string; suggestion: string | null; category: string; authority: string; message: string }> };
    const line = '　　其它工作2024年03月05日完成,请抓紧。';
    for (const f of findings) {
      expect(f.line).toBe(4);
      expect(line.slice(f.start, f.end)).toBe(f.text);
    }
    expect(findings.map((f) => [f.text, f.suggestion, f.category, f.authority])).toEqual([
      ['其它', '其他', '词语规范', '建议'],
      ['2024年03月05日', '2024年3月5日', '数字', '规定'],
      [',', '，', '标点', '规定'],
    ]);
    writeFileSync(file, '其它工作。\n');
    expect(await runCli(['proofread', file], '0', { stdout: () => {}, stderr: () => {} })).toBe(0);
  });
});
