/**
 * Moving, promoting and demoting sections, with the numbering following the structure, planned
 * on plain paragraphs exactly as the editor carries them out.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ParagraphRole } from '../../../../shared/model/document';
import { describeParagraph } from '../../../../shared/outline/blocks';
import { buildOutline, type Outline } from '../../../../shared/outline/outline';
import { orderAfterMove, planMove, planMoveBy, planSectionEdit, planShift, type DropPosition, type LevelChange } from '../../../../shared/outline/sections';

const CORPUS = path.resolve(__dirname, '../../../../../shared/corpus');

interface P {
  text: string;
  role: ParagraphRole | null;
}

class Doc {
  paras: P[];
  constructor(lines: string[] | string) {
    const list = typeof lines === 'string' ? lines.trim().split('\n').map((l) => l.trim()) : lines;
    this.paras = list.map((text) => ({ text, role: null }));
  }
  static file(rel: string) {
    return new Doc(readFileSync(path.join(CORPUS, rel), 'utf8').split(/\r?\n/).map((l) => l.replace(/^[\u3000 \t]+/, '')));
  }
  get infos() {
    return this.paras.map((p) => describeParagraph(p.text, p.role));
  }
  get outline(): Outline {
    return buildOutline(this.infos);
  }
  entry(prefix: string): number {
    const e = this.outline.entries.find((x) => `${x.number}${x.title}`.startsWith(prefix));
    if (!e) throw new Error(`no entry ${prefix}`);
    return e.id;
  }
  headings(): string[] {
    return this.outline.entries.map((e) => `${'  '.repeat(Math.max(0, e.level - 1))}${e.number}${e.title}`);
  }
  private apply(order: number[], changes: LevelChange[], auto = true) {
    const edit = planSectionEdit(this.infos, this.paras.map((_, i) => `k${i}`), (b) => this.paras[b]!.text, order, changes, auto);
    const next = edit.order.map((i) => ({ ...this.paras[i]! }));
    for (const r of edit.roles) next[r.block]!.role = r.role;
    for (const e of edit.edits) {
      const t = next[e.block]!.text;
      next[e.block]!.text = t.slice(0, e.start) + e.text + t.slice(e.end);
    }
    this.paras = next;
  }
  move(src: string, target: string, position: DropPosition, auto = true) {
    const planned = planMove(this.outline, this.entry(src), this.entry(target), position);
    if (!planned) return 'no-op';
    if (!planned.ok) return planned.reason;
    this.apply(orderAfterMove(this.paras.length, planned.plan), planned.plan.changes, auto);
    return 'ok';
  }
  shift(src: string, delta: -1 | 1) {
    const planned = planShift(this.outline, this.entry(src), delta);
    if (!planned.ok) return planned.reason;
    this.apply(this.paras.map((_, i) => i), planned.plan);
    return 'ok';
  }
}

describe('moving sections', () => {
  it('moves a section with its body before another and renumbers both groups', () => {
    const d = Doc.file('seeds/004_9342abefdd77c34e.txt');
    const body = d.paras[12]!.text.slice('（五）'.length); // （五）治党从细从严从实… with its run-in body
    expect(d.move('（五）治党', '（一）学习', 'before')).toBe('ok');
    expect(d.headings()).toEqual([
      '党组书记抓党建工作报告',
      '一、上年度整改情况',
      '二、主要工作情况',
      '  （一）治党从细从严从实，党风更清更廉更正',
      '  （二）学习入脑入心入行，成果深化内化转化',
      '  （三）服务用心用情用力，方法出新创新革新',
      '  （四）活动常办常新常态，资源互通互鉴互融',
      '  （五）支部建大建优建强，管理越专越精越好',
      '三、存在不足',
      '四、下一步措施',
    ]);
    expect(d.paras[8]!.text).toBe(`（一）${body}`);
  });

  it('moves a whole 一、 section with its subsections and trailing paragraphs', () => {
    const d = Doc.file('seeds/002_182f94ccda9023a4.txt');
    expect(d.move('三、敢于', '一、认真', 'before')).toBe('ok');
    expect(d.headings()).toEqual([
      '一、敢于刀刃向内，务实抓好整改提升',
      '  （一）持续深化理论武装，坚定政治方向',
      '  （二）强化基层组织建设，发挥堡垒作用',
      '  （三）树立鲜明用人导向，淬炼过硬干部队伍',
      '  （四）持续深化正风肃纪，优化政治生态',
      '二、认真履职尽责，严格落实第一责任人责任',
      '  （一）把稳思想之舵，在“带”上用真心',
      '  （二）夯实基层基础，在“质”上提档次',
      '  （三）锻造清正之风，在“严”上动真格',
      '  （四）注重整治实效，在“改”上下真功',
      '三、清醒认识问题，深刻剖析问题成因',
    ]);
    // The section took its body paragraph ("发现问题只是手段…") and stayed below the opening line.
    expect(d.paras[0]!.text).toBe('按照会议要求，现将我2023年抓党建工作情况报告如下：');
    expect(d.paras[2]!.text).toMatch(/^发现问题只是手段/);
  });

  it('moves a section into another as its last subsection, one level deeper', () => {
    const d = Doc.file('seeds/004_9342abefdd77c34e.txt');
    expect(d.move('三、存在不足', '二、主要', 'inside')).toBe('ok');
    expect(d.headings().slice(3)).toEqual([
      '  （一）学习入脑入心入行，成果深化内化转化',
      '  （二）服务用心用情用力，方法出新创新革新',
      '  （三）活动常办常新常态，资源互通互鉴互融',
      '  （四）支部建大建优建强，管理越专越精越好',
      '  （五）治党从细从严从实，党风更清更廉更正',
      '  （六）存在不足',
      '三、下一步措施',
    ]);
  });

  it('moves a subsection out, after a 一、 section, taking its level', () => {
    const d = Doc.file('seeds/002_182f94ccda9023a4.txt');
    expect(d.move('（二）夯实', '二、清醒', 'after')).toBe('ok');
    expect(d.headings()).toEqual([
      '一、认真履职尽责，严格落实第一责任人责任',
      '  （一）把稳思想之舵，在“带”上用真心',
      '  （二）锻造清正之风，在“严”上动真格',
      '  （三）注重整治实效，在“改”上下真功',
      '二、清醒认识问题，深刻剖析问题成因',
      '三、夯实基层基础，在“质”上提档次',
      '四、敢于刀刃向内，务实抓好整改提升',
      '  （一）持续深化理论武装，坚定政治方向',
      '  （二）强化基层组织建设，发挥堡垒作用',
      '  （三）树立鲜明用人导向，淬炼过硬干部队伍',
      '  （四）持续深化正风肃纪，优化政治生态',
    ]);
  });

  it('leaves the numbers alone when auto-renumbering is off', () => {
    const d = Doc.file('seeds/004_9342abefdd77c34e.txt');
    d.move('（五）治党', '（一）学习', 'before', false);
    expect(d.headings().slice(3, 5)).toEqual(['  （五）治党从细从严从实，党风更清更廉更正', '  （一）学习入脑入心入行，成果深化内化转化']);
  });

  it('refuses impossible moves with a reason, and ignores moves to where a section already is', () => {
    const d = Doc.file('seeds/002_182f94ccda9023a4.txt');
    expect(d.move('一、认真', '（二）夯实', 'before')).toBe('不能把章节移到它自己里面。');
    expect(d.move('（一）把稳', '（二）夯实', 'before')).toBe('no-op');
    const deep = new Doc(['一、甲', '（一）乙', '1.丙', '（1）丁', '二、戊']);
    expect(deep.move('一、甲', '（1）丁', 'after')).toBe('不能把章节移到它自己里面。');
    expect(deep.move('二、戊', '（1）丁', 'inside')).toBe('四级标题不能再降级。');
  });

  it('moves by one sibling up or down (Alt+Shift+↑/↓)', () => {
    const d = Doc.file('seeds/002_182f94ccda9023a4.txt');
    const o = d.outline;
    const up = planMoveBy(o, d.entry('（二）夯实'), -1);
    expect(up.ok).toBe(true);
    expect(planMoveBy(o, d.entry('（一）把稳'), -1)).toEqual({ ok: false, reason: '已经是第一节。' });
    expect(planMoveBy(o, d.entry('三、敢于'), 1)).toEqual({ ok: false, reason: '已经是最后一节。' });
  });

  it('renumbers a chain numbered straight through its parents as one sequence', () => {
    const d = Doc.file('gov/gov-009.txt');
    expect(d.move('7.特需', '1.门诊', 'before')).toBe('ok');
    const h = d.headings();
    expect(h.filter((x) => /^ {4}\d/.test(x)).slice(0, 9)).toEqual([
      '    1.特需医疗服务占比',
      '    2.门诊人次数与出院人次数比',
      '    3.下转患者人次数（门急诊、住院）',
      '    4.日间手术占择期手术比例',
      '    5.出院患者手术占比▲',
      '    6.出院患者微创手术占比▲',
      '    7.出院患者四级手术比例▲',
      '    8.手术患者并发症发生率▲',
      '    9.I类切口手术部位感染率▲',
    ]);
    // Moving an indicator to another group keeps the straight-through numbering.
    expect(d.move('1.特需', '9.I类', 'after')).toBe('ok');
    expect(d.headings().filter((x) => /^ {4}\d/.test(x)).slice(6, 10)).toEqual([
      '    7.手术患者并发症发生率▲',
      '    8.I类切口手术部位感染率▲',
      '    9.特需医疗服务占比',
      '    10.单病种质量控制▲',
    ]);
  });

  it('does not renumber a sequence the user left out of order', () => {
    const d = new Doc(['一、甲', '三、乙', '二、丙', '四、丁']);
    d.move('四、丁', '一、甲', 'before');
    expect(d.headings()).toEqual(['四、丁', '一、甲', '三、乙', '二、丙']);
  });
});

describe('promoting and demoting', () => {
  it('promotes a subsection with the subsections that follow it, as Word does', () => {
    const d = Doc.file('seeds/002_182f94ccda9023a4.txt');
    expect(d.shift('（二）夯实', -1)).toBe('ok');
    expect(d.headings().slice(0, 7)).toEqual([
      '一、认真履职尽责，严格落实第一责任人责任',
      '  （一）把稳思想之舵，在“带”上用真心',
      '二、夯实基层基础，在“质”上提档次',
      '  （一）锻造清正之风，在“严”上动真格',
      '  （二）注重整治实效，在“改”上下真功',
      '三、清醒认识问题，深刻剖析问题成因',
      '四、敢于刀刃向内，务实抓好整改提升',
    ]);
  });

  it('demotes a section and its subsections into the section before it', () => {
    const d = Doc.file('seeds/002_182f94ccda9023a4.txt');
    expect(d.shift('三、敢于', 1)).toBe('ok');
    expect(d.headings().slice(5)).toEqual([
      '二、清醒认识问题，深刻剖析问题成因',
      '  （一）敢于刀刃向内，务实抓好整改提升',
      '    1.持续深化理论武装，坚定政治方向',
      '    2.强化基层组织建设，发挥堡垒作用',
      '    3.树立鲜明用人导向，淬炼过硬干部队伍',
      '    4.持续深化正风肃纪，优化政治生态',
    ]);
  });

  it('changes the role of styled headings and keeps unnumbered ones unnumbered', () => {
    const d = new Doc(['关于做好工作的报告', '加强领导', '落实责任', '强化保障']);
    d.paras[0]!.role = 'title';
    for (const i of [1, 2, 3]) d.paras[i]!.role = 'heading1';
    expect(d.shift('落实责任', 1)).toBe('ok');
    expect(d.paras.map((p) => p.role)).toEqual(['title', 'heading1', 'heading2', 'heading1']);
    expect(d.paras.map((p) => p.text)).toEqual(['关于做好工作的报告', '加强领导', '落实责任', '强化保障']);
  });

  it('refuses to go above level 1 or below level 4', () => {
    const d = new Doc(['一、甲', '（一）乙', '1.丙', '（1）丁']);
    expect(d.shift('一、甲', -1)).toBe('一级标题不能再升级。');
    expect(d.shift('（1）丁', 1)).toBe('四级标题不能再降级。');
    expect(d.shift('（一）乙', 1)).toBe('下级标题已到四级，不能再降级。');
  });

  it('uses the document’s own number style for the new level', () => {
    const d = new Doc(['一、甲', '1．子一', '2．子二', '（一）乙', '（二）丙']);
    // Demote （二）丙 to level 3 under （一）乙: the document writes level 3 as "1．".
    expect(d.shift('（二）丙', 1)).toBe('ok');
    expect(d.paras.map((p) => p.text)).toEqual(['一、甲', '1．子一', '2．子二', '（一）乙', '1．丙']);
  });
});
