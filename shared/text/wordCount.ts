/**
 * Word count the way Word's 字数统计 counts Chinese documents:
 * every East Asian character (ideographs, kana, full-width punctuation and the Chinese
 * quotes/dashes/ellipsis) is one 字, and every run of other non-space characters
 * ("2024", "GB/T", "9704-2012", "Wengao") is one 非中文单词. 字数 is their sum.
 * Counts are additive over paragraphs, so editors can count incrementally.
 */

export interface WordCount {
  /** 字数: cjk + nonCjkWords. */
  words: number;
  /** 中文字符和朝鲜语单词 */
  cjk: number;
  /** 非中文单词 */
  nonCjkWords: number;
  /** 字符数(不计空格) */
  charsNoSpaces: number;
  /** 字符数(计空格) */
  charsWithSpaces: number;
}

export const ZERO_COUNT: WordCount = Object.freeze({ words: 0, cjk: 0, nonCjkWords: 0, charsNoSpaces: 0, charsWithSpaces: 0 });

export function isEastAsianChar(cp: number): boolean {
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) || // CJK Unified Ideographs
    (cp >= 0x3400 && cp <= 0x4dbf) || // Extension A
    (cp >= 0x20000 && cp <= 0x3ffff) || // Extensions B–H, compatibility supplement
    (cp >= 0xf900 && cp <= 0xfaff) || // Compatibility Ideographs
    (cp >= 0x3001 && cp <= 0x303f) || // CJK symbols and punctuation (not U+3000, a space)
    (cp >= 0x3040 && cp <= 0x30ff) || // kana
    (cp >= 0x3200 && cp <= 0x33ff) || // enclosed CJK (㈠ ㊀), compatibility
    (cp >= 0xff01 && cp <= 0xff60) || // full-width ASCII variants: ，（）：；！？
    (cp >= 0xffe0 && cp <= 0xffe6) || // full-width ￥ etc.
    (cp >= 0xfe30 && cp <= 0xfe4f) || // CJK compatibility forms
    (cp >= 0x2460 && cp <= 0x24ff) || // ① ⑴ ⒈ enclosed alphanumerics
    cp === 0x2014 || cp === 0x2015 || // — ―
    (cp >= 0x2018 && cp <= 0x201d) || // ‘ ’ “ ”
    cp === 0x2026 || // …
    cp === 0x00b7 || // ·
    cp === 0x2116 // №
  );
}

function isSpace(cp: number): boolean {
  return cp === 0x20 || cp === 0x09 || cp === 0x0a || cp === 0x0d || cp === 0x0b || cp === 0x0c ||
    cp === 0xa0 || cp === 0x3000 || (cp >= 0x2000 && cp <= 0x200b) || cp === 0xfeff;
}

export function countWords(text: string): WordCount {
  let cjk = 0;
  let nonCjkWords = 0;
  let charsNoSpaces = 0;
  let charsWithSpaces = 0;
  let inWord = false;
  // By code point, without the string iterator (this runs over every paragraph of a document).
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) {
      const lo = text.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        cp = ((cp - 0xd800) << 10) + (lo - 0xdc00) + 0x10000;
        i++;
      }
    }
    if (cp === 0x0a || cp === 0x0d) {
      inWord = false;
      continue; // paragraph marks are not characters in Word's count
    }
    charsWithSpaces++;
    if (isSpace(cp)) {
      inWord = false;
      continue;
    }
    charsNoSpaces++;
    if (isEastAsianChar(cp)) {
      cjk++;
      inWord = false;
    } else if (!inWord) {
      nonCjkWords++;
      inWord = true;
    }
  }
  return { words: cjk + nonCjkWords, cjk, nonCjkWords, charsNoSpaces, charsWithSpaces };
}

export function addCounts(a: WordCount, b: WordCount): WordCount {
  return {
    words: a.words + b.words,
    cjk: a.cjk + b.cjk,
    nonCjkWords: a.nonCjkWords + b.nonCjkWords,
    charsNoSpaces: a.charsNoSpaces + b.charsNoSpaces,
    charsWithSpaces: a.charsWithSpaces + b.charsWithSpaces,
  };
}

export function subtractCounts(a: WordCount, b: WordCount): WordCount {
  return {
    words: a.words - b.words,
    cjk: a.cjk - b.cjk,
    nonCjkWords: a.nonCjkWords - b.nonCjkWords,
    charsNoSpaces: a.charsNoSpaces - b.charsNoSpaces,
    charsWithSpaces: a.charsWithSpaces - b.charsWithSpaces,
  };
}
