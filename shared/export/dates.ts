/**
 * 成文日期 per GB/T 9704-2012 7.3.5: Arabic numerals, the full year, no leading zeros in month
 * and day ("2024年3月5日"). Recognises the forms found in drafts: leading zeros, 2024-03-05,
 * 2024.3.5, 2024/3/5, full-width digits and Chinese numerals (二〇二四年三月五日).
 */

/** 〇 and its look-alikes (○ U+25CB, Ｏ, O) as typed in dates, then 一…九. */
const CN_DIGIT: Record<string, number> = Object.fromEntries([
  ...[...'〇○零ＯOo'].map((c) => [c, 0] as const),
  ...[...'一二三四五六七八九'].map((c, i) => [c, i + 1] as const),
]);

function toAsciiDigits(s: string): string {
  return s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

/** 三 → 3, 十二 → 12, 二十五 → 25, 三十一 → 31; digits pass through. */
function smallNumber(s: string): number | null {
  if (/^\d{1,2}$/.test(s)) return Number(s);
  const m = /^([一二三]?)(十?)([一二三四五六七八九]?)$/.exec(s);
  if (!m || s === '') return null;
  const [, tens, ten, ones] = m;
  if (!ten) {
    // No 十: one digit (the regex may have taken it as the tens digit).
    if (tens && ones) return null;
    const d = tens || ones;
    return d ? CN_DIGIT[d]! : null;
  }
  return (tens ? CN_DIGIT[tens]! : 1) * 10 + (ones ? CN_DIGIT[ones]! : 0);
}

function year(s: string): number | null {
  if (/^\d{4}$/.test(s)) return Number(s);
  if ([...s].length !== 4) return null;
  let y = 0;
  for (const ch of s) {
    const d = CN_DIGIT[ch];
    if (d === undefined) return null;
    y = y * 10 + d;
  }
  return y;
}

const CN_NUM = '[〇○零ＯOo一二三四五六七八九十]';
const DATE_FORMS = [
  new RegExp(`^(\\d{4}|${CN_NUM}{4})\\s*年\\s*(\\d{1,2}|${CN_NUM}{1,3})\\s*月\\s*(\\d{1,2}|${CN_NUM}{1,3})\\s*日$`),
  /^(\d{4})\s*[-./／．]\s*(\d{1,2})\s*[-./／．]\s*(\d{1,2})$/,
];

/** The date in 2024年3月5日 form, or null when the text is not a date on its own. */
export function normalizeDate(text: string): string | null {
  const t = toAsciiDigits(text.trim());
  for (const re of DATE_FORMS) {
    const m = re.exec(t);
    if (!m) continue;
    const y = year(m[1]!);
    const mo = smallNumber(m[2]!);
    const d = smallNumber(m[3]!);
    if (y === null || mo === null || d === null) return null;
    if (y < 1900 || y > 2199 || mo < 1 || mo > 12 || d < 1 || d > 31) return null;
    return `${y}年${mo}月${d}日`;
  }
  return null;
}

/** True when a paragraph is a date and nothing else (a 成文日期 candidate). */
export function isDateLine(text: string): boolean {
  return normalizeDate(text) !== null;
}
