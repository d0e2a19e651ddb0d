import { describe, expect, it } from 'vitest';
import { paragraph, type ParagraphRole } from '../../../../shared/model/document';
import { headingOf, outlineLevelOf, splitRunIn } from '../../../../shared/outline/levels';
import { formatNumber, parseNumber } from '../../../../shared/outline/numbering';
import { chineseNumeral, parseNumeral as parseChineseNumeral } from '../../../../shared/text/numerals';

const h = (text: string, role?: ParagraphRole) => headingOf(paragraph(text, role ? { role } : {}));
const level = (text: string, role?: ParagraphRole) => outlineLevelOf(paragraph(text, role ? { role } : {}));

describe('heading levels from numbering', () => {
  it('reads 一、 / （一） / 1. / 1． / （1） as levels 1–4', () => {
    expect(level('一、总体要求')).toBe(1);
    expect(level('十二、创建数字智能之城')).toBe(1);
    expect(level('（一）指导思想')).toBe(2);
    expect(level('（十四）做优职业教育培训评价组织')).toBe(2);
    expect(level('1.摸底排查')).toBe(3);
    expect(level('12．全面整改')).toBe(3);
    expect(level('（1）配置合理维修人员')).toBe(4);
    expect(level('\u3000\u3000二、工作任务')).toBe(1); // indented with full-width spaces
  });

  it('reads 第X章/节/条 in regulation-style texts', () => {
    expect(h('第一章 总则')).toMatchObject({ level: 1, number: '第一章', title: '总则' });
    expect(h('第二节　监督管理')).toMatchObject({ level: 2, number: '第二节', title: '监督管理' });
    expect(h('第十二条 县级以上人民政府应当加强领导，建立工作机制。')).toMatchObject({ level: 3, number: '第十二条', title: '县级以上人民政府应当加强领导', runIn: true });
  });

  it('recognises half-width brackets, "1、" and punctuation after "（一）", and flags them', () => {
    expect(h('(一)加强领导')).toMatchObject({ level: 2, number: '(一)', title: '加强领导' });
    expect(h('(一)加强领导')!.numbering!.flaws).toEqual(['half-width-brackets']);
    expect(h('（2)落实责任')!.numbering!.flaws).toEqual(['half-width-brackets']);
    expect(h('1、加强领导')).toMatchObject({ level: 3, number: '1、', title: '加强领导' });
    expect(h('1、加强领导')!.numbering!.flaws).toEqual(['arabic-dun']);
    expect(h('（一）、加强领导')).toMatchObject({ level: 2, number: '（一）', title: '加强领导' });
    expect(h('（一）、加强领导')!.numbering!.flaws).toEqual(['punct-after-number']);
    expect(h('一.总体要求')!.numbering!.flaws).toEqual(['cn-separator']);
    expect(h('一、总体要求')!.numbering!.flaws).toEqual([]);
  });

  it('splits run-in headings at the first 。 or ：', () => {
    const r = h('（一）把稳思想之舵，在“带”上用真心。一是带头抓学习。');
    expect(r).toMatchObject({ level: 2, number: '（一）', title: '把稳思想之舵，在“带”上用真心', runIn: true, runInMark: '。' });
    expect('（一）把稳思想之舵，在“带”上用真心。一是带头抓学习。'.slice(0, r!.headingEnd)).toBe('（一）把稳思想之舵，在“带”上用真心。');
    expect(h('一、元旦：2018年12月30日至2019年1月1日放假调休，共3天。')).toMatchObject({ level: 1, title: '元旦', runIn: true, runInMark: '：' });
    // A heading on its own line may end with 。 and is not run-in.
    expect(h('（一）健全国家职业教育制度框架。')).toMatchObject({ title: '健全国家职业教育制度框架', runIn: false });
    expect(splitRunIn('加强领导。各地要…')).toEqual({ title: '加强领导', titleEnd: 5, runIn: true });
  });

  it('is not fooled by enumerations, decimals, dates and lists inside a sentence', () => {
    for (const text of [
      '一是带头抓学习。对习近平总书记重要讲话…',
      '二是严格选人夯基础。',
      '首先，要提高认识。',
      '其次，要加强领导。',
      '第一，坚持党的领导。',
      '3.5万元用于补助',
      '2024.3月完成',
      '1、2号楼已交付使用',
      '一、二季度经济运行总体平稳，三季度…',
      '一、二线城市房价',
      '二〇〇四年一月十六日',
      '2019年1月24日',
      '（此件公开发布）',
      '正文中提到（一）这样的编号',
      '一、二、三产业协调发展',
      '第一节课由校长主讲。',
      '第三条经验是坚持党的领导，把方向、管大局。',
    ]) {
      expect(h(text), text).toBeNull();
    }
  });

  it('takes headings whose title starts with a numeral that does not follow on', () => {
    for (const [text, level, title] of [
      ['一、一年来的主要工作', 1, '一年来的主要工作'],
      ['二、一季度重点工作完成情况', 1, '一季度重点工作完成情况'],
      ['三、三个方面存在的问题', 1, '三个方面存在的问题'],
      ['四、二〇二四年工作安排', 1, '二〇二四年工作安排'],
      ['第一章总则', 1, '总则'],
      ['第二节　组织实施', 2, '组织实施'],
    ] as const) {
      expect(h(text), text).toMatchObject({ level, title });
    }
    expect(h('第一条　为了规范管理，制定本办法。')).toMatchObject({ level: 3, number: '第一条', runIn: true });
  });

  it('does not take a numbered line longer than a heading for one, unless it runs in', () => {
    const long = '一、对深化商事制度改革成效显著、落实事中事后监管等相关政策措施社会反映好的市（地、州、盟）、县（市、区、旗），优先纳入深化商事制度改革、加强事中事后监管相关试点，推动降低企业制度性交易成本。';
    expect(h(long)).toBeNull();
    expect(h('2.标记“▲”的26个指标为国家监测指标，其中15个指标自动生成，9个指标由财务年报表获取，2个指标由医院填报。')).toBeNull();
    // The same length of body text after a short run-in title is fine.
    expect(h('1.城镇小区严格依标配建幼儿园。严格遵循《中华人民共和国城乡规划法》和《城市居住区规划设计标准》，老城区改造、新城开发和居住区建设应将配套建设幼儿园纳入规划。')).toMatchObject({ level: 3, runIn: true });
    // …and a caller may allow longer titles (numbered runs are decided as a whole).
    expect(headingOf(paragraph(long), { maxTitle: Infinity })).toMatchObject({ level: 1, number: '一、', runIn: false });
  });

  it('does not take list items ending in ；，、 for headings', () => {
    expect(h('1.加强组织领导；')).toBeNull();
    expect(h('（2）资金保障，')).toBeNull();
    expect(h('1.加强领导；2.落实责任。')).toBeNull();
  });

  it('takes a bare number as a heading without a title (its title may be on the next line)', () => {
    expect(h('（三）')).toMatchObject({ level: 2, number: '（三）', title: '', runIn: false });
    expect(h('1.')).toMatchObject({ level: 3, title: '' });
  });

  it('gives explicit roles precedence over numbering, and keeps the number', () => {
    expect(h('一、总体要求', 'heading2')).toMatchObject({ level: 2, number: '一、', title: '总体要求', inferred: false });
    expect(h('加强组织领导', 'heading1')).toMatchObject({ level: 1, number: '', title: '加强组织领导', inferred: false });
    expect(h('一是带头抓学习。要…', 'heading3')).toMatchObject({ level: 3, number: '', title: '一是带头抓学习', runIn: true });
    expect(h('一、总体要求', 'body')).toBeNull();
    expect(level('关于开展治理工作的通知', 'title')).toBe(0);
    expect(level('各省、自治区、直辖市人民政府：', 'salutation')).toBeNull();
    expect(outlineLevelOf({ type: 'table', rows: [] })).toBeNull();
  });
});

describe('numbers', () => {
  it('parses and writes Chinese numerals', () => {
    for (const [s, n] of [['一', 1], ['十', 10], ['十一', 11], ['二十', 20], ['二十九', 29], ['一百', 100], ['一百零五', 105], ['一百一十', 110]] as const) {
      expect(parseChineseNumeral(s), s).toBe(n);
      expect(chineseNumeral(n)).toBe(s);
    }
    expect(parseChineseNumeral('一二')).toBeNaN();
    expect(parseChineseNumeral('十十')).toBeNaN();
  });

  it('writes numbers in a style, keeping the document’s variants', () => {
    expect(formatNumber({ kind: 'cn-dun' }, 13)).toBe('十三、');
    expect(formatNumber({ kind: 'cn-paren' }, 4)).toBe('（四）');
    expect(formatNumber({ kind: 'cn-paren', halfWidth: true }, 4)).toBe('(四)');
    expect(formatNumber({ kind: 'arabic-dot', sep: '．' }, 7)).toBe('7．');
    expect(formatNumber({ kind: 'arabic-dot', sep: '．', wideDigits: true }, 12)).toBe('１２．');
    expect(formatNumber({ kind: 'arabic-paren' }, 2)).toBe('（2）');
    expect(formatNumber({ kind: 'chapter' }, 3)).toBe('第三章');
  });

  it('locates the number and where the title starts', () => {
    expect(parseNumber('\u3000（一）、 加强领导')).toMatchObject({ kind: 'cn-paren', value: 1, text: '（一）', start: 1, end: 4, titleStart: 6 });
    expect(parseNumber('１２．监督评估')).toMatchObject({ kind: 'arabic-dot', value: 12, style: { wideDigits: true, sep: '．' } });
  });
});
