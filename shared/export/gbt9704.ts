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
export function displayWidth(text: string): number {
  let w = 0;
  let prev: 'cjk' | 'latin' | 'other' | null = null;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    const wide = !(c < 0x2e80 && !(c >= 0x2010 && c <= 0x2027));
    const kind = wide ? (/\p{Script=Han}/u.test(ch) ? 'cjk' : 'other') : /[A-Za-z0-9]/.test(ch) ? 'latin' : 'other';
    if ((prev === 'cjk' && kind === 'latin') || (prev === 'latin' && kind === 'cjk')) w += 0.25;
    w += wide ? 1 : 0.5;
    prev = kind;
  }
  return w;
}
