/**
 * 数字 per GB/T 15835-2011 and GB/T 9704-2012: leading zeros in dates, mixed Chinese and Arabic
 * forms in one date, two-digit years, ranges of percentages, 零 for 〇 in years, full-width
 * digits, 顿号 in approximate numbers, "3千" for 3000, "号" for 日.
 */
import type { Finding } from './types';

const GB = 'GB/T 15835-2011《出版物上数字用法》';
const CN_DIGIT = '〇一二三四五六七八九';
const push = (out: Finding[], m: RegExpMatchArray, f: Omit<Finding, 'category' | 'start' | 'end'>, start = m.index!, end = m.index! + m[0].length) =>
  out.push({ ...f, start, end, category: 'number' });

/** 数字 findings in a paragraph. */
export function checkNumbers(text: string): Finding[] {
  const out: Finding[] = [];
  // leading zeros in month or day
  for (const m of text.matchAll(/(?<!\d)(\d{4})年(0?)(\d{1,2})月(?:(0?)(\d{1,2})日)?/g)) {
    if (!m[2] && !m[4]) continue;
    if (m[3] === '0' || m[5] === '0') continue;
    const fixed = `${m[1]}年${m[3]}月${m[5] !== undefined ? `${m[5]}日` : ''}`;
    push(out, m, { authority: '规定', rule: 'date-zero', message: `日期中的月、日不编虚位（1不写作01）：应为“${fixed}”（GB/T 9704-2012 7.3.5.1，${GB}）`, suggestion: fixed });
  }
  // mixed Chinese and Arabic numerals in one date
  for (const m of text.matchAll(/(?<![\d〇零一二三四五六七八九十])(?:[〇○零一二三四五六七八九]{4}年\d{1,2}月|\d{4}年[一二三四五六七八九十]{1,2}月(?![份度])|\d{1,2}月[一二三四五六七八九十]{1,3}日)/g)) {
    push(out, m, { authority: '规定', rule: 'date-mixed', message: `同一日期中阿拉伯数字与汉字数字不混用（${GB}）`, suggestion: null });
  }
  // two-digit years before a month
  for (const m of text.matchAll(/(?<![\d.０-９'’])(\d{2})年(?=\d{1,2}月)/g)) {
    const yy = Number(m[1]);
    const full = `${yy <= 50 ? 20 : 19}${m[1]}`;
    push(out, m, { authority: '规定', rule: 'two-digit-year', message: `年份不能简写：“${m[0]}”应写全为“${full}年”（${GB}）`, suggestion: `${full}年` });
  }
  // 零 in a year written in Chinese numerals: 二零二四 → 二〇二四
  for (const m of text.matchAll(/[〇○零一二三四五六七八九]{4}(?=年)/g)) {
    if (!/[零○]/.test(m[0])) continue;
    const fixed = m[0].replace(/[零○]/g, '〇');
    push(out, m, { authority: '规定', rule: 'ling', message: `年份中的“0”用汉字数字“〇”：应为“${fixed}年”（${GB}）`, suggestion: fixed });
  }
  // full-width digits
  for (const m of text.matchAll(/[０-９]+(?:[．.][０-９]+)?/g)) {
    const fixed = m[0].replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace('．', '.');
    push(out, m, { authority: '规定', rule: 'full-width-digit', message: `阿拉伯数字应使用半角形式“${fixed}”（${GB}）`, suggestion: fixed });
  }
  // percentage ranges: 15～30% → 15%～30%
  for (const m of text.matchAll(/(?<![\d.%])(\d+(?:\.\d+)?)([～~—－-]|至|到)(\d+(?:\.\d+)?)%/g)) {
    const dash = m[2] === '~' || m[2] === '-' || m[2] === '－' || m[2] === '—' ? '～' : m[2]!;
    const fixed = `${m[1]}%${dash}${m[3]}%`;
    push(out, m, { authority: '规定', rule: 'percent-range', message: `表示百分数的范围，前一个数的百分号不能省略：应为“${fixed}”（${GB}）`, suggestion: fixed });
  }
  // approximate numbers with a 顿号: 七、八十岁 → 七八十岁
  for (const m of text.matchAll(/(?<![第\d〇一二三四五六七八九十])([一二三四五六七八九])、([一二三四五六七八九])(?=[十百千万亿]?[岁人天个次倍名年月日家户元万千百十])/g)) {
    const a = CN_DIGIT.indexOf(m[1]!);
    const b = CN_DIGIT.indexOf(m[2]!);
    if (b !== a + 1) continue;
    push(out, m, { authority: '规定', rule: 'approx-dun', message: `相邻数字连用表示概数，中间不用顿号：应为“${m[1]}${m[2]}”（${GB}）`, suggestion: `${m[1]}${m[2]}` });
  }
  // Arabic numerals with 千/百 as units: 3千人 → 3000人
  for (const m of text.matchAll(/(?<![\d.])(\d{1,3}(?:\.\d{1,2})?)([千百])(?![米克瓦焦帕伏字兆])/g)) {
    const v = Number(m[1]) * (m[2] === '千' ? 1000 : 100);
    if (!Number.isInteger(v)) continue;
    push(out, m, { authority: '规定', rule: 'arabic-with-unit', message: `阿拉伯数字不与“${m[2]}”连用：应为“${v}”（${GB}，“万”“亿”除外）`, suggestion: String(v) });
  }
  // 5月6号 → 5月6日
  for (const m of text.matchAll(/(?<=\d{1,2}月)(\d{1,2})号(?![文令楼院])/g)) {
    push(out, m, { authority: '建议', rule: 'hao-for-ri', message: '公文中日期用“日”，不用“号”', suggestion: `${m[1]}日` });
  }
  // numeric ranges with a hyphen before a unit: 25-30人 → 25～30人
  for (const m of text.matchAll(/(?<![\d\-./:])([1-9]\d{0,3})-([1-9]\d{0,3})(?=[个人次天元万亿家所项条名岁只台辆件吨米公里%℃])/g)) {
    if (Number(m[1]) >= Number(m[2])) continue;
    push(out, m, { authority: '规定', rule: 'range-dash', message: `标示数值范围用浪纹线“～”（GB/T 15834-2011 4.14）`, suggestion: `${m[1]}～${m[2]}` });
  }
  return out;
}
