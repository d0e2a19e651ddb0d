/**
 * Decoding a plain-text file whose encoding nobody wrote down. In order:
 *   1. a byte-order mark (UTF-8, UTF-16LE/BE, GB18030);
 *   2. UTF-16 without a BOM, told by the zero bytes of its ASCII characters;
 *   3. strict UTF-8 (valid UTF-8 is almost never an accident, except in short GBK text whose
 *      byte pairs happen to form two-byte UTF-8: "通知" reads as a combining mark and a Hebrew
 *      accent; such "UTF-8" that clean GB18030 reads as Chinese is taken as GB18030);
 *   4. UTF-16 Chinese without a BOM and without ASCII: the high bytes of its code units fall in
 *      the CJK block (0x4E–0x9F) or CJK/full-width punctuation, all on one side, and no
 *      surrogate is unpaired;
 *   5. UTF-8 but for a few stray bytes (many valid multi-byte sequences, very few invalid ones):
 *      UTF-8, the stray bytes as "�";
 *   6. jschardet, asked only about GB18030 and Big5: trusted when one is clearly ahead; when
 *      neither is (short text), the better guess is used and the result says it is uncertain,
 *      with the alternatives, so the user is asked;
 *   7. GB18030, the superset of GB2312 and GBK ("gbk" as a decoder label garbles 4-byte
 *      sequences, so it is never used).
 * The result says which encoding was used, how it was chosen and whether a BOM was present, so
 * that the user can be told and saving back can write the same bytes.
 */
import type * as Jschardet from 'jschardet';
import { decodeUtf8Strict, textDecoder } from './codec';
import type { TextEncoding } from './encodings';

export { ENCODING_LABELS, TEXT_ENCODINGS, type TextEncoding } from './encodings';

// jschardet (1.2 MB of code and tables) only ever answers step 6, for text that is neither
// Unicode nor plain ASCII: it is required there, on the first such file, so that opening or
// exporting UTF-8 text (nearly every file) never loads it. The bundles keep it in a file of its
// own (build/app/vendor/jschardet.cjs, see build/scripts/build.mjs).
declare const require: (id: 'jschardet') => typeof Jschardet;
let jschardet: typeof Jschardet | undefined;
function detector(): (typeof Jschardet)['chardet'] {
  jschardet ??= require('jschardet');
  return jschardet.chardet;
}

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
  /** The file started with a byte-order mark (not part of `text`). */
  bom: boolean;
  /** How the encoding was chosen; 'guess' means the bytes did not settle it. */
  basis: 'bom' | 'utf16-pattern' | 'utf16-cjk' | 'valid-utf8' | 'mostly-utf8' | 'detector' | 'uncertain' | 'default' | 'forced';
  /** When `basis` is 'uncertain': the other encodings that read the bytes without errors. */
  alternatives?: TextEncoding[];
  /** Byte sequences that are invalid in the encoding (each became U+FFFD). */
  invalidSequences: number;
}

/** jschardet's verdict is trusted when the winner's confidence is at least this… */
export const DETECTOR_CONFIDENCE_FLOOR = 0.1;
/** …and this many times the other's (measured: 4–80 characters of Big5 and GBK text separate by 3× and more). */
export const DETECTOR_MARGIN = 3;

const BOMS: Array<{ bytes: number[]; encoding: TextEncoding }> = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
  { bytes: [0x84, 0x31, 0x95, 0x33], encoding: 'gb18030' },
];

export function bomOf(encoding: TextEncoding): number[] {
  return BOMS.find((b) => b.encoding === encoding)!.bytes;
}

function bomAt(bytes: Uint8Array): { encoding: TextEncoding; length: number } | null {
  for (const { bytes: sig, encoding } of BOMS) {
    if (bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b)) return { encoding, length: sig.length };
  }
  return null;
}

/**
 * UTF-16 without a BOM: text with Latin letters, digits or line breaks has a zero byte in every
 * such character, always on the same side. Pure CJK UTF-16 has no such tell and is left to the
 * user's 重新以…编码打开.
 */
export function utf16Pattern(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 8192) & ~1;
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros >= pairs * 0.3 && evenZeros <= pairs * 0.02) return 'utf-16le';
  if (evenZeros >= pairs * 0.3 && oddZeros <= pairs * 0.02) return 'utf-16be';
  return null;
}

function countReplacements(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) n++;
  return n;
}

function decodeWith(bytes: Uint8Array, encoding: TextEncoding): string {
  return textDecoder(encoding, { ignoreBOM: true }).decode(bytes);
}

/** GB18030 or Big5, by jschardet restricted to those two; 'uncertain' when neither is clearly ahead. */
export function guessChineseEncoding(bytes: Uint8Array): { encoding: 'gb18030' | 'big5'; basis: 'detector' | 'uncertain' | 'default' } {
  const sample = bytes.length > 65536 ? bytes.subarray(0, 65536) : bytes;
  const results = detector().detectAll(sample, { includeEncodings: ['gb18030', 'big5'], noMatchEncoding: 'gb18030', ignoreThreshold: true });
  const confidence = (name: string) => results.find((r) => r.encoding?.toLowerCase() === name)?.confidence ?? 0;
  const big5 = confidence('big5');
  const gb = confidence('gb18030');
  if (big5 === 0 && gb === 0) return { encoding: 'gb18030', basis: 'default' };
  const encoding = big5 > gb ? 'big5' : 'gb18030';
  const [best, other] = big5 > gb ? [big5, gb] : [gb, big5];
  return { encoding, basis: best >= DETECTOR_CONFIDENCE_FLOOR && best >= other * DETECTOR_MARGIN ? 'detector' : 'uncertain' };
}

/**
 * UTF-16 Chinese without a BOM and with little or no ASCII (so no zero bytes to tell it by): nearly
 * every code unit's high byte is that of a CJK ideograph (0x4E–0x9F), of CJK or full-width
 * punctuation (0x30, 0xFF), of general punctuation (0x20: “”—…) or zero with an ASCII low byte;
 * the other side of the pairs does not look like that; and every surrogate is paired.
 */
export function utf16CjkPattern(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length % 2 !== 0 || bytes.length < 8) return null;
  const n = Math.min(bytes.length, 65536);
  const score = (hiOffset: 0 | 1): number => {
    let plausible = 0;
    for (let i = 0; i < n; i += 2) {
      const hi = bytes[i + hiOffset]!;
      const lo = bytes[i + 1 - hiOffset]!;
      if ((hi >= 0x4e && hi <= 0x9f) || hi === 0x30 || hi === 0xff || hi === 0x20) plausible++;
      else if (hi === 0 && (lo === 0x09 || lo === 0x0a || lo === 0x0d || (lo >= 0x20 && lo < 0x7f))) plausible++;
    }
    return plausible / (n / 2);
  };
  const le = score(1);
  const be = score(0);
  const encoding = le >= be ? 'utf-16le' : 'utf-16be';
  if (Math.max(le, be) < 0.9 || Math.min(le, be) > 0.5) return null;
  const text = decodeWith(bytes, encoding);
  if (text.includes('\uFFFD') || /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text)) return null;
  return encoding;
}

/**
 * UTF-8 with a few stray bytes (a byte lost in a copy, a GBK character pasted into UTF-8):
 * dozens of valid multi-byte characters for each invalid sequence. GBK or Big5 text read as
 * UTF-8 gives the opposite: almost every non-ASCII byte invalid.
 */
function mostlyUtf8(bytes: Uint8Array): { text: string; invalid: number } | null {
  const text = decodeWith(bytes, 'utf-8');
  let valid = 0;
  let invalid = 0;
  for (const ch of text) {
    if (ch === '\uFFFD') invalid++;
    else if (ch.codePointAt(0)! >= 0x80) valid++;
  }
  return invalid > 0 && valid >= 8 && invalid * 50 <= valid ? { text, invalid } : null;
}

/** Decodes without a replacement character, or null. */
function decodesCleanly(bytes: Uint8Array, encoding: TextEncoding): boolean {
  return !decodeWith(bytes, encoding).includes('\uFFFD');
}

/**
 * Valid UTF-8 by accident: every non-ASCII character is a two-byte one outside Latin (combining
 * marks, Greek, Cyrillic, Hebrew, Arabic…), and the same bytes read cleanly as GB18030 Chinese.
 */
function isAccidentalUtf8(utf8: string, bytes: Uint8Array): boolean {
  let nonAscii = 0;
  for (const ch of utf8) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80 || cp === 0xfeff) continue;
    if (cp < 0x250 || cp >= 0x800) return false;
    nonAscii++;
  }
  if (nonAscii === 0) return false;
  const gb = decodeWith(bytes, 'gb18030');
  if (gb.includes('\uFFFD')) return false;
  let cjk = 0;
  let other = 0;
  for (const ch of gb) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) continue;
    if ((cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3000 && cp <= 0x303f) || (cp >= 0xff00 && cp <= 0xffef)) cjk++;
    else other++;
  }
  return cjk > 0 && other <= cjk / 10;
}

/** Decodes text bytes, detecting the encoding unless one is forced (重新以…编码打开). */
export function decodeText(bytes: Uint8Array, forced?: TextEncoding): DecodedText {
  const bom = bomAt(bytes);
  if (forced) {
    const hasBom = bom?.encoding === forced;
    const text = decodeWith(hasBom ? bytes.subarray(bom.length) : bytes, forced);
    return { text, encoding: forced, bom: hasBom, basis: 'forced', invalidSequences: countReplacements(text) };
  }
  if (bom) {
    const text = decodeWith(bytes.subarray(bom.length), bom.encoding);
    return { text, encoding: bom.encoding, bom: true, basis: 'bom', invalidSequences: countReplacements(text) };
  }
  const utf16 = utf16Pattern(bytes);
  if (utf16) {
    const text = decodeWith(bytes, utf16);
    return { text, encoding: utf16, bom: false, basis: 'utf16-pattern', invalidSequences: countReplacements(text) };
  }
  const utf8 = decodeUtf8Strict(bytes);
  if (utf8 !== null && !isAccidentalUtf8(utf8, bytes)) return { text: utf8, encoding: 'utf-8', bom: false, basis: 'valid-utf8', invalidSequences: 0 };
  const cjk16 = utf16CjkPattern(bytes);
  if (cjk16) return { text: decodeWith(bytes, cjk16), encoding: cjk16, bom: false, basis: 'utf16-cjk', invalidSequences: 0 };
  const almost = utf8 === null ? mostlyUtf8(bytes) : null;
  if (almost) return { text: almost.text, encoding: 'utf-8', bom: false, basis: 'mostly-utf8', invalidSequences: almost.invalid };
  const guess = guessChineseEncoding(bytes);
  let encoding: TextEncoding = guess.encoding;
  let basis: DecodedText['basis'] = guess.basis;
  const other: TextEncoding = encoding === 'big5' ? 'gb18030' : 'big5';
  // A guess that garbles bytes the other encoding reads cleanly is no guess to keep.
  if (!decodesCleanly(bytes, encoding) && decodesCleanly(bytes, other)) [encoding, basis] = [other, 'uncertain'];
  const text = decodeWith(bytes, encoding);
  if (basis !== 'uncertain') return { text, encoding, bom: false, basis, invalidSequences: countReplacements(text) };
  const alternatives = (['gb18030', 'big5', 'utf-8'] as const).filter((e) => e !== encoding && decodesCleanly(bytes, e));
  return { text, encoding, bom: false, basis: alternatives.length > 0 ? 'uncertain' : 'detector', alternatives, invalidSequences: countReplacements(text) };
}

/**
 * Binary data in a text file's clothing: NUL bytes (outside UTF-16) or many control characters.
 * Looks at the first 64 KB.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  // The bytes first: the UTF-16 tests (which scan up to 64 KB twice) only when they look binary.
  if (!binaryBytes(bytes)) return false;
  return !(bomAt(bytes)?.encoding.startsWith('utf-16') || utf16Pattern(bytes) || utf16CjkPattern(bytes));
}

function binaryBytes(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 65536);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b >= 0x20) continue;
    if (b === 0) return true;
    // Control characters other than \t \n \v \f \r and ESC.
    if (b !== 0x09 && b !== 0x0a && b !== 0x0b && b !== 0x0c && b !== 0x0d && b !== 0x1b) controls++;
  }
  return n > 0 && controls / n > 0.05;
}
