import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ParagraphRole } from '../../../../shared/model/document';
import { describeParagraph } from '../../../../shared/outline/blocks';
import { checkOutline, type Problem } from '../../../../shared/outline/check';
import { buildOutline } from '../../../../shared/outline/outline';

const CORPUS = path.resolve(__dirname, '../../../../../shared/corpus');

function check(lines: Array<string | [string, ParagraphRole]>): Problem[] {
  return checkOutline(buildOutline(lines.map((l) => (typeof l === 'string' ? describeParagraph(l, null) : describeParagraph(l[0], l[1])))));
}

const brief = (ps: Problem[]) => ps.map((p) => [p.block + 1, p.kind, p.message]);

/** Applies an 'edits' fix to the lines. */
function fixed(lines: string[], p: Problem): string[] {
  if (p.fix?.kind !== 'edits') throw new Error(`not an edits fix: ${p.fix?.kind}`);
  const out = [...lines];
  for (const e of [...p.fix.edits].sort((a, b) => b.start - a.start)) out[e.block] = out[e.block]!.slice(0, e.start) + e.text + out[e.block]!.slice(e.end);
  return out;
}

describe('numbering checker', () => {
  it('finds skipped, repeated and disordered numbers, and fixes them by renumbering', () => {
    const skipped = ['一、总体要求', '二、工作任务', '四、保障措施'];
    const ps = check(skipped);
    expect(brief(ps)).toEqual([[3, 'skipped', '编号跳过了“三、”']]);
    expect(ps[0]!.fixLabel).toBe('重新编号');
    expect(fixed(skipped, ps[0]!)).toEqual(['一、总体要求', '二、工作任务', '三、保障措施']);

    const repeated = ['一、总体要求', '（一）指导思想', '（一）基本原则', '（二）工作目标'];
    const rp = check(repeated);
    expect(brief(rp)).toEqual([[3, 'repeated', '编号重复：“（一）”出现了不止一次']]);
    expect(fixed(repeated, rp[0]!)).toEqual(['一、总体要求', '（一）指导思想', '（二）基本原则', '（三）工作目标']);

    // A short document may be numbered 1. 2. 3. from the top: no level jump there.
    expect(brief(check(['1.甲', '3.乙', '2.丙']))).toEqual([
      [2, 'skipped', '编号跳过了“2.”'],
      [3, 'order', '编号顺序颠倒：“2.”排在“3.”之后'],
    ]);
    expect(brief(check(['二、甲', '三、乙']))).toEqual([[1, 'start', '编号应从“一、”开始，这里是“二、”']]);
    expect(brief(check(['一、甲', '五、乙']))).toEqual([[2, 'skipped', '编号跳过了“二、”至“四、”']]);
  });

  it('flags "1、", half-width brackets, punctuation after "（一）" and "一."', () => {
    const lines = ['一、总体要求', '(一)指导思想', '（二）、基本原则', '1、坚持公益性', '2.坚持属地化', '二.工作任务'];
    const ps = check(lines);
    expect(brief(ps)).toEqual([
      [2, 'half-width-brackets', '“(一)”用了半角括号，应为“（一）”'],
      [3, 'punct-after-number', '“（二）”后不应再加标点'],
      [4, 'arabic-dun', '“1、”应为“1.”'],
      [6, 'cn-separator', '“二.”应为“二、”'],
    ]);
    let text = lines;
    for (const p of [...ps].reverse()) text = fixed(text, p);
    expect(text).toEqual(['一、总体要求', '（一）指导思想', '（二）基本原则', '1.坚持公益性', '2.坚持属地化', '二、工作任务']);
    expect(check(text)).toEqual([]);
  });

  it('flags a level jump once per group, with a fix that promotes the group', () => {
    const ps = check(['一、总体要求', '（1）指导思想', '（2）基本原则', '二、工作任务', '（一）摸底排查']);
    expect(brief(ps)).toEqual([[2, 'level-jump', '层级跳跃：“一、”下直接用了四级标题“（1）”，缺少二级标题“（一）”']]);
    expect(ps[0]!.fix).toEqual({ kind: 'shift', entries: [1, 2], delta: -2 });
    expect(ps[0]!.severity).toBe('warning');
  });

  it('flags a 一、 heading that carries body text after its 。, with a split fix', () => {
    const text = '一、牢固树立“安全第一”思想。煤矿安全生产事关人民群众的生命财产安全。';
    const ps = check([text, '二、建立长效机制']);
    expect(brief(ps)).toEqual([[1, 'run-in-level1', '一级标题“一、牢固树立“安全第一”思想”后接正文：一级标题应单独成段，不加句号']]);
    const fix = ps[0]!.fix as { kind: 'split'; titleEnd: number; bodyStart: number };
    expect(text.slice(0, fix.titleEnd)).toBe('一、牢固树立“安全第一”思想');
    expect(text.slice(fix.bodyStart)).toBe('煤矿安全生产事关人民群众的生命财产安全。');
    // "一、元旦：…" is a label heading, not a heading with a sentence after it.
    expect(check(['一、元旦：1月1日放假。', '二、春节：2月4日至10日放假。'])).toEqual([]);
    // Run-in is normal for （一） and 1.
    expect(check(['一、总体要求', '（一）指导思想。以习近平新时代中国特色社会主义思想为指导。'])).toEqual([]);
  });

  it('does not take a bare （二） for closing matter or the title after it for a document title', () => {
    const outline = buildOutline(['一、医疗质量', '（一）功能定位', '正文。', '（二）', '合理用药', '1.门诊人次数', '2.下转人次'].map((t) => describeParagraph(t, null)));
    expect(outline.entries.map((e) => [e.level, e.number + e.title])).toEqual([
      [1, '一、医疗质量'],
      [2, '（一）功能定位'],
      [2, '（二）合理用药'],
      [3, '1.门诊人次数'],
      [3, '2.下转人次'],
    ]);
  });

  it('flags a number whose title is on the next line, and a number without a title', () => {
    const ps = check(['一、医疗质量', '（一）功能定位', '（二）', '质量安全', '（三）', '本段是正文，不是标题。']);
    expect(brief(ps)).toEqual([
      [3, 'detached-title', '编号“（二）”与标题“质量安全”不在同一段'],
      [5, 'empty-title', '编号“（三）”后缺少标题'],
    ]);
    expect(ps[0]!.fix).toEqual({ kind: 'merge', block: 2, count: 1 });
    expect(ps[1]!.fix).toBeNull();
  });

  it('flags a styled heading numbered in another level’s style', () => {
    const ps = check([['一、总体要求', 'heading1'], ['二、指导思想', 'heading2']]);
    expect(brief(ps)).toEqual([[2, 'style-mismatch', '二级标题应使用“（一）”式编号，这里是“二、”']]);
    expect(ps[0]!.fix).toEqual({ kind: 'edits', edits: [{ block: 1, start: 0, end: 2, text: '（一）' }] });
    expect(ps[0]!.fixLabel).toBe('改为“（一）”');
  });

  it('accepts numbering straight through parents (an indicator table)', () => {
    expect(check(['一、甲', '（一）子', '1.a', '2.b', '（二）丑', '3.c', '4.d', '二、乙', '（三）寅', '5.e'])).toEqual([]);
    // …but not a group that restarts in the middle of such a chain.
    expect(brief(check(['一、甲', '（一）子', '1.a', '2.b', '（二）丑', '3.c', '（三）寅', '4.d', '（四）卯', '1.e']))).toEqual([[10, 'order', '编号顺序颠倒：“1.”排在“4.”之后']]);
  });

  it('finds nothing wrong in well-numbered real documents, and the real problems in others', () => {
    const read = (rel: string) => readFileSync(path.join(CORPUS, rel), 'utf8').split(/\r?\n/);
    for (const f of ['seeds/000_40f08a2d6707e5f7.txt', 'seeds/002_182f94ccda9023a4.txt', 'seeds/004_9342abefdd77c34e.txt', 'gov/gov-008.txt', 'gov/gov-012.txt', 'gov/gov-015.txt']) {
      expect(check(read(f)), f).toEqual([]);
    }
    expect(check(read('gov/gov-010.txt')).map((p) => [p.block + 1, p.kind])).toEqual([
      [9, 'level-jump'],
      [13, 'level-jump'],
      [17, 'level-jump'],
    ]);
    expect(check(read('gov/gov-014.txt')).map((p) => [p.block + 1, p.kind])).toEqual([
      [13, 'run-in-level1'],
      [14, 'run-in-level1'],
      [15, 'run-in-level1'],
      [16, 'run-in-level1'],
    ]);
  });
});
