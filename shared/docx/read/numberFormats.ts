/**
 * Word's number formats (w:numFmt) as the label text Word shows: 一、 for chineseCounting,
 * 甲、 for ideographTraditional, ① for decimalEnclosedCircleChinese, １ for decimalFullWidth…
 */
const DIGITS = '〇一二三四五六七八九';
const LEGAL_SIMPLIFIED = '零壹贰叁肆伍陆柒捌玖';
const LEGAL_TRADITIONAL = '零壹貳參肆伍陸柒捌玖';
const HEAVENLY_STEMS = '甲乙丙丁戊己庚辛壬癸';
const EARTHLY_BRANCHES = '子丑寅卯辰巳午未申酉戌亥';

interface CountingStyle {
  digits: string;
  units: [string, string, string]; // 十 百 千
  /** When to leave out 一 before 十: at the start (十一, 一百一十), always (japanese: 百十) or never (壹拾). */
  omitOneBeforeTen: 'leading' | 'always' | 'never';
  /** Write 一 before 百 and 千 (一百 vs 百, as japaneseCounting does). */
  leadingOneBeforeHigher: boolean;
  /** Mark skipped places with 零 (一百零一). */
  zero: boolean;
}

/** Below 10,000 in a counting style; larger numbers (never seen in list labels) as digits. */
function counting(n: number, s: CountingStyle): string {
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

const CHINESE_COUNTING_THOUSAND: CountingStyle = { digits: '零一二三四五六七八九', units: ['十', '百', '千'], omitOneBeforeTen: 'leading', leadingOneBeforeHigher: true, zero: true };
const JAPANESE_COUNTING: CountingStyle = { digits: '〇一二三四五六七八九', units: ['十', '百', '千'], omitOneBeforeTen: 'always', leadingOneBeforeHigher: false, zero: false };
const LEGAL_SIMPLIFIED_STYLE: CountingStyle = { digits: LEGAL_SIMPLIFIED, units: ['拾', '佰', '仟'], omitOneBeforeTen: 'never', leadingOneBeforeHigher: true, zero: true };
const LEGAL_TRADITIONAL_STYLE: CountingStyle = { digits: LEGAL_TRADITIONAL, units: ['拾', '佰', '仟'], omitOneBeforeTen: 'never', leadingOneBeforeHigher: true, zero: true };

function digitByDigit(n: number, digits: string): string {
  return String(n)
    .split('')
    .map((d) => digits[Number(d)] ?? d)
    .join('');
}

/** chineseCounting: 一…十, 十一…九十九 in counting style, from 100 on digit by digit (一〇一). */
function chineseCounting(n: number): string {
  if (n > 0 && n < 100) return counting(n, CHINESE_COUNTING_THOUSAND);
  return digitByDigit(n, DIGITS);
}

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

/**
 * Word keeps a list label, once its %1…%9 are filled in, to at most 31 characters
 * ([MS-OI29500] 2.1.283, lvlText): labels are cut there, and letters repeat at most that often.
 */
export const MAX_LABEL_CHARS = 31;

/** Word's letters repeat rather than carry: 26 → Z, 27 → AA, 28 → BB (at most MAX_LABEL_CHARS times). */
function letters(n: number): string {
  if (n <= 0) return String(n);
  const ch = String.fromCharCode(65 + ((n - 1) % 26));
  return ch.repeat(Math.min(MAX_LABEL_CHARS, Math.floor((n - 1) / 26) + 1));
}

function enclosedCircle(n: number): string {
  if (n >= 1 && n <= 20) return String.fromCodePoint(0x2460 + n - 1);
  if (n >= 21 && n <= 35) return String.fromCodePoint(0x3251 + n - 21);
  if (n >= 36 && n <= 50) return String.fromCodePoint(0x32b1 + n - 36);
  return String(n);
}

function fullWidth(n: number): string {
  return String(n).replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));
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
      return chineseCounting(n);
    case 'chineseCountingThousand':
    case 'taiwaneseCountingThousand':
      return counting(n, CHINESE_COUNTING_THOUSAND);
    case 'japaneseCounting':
      return counting(n, JAPANESE_COUNTING);
    case 'ideographDigital':
    case 'taiwaneseDigital':
    case 'japaneseDigitalTenThousand':
      return digitByDigit(n, DIGITS);
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
