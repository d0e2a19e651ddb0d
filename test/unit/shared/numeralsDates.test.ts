/**
 * The one numeral module and the one date module, and their callers agreeing: Word's numbering
 * labels (docx reader) read back by the heading-number parser at the same value, past 100 too;
 * the anatomy's 成文日期, the outline's date lines and the export's normalisation the same dates.
 */
import { describe, expect, it } from 'vitest';
import { analyzeAnatomy } from '../../../shared/anatomy/anatomy';
import { formatNumber as wordLabel } from '../../../shared/docx/read/numberFormats';
import { layoutDocument } from '../../../shared/export/layout';
import { paragraph } from '../../../shared/model/document';
import { describeParagraph } from '../../../shared/outline/blocks';
import { formatNumber, parseNumber } from '../../../shared/outline/numbering';
import { isDateText, normalizeDate, parseDate } from '../../../shared/text/dates';
import { chineseDigits, chineseNumeral, parseNumeral, toAsciiDigits, toWideDigits, wordChineseCounting } from '../../../shared/text/numerals';

describe('Chinese numerals', () => {
  it('parses counting form, 〇 numbering, Word’s labels past 100 and full-width digits', () => {
    const cases: Array<[string, number]> = [
      ['一', 1], ['十', 10], ['十一', 11], ['二十', 20], ['九十九', 99], ['一百', 100], ['一百零一', 101], ['一百一十', 110],
      ['两百', 200], ['二〇二六', 2026], ['一〇一', 101], ['一〇〇', 100], ['一一〇', 110], ['一二三', 123], ['１２', 12], ['12', 12],
    ];
    for (const [s, n] of cases) expect(parseNumeral(s), s).toBe(n);
    for (const bad of ['', '一二', '十十', '百十百', '甲', '0']) expect(parseNumeral(bad), bad).toBeNaN();
  });

  it('writes counting form, digit by digit and full-width', () => {
    expect([1, 10, 11, 21, 99, 100, 101, 110, 105].map(chineseNumeral)).toEqual(['一', '十', '十一', '二十一', '九十九', '一百', '一百零一', '一百一十', '一百零五']);
    expect(chineseDigits(2026)).toBe('二〇二六');
    expect([99, 100, 101].map(wordChineseCounting)).toEqual(['九十九', '一〇〇', '一〇一']);
    expect(toWideDigits('2026')).toBe('２０２６');
    expect(toAsciiDigits('２０２６年')).toBe('2026年');
  });

  it('reads Word’s chineseCounting labels back at their value, past 100 too (一〇一 is 101, not 1)', () => {
    for (const n of [1, 9, 10, 11, 19, 20, 99, 100, 101, 110, 123]) {
      const label = `${wordLabel(n, 'chineseCounting')}、`;
      const token = parseNumber(`${label}加强组织领导`);
      expect(token?.value, label).toBe(n);
      expect(formatNumber(token!.style, n), label).toBe(`${chineseNumeral(n)}、`);
    }
    expect(parseNumber('（一〇二）完善制度')?.value).toBe(102);
    expect(parseNumber('１２．加强领导')?.value).toBe(12);
    expect(wordLabel(12, 'decimalFullWidth')).toBe('１２');
  });
});

describe('dates', () => {
  it('parses every form a draft uses and writes the 7.3.5 form', () => {
    const cases: Array<[string, string]> = [
      ['2024年3月5日', '2024年3月5日'],
      ['2024年03月05日', '2024年3月5日'],
      ['２０２４年３月５日', '2024年3月5日'],
      ['二〇二四年三月五日', '2024年3月5日'],
      ['二○二四年十二月三十一日', '2024年12月31日'],
      ['二〇〇四年一月十六日', '2004年1月16日'],
      ['2024-03-05', '2024年3月5日'],
      ['2024.3.5', '2024年3月5日'],
      ['2024/3/5', '2024年3月5日'],
      [' 2024 年 3 月 5 日 ', '2024年3月5日'],
    ];
    for (const [s, want] of cases) expect(normalizeDate(s), s).toBe(want);
    for (const bad of ['2024年13月5日', '2024年2月32日', '会议于2024年3月5日召开', '二〇二四年', '1800年1月1日']) expect(normalizeDate(bad), bad).toBeNull();
    expect(parseDate('二〇二六年一月二十五日')).toEqual({ year: 2026, month: 1, day: 25 });
  });

  it('is the one date rule of the outline, the anatomy and the export', () => {
    const forms = ['2019年1月24日', '二〇〇四年一月十六日', '2024年03月05日', '２０２４年３月５日', '2024-03-05', '会议于2024年3月5日召开。'];
    for (const t of forms) {
      const outlineSaysDate = describeParagraph(t, null).date;
      const blocks = [paragraph('关于做好春节期间工作的通知'), paragraph('各单位：'), paragraph('请认真贯彻执行。'), paragraph('××市人民政府'), paragraph(t)];
      const anatomySaysDate = analyzeAnatomy(blocks).parts[4] === 'date';
      const laid = layoutDocument(blocks, { template: 'gbt9704', heading3Bold: true, normalizeDates: true }).blocks[4]!;
      const exportSaysDate = laid.type === 'paragraph' && laid.role === 'date';
      expect([outlineSaysDate, anatomySaysDate, exportSaysDate], t).toEqual([isDateText(t), isDateText(t), isDateText(t)]);
      if (exportSaysDate && laid.type === 'paragraph') expect(laid.segments.map((s) => s.text).join('')).toBe(normalizeDate(t));
    }
  });
});
