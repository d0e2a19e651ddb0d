/**
 * Looking into a PDF as a reader would: words with their positions (pdftotext -bbox), the
 * fonts (pdffonts), the lines of each page. Poppler's tools come from Debian (poppler-utils).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface PdfWord {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface PdfPage {
  width: number;
  height: number;
  words: PdfWord[];
}

export interface PdfInfo {
  pages: PdfPage[];
  fonts: string[];
  /** The text as pdftotext gives it (reading order). */
  text: string;
}

/** FONTCONFIG_FILE for renderers in tests: the 公文 font names mapped to Debian's free fonts. */
export const TEST_FONTCONFIG = path.resolve(__dirname, 'fonts', 'fonts.conf');

export function readPdf(bytes: Uint8Array): PdfInfo {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'wengao-pdf-test-'));
  try {
    const file = path.join(dir, 'doc.pdf');
    writeFileSync(file, bytes);
    const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
    const pages: PdfPage[] = [];
    for (const m of html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">(.*?)<\/page>/gs)) {
      const words = [...m[3]!.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((w) => ({
        xMin: Number(w[1]),
        yMin: Number(w[2]),
        xMax: Number(w[3]),
        yMax: Number(w[4]),
        text: w[5]!.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"'),
      }));
      pages.push({ width: Number(m[1]), height: Number(m[2]), words });
    }
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' })
      .split('\n')
      .slice(2)
      .map((l) => l.split(/\s+/)[0]!)
      .filter(Boolean);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
    return { pages, fonts, text };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const PT_PER_MM = 72 / 25.4;

/** Text lines of the 版心 (between the top and bottom margins), top to bottom. */
export function bodyLines(page: PdfPage, topMm = 37, bottomMm = 35): Array<{ y: number; text: string }> {
  // By the words' vertical centres: Chromium's Type 3 glyph boxes are taller than LibreOffice's,
  // and Latin words sit a little lower than Chinese ones on the same line.
  const top = topMm * PT_PER_MM;
  const bottom = page.height - bottomMm * PT_PER_MM;
  const lines: Array<{ y: number; words: PdfWord[] }> = [];
  for (const w of page.words) {
    const c = (w.yMin + w.yMax) / 2;
    if (c < top || c > bottom) continue;
    const line = lines.find((l) => Math.abs(l.y - c) < 10);
    if (line) line.words.push(w);
    else lines.push({ y: c, words: [w] });
  }
  // A line's position: the centre of its widest word (a run of Chinese text, not a quote mark).
  const widest = (ws: PdfWord[]) => ws.reduce((a, b) => (b.xMax - b.xMin > a.xMax - a.xMin ? b : a));
  return lines
    .map((l) => ({ y: (widest(l.words).yMin + widest(l.words).yMax) / 2, words: l.words }))
    .sort((a, b) => a.y - b.y)
    .map((l) => ({ y: l.y, text: l.words.sort((a, b) => a.xMin - b.xMin).map((w) => w.text).join(' ') }));
}

/** The page number below the 版心: its text and horizontal extent. */
export function pageNumber(page: PdfPage, bottomMm = 35): { text: string; xMin: number; xMax: number; y: number } | null {
  const limit = page.height - bottomMm * PT_PER_MM;
  const words = page.words.filter((w) => (w.yMin + w.yMax) / 2 > limit).sort((a, b) => a.xMin - b.xMin);
  if (words.length === 0) return null;
  return { text: words.map((w) => w.text).join(' '), xMin: words[0]!.xMin, xMax: words[words.length - 1]!.xMax, y: (words[0]!.yMin + words[0]!.yMax) / 2 };
}

/** A horizontal rule or a run of coloured ink found on a rendered page, in points. */
export interface InkBand {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/**
 * Bands of rows holding ink of one colour on a page rendered at 288 dpi (pdftoppm): red (the
 * 标志, the red lines) or black lines at least `minWidth` points wide (the 版记's separators).
 */
export function inkBands(bytes: Uint8Array, page: number, color: 'red' | 'black', minWidth = 0): InkBand[] {
  const dpi = 288;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'wengao-ink-'));
  try {
    const file = path.join(dir, 'doc.pdf');
    writeFileSync(file, bytes);
    const ppm = execFileSync('pdftoppm', ['-r', String(dpi), '-f', String(page), '-l', String(page), file], { maxBuffer: 256 << 20 });
    // P6 header: "P6\nW H\n255\n" then RGB bytes.
    let at = 0;
    const fields: string[] = [];
    while (fields.length < 4) {
      let s = '';
      while (ppm[at]! > 32) s += String.fromCharCode(ppm[at++]!);
      at++;
      if (s) fields.push(s);
    }
    const [w, h] = [Number(fields[1]), Number(fields[2])];
    const scale = 72 / dpi;
    const isInk = (i: number) => (color === 'red' ? ppm[i]! > 200 && ppm[i + 1]! < 90 && ppm[i + 2]! < 90 : ppm[i]! < 90 && ppm[i + 1]! < 90 && ppm[i + 2]! < 90);
    const rows: Array<{ y: number; left: number; right: number }> = [];
    for (let y = 0; y < h; y++) {
      let left = -1;
      let right = -1;
      let run = 0;
      let best = 0;
      for (let x = 0; x < w; x++) {
        const i = at + (y * w + x) * 3;
        if (isInk(i)) {
          if (left < 0) left = x;
          right = x;
          run++;
          best = Math.max(best, run);
        } else run = 0;
      }
      if (left >= 0 && (minWidth === 0 || best * scale >= minWidth)) rows.push({ y, left, right });
    }
    const bands: InkBand[] = [];
    for (const r of rows) {
      const last = bands[bands.length - 1];
      if (last && r.y * scale - last.bottom <= scale * 1.01) {
        last.bottom = (r.y + 1) * scale;
        last.left = Math.min(last.left, r.left * scale);
        last.right = Math.max(last.right, (r.right + 1) * scale);
      } else bands.push({ top: r.y * scale, bottom: (r.y + 1) * scale, left: r.left * scale, right: (r.right + 1) * scale });
    }
    return bands;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
