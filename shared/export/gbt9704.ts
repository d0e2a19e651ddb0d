/**
 * GB/T 9704-2012 page and type values as a .docx and a print view need them
 * (../shared/docs/gbt9704.md). Twips are 1/20 pt; run sizes are half-points.
 */

/** A4, hard-coded (mm→twip helpers round down). */
export const PAGE = { width: 11906, height: 16838 } as const;
/** 天头 37 mm, 订口 28 mm; bottom 35 mm and right 26 mm leave the 156 × 225 mm 版心. */
export const MARGINS = { top: 2098, bottom: 1984, left: 1587, right: 1474 } as const;
/** Exact line spacing that gives 22 lines a page (29 pt would give 21). */
export const LINE_TWIPS = 579;
/**
 * 28 characters a line: 156 mm hold 27.6 三号 characters, so characters are set 98 % wide
 * (w:w; 28 × 313.6 twips ≤ 8845). Word templates often use a character grid (docGrid
 * linesAndChars, charSpace -842) instead, but LibreOffice then gives each 16 pt character two
 * grid cells (14 a line); condensed spacing (w:spacing) makes LibreOffice drop a punctuation mark
 * that hangs at a line end. The 98 % scale gives 28 in Word, WPS and LibreOffice alike.
 */
export const CHARS_PER_LINE = 28;
export const CHAR_SCALE_PERCENT = 98;
/** Distance of the footer (page number) from the bottom edge: the number sits 7 mm below the 版心. */
export const FOOTER_TWIPS = 1417;

export const TEXT_WIDTH_TWIPS = PAGE.width - MARGINS.left - MARGINS.right;

/** 字号 in points. */
export const PT = { title: 22, body: 16, pageNumber: 14 } as const;
/** One character of 三号 text, in twips: the unit of first-line and right indents. */
export const CHAR_TWIPS = PT.body * 20;

/** The page number's text: an em dash on each side ("— 1 —"). */
export function pageNumberText(n: number | string): string {
  return `— ${n} —`;
}

/**
 * Width of a text in full-width character units: CJK and full-width forms count 1, ASCII
 * (set in the Latin font) about half, and Word and LibreOffice add a quarter character between
 * Chinese text and Latin letters or digits (w:autoSpaceDE/DN, on by default): "2024年3月5日" is 7.25.
 */
/** Symbols GB 2312 sets full width (the Chinese fonts draw them so): ×× placeholders, ★ in 密级. */
const FULL_WIDTH_SYMBOLS = '×÷±°§№★☆○●◎◇◆□■△▲※→←↑↓';

export function displayWidth(text: string): number {
  let w = 0;
  let prev: 'cjk' | 'latin' | 'other' | null = null;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    const wide = !(c < 0x2e80 && !(c >= 0x2010 && c <= 0x2027) && !FULL_WIDTH_SYMBOLS.includes(ch));
    const kind = wide ? (/\p{Script=Han}/u.test(ch) ? 'cjk' : 'other') : /[A-Za-z0-9]/.test(ch) ? 'latin' : 'other';
    if ((prev === 'cjk' && kind === 'latin') || (prev === 'latin' && kind === 'cjk')) w += 0.25;
    w += wide ? 1 : 0.5;
    prev = kind;
  }
  return w;
}

/** Millimetres to twips (1 mm = 56.69 twips), rounded. */
export const mm = (n: number): number => Math.round((n * 1440) / 25.4);

/** The red of the 版头 (发文机关标志, separator, the 信函's double lines). */
export const RED = 'FF0000';

/** 版记 text is 四号 (7.4.2, 7.4.3); the 版头 and everything else 三号. */
export const RECORD_PT = 14;
/** One character of 四号 text in twips (the 版记's indents). */
export const RECORD_CHAR_TWIPS = RECORD_PT * 20;

/**
 * 发文机关标志 (7.2.4, 10): its size (not fixed by the standard; practice 26–36 pt, 小标宋, red)
 * and where its top edge lies: 35 mm under the top of the 版心 (文件格式, 纪要), 20 mm (命令),
 * or 30 mm from the top of the page (信函).
 */
export const ISSUER_MARK = {
  pt: 36,
  /** Smallest character scale (w:w) a long 标志 is squeezed to, to stay on one line. */
  minScalePercent: 50,
  topBelowTextTop: { document: mm(35), minutes: mm(35), order: mm(20) },
  letterTopFromPage: mm(30),
} as const;

/**
 * Where 三号 text ends inside its 28.95 pt line: about 6 pt above the line's bottom (measured in
 * LibreOffice; Word sets exact lines alike within a point). Distances "under" a line of text
 * count from there.
 */
export const DOC_NUMBER_INK_GAP = 120;
/**
 * The red separator (7.2.7): 4 mm under the 发文字号, as wide as the 版心; thickness is not fixed
 * (practice 0.35–0.5 mm): 1 pt.
 */
export const SEPARATOR = { belowDocNumber: mm(4) - DOC_NUMBER_INK_GAP, pt: 1 } as const;

/**
 * 信函 (10.1): red double lines 170 mm long, thick over thin 4 mm under the 标志, thin over thick
 * 20 mm above the bottom edge of the page; their lines and the gap between them.
 */
export const LETTER_RULES = { width: mm(170), belowMark: mm(4), aboveBottom: mm(20), thickPt: 2.25, thinPt: 0.75, gap: 40 } as const;

/** 版记 separators (7.4.1): first and last thick 0.35 mm, the one between thin 0.25 mm. */
export const RECORD_RULES = { thickPt: 1, thinPt: 0.75 } as const;

/** The height of the 版心 in twips (225 mm). */
export const TEXT_HEIGHT_TWIPS = PAGE.height - MARGINS.top - MARGINS.bottom;
