/**
 * Word's number formats (w:numFmt) as the label text Word shows: 一、 for chineseCounting,
 * 甲、 for ideographTraditional, ① for decimalEnclosedCircleChinese, １ for decimalFullWidth…
 */
import { CHINESE_COUNTING, chineseDigits, counting, toWideDigits, wordChineseCounting, type CountingStyle } from '../../text/numerals';

const LEGAL_SIMPLIFIED = '零壹贰叁肆伍陆柒捌玖';
const LEGAL_TRADITIONAL = '零壹貳參肆伍陸柒捌玖';
const HEAVENLY_STEMS = '甲乙丙丁戊己庚辛壬癸';
const EARTHLY_BRANCHES = '子丑寅卯辰巳午未申酉戌亥';

const JAPANESE_COUNTING: CountingStyle = { digits: '〇一二三四五六七八九', units: ['十', '百', '千'], omitOneBeforeTen: 'always', leadingOneBeforeHigher: false, zero: false };
const LEGAL_SIMPLIFIED_STYLE: CountingStyle = { digits: LEGAL_SIMPLIFIED, units: ['拾', '佰', '仟'], omitOneBeforeTen: 'never', leadingOneBeforeHigher: true, zero: true };
const LEGAL_TRADITIONAL_STYLE: CountingStyle = { digits: LEGAL_TRADITIONAL, units: ['拾', '佰', '仟'], omitOneBeforeTen: 'never', leadingOneBeforeHigher: true, zero: true };

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: Array<[number, string]> = [
    [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
    [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
  ];
  let out = '';
  for (const [v, s] of table) {
    while (n >= v) {
      out += s;
      n -= v;
    }
  }
  return out;
}

/** Word's letters repeat rather than carry: 26 → Z, 27 → AA, 28 → BB. */
function letters(n: number): string {
  if (n <= 0) return String(n);
  const ch = String.fromCharCode(65 + ((n - 1) % 26));
  return ch.repeat(Math.floor((n - 1) / 26) + 1);
}

function enclosedCircle(n: number): string {
  if (n >= 1 && n <= 20) return String.fromCodePoint(0x2460 + n - 1);
  if (n >= 21 && n <= 35) return String.fromCodePoint(0x3251 + n - 21);
  if (n >= 36 && n <= 50) return String.fromCodePoint(0x32b1 + n - 36);
  return String(n);
}

function fullWidth(n: number): string {
  return toWideDigits(String(n));
}

function ordinal(n: number): string {
  const mod100 = n % 100;
  const suffix = mod100 >= 11 && mod100 <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
  return `${n}${suffix}`;
}

/**
 * The label text of number `n` in Word's format `numFmt`. `custom` formats (w:numFmt w:format,
 * Word 2010+) such as "001, 002, 003, ..." give zero-padded decimals.
 */
export function formatNumber(n: number, numFmt: string, customFormat?: string): string {
  switch (numFmt) {
    case 'decimal':
    case 'decimalHalfWidth':
      return String(n);
    case 'decimalZero':
      return n < 10 && n >= 0 ? `0${n}` : String(n);
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperLetter':
      return letters(n);
    case 'lowerLetter':
      return letters(n).toLowerCase();
    case 'ordinal':
      return ordinal(n);
    case 'chineseCounting':
    case 'taiwaneseCounting':
      return wordChineseCounting(n);
    case 'chineseCountingThousand':
    case 'taiwaneseCountingThousand':
      return counting(n, CHINESE_COUNTING);
    case 'japaneseCounting':
      return counting(n, JAPANESE_COUNTING);
    case 'ideographDigital':
    case 'taiwaneseDigital':
    case 'japaneseDigitalTenThousand':
      return chineseDigits(n);
    case 'chineseLegalSimplified':
      return counting(n, LEGAL_SIMPLIFIED_STYLE);
    case 'ideographLegalTraditional':
    case 'japaneseLegal':
      return counting(n, LEGAL_TRADITIONAL_STYLE);
    case 'ideographTraditional':
      return n > 0 ? HEAVENLY_STEMS[(n - 1) % 10]! : String(n);
    case 'ideographZodiac':
      return n > 0 ? EARTHLY_BRANCHES[(n - 1) % 12]! : String(n);
    case 'ideographEnclosedCircle':
      return n >= 1 && n <= 10 ? String.fromCodePoint(0x3220 + n - 1) : String(n);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return enclosedCircle(n);
    case 'decimalEnclosedFullstop':
      return n >= 1 && n <= 20 ? String.fromCodePoint(0x2488 + n - 1) : `${n}.`;
    case 'decimalEnclosedParen':
      return n >= 1 && n <= 20 ? String.fromCodePoint(0x2474 + n - 1) : `(${n})`;
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return fullWidth(n);
    case 'none':
      return '';
    case 'custom': {
      const m = customFormat ? /^\s*(\d+)/.exec(customFormat) : null;
      return m ? String(n).padStart(m[1]!.length, '0') : String(n);
    }
    default:
      return String(n);
  }
}

/** Bullets drawn from Symbol/Wingdings code points (U+F0xx) as the characters they show. */
const SYMBOL_BULLETS: Record<number, string> = {
  0xf0b7: '•',
  0xf06c: '●',
  0xf06e: '■',
  0xf0a7: '▪',
  0xf0a8: '◆',
  0xf075: '◆',
  0xf076: '❖',
  0xf0d8: '➢',
  0xf0fc: '✓',
  0xf0ae: '➔',
  0xf0e0: '➔',
};

export function bulletText(lvlText: string): string {
  let out = '';
  for (const ch of lvlText) {
    const cp = ch.codePointAt(0)!;
    out += cp >= 0xf000 && cp <= 0xf0ff ? (SYMBOL_BULLETS[cp] ?? '•') : ch;
  }
  return out;
}
