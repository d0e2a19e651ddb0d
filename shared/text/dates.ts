/**
 * Dates as 公文 write them, the one module for every caller (the anatomy's 成文日期 and date
 * lines, 印发日期, the export's normalisation): parses 2024年3月5日, leading zeros (2024年03月05日),
 * 2024-03-05 / 2024.3.5 / 2024/3/5, full-width digits and Chinese numerals (二〇二四年三月五日,
 * 二〇二四年十二月三十一日), and writes the GB/T 9704-2012 7.3.5 form: Arabic numerals, the full
 * year, no leading zeros ("2024年3月5日").
 */
import { parseNumeral, toAsciiDigits } from './numerals';

export interface SimpleDate {
  year: number;
  month: number;
  day: number;
}

const CN = '[〇○零ＯOo一二三四五六七八九十]';
const FORMS = [
  new RegExp(`^(\\d{4}|${CN}{4})\\s*年\\s*(\\d{1,2}|${CN}{1,3})\\s*月\\s*(\\d{1,2}|${CN}{1,3})\\s*[日号]$`),
  /^(\d{4})\s*[-./／．]\s*(\d{1,2})\s*[-./／．]\s*(\d{1,2})$/,
];

/** A year of four digits, Arabic or Chinese (二〇二四, with ○/Ｏ/O for 〇). */
function yearOf(s: string): number {
  if (/^\d{4}$/.test(s)) return Number(s);
  if ([...s].length !== 4 || s.includes('十')) return NaN;
  return parseNumeral(s.replace(/[○ＯOo零]/g, '〇'));
}

function smallOf(s: string): number {
  if (/^\d{1,2}$/.test(s)) return Number(s);
  return parseNumeral(s);
}

/** The date a text is, and nothing else, or null. */
export function parseDate(text: string): SimpleDate | null {
  const t = toAsciiDigits(text.trim());
  for (const re of FORMS) {
    const m = re.exec(t);
    if (!m) continue;
    const year = yearOf(m[1]!);
    const month = smallOf(m[2]!);
    const day = smallOf(m[3]!);
    if (!(year >= 1900 && year <= 2199 && month >= 1 && month <= 12 && day >= 1 && day <= 31)) return null;
    return { year, month, day };
  }
  return null;
}

/** 2024年3月5日: the 7.3.5 form. */
export function formatDate(d: SimpleDate): string {
  return `${d.year}年${d.month}月${d.day}日`;
}

/** The date in 2024年3月5日 form, or null when the text is not a date on its own. */
export function normalizeDate(text: string): string | null {
  const d = parseDate(text);
  return d ? formatDate(d) : null;
}

/** True when a paragraph's text is a date and nothing else (a 成文日期 candidate). */
export function isDateText(text: string): boolean {
  return parseDate(text) !== null;
}
