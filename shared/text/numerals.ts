/**
 * Chinese numerals and digits, the one module every caller uses (heading numbers, Word's
 * numbering labels, dates, the anatomy):
 * - counting form: 一 … 十 … 九十九, 一百零一, 两 (parse and write);
 * - positional form with 〇: 二〇二六 (years), and Word's chineseCounting labels past 100, which
 *   it writes digit by digit: 一〇〇, 一〇一, 一一〇 (101 reads as 101, never as 1);
 * - full-width digits １２ (parse, and write back in the writer's style).
 */

/** 〇 and the look-alikes typed for it in dates (○ U+25CB, Ｏ, O, o), and 零. */
const ZEROS = '〇○零ＯOo';
const DIGITS = '〇一二三四五六七八九';

/** The value of one Chinese digit (〇/零/○ → 0, 一 → 1, 两 → 2), or -1. */
export function chineseDigit(ch: string): number {
  if (ZEROS.includes(ch)) return 0;
  if (ch === '两') return 2;
  return DIGITS.indexOf(ch);
}

/** Full-width digits (０-９) as ASCII digits; other characters unchanged. */
export function toAsciiDigits(s: string): string {
  return s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

/** ASCII digits as full-width (１２). */
export function toWideDigits(s: string): string {
  return s.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));
}

/** Arabic digits, half- or full-width ("12", "１２"), as a number; NaN when anything else is there. */
export function parseArabic(s: string): number {
  const t = toAsciiDigits(s);
  return /^\d+$/.test(t) ? Number(t) : NaN;
}

/** Positional digits without units: 二〇二六 → 2026, 一〇一 → 101; NaN otherwise. */
function positional(s: string): number {
  let v = 0;
  for (const ch of s) {
    const d = chineseDigit(ch);
    if (d < 0 || ch === '两') return NaN;
    v = v * 10 + d;
  }
  return v;
}

/** Counting form up to 9999: 十一, 二十, 一百零五, 两千零二十六; NaN if malformed. */
function countingValue(s: string): number {
  let total = 0;
  let current = -1;
  let lastUnit = 10000;
  for (const ch of s) {
    const unit = ch === '十' ? 10 : ch === '百' ? 100 : ch === '千' ? 1000 : 0;
    if (unit) {
      if (unit >= lastUnit) return NaN;
      total += (current < 0 ? 1 : current) * unit;
      current = -1;
      lastUnit = unit;
      continue;
    }
    const d = chineseDigit(ch);
    if (d < 0) return NaN;
    if (d === 0) {
      current = -1;
      continue;
    }
    if (current >= 0) return NaN; // two digits in a row: "一二"
    current = d;
  }
  if (current >= 0) total += current;
  return total;
}

/**
 * A numeral as a number: counting form (一, 十二, 九十九, 一百零一), positional form with 〇
 * (二〇二六; Word's labels past 100: 一〇一, 一一〇, 一二三), Arabic or full-width digits.
 * NaN when malformed or not positive ("一二" is neither form).
 */
export function parseNumeral(s: string): number {
  if (!s) return NaN;
  if (/^[0-9０-９]+$/.test(s)) {
    const v = parseArabic(s);
    return v > 0 ? v : NaN;
  }
  const hasUnit = /[十百千]/.test(s);
  // Positional: three or more digits (Word's 一〇一), or any with a zero (二〇).
  if (!hasUnit && ([...s].length >= 3 || /[〇○ＯOo]/.test(s))) {
    const v = positional(s);
    return v > 0 ? v : NaN;
  }
  const v = countingValue(s);
  return v > 0 ? v : NaN;
}

/** Writes 1–9999 in counting form: 10 → 十, 21 → 二十一, 105 → 一百零五, 2026 → 二千零二十六. */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n <= 0 || n >= 10000) return String(n);
  return counting(n, CHINESE_COUNTING);
}

/** Digit by digit: 2026 → 二〇二六 (a year), 101 → 一〇一. */
export function chineseDigits(n: number, digits = DIGITS): string {
  return String(n)
    .split('')
    .map((d) => digits[Number(d)] ?? d)
    .join('');
}

/** Word's chineseCounting label: 一 … 九十九 in counting form, from 100 on digit by digit (一〇一). */
export function wordChineseCounting(n: number): string {
  if (n > 0 && n < 100) return counting(n, CHINESE_COUNTING);
  return chineseDigits(n);
}

export interface CountingStyle {
  digits: string;
  units: [string, string, string]; // 十 百 千
  /** When to leave out 一 before 十: at the start (十一, 一百一十), always (japanese: 百十) or never (壹拾). */
  omitOneBeforeTen: 'leading' | 'always' | 'never';
  /** Write 一 before 百 and 千 (一百 vs 百, as japaneseCounting does). */
  leadingOneBeforeHigher: boolean;
  /** Mark skipped places with 零 (一百零一). */
  zero: boolean;
}

/** Counting form as 公文 write it: 十一, 一百零一, 一百一十. */
export const CHINESE_COUNTING: CountingStyle = { digits: '零一二三四五六七八九', units: ['十', '百', '千'], omitOneBeforeTen: 'leading', leadingOneBeforeHigher: true, zero: true };

/** Below 10,000 in a counting style; larger numbers (never seen in labels) as digits. */
export function counting(n: number, s: CountingStyle): string {
  if (n <= 0 || n >= 10000) return String(n);
  const places = [Math.floor(n / 1000) % 10, Math.floor(n / 100) % 10, Math.floor(n / 10) % 10, n % 10];
  const unitOf = [s.units[2], s.units[1], s.units[0], ''];
  let out = '';
  let pendingZero = false;
  for (let i = 0; i < 4; i++) {
    const d = places[i]!;
    if (d === 0) {
      if (out) pendingZero = true;
      continue;
    }
    if (pendingZero && s.zero) out += s.digits[0];
    pendingZero = false;
    const isTen = i === 2;
    const omitTen = s.omitOneBeforeTen === 'always' || (s.omitOneBeforeTen === 'leading' && out === '');
    const omitOne = d === 1 && ((isTen && omitTen) || (!isTen && i < 2 && !s.leadingOneBeforeHigher));
    out += (omitOne ? '' : s.digits[d]!) + unitOf[i]!;
  }
  return out;
}
