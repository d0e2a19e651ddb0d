import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cleanLine, cleanLines, cleanText, describeReport } from '../../../shared/corpus/clean';
import { prepareCorpus } from '../../../shared/corpus/prepare';
import { SEED_WITH_ADS, corpusSources } from './corpusText';

describe('cleaning copied material', () => {
  it('removes the advertising, the attribution and the paywall markup of a real seed, keeping the report', () => {
    const raw = readFileSync(SEED_WITH_ADS, 'utf8');
    const { text, report } = cleanText(raw);
    for (const bad of ['哒哒', '公众号', '##paid', '素材库', '会员', '客服', '材料来源']) expect(text).not.toContain(bad);
    // The markup sat inside a word: the text between is kept and joined.
    expect(text).toContain('同时设立3个党员示范岗');
    expect(text).toContain('把牢工作发展方向、明确高质量发展目标。');
    expect(text).toContain('党组书记抓党建工作报告');
    expect(report).toMatchObject({ promo: 4, attribution: 1, markup: 2 });
    expect(describeReport(report)).toBe('推广信息 4 处、来源标注 1 处、网页标记 2 处');
  });

  it('leaves every genuine seed line alone, including phrases with 免费, 来源 or 材料', () => {
    for (const doc of corpusSources()) {
      if (doc.id.includes('004_')) continue;
      const { actions } = cleanLines(doc.lines);
      expect(actions.filter((a) => a.kind !== 'keep'), doc.id).toEqual([]);
    }
    for (const genuine of [
      '为新业态群体提供有厕所、有空调、有饮水机、有共享充电宝、有免费Wi-Fi、有急救药箱、有休息座椅的“七有”服务',
      '拓宽资金来源渠道，统筹用好各类材料。',
      '充分运用微信公众号、门户网站等平台开展宣传。',
      '加强与工会会员的联系。',
      '（资金来源：财政专项）',
      '（此件公开发布）',
    ]) {
      expect(cleanLine(genuine), genuine).toEqual({ kind: 'keep' });
    }
  });

  it('drops page furniture and mojibake lines and cuts generic source notes and markup', () => {
    expect(cleanLine('— 3 —')).toEqual({ kind: 'drop', reason: 'pageFurniture' });
    expect(cleanLine('第 2 页 共 10 页')).toEqual({ kind: 'drop', reason: 'pageFurniture' });
    expect(cleanLine('å¹´åº¦å·¥ä½œæ€»ç»“æŠ¥å')).toEqual({ kind: 'drop', reason: 'mojibake' });
    expect(cleanLine('锟斤拷锟斤拷')).toEqual({ kind: 'drop', reason: 'mojibake' });
    expect(cleanLine('扎实推进各项工作。（来源：某某网）')).toMatchObject({ kind: 'edit', text: '扎实推进各项工作。' });
    expect(cleanLine('<p>深化改革</p>&nbsp;')).toMatchObject({ kind: 'edit', text: '深化改革' });
    expect(cleanLine('扫码关注公众号，获取更多材料')).toEqual({ kind: 'drop', reason: 'promo' });
    expect(cleanLine('更多范文请访问 www.example.com 联系QQ：12345678')).toEqual({ kind: 'drop', reason: 'promo' });
  });

  it('drops a line with one promotional cue when it recurs across documents', () => {
    const footer = '—— 笔友素材网 每日精选 ——';
    const docs = [
      { id: 'a', name: 'a.txt', lines: ['一、总体要求', '坚持稳中求进工作总基调。', footer] },
      { id: 'b', name: 'b.txt', lines: ['二、主要任务', '持续优化营商环境。', footer] },
    ];
    expect(cleanLine(footer)).toEqual({ kind: 'keep' });
    const prepared = prepareCorpus(docs);
    expect(prepared.documents.map((d) => d.paragraphs)).toEqual([
      ['一、总体要求', '坚持稳中求进工作总基调。'],
      ['二、主要任务', '持续优化营商环境。'],
    ]);
  });
});
